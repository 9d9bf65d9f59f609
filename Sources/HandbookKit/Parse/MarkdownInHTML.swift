import CMarkGFM

/// Markdown inside an HTML element marked `markdown="1"`, as kramdown (Jekyll)
/// and MkDocs' md_in_html write pull quotes and notes:
///
///     <aside markdown="1">
///     **Tip:** ask what the client *needs*, then say what you will do.
///     </aside>
///
/// CommonMark reads all of that as one raw HTML block, so the Markdown would
/// print literally (or, without `raw_html`, vanish with its words). Like the
/// directive lines, each opening and closing line is swapped for a one-line
/// HTML comment before cmark parses the page: a comment block ends on its own
/// line, so the lines between are parsed as ordinary Markdown, at their own
/// line numbers. After parsing, the blocks between a pair are moved into one
/// custom block that writes the element (without its `markdown` attribute) around
/// them. Without `raw_html` the element itself is dropped with a warning and its
/// content kept. A marker line that lands in a code block is put back as text.
enum MarkdownInHTML {
    static let prefix = "<!--handbook:html:"

    /// An opening or closing line of a marked element.
    struct Line {
        enum Kind: Equatable { case open(tag: String), close(tag: String) }
        var kind: Kind
        /// Line in the Markdown body (1-based).
        var bodyLine: Int
        /// The line as written, to put back where it turns out to be text.
        var original: String
        /// The opening tag without the `markdown` attribute.
        var element: String
    }

    /// Elements whose content may be Markdown blocks: CommonMark's block-level
    /// HTML names, which start an HTML block at the beginning of a line.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "li", "main",
        "nav", "ol", "section", "summary", "table", "td", "th", "ul",
    ]

    static func sentinel(_ line: Int) -> String { "\(prefix)\(line)-->" }

    /// The body with each marked element's opening and closing line swapped for a sentinel.
    /// Pages without `markdown=` are returned as they are, without a copy's cost.
    static func scan(_ body: [UInt8]) -> (markdown: [UInt8], lines: [Line]) {
        guard body.withUnsafeBufferPointer({ $0.firstIndex(of: "markdown", from: 0) != nil }) else { return (body, []) }
        var output: [UInt8] = []
        output.reserveCapacity(body.count + 64)
        var found: [Line] = []
        // Open elements: a marked one, or an unmarked one of the same name inside it,
        // whose closing line must stay as it is.
        var open: [(tag: String, marked: Bool)] = []
        var lineNumber = 1
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            var contentEnd = lineEnd
            if contentEnd > lineStart, body[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            var replaced = false
            if let tag = TagLine(body[lineStart..<contentEnd]) {
                let text = String(decoding: body[lineStart..<contentEnd], as: UTF8.self)
                if tag.isClosing {
                    if let last = open.last, last.tag == tag.name {
                        open.removeLast()
                        if last.marked {
                            found.append(Line(kind: .close(tag: tag.name), bodyLine: lineNumber, original: text, element: ""))
                            replaced = true
                        }
                    }
                } else if tag.markdown, blockElements.contains(tag.name) {
                    open.append((tag.name, true))
                    found.append(Line(kind: .open(tag: tag.name), bodyLine: lineNumber, original: text, element: tag.withoutMarkdown))
                    replaced = true
                } else if open.contains(where: { $0.tag == tag.name }) {
                    open.append((tag.name, false))
                }
            }
            if replaced {
                output += sentinel(lineNumber).utf8
                output += body[contentEnd..<lineEnd]
            } else {
                output += body[lineStart..<lineEnd]
            }
            if lineEnd < body.endIndex { output.append(UInt8(ascii: "\n")) }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        guard !found.isEmpty else { return (body, []) }
        return (output, found)
    }

    /// The sentinel's body line, if this node is one of ours.
    static func sentinelLine(_ node: MarkdownNode) -> Int? {
        guard node.type == CMARK_NODE_HTML_BLOCK, let literal = node.literal, literal.hasPrefix(prefix) else { return nil }
        return Int(literal.dropFirst(prefix.count).prefix { $0.isNumber })
    }

    /// The text of a code or HTML block with each sentinel put back as the line written.
    static func restore(in literal: String, _ lines: [Int: Line]) -> String {
        restoreSentinels(in: literal, prefix: prefix) { lines[$0]?.original }
    }

    /// Wraps the blocks between each pair of sentinels that share a parent; a
    /// sentinel without its partner there is put back as the raw HTML written.
    static func assemble(_ tree: MarkdownTree, _ lines: [Int: Line], rawHTML: Bool,
                         locate: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        guard !lines.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var parents: [MarkdownNode] = []
        for node in tree.root.descendants() where sentinelLine(node) != nil {
            if let parent = node.parent, !parents.contains(parent) { parents.append(parent) }
        }
        for parent in parents {
            var stack: [(wrapper: MarkdownNode, marker: MarkdownNode, line: Line)] = []
            for node in parent.children {
                guard let number = sentinelLine(node), let line = lines[number] else {
                    stack.last?.wrapper.append(node)
                    continue
                }
                switch line.kind {
                case .open:
                    let wrapper = rawHTML
                        ? MarkdownNode.raw(block: true, enter: line.element + "\n", exit: "</\(tagName(line))>\n")
                        : MarkdownNode.raw(block: true, enter: "", exit: "")
                    if let outer = stack.last?.wrapper { outer.append(wrapper) } else { node.insertBefore(wrapper) }
                    stack.append((wrapper, node, line))
                case .close:
                    guard let top = stack.popLast() else {
                        node.literal = line.original
                        continue
                    }
                    top.marker.delete()
                    node.delete()
                    if !rawHTML {
                        var warning = Diagnostic.warning(
                            "raw HTML dropped: '\(top.line.original.trimmingWhitespace())' and its closing tag (the Markdown inside is kept); set 'raw_html: true' in handbook.yml to keep the element",
                            at: locate(top.line.bodyLine, 1))
                        warning.topic = .rawHTML
                        diagnostics.append(warning)
                    }
                }
            }
            // Never closed here: the wrapper goes, its blocks stay where they were.
            for open in stack.reversed() {
                open.wrapper.insertBefore(open.marker)
                for child in open.wrapper.children { open.wrapper.insertBefore(child) }
                open.marker.literal = open.line.original
                open.wrapper.delete()
                diagnostics.append(.warning(
                    "'\(open.line.original.trimmingWhitespace())' has no closing '</\(tagName(open.line))>' line at the same level, so the Markdown after it is not inside the element: add the closing tag on a line of its own",
                    at: locate(open.line.bodyLine, 1)))
            }
        }
        return diagnostics
    }

    private static func tagName(_ line: Line) -> String {
        if case .open(let tag) = line.kind { return tag }
        if case .close(let tag) = line.kind { return tag }
        return ""
    }
}

