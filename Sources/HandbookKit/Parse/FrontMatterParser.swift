/// Splits a page into its YAML front matter and its Markdown body.
///
/// ```
/// ---
/// title: Don't blame a teammate      # required
/// description: One line for search and link previews.
/// order: 1                           # position in its section; ties go by file name
/// source: 3f9a0c41b2de                # translations only: the original's version (see `handbook translations`)
/// ---
/// ```
enum FrontMatterParser {
    static let keys = ["title", "description", "order", "source"]

    struct Result {
        var frontMatter: FrontMatter
        /// Byte offset in the text where the Markdown body starts.
        var bodyOffset: Int
        /// File line of the body's first line, to turn cmark's lines into file lines.
        var bodyFirstLine: Int
    }

    static func parse(_ text: String, path: String) throws(Diagnostic) -> Result {
        let utf8 = text.utf8
        var lines = utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), trimmed(first) == "---" else {
            throw .error("page has no front matter: start the file with a line '---', then 'title: …', then '---'",
                at: SourceLocation(path: path))
        }
        var offset = first.count + 1
        var lineNumber = 1
        var yamlLines: [Substring] = []
        while let line = lines.next() {
            lineNumber += 1
            let content = trimmed(line)
            if content == "---" || content == "..." {
                let yaml = yamlLines.joined(separator: "\n")
                let frontMatter = try read(yaml, path: path)
                let bodyOffset = min(offset + line.count + 1, utf8.count)
                return Result(frontMatter: frontMatter, bodyOffset: bodyOffset, bodyFirstLine: lineNumber + 1)
            }
            yamlLines.append(Substring(line) ?? "")
            offset += line.count + 1
        }
        throw .error("front matter is not closed: add a line '---' after the last key",
            at: SourceLocation(path: path))
    }

    private static func trimmed(_ line: Substring.UTF8View.SubSequence) -> String {
        var string = String(Substring(line) ?? "")
        while let last = string.last, last == "\r" || last == " " || last == "\t" { string.removeLast() }
        return string
    }

    private static func read(_ yaml: String, path: String) throws(Diagnostic) -> FrontMatter {
        let reader = YAMLReader(path: path, firstLine: 2)
        guard let root = try reader.compose(yaml) else {
            throw .error("front matter is empty: a page needs at least 'title:'", at: SourceLocation(path: path, line: 2))
        }
        let values = try reader.mapping(root, allowed: keys, what: "front matter")
        guard let titleNode = values["title"] else {
            throw .error("front matter has no 'title'", at: reader.location(root.mark))
        }
        let title = try reader.string(titleNode, key: "title")
        if title.trimmingWhitespace().isEmpty {
            throw .error("'title' is empty", at: reader.location(titleNode.mark))
        }
        return FrontMatter(
            title: title.isolatingMarkupCharacters(),
            description: try values["description"].map { node throws(Diagnostic) in
                try reader.string(node, key: "description").isolatingMarkupCharacters()
            },
            order: try values["order"].map { node throws(Diagnostic) in try reader.int(node, key: "order") },
            source: try values["source"].map { node throws(Diagnostic) in try reader.string(node, key: "source") })
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
