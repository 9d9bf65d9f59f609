/// How a page's body becomes `[Block]`: cmark-gfm renders the whole tree in
/// one pass, so the parser puts a raw node around each block the theme draws,
/// whose enter and exit write a marker instead of markup. `split` then cuts the
/// rendered HTML at the markers. This is the one place that reads the body's
/// HTML after cmark, and all it looks for is its own markers.
///
/// A marker is U+0001, the element's number or `/`, U+0002. Neither control
/// character may stand in a web page, and the parser replaces any in the
/// author's text before cmark sees it, so every marker is one it wrote. cmark
/// ends a line after each block's enter and exit; that line break belongs to
/// the marker and goes with it (the partials write their own).
struct BodyMarkers {
    /// What a marker opens.
    enum Element {
        /// `comparisons[index]`: its sides are the element's children.
        case comparison(index: Int)
        case side(Side.Kind)
        /// The last paragraph of a side.
        case reason
        case script(title: String, anchor: String)
        case choice(prompt: String, alternatives: Int?)
        case callout(CalloutKind)
    }

    static let start: UInt8 = 0x01
    static let end: UInt8 = 0x02

    private(set) var elements: [Element] = []

    /// A raw block node that opens and closes a new element.
    mutating func node(for element: Element) -> MarkdownNode {
        elements.append(element)
        return .raw(block: true, enter: "\u{1}\(elements.count - 1)\u{2}", exit: "\u{1}/\u{2}")
    }

    /// Changes what an element is once its content is known (a choice's alternatives).
    mutating func update(_ node: MarkdownNode, to element: Element) {
        guard let index = Self.index(in: node.onEnter) else { return }
        elements[index] = element
    }

    /// A control character is a grapheme of its own, so the number is what lies between.
    private static func index(in marker: String) -> Int? {
        Int(String(marker.dropFirst().dropLast()))
    }

    /// The rendered HTML cut into blocks, and the comparisons with their sides.
    func split(_ html: String, comparisons: [Comparison]) -> (blocks: [Block], comparisons: [Comparison]) {
        var comparisons = comparisons
        // Each open element with the pieces read inside it so far; the bottom is the page.
        var stack: [(element: Element?, pieces: [Piece])] = [(nil, [])]
        let bytes = Array(html.utf8)
        var index = 0, textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart {
                stack[stack.count - 1].pieces.append(.block(.html(String(decoding: bytes[textStart..<end], as: UTF8.self))))
            }
        }
        while index < bytes.count {
            guard bytes[index] == Self.start, let close = bytes[index...].firstIndex(of: Self.end) else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let content = bytes[(index + 1)..<close]
            if content.elementsEqual("/".utf8) {
                let (element, pieces) = stack.removeLast()
                if let element {
                    let piece = Self.close(element, pieces, comparisons: &comparisons)
                    stack[stack.count - 1].pieces.append(piece)
                }
            } else if let number = Int(String(decoding: content, as: UTF8.self)), elements.indices.contains(number) {
                stack.append((elements[number], []))
            }
            index = close + 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            textStart = index
        }
        flushText(upTo: bytes.count)
        return (stack[0].pieces.compactMap(\.block), comparisons)
    }

    private enum Piece {
        case block(Block)
        case side(Side)
        case reason([Block])

        var block: Block? { if case .block(let block) = self { block } else { nil } }
    }

    private static func close(_ element: Element, _ pieces: [Piece], comparisons: inout [Comparison]) -> Piece {
        let blocks = pieces.compactMap(\.block)
        switch element {
        case .comparison(let index):
            for case .side(let side) in pieces {
                if side.kind == .bad { comparisons[index].bad = side } else { comparisons[index].good = side }
            }
            return .block(.comparison(comparisons[index]))
        case .side(let kind):
            var reason: [Block] = []
            for case .reason(let blocks) in pieces { reason = blocks }
            return .side(Side(kind: kind, reply: blocks, reason: reason))
        case .reason:
            return .reason(blocks)
        case .script(let title, let anchor):
            return .block(.script(ScriptBlock(title: title, anchor: anchor, body: blocks)))
        case .choice(let prompt, let alternatives):
            return .block(.choice(Choice(prompt: prompt, alternatives: alternatives, body: blocks)))
        case .callout(let kind):
            return .block(.callout(kind, body: blocks))
        }
    }
}
