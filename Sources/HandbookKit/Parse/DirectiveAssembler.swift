import CMarkGFM

/// Turns the flat run of top-level blocks and directive markers that cmark
/// produced into comparisons, scripts and the choices inside scripts: each
/// becomes a custom block node whose children are the Markdown blocks written
/// between its lines.
struct DirectiveAssembler {
    let tree: MarkdownTree
    let locate: (Int, Int) -> SourceLocation
    var anchors: AnchorSet
    /// Where each comparison, side, script and choice stands in the body.
    var markers: BodyMarkers

    private(set) var diagnostics: [Diagnostic] = []
    private(set) var comparisons: [(Comparison, bad: MarkdownNode?, good: MarkdownNode?)] = []
    private(set) var scripts: [(Script, body: MarkdownNode)] = []

    private enum Open {
        case compare(index: Int, wrapper: MarkdownNode, bad: MarkdownNode?, good: MarkdownNode?)
        case script(index: Int, wrapper: MarkdownNode)
        case choice(script: Int, prompt: String, location: SourceLocation, wrapper: MarkdownNode)

        var wrapper: MarkdownNode {
            switch self {
            case .compare(_, let wrapper, _, _), .script(_, let wrapper), .choice(_, _, _, let wrapper): wrapper
            }
        }
    }

    private var stack: [Open] = []

    init(tree: MarkdownTree, anchors: AnchorSet, markers: BodyMarkers,
         locate: @escaping (Int, Int) -> SourceLocation) {
        self.tree = tree
        self.anchors = anchors
        self.markers = markers
        self.locate = locate
    }

    mutating func assemble(_ directives: [Int: DirectiveLine]) {
        for node in tree.root.children {
            if node.type == CMARK_NODE_HTML_BLOCK, let line = Self.sentinelLine(node), let directive = directives[line] {
                handle(directive, marker: node)
                node.delete()
            } else if let container = currentContainer {
                container.append(node)
            } else if case .compare(let index, _, _, _)? = stack.last {
                diagnostics.append(.error(
                    "text inside ':::compare \(comparisons[index].0.title)' must come after ':::bad' or ':::good'",
                    at: locate(node.startLine, node.startColumn)))
            }
        }
        for open in stack.reversed() {
            let (kind, location) = describe(open)
            diagnostics.append(.error("\(kind) is never closed: add a line ':::' after its last line", at: location))
        }
    }

    static func sentinelLine(_ node: MarkdownNode) -> Int? {
        guard let literal = node.literal, literal.hasPrefix(DirectiveScanner.prefix) else { return nil }
        let digits = literal.dropFirst(DirectiveScanner.prefix.count).prefix { $0.isNumber }
        return Int(digits)
    }

    /// Where blocks go right now: the open side or script, or nil for the page itself.
    private var currentContainer: MarkdownNode? {
        switch stack.last {
        case .compare(_, _, let bad, let good)?: good ?? bad
        case .script(_, let wrapper)?, .choice(_, _, _, let wrapper)?: wrapper
        case nil: nil
        }
    }

    private func describe(_ open: Open) -> (String, SourceLocation) {
        switch open {
        case .compare(let index, _, _, _):
            let comparison = comparisons[index].0
            return ("':::compare \(comparison.title)'", comparison.location)
        case .script(let index, _):
            let script = scripts[index].0
            return ("':::script \(script.title)'", script.location)
        case .choice(_, let prompt, let location, _):
            return ("':::choice \(prompt)'", location)
        }
    }

    /// Inserts a new block where the directive stood: in the open container, or in the page.
    private func place(_ wrapper: MarkdownNode, at marker: MarkdownNode) {
        if let container = currentContainer { container.append(wrapper) } else { marker.insertBefore(wrapper) }
    }

