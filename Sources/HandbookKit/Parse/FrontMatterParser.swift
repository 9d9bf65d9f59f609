import Yams

/// Splits a page into its YAML front matter and its Markdown body.
///
/// ```
/// ---
/// title: Don't blame a teammate      # or the body's leading '# heading'
/// description: One line for search and link previews.
/// order: 1                           # position in its section; ties go by file name
/// source: 3f9a0c41b2de                # translations only: the original's version (see `handbook translations`)
/// keywords: [quiz, test]              # extra words the search finds the page by
/// steps: 5                           # a landing page only: its first 5 pages are numbered steps (or `true`: all)
/// ---
/// ```
///
/// Front matter is optional: Markdown written for a forge, a wiki or a README
/// usually has none and starts with `# Title`, which `PageParser` then takes
/// as the title.
enum FrontMatterParser {
    static let keys = ["title", "description", "order", "source", "keywords", "steps"]

    /// What the front matter says; the title may still come from the body.
    struct Header {
        var title: String?
        var description: String?
        var order: Int?
        var source: String?
        var keywords: [String] = []
        var steps: Steps?
        /// Where `steps:` is written, for the warning when it is not on a landing page.
        var stepsLocation: SourceLocation?
    }

    struct Result {
        var header: Header
        /// Byte offset in the text where the Markdown body starts.
        var bodyOffset: Int
        /// File line of the body's first line, to turn cmark's lines into file lines.
        var bodyFirstLine: Int
        /// Unknown keys and the like: reported, and the page still parses.
        var diagnostics: [Diagnostic]
        /// Unknown keys, for the summary across files (`Diagnostic.Topic.unknownKey`).
        var unknownKeys: [String]
    }

    /// - Parameter ignoredKeys: keys that other tools put in front matter and
    ///   `handbook.yml` lists under `ignore_keys`; accepted and not used.
    static func parse(_ text: String, path: String, ignoredKeys: Set<String> = []) throws(Diagnostic) -> Result {
        let utf8 = text.utf8
        var lines = utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), trimmed(first) == "---" else {
            return Result(header: Header(), bodyOffset: 0, bodyFirstLine: 1, diagnostics: [], unknownKeys: [])
        }
        var offset = first.count + 1
        var lineNumber = 1
        var yamlLines: [Substring] = []
        while let line = lines.next() {
            lineNumber += 1
            let content = trimmed(line)
            if content == "---" || content == "..." {
                let yaml = yamlLines.joined(separator: "\n")
                var result = try read(yaml, path: path, ignoredKeys: ignoredKeys)
                result.bodyOffset = min(offset + line.count + 1, utf8.count)
                result.bodyFirstLine = lineNumber + 1
                return result
            }
            yamlLines.append(Substring(line))
            offset += line.count + 1
        }
        throw .error("front matter is not closed: add a line '---' after the last key",
            at: SourceLocation(path: path))
    }

    /// `true`, `false` or how many of the section's first pages are steps.
    private static func steps(_ node: Node, reader: YAMLReader) throws(Diagnostic) -> Steps? {
        if case let .scalar(scalar) = node, let flag = Bool.construct(from: scalar) { return flag ? .all : nil }
        if case let .scalar(scalar) = node, let count = Int(scalar.string), count > 0 { return .first(count) }
        throw .error("'steps' must be true (every page of the section is a step), false, or how many of its first pages are steps, not '\(node.scalar?.string ?? "a list or mapping")'",
            at: reader.location(node.mark))
    }

    private static func trimmed(_ line: Substring.UTF8View.SubSequence) -> String {
        var string = String(Substring(line))
        while let last = string.last, last == "\r" || last == " " || last == "\t" { string.removeLast() }
        return string
    }

    private static func read(_ yaml: String, path: String, ignoredKeys: Set<String>) throws(Diagnostic) -> Result {
        let reader = YAMLReader(path: path, firstLine: 2)
        // `---` then `---` says "no keys here": the title comes from the body then.
        guard let root = try reader.compose(yaml) else {
            return Result(header: Header(), bodyOffset: 0, bodyFirstLine: 1, diagnostics: [], unknownKeys: [])
        }
        let (values, unknown) = try reader.pairs(root, allowed: keys, ignored: ignoredKeys, what: "front matter")
        var header = Header()
        if let titleNode = values["title"] {
            let title = try reader.string(titleNode, key: "title")
            if title.trimmingWhitespace().isEmpty {
                throw .error("'title' is empty: give the page a title, or remove the key and start the body with '# Title'",
                    at: reader.location(titleNode.mark))
            }
            header.title = title
        }
        header.description = try values["description"].map { node throws(Diagnostic) in
            try reader.string(node, key: "description")
        }
        header.order = try values["order"].map { node throws(Diagnostic) in try reader.int(node, key: "order") }
        header.source = try values["source"].map { node throws(Diagnostic) in try reader.string(node, key: "source") }
        if let node = values["keywords"] {
            // A list, or one line of words separated by commas: both are how other tools write it.
            let words: [String]
            if case .sequence = node {
                words = try reader.sequence(node, key: "keywords").map { item throws(Diagnostic) in try reader.string(item, key: "keywords") }
            } else {
                words = try reader.string(node, key: "keywords").split(separator: ",").map(String.init)
            }
            header.keywords = words.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        if let node = values["steps"] {
            header.steps = try steps(node, reader: reader)
            header.stepsLocation = reader.location(node.mark)
        }
        return Result(header: header, bodyOffset: 0, bodyFirstLine: 1,
                      diagnostics: unknown.map(\.diagnostic), unknownKeys: unknown.map(\.name))
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
