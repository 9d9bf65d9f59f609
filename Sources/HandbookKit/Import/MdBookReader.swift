import CMarkGFM
import Foundation

/// mdBook: `book.toml` (`[book] title`, `language`, `src`) and `src/SUMMARY.md`,
/// whose grammar is: an optional `# Summary` title, prefix chapters as plain
/// links, part titles as `#` headings, numbered chapters as nested list items
/// (`- [Title](path.md)`, a draft as `- [Title]()`), `---` separators and
/// suffix chapters as plain links again. Pages are published as `path.html`.
struct MdBookReader {
    let files: SourceFiles

    func read() -> SourceSite {
        var site = SourceSite(format: .mdbook, root: files.root, languages: [])
        var config = ConfigValue.table([])
        if files.exists("book.toml") {
            let (loaded, note) = files.config("book.toml")
            if let note { site.notes.append(note) }
            config = loaded ?? config
        }
        let source = config["book", "src"]?.string ?? "src"
        let language = config["book", "language"]?.string.flatMap(LanguageCode.code) ?? "en"
        site.languages = [language]
        if let title = config["book", "title"]?.string { site.titles[language] = title }
        site.prettyURLs = false
        site.staticRoots = [source]
        for relative in files.walk(source) {
            guard SourceFiles.isMarkdown(relative) else { site.files.insert(relative); continue }
            let inside = String(relative.dropFirst(source.count + 1))
            if inside == "SUMMARY.md" { continue }
            let key = pageKey(inside)
            let (document, notes) = files.document(relative, language: language, key: key, urls: [canonicalURL(key)])
            site.notes += notes
            if let document { site.documents.append(document) }
        }
        let summary = joinPath(source, "SUMMARY.md")
        if let text = files.text(summary) {
            site.navigation = Self.chapters(text, folder: "", path: files.path(summary), notes: &site.notes)
        } else {
            site.notes.append(.warning("no SUMMARY.md: chapters are ordered by folder and file name", at: SourceLocation(path: files.path(summary))))
        }
        return site
    }

    /// The chapters of a SUMMARY.md; `# Part` headings group the chapters after them.
    static func chapters(_ text: String, folder: String, path: String, notes: inout [Diagnostic]) -> [NavNode] {
        let tree = Array(text.utf8).withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: false) }
        var top: [NavNode] = []
        var part: NavNode?
        var seenChapter = false
        func add(_ nodes: [NavNode]) {
            if part != nil { part!.children += nodes } else { top += nodes }
        }
        for block in tree.root.children {
            switch block.type {
            case CMARK_NODE_HEADING:
                guard seenChapter || block.headingLevel != 1 || part != nil else { continue }  // the `# Summary` title
                if let finished = part { top.append(finished) }
                part = NavNode(title: inlineText(block), key: nil, location: SourceLocation(path: path, line: block.startLine))
            case CMARK_NODE_PARAGRAPH:
                let links = block.descendants().filter { $0.type == CMARK_NODE_LINK }
                let nodes = links.compactMap { chapter($0, path: path, notes: &notes) }
                seenChapter = seenChapter || !nodes.isEmpty
                if part != nil && !nodes.isEmpty {
                    top.append(part!)  // suffix chapters follow the last part
                    part = nil
                }
                top += nodes
            case CMARK_NODE_LIST:
                let nodes = items(block, path: path, notes: &notes)
                seenChapter = true
                add(nodes)
            default:
                continue
            }
        }
        if let part { top.append(part) }
        return top
    }

    private static func items(_ list: MarkdownNode, path: String, notes: inout [Diagnostic]) -> [NavNode] {
        list.children.compactMap { item -> NavNode? in
            var node: NavNode?
            var children: [NavNode] = []
            for block in item.children {
                if block.type == CMARK_NODE_LIST {
                    children += items(block, path: path, notes: &notes)
                } else if node == nil, let link = block.descendants().first(where: { $0.type == CMARK_NODE_LINK }) {
                    node = chapter(link, path: path, notes: &notes) ?? NavNode(title: inlineText(link), key: nil)
                }
            }
            guard var found = node else { return children.isEmpty ? nil : NavNode(title: nil, key: nil, children: children) }
            found.children = children
            return found
        }
    }

    /// A chapter link; a draft chapter (`[Title]()`) has no page and is reported.
    private static func chapter(_ link: MarkdownNode, path: String, notes: inout [Diagnostic]) -> NavNode? {
        let title = inlineText(link)
        let location = SourceLocation(path: path, line: link.startLine, column: link.startColumn)
        guard let url = link.url, !url.isEmpty else {
            notes.append(.warning("draft chapter '\(title)' has no file; it is not imported", at: location))
            return nil
        }
        let target = (url.removingPercentEncoding ?? url).split(separator: "#").first.map(String.init) ?? url
        return NavNode(title: title, key: pageKey(target), location: location)
    }
}

/// The text of a node's inlines, markup dropped: a link's or heading's words.
func inlineText(_ node: MarkdownNode) -> String {
    var text = ""
    for child in node.descendants() {
        switch child.type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += child.literal ?? ""
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
        default: continue
        }
    }
    return text.trimmingWhitespace()
}
