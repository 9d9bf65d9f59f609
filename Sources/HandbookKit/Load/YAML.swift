import Yams

/// Reads YAML through Yams and turns its errors and shapes into diagnostics
/// that point into the original file (front matter starts after line 1).
struct YAMLReader {
    let path: String
    /// Line in the file where the YAML text starts (1 for handbook.yml, 2 for front matter).
    let firstLine: Int

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    func compose(_ text: String) throws(Diagnostic) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw .error("invalid YAML: \(error)", at: location(nil))
        }
    }

    private func describe(_ error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            let advice = Self.advice(for: problem).map { "; \($0)" } ?? ""
            return .error("invalid YAML: \(problem)\(detail)\(advice)", at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key \(duplicates.joined(separator: ", ")) in YAML", at: location(context.mark))
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: location(nil))
        default:
            return .error("invalid YAML: \(error)", at: location(nil))
        }
    }

    /// What to do about libyaml's commonest complaints, which name the parser's
    /// state rather than the author's mistake.
    static func advice(for problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return #"a value that contains ': ' must be in quotes, e.g. title: "Benefits: what you get""#
        case "found character that cannot start any token":
            return "YAML indents with spaces, not tabs, and a value starting with @ or ` must be in quotes"
        case "found undefined alias", "did not find expected alphabetic or numeric character":
            return #"a value starting with * or & must be in quotes, e.g. title: "*New* hires""#
        case "found unknown escape character":
            return #"inside double quotes a backslash starts an escape: use single quotes, or write \ for a backslash"#
        case "did not find expected key", "did not find expected '-' indicator":
            return #"check this line's indentation against the lines above; a value that starts with a quote must end with it (quote the whole value: title: '"Sorry" is not enough')"#
        case "could not find expected ':'":
            return "each line is 'key: value'; a value that goes on over several lines must be in quotes or indented under its key"
        case "found unexpected end of stream":
            return "a quote is opened and never closed"
        default:
            return nil
        }
    }

    /// The pairs of a mapping, refusing any key not in `allowed`: a misspelt key
    /// is the commonest authoring mistake, so it must never pass silently.
    func mapping(_ node: Node, allowed: [String], what: String) throws(Diagnostic) -> [String: Node] {
        guard case let .mapping(mapping) = node else {
            throw .error("\(what) must be a mapping of keys to values", at: location(node.mark))
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw .error("\(what) has a key that is not text", at: location(key.mark))
            }
            guard allowed.contains(name) else {
                let hint = closest(to: name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                throw .error(
                    "unknown key '\(name)' in \(what)\(hint); allowed keys: \(allowed.joined(separator: ", "))",
                    at: location(key.mark))
            }
            result[name] = value
        }
        return result
    }

    struct UnknownKey {
        var name: String
        var diagnostic: Diagnostic
    }

    /// Like `mapping`, but every unknown key of the mapping is reported at once,
    /// not the first only: a page brought from another tool often has five.
    /// Keys in `ignored` are accepted and dropped, unless they look like a typo
    /// of an allowed key: `titel` stays an error even when listed.
    func pairs(_ node: Node, allowed: [String], ignored: Set<String>, what: String) throws(Diagnostic)
        -> ([String: Node], unknown: [UnknownKey]) {
        guard case let .mapping(mapping) = node else {
            throw .error("\(what) must be a mapping of keys to values", at: location(node.mark))
        }
        var result: [String: Node] = [:]
        var unknown: [UnknownKey] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw .error("\(what) has a key that is not text", at: location(key.mark))
            }
            if allowed.contains(name) {
                result[name] = value
                continue
            }
            let typo = closest(to: name, in: allowed)
            if ignored.contains(name) && typo == nil { continue }
            let message = typo.map {
                "unknown key '\(name)' in \(what) (did you mean '\($0)'?); allowed keys: \(allowed.joined(separator: ", "))"
            } ?? "unknown key '\(name)' in \(what); allowed keys: \(allowed.joined(separator: ", ")); if another tool needs it, list it under 'ignore_keys:' in handbook.yml"
            var diagnostic = Diagnostic.error(message, at: location(key.mark))
            // A typo is fixed in the page; the others may be summed up with one fix in handbook.yml.
            if typo == nil { diagnostic.topic = .unknownKey(name) }
            unknown.append(UnknownKey(name: name, diagnostic: diagnostic))
        }
        return (result, unknown)
    }

    func string(_ node: Node, key: String) throws(Diagnostic) -> String {
        guard case let .scalar(scalar) = node else {
            throw .error("'\(key)' must be text", at: location(node.mark))
        }
        return scalar.string
    }

    func int(_ node: Node, key: String) throws(Diagnostic) -> Int {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else {
            throw .error("'\(key)' must be a whole number, not '\(node.scalar?.string ?? "a list or mapping")'",
                at: location(node.mark))
        }
        return value
    }

    func bool(_ node: Node, key: String) throws(Diagnostic) -> Bool {
        guard case let .scalar(scalar) = node, let value = Bool.construct(from: scalar) else {
            throw .error("'\(key)' must be true or false", at: location(node.mark))
        }
        return value
    }

    func sequence(_ node: Node, key: String) throws(Diagnostic) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw .error("'\(key)' must be a list", at: location(node.mark))
        }
        return Array(sequence)
    }
}

/// The allowed key nearest to a misspelt one, if it is close enough to be a typo.
func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
