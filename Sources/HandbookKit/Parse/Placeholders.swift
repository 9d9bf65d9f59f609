import CMarkGFM

/// Marks up every `[placeholder]` in a script's text as a placeholder span,
/// so readers see it and the fill-in panel can find it.
enum Placeholders {
    /// Splits the text nodes below `body`; returns the placeholder names in order.
    static func markUp(in body: MarkdownNode, locate: (Int, Int) -> SourceLocation,
                       diagnostics: inout [Diagnostic]) -> [String] {
        // cmark keeps `[`, the name and `]` as separate text nodes when no link matches.
        cmark_consolidate_text_nodes(body.pointer)
        var names: [String] = []
        for node in body.descendants() where node.type == CMARK_NODE_TEXT {
            guard let text = node.literal, text.contains(where: { $0 == "[" || $0 == "]" }) else { continue }
            let location = locate(node.startLine, node.startColumn)
            guard let pieces = split(text) else {
                diagnostics.append(.error(
                    "unbalanced brackets in a script: write placeholders as plain text in square brackets, like [Client name]",
                    at: location))
                continue
            }
            guard acceptsMarkup(beside: node) else {
                // cmark-gfm's table cells hold only a fixed set of inlines; keep the text as written.
                diagnostics.append(.warning(
                    "placeholders in a table cannot be marked up; '\(text.trimmingWhitespace())' is shown as plain text",
                    at: location))
                continue
            }
            for piece in pieces {
                switch piece {
                case .text(let literal):
                    node.insertBefore(.text(literal))
                case .placeholder(let name):
                    names.append(name)
                    let escaped = escapeHTML(name)
                    node.insertBefore(.raw(
                        block: false,
                        enter: "<span class=\"placeholder\" data-placeholder=\"\(escaped)\">[\(escaped)]</span>",
                        exit: ""))
                }
            }
            node.delete()
        }
        return names
    }

    /// Whether a placeholder span may stand where `node` stands.
    private static func acceptsMarkup(beside node: MarkdownNode) -> Bool {
        let probe = MarkdownNode.raw(block: false, enter: "", exit: "")
        let accepted = node.insertBefore(probe)
        if accepted { cmark_node_unlink(probe.pointer) }
        cmark_node_free(probe.pointer)
        return accepted
    }

    enum Piece: Equatable { case text(String), placeholder(String) }

    /// The text cut at each `[name]`, or nil when brackets do not pair up on one level.
    static func split(_ text: String) -> [Piece]? {
        var pieces: [Piece] = []
        var current = ""
        var inside = false
        for character in text {
            switch character {
            case "[":
                if inside { return nil }
                if !current.isEmpty { pieces.append(.text(current)) }
                current = ""
                inside = true
            case "]":
                if !inside { return nil }
                let name = current.trimmingWhitespace()
                if name.isEmpty { return nil }
                pieces.append(.placeholder(name))
                current = ""
                inside = false
            default:
                current.append(character)
            }
        }
        if inside { return nil }
        if !current.isEmpty { pieces.append(.text(current)) }
        return pieces
    }
}
