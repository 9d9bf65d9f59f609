import CMarkGFM
import Foundation

/// A handle on one cmark-gfm node. cmark owns the memory; a `MarkdownTree`
/// keeps it alive, so a `MarkdownNode` never outlives the tree it came from.
struct MarkdownNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// Extension node types (table, …) are not in the installed headers; their names are.
    var typeName: String { String(cString: cmark_node_get_type_string(pointer)) }
    var firstChild: MarkdownNode? { MarkdownNode(cmark_node_first_child(pointer)) }
    var next: MarkdownNode? { MarkdownNode(cmark_node_next(pointer)) }
    var parent: MarkdownNode? { MarkdownNode(cmark_node_parent(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Every node below this one (itself included) in document order.
    /// The list is taken before any change, so callers may edit the tree while using it.
    func descendants() -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = MarkdownNode(cmark_iter_get_node(iterator)) {
                result.append(node)
            }
        }
        return result
    }

    /// A block or inline whose HTML is written verbatim: cmark's safe mode
    /// does not apply to it, so every caller passes escaped text.
    static func raw(block: Bool, enter: String, exit: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!)
        cmark_node_set_on_enter(node.pointer, enter)
        cmark_node_set_on_exit(node.pointer, exit)
        return node
    }

    /// The verbatim HTML a raw node writes before its children.
    var onEnter: String {
        get { cmark_node_get_on_enter(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_on_enter(pointer, newValue) }
    }

    static func text(_ literal: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_TEXT)!)
        node.literal = literal
        return node
    }

    /// False when this node may not hold `child` (cmark checks, e.g. a table
    /// cell holds no custom inline); the child is then left where it was.
    @discardableResult
    func append(_ child: MarkdownNode) -> Bool { cmark_node_append_child(pointer, child.pointer) != 0 }
    @discardableResult
    func insertBefore(_ sibling: MarkdownNode) -> Bool { cmark_node_insert_before(pointer, sibling.pointer) != 0 }

    /// Removes this node from the tree and frees it with everything below it.
    /// Only for nodes whose text nobody else points into (leaves, markers):
    /// a block whose children moved elsewhere goes through `MarkdownTree.detach`.
    func delete() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}

/// One parsed Markdown document. cmark-gfm is not thread-safe everywhere:
/// - `cmark_gfm_core_extensions_ensure_registered` guards itself with an
///   unlocked flag, so it runs exactly once (a static let);
/// - `cmark_parser_finish` edits a process-wide table of special characters,
///   which corrupts output when two threads finish at once, so it takes a lock.
/// Feeding and rendering are safe in parallel.
final class MarkdownTree {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    private static let finishLock = NSLock()

    private let parser: OpaquePointer
    let root: MarkdownNode
    let options: Int32
    /// Nodes taken out of the document but kept alive until the tree goes:
    /// cmark's inline nodes point into their block's text buffer (a link's URL,
    /// raw inline HTML), so freeing a block whose children moved elsewhere would
    /// leave them pointing at freed memory.
    private var detached: [MarkdownNode] = []

    /// - Parameter rawHTML: keep raw HTML (cmark's unsafe mode) instead of dropping it.
    init(markdown: UnsafeRawBufferPointer, rawHTML: Bool) {
        _ = Self.registered
        let options = rawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let parser = cmark_parser_new(options)!
        self.options = options
        self.parser = parser
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        if let base = markdown.baseAddress {
            cmark_parser_feed(parser, base.assumingMemoryBound(to: CChar.self), markdown.count)
        }
        let document = Self.finishLock.withLock { cmark_parser_finish(parser) }
        root = MarkdownNode(document!)
    }

    deinit {
        cmark_node_free(root.pointer)
        for node in detached { cmark_node_free(node.pointer) }
        cmark_parser_free(parser)
    }

    /// Takes a block out of the document once its children have moved; it is
    /// freed with the tree (see `detached`).
    func detach(_ node: MarkdownNode) {
        cmark_node_unlink(node.pointer)
        detached.append(node)
    }

    /// HTML of the whole document, or of one node and its children.
    func html(of node: MarkdownNode? = nil) -> String {
        guard let buffer = cmark_render_html(
            (node ?? root).pointer, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
