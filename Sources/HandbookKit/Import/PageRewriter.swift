import CMarkGFM

/// Rewrites the destinations of a page's links and images in its Markdown
/// text, leaving every other byte as written. cmark-gfm finds the links and
/// their source positions; only the destination inside each link's own span
/// (or on its reference definition line) is replaced, so the page keeps its
/// formatting, its template syntax and its words.
struct PageRewriter {
    enum Decision: Equatable {
        case keep
        case replace(String)
        /// The target is gone: keep the link's text (an image's alt text) and drop the link.
        case unwrap
    }

    struct Result {
        var text: String
        /// Where the page has raw HTML (other than comments), if it does.
        var rawHTML: (line: Int, column: Int)?
        /// Template syntax left in the text: line, column and the tag.
        var templates: [(line: Int, column: Int, tag: String)] = []
    }

    /// - Parameter decide: what to do with a destination, given as written, whether it is an image, and its line and column.
    static func rewrite(_ text: String, decide: (String, Bool, Int, Int) -> Decision) -> Result {
        let bytes = Array(text.utf8)
        let tree = bytes.withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: true) }
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
        func offset(_ line: Int, _ column: Int) -> Int {
            guard line >= 1, line <= lineStarts.count else { return bytes.count }
            return min(lineStarts[line - 1] + column - 1, bytes.count)
        }
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        var references: [String: String] = [:]
        var result = Result(text: text)

        for node in tree.root.descendants() {
            let type = node.type
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                guard let url = node.url, !url.isEmpty else { continue }
                let decision = decide(url, type == CMARK_NODE_IMAGE, node.startLine, node.startColumn)
                guard decision != .keep else { continue }
                let start = offset(node.startLine, node.startColumn)
                let end = offset(Int(cmark_node_get_end_line(node.pointer)), Int(cmark_node_get_end_column(node.pointer)) + 1)
                guard start < end else { continue }
                switch decision {
                case .keep: continue
                case .replace(let replacement):
                    if let range = destination(in: bytes, start..<end) {
                        edits.append((range, Array(replacement.utf8)))
                    } else {
                        references[url] = replacement
                    }
                case .unwrap:
                    let children = node.children
                    var inner: [UInt8] = []
                    if let first = children.first, let last = children.last {
                        let from = offset(first.startLine, first.startColumn)
                        let to = offset(Int(cmark_node_get_end_line(last.pointer)), Int(cmark_node_get_end_column(last.pointer)) + 1)
                        if from < to { inner = Array(bytes[from..<to]) }
                    }
                    edits.append((start..<end, inner))
                }
            } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                let literal = node.literal ?? ""
                if result.rawHTML == nil, !literal.trimmingWhitespace().hasPrefix("<!--") {
                    result.rawHTML = (node.startLine, node.startColumn)
                }
                edits += attributes(literal, node: node, bytes: bytes, offset: offset, decide: decide)
                templates(in: literal, line: node.startLine, column: node.startColumn, into: &result)
            } else if type == CMARK_NODE_TEXT {
                templates(in: node.literal ?? "", line: node.startLine, column: node.startColumn, into: &result)
            }
        }
        var output = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where edit.range.upperBound <= output.count {
            output.replaceSubrange(edit.range, with: edit.replacement)
        }
        var text = String(decoding: output, as: UTF8.self)
        if !references.isEmpty { text = rewritingDefinitions(text, references) }
        result.text = text
        return result
    }

    /// The destination of an inline link `[text](destination "title")` inside its span; nil for a reference link.
    private static func destination(in bytes: [UInt8], _ span: Range<Int>) -> Range<Int>? {
        guard bytes[span.upperBound - 1] == UInt8(ascii: ")") else { return nil }
        var index = span.upperBound - 2
        var opener: Int?
        while index > span.lowerBound {  // the last `](` of the span opens the destination
            if bytes[index] == UInt8(ascii: "(") && bytes[index - 1] == UInt8(ascii: "]") { opener = index; break }
            index -= 1
        }
        guard var start = opener.map({ $0 + 1 }) else { return nil }
        while start < span.upperBound, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\n") { start += 1 }
        if start < span.upperBound, bytes[start] == UInt8(ascii: "<") {
            guard let close = bytes[start..<span.upperBound].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return start..<(close + 1)
        }
        var end = start, depth = 0
        while end < span.upperBound - 1 || (end == span.upperBound - 1 && depth > 0) {
            let byte = bytes[end]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") { break }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { if depth == 0 { break }; depth -= 1 }
            if byte == UInt8(ascii: "\\") { end += 1 }
            end += 1
        }
        return start < end ? start..<end : nil
    }

    /// `href="…"` and `src="…"` in raw HTML, found in the node's own lines.
    private static func attributes(_ literal: String, node: MarkdownNode, bytes: [UInt8], offset: (Int, Int) -> Int,
                                   decide: (String, Bool, Int, Int) -> Decision) -> [(range: Range<Int>, replacement: [UInt8])] {
        guard literal.contains("href=") || literal.contains("src=") else { return [] }
        let start = offset(node.startLine, node.startColumn)
        let end = node.type == CMARK_NODE_HTML_BLOCK
            ? offset(Int(cmark_node_get_end_line(node.pointer)) + 1, 1)
            : offset(Int(cmark_node_get_end_line(node.pointer)), Int(cmark_node_get_end_column(node.pointer)) + 1)
        guard start < end else { return [] }
        let span = String(decoding: bytes[start..<end], as: UTF8.self)
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        for match in span.matches(of: /\b(href|src)\s*=\s*"([^"]*)"/) {
            let value = String(match.2)
            guard !value.isEmpty else { continue }
            let before = span[..<match.2.startIndex]
            let line = node.startLine + before.utf8.count { $0 == UInt8(ascii: "\n") }
            switch decide(value, match.1 == "src", line, 1) {
            case .replace(let replacement):
                let from = start + span.utf8.distance(from: span.startIndex, to: match.2.startIndex)
                edits.append((from..<(from + value.utf8.count), Array(replacement.utf8)))
            case .keep, .unwrap:
                continue  // an HTML link to a missing page keeps its address; the report names it
            }
        }
        return edits
    }

    /// `[label]: destination` lines of reference links whose destination changed.
    private static func rewritingDefinitions(_ text: String, _ references: [String: String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            guard let match = lines[index].firstMatch(of: /^(\s{0,3}\[[^\]]+\]:\s*)<?([^\s>]+)>?(.*)$/) else { continue }
            let written = String(match.2)
            let decoded = written.removingEntitiesAndEscapes()
            guard let replacement = references[written] ?? references[decoded] else { continue }
            lines[index] = String(match.1) + replacement + String(match.3)
        }
        return lines.joined(separator: "\n")
    }

    /// Liquid (`{% … %}`, `{{ … }}`), Hugo shortcodes (`{{< … >}}`) and mdBook's `{{#include …}}`.
    private static func templates(in literal: String, line: Int, column: Int, into result: inout Result) {
        guard literal.contains("{%") || literal.contains("{{") else { return }
        for match in literal.matches(of: /\{[%{][^\n]*?[%}]\}/) {
            let before = literal[..<match.range.lowerBound]
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            let atLine = line + lines.count - 1
            let atColumn = lines.count == 1 ? column + before.utf8.count : (lines.last?.utf8.count ?? 0) + 1
            result.templates.append((atLine, atColumn, String(match.output.prefix(60))))
        }
    }
}

extension String {
    /// A link destination as cmark reads it: backslash escapes removed.
    func removingEntitiesAndEscapes() -> String {
        var result = ""
        var escaped = false
        for character in self {
            if !escaped && character == "\\" { escaped = true; continue }
            escaped = false
            result.append(character)
        }
        return result
    }
}