    private mutating func handle(_ directive: DirectiveLine, marker: MarkdownNode) {
        let location = locate(directive.bodyLine, 1)
        func fail(_ message: String) { diagnostics.append(.error(message, at: location)) }
        let insideScript = stack.contains { if case .script = $0 { true } else { false } }
        let insideCompare = stack.contains { if case .compare = $0 { true } else { false } }

        switch directive.kind {
        case .compare(let title):
            if title.isEmpty { return fail("':::compare' needs a title, e.g. ':::compare Blaming a colleague'") }
            if insideScript { return fail("a comparison cannot be inside a script; close the script with ':::' first") }
            if insideCompare { return fail("comparisons cannot be nested; close the open comparison with ':::' first") }
            let anchor = anchors.claim(title)
            let wrapper = markers.node(for: .comparison(index: comparisons.count))
            place(wrapper, at: marker)
            let comparison = Comparison(title: title, anchor: anchor, location: location)
            comparisons.append((comparison, nil, nil))
            stack.append(.compare(index: comparisons.count - 1, wrapper: wrapper, bad: nil, good: nil))

        case .bad, .good:
            let isBad = directive.kind == .bad
            let name = isBad ? ":::bad" : ":::good"
            guard case .compare(let index, let wrapper, let bad, let good)? = stack.last else {
                if insideCompare { return fail("'\(name)' inside a script: close the script with ':::' first") }
                return fail("'\(name)' must be inside a ':::compare' block")
            }
            if isBad && bad != nil { return fail("this comparison already has its ':::bad' side") }
            if !isBad && good != nil { return fail("this comparison already has its ':::good' side") }
            if isBad && good != nil { return fail("':::bad' must come before ':::good'") }
            if !isBad && bad == nil { return fail("':::good' must follow the ':::bad' side") }
            let side = markers.node(for: .side(isBad ? .bad : .good))
            wrapper.append(side)
            stack[stack.count - 1] = .compare(
                index: index, wrapper: wrapper, bad: isBad ? side : bad, good: isBad ? nil : side)
            if isBad { comparisons[index].bad = side } else { comparisons[index].good = side }

        case .script(let title):
            if title.isEmpty { return fail("':::script' needs a title, e.g. ':::script Voicemail'") }
            if insideScript { return fail("scripts cannot be nested; close the open script with ':::' first") }
            if case .compare(_, _, nil, nil)? = stack.last {
                return fail("a script in a comparison must be inside its ':::bad' or ':::good' side")
            }
            let anchor = anchors.claim(title)
            let wrapper = markers.node(for: .script(title: title, anchor: anchor))
            place(wrapper, at: marker)
            scripts.append((Script(title: title, anchor: anchor, location: location, placeholders: []), wrapper))
            stack.append(.script(index: scripts.count - 1, wrapper: wrapper))

        case .close:
            guard let open = stack.popLast() else {
                return fail("':::' closes nothing: no comparison or script is open here")
            }
            if case .choice(let script, let prompt, let location, let wrapper) = open {
                close(choice: wrapper, prompt: prompt, at: location, in: script)
            }
            if case .compare(let index, _, let bad, let good) = open, bad == nil || good == nil {
                let comparison = comparisons[index].0
                diagnostics.append(.error(
                    "comparison '\(comparison.title)' needs both a ':::bad' and a ':::good' side",
                    at: comparison.location))
            }

        case .choice(let prompt):
            guard case .script(let script, _)? = stack.last else {
                if case .choice? = stack.last { return fail("choices cannot be nested; close the open choice with ':::' first") }
                return fail("':::choice' must be inside a ':::script' block: it offers alternatives of the script's text")
            }
            if prompt.isEmpty {
                return fail("':::choice' needs a prompt for the reader, e.g. ':::choice Choose one opening'")
            }
            let wrapper = markers.node(for: .choice(prompt: prompt, alternatives: nil))
            place(wrapper, at: marker)
            stack.append(.choice(script: script, prompt: prompt, location: location, wrapper: wrapper))

        case .unknown(let name):
            fail("unknown directive ':::\(name)'; known: ':::compare Title', ':::bad', ':::good', ':::script Title', ':::choice Prompt' (in a script), and ':::' to close")
        }
    }

    /// A choice holds one list and nothing else, one item per alternative. Any
    /// other shape is shown as written, and copied whole, with a warning.
    private mutating func close(choice wrapper: MarkdownNode, prompt: String, at location: SourceLocation, in script: Int) {
        let blocks = wrapper.children
        let lists = blocks.filter { $0.type == CMARK_NODE_LIST }
        let name = "':::choice \(prompt)'"
        if let extra = blocks.first(where: { $0.type != CMARK_NODE_LIST }) ?? (lists.count > 1 ? lists[1] : nil) {
            diagnostics.append(.warning(
                "\(name) must hold one list and nothing else, one item per alternative: move this out of the choice or make it an item (the choice is shown as written and copied whole)",
                at: locate(extra.startLine, extra.startColumn)))
            return
        }
        guard let list = lists.first else {
            diagnostics.append(.warning(
                "\(name) holds no alternatives: write each one as a list item ('- …') between ':::choice' and ':::'",
                at: location))
            return
        }
        let alternatives = list.children.count
        guard alternatives >= 2 else {
            diagnostics.append(.warning(
                "\(name) offers only one alternative: add another list item, or remove the ':::choice' and ':::' lines (it is copied as written)",
                at: location))
            return
        }
        // Only a well-formed choice is marked with its count: the kind the reader's tools turn into a pick.
        markers.update(wrapper, to: .choice(prompt: prompt, alternatives: alternatives))
        scripts[script].0.choices.append(alternatives)
    }
}