/// A line that is one HTML tag and nothing else: `<aside class="quote" markdown="1">`
/// or `</aside>`, with up to three spaces before it.
private struct TagLine {
    var name: String
    var isClosing: Bool
    /// `markdown="1"`, `"block"` or `"span"` (kramdown's and md_in_html's values).
    var markdown = false
    var withoutMarkdown = ""

    init?(_ line: ArraySlice<UInt8>) {
        var bytes = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - bytes.count <= 3, bytes.first == UInt8(ascii: "<") else { return nil }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
        guard bytes.last == UInt8(ascii: ">"), bytes.count >= 3 else { return nil }
        let text = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
        isClosing = text.hasPrefix("/")
        let inner = isClosing ? text.dropFirst() : text[...]
        let nameEnd = inner.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) } ?? inner.endIndex
        name = inner[..<nameEnd].lowercased()
        guard let first = name.first, first.isLetter else { return nil }
        var rest = inner[nameEnd...]
        if isClosing {
            guard rest.allSatisfy(\.isWhitespace) else { return nil }
            return
        }
        guard rest.last != "/" else { return nil }  // self-closing: nothing inside
        guard rest.first.map(\.isWhitespace) ?? true else { return nil }
        // Attributes, each kept as written unless it is `markdown`.
        var kept = "<" + inner[..<nameEnd]
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            let attributeName = rest.prefix { !$0.isWhitespace && $0 != "=" }
            guard !attributeName.isEmpty else { return nil }
            var after = rest.dropFirst(attributeName.count)
            var value: Substring?
            let spaced = after.drop(while: \.isWhitespace)
            if spaced.first == "=" {
                after = spaced.dropFirst().drop(while: \.isWhitespace)
                if let quote = after.first, quote == "\"" || quote == "'" {
                    guard let close = after.dropFirst().firstIndex(of: quote) else { return nil }
                    value = after[after.index(after: after.startIndex)..<close]
                    after = after[after.index(after: close)...]
                } else {
                    let unquoted = after.prefix { !$0.isWhitespace }
                    value = unquoted
                    after = after.dropFirst(unquoted.count)
                }
            }
            let written = rest[rest.startIndex..<after.startIndex]
            if attributeName.lowercased() == "markdown" {
                markdown = ["1", "block", "span"].contains(value?.lowercased() ?? "")
            } else {
                kept += " " + written
            }
            rest = after
        }
        withoutMarkdown = kept + ">"
    }
}
