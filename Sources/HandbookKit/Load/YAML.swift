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
            return .error("invalid YAML: \(problem)\(detail)", at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key \(duplicates.joined(separator: ", ")) in YAML", at: location(context.mark))
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: location(nil))
        default:
            return .error("invalid YAML: \(error)", at: location(nil))
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
