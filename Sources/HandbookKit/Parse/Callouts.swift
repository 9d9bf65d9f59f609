import CMarkGFM

/// GitHub's alert syntax, which forges render too: a block quote whose first
/// line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`
/// (any case) becomes a callout, labelled in words in the page's language.
///
/// The system's cmark-gfm does not know alerts, so it reads the marker as the
/// first text of the quote's first paragraph; this finds it there, in the tree,
/// and swaps the quote for a marked block around the quote's other content,
/// which the theme's `callout` partial draws. A marker in code is a code node, not text, and is
/// never seen here.
enum Callouts {
    /// "[!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]", for messages.
    static let kindList: String = {
        let markers = CalloutKind.allCases.map { "'\($0.marker)'" }
        return markers.dropLast().joined(separator: ", ") + " or " + markers.last!
    }()

    /// Turns every block quote that starts with a marker into a callout, in
    /// lists and quotes too. `markdown` is the text cmark parsed: it tells a
    /// marker from an escaped `\[!NOTE]` or `&#91;!NOTE]`, which cmark's text
    /// nodes no longer show.
    static func apply(to tree: MarkdownTree, markdown: [UInt8], markers: inout BodyMarkers,
                      locate: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var source = SourceLines(markdown)
        for quote in tree.root.descendants() where quote.type == CMARK_NODE_BLOCK_QUOTE {
            guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
                  let marker = Marker(paragraph),
                  source.byte(line: paragraph.startLine, column: paragraph.startColumn) == UInt8(ascii: "[")
            else { continue }
            let location = locate(paragraph.startLine, paragraph.startColumn)
            guard let kind = CalloutKind(rawValue: marker.name.lowercased()) else {
                // Only a marker alone on its line looks like a mistyped kind; `[!x] text` may be prose.
                if marker.isAlone {
                    diagnostics.append(.warning(
                        "unknown callout '[!\(marker.name)]' is shown as a block quote; the kinds are \(kindList)",
                        at: location))
                }
                continue
            }
            guard marker.isAlone else {
                diagnostics.append(.warning(
                    "callout marker '\(kind.marker)' must stand alone on the quote's first line: move the text after it to the next line (it is shown as a block quote)",
                    at: location))
                continue
            }
            guard marker.lineBreak?.next != nil || paragraph.next != nil else {
                diagnostics.append(.warning(
                    "callout '\(kind.marker)' is empty and is shown as a block quote: write its text on the quote's next lines",
                    at: location))
                continue
            }
            for node in marker.nodes { node.delete() }
            marker.lineBreak?.delete()
            if paragraph.firstChild == nil { tree.detach(paragraph) }

            let callout = markers.node(for: .callout(kind))
            quote.insertBefore(callout)
            for child in quote.children { callout.append(child) }
            tree.detach(quote)  // the quote is empty, but its old paragraph's inlines may point into its text
        }
        return diagnostics
    }

    /// `[!NAME]` at the start of a paragraph, as cmark's text nodes hold it (one
    /// node or several, split at `[` and `!`).
    private struct Marker {
        var name: String
        /// The text nodes that hold the marker and anything after it on its line.
        var nodes: [MarkdownNode]
        /// The break that ends the marker's line, if more lines follow.
        var lineBreak: MarkdownNode?
        /// Nothing but blanks follows the marker on its line.
        var isAlone: Bool

        init?(_ paragraph: MarkdownNode) {
            var text = ""
            var nodes: [MarkdownNode] = []
            var next = paragraph.firstChild
            while let node = next, node.type == CMARK_NODE_TEXT {
                text += node.literal ?? ""
                nodes.append(node)
                next = node.next
            }
            guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
            let name = text[text.index(text.startIndex, offsetBy: 2)..<close]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            let endsLine = next == nil || next?.type == CMARK_NODE_SOFTBREAK || next?.type == CMARK_NODE_LINEBREAK
            self.name = String(name)
            self.nodes = nodes
            self.lineBreak = endsLine ? next : nil
            self.isAlone = endsLine && text[text.index(after: close)...].allSatisfy { $0 == " " || $0 == "\t" }
        }
    }

    /// Byte lookup by cmark's line and column (1-based, in bytes), with the
    /// line starts found once, on first use: cmark ends a line at `\n`, `\r\n` or `\r`.
    private struct SourceLines {
        let bytes: [UInt8]
        private var starts: [Int]?

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func byte(line: Int, column: Int) -> UInt8? {
            if starts == nil {
                var found = [0]
                for (index, byte) in bytes.enumerated() {
                    if byte == UInt8(ascii: "\n")
                        || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                        found.append(index + 1)
                    }
                }
                starts = found
            }
            guard let starts, line >= 1, line <= starts.count, column >= 1 else { return nil }
            let offset = starts[line - 1] + column - 1
            return offset < bytes.count ? bytes[offset] : nil
        }
    }
}
