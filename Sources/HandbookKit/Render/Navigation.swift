/// The sidebar of one edition, made once per output folder rather than once
/// per page: links are relative, and every page of a folder shares them, so a
/// page only marks itself and its section. That keeps the sidebar's cost per
/// page to copying one array and filling one section.
struct Navigation: @unchecked Sendable {  // immutable after init; the dictionaries hold only value types
    /// Below this many pages a language's sidebar lists every page; above it,
    /// only the current section's, so navigation stays linear in the page count.
    static let fullSidebarLimit = 100

    private struct Folder {
        /// Each section as the sidebar shows it when the page is elsewhere.
        var sections: [[String: Any]]
        /// Each section's pages, none of them current; only for sections with a page in this folder.
        var pages: [[[String: Any]]]
    }

    private let edition: Edition
    private let folders: [String: Folder]
    /// Which section a page belongs to, and where in it (nil for the section's landing page).
    private let position: [PageID: (section: Int, page: Int?)]

    init(_ edition: Edition) {
        self.edition = edition
        let code = edition.language.code
        let showAll = edition.byID.count <= Self.fullSidebarLimit
        var position: [PageID: (section: Int, page: Int?)] = [:]
        for (number, section) in edition.sections.enumerated() {
            position[section.index.id] = (number, nil)
            for (index, entry) in section.pages.enumerated() { position[entry.id] = (number, index) }
        }
        self.position = position
        // The sections whose pages are shown from each folder: those with a page in it (all, on small sites).
        var shownFrom: [String: Set<Int>] = [Self.folder(of: code + "/index.html"): []]
        for (id, (section, _)) in position {
            shownFrom[Self.folder(of: PageRenderer.outputPath(id, in: code)), default: []].insert(section)
        }
        var folders: [String: Folder] = [:]
        for (folder, opened) in shownFrom {
            let path = folder + "/index.html"
            let href = { (id: PageID) in relativeURL(from: path, to: PageRenderer.outputPath(id, in: code)) }
            var sections: [[String: Any]] = []
            var pages: [[[String: Any]]] = []
            for (number, section) in edition.sections.enumerated() {
                let items: [[String: Any]] = section.folder.isEmpty || !(showAll || opened.contains(number)) ? [] : section.pages.map {
                    ["title": $0.page.frontMatter.title, "href": href($0.id), "current": false]
                }
                let shown = showAll ? items : []
                sections.append([
                    "title": section.index.page.frontMatter.title, "href": href(section.index.id),
                    "current": false, "active": false, "hasPages": !shown.isEmpty, "pages": shown,
                ])
                pages.append(items)
            }
            folders[folder] = Folder(sections: sections, pages: pages)
        }
        self.folders = folders
    }

    /// The sidebar's sections for the page at `path`; `current` marks a page and opens its section.
    func sections(at path: String, current: PageID?) -> [[String: Any]] {
        guard let folder = folders[Self.folder(of: path)] else { return [] }
        guard let current, let (number, page) = position[current] else { return folder.sections }
        var sections = folder.sections
        var items = folder.pages[number]
        if let page, page < items.count { items[page]["current"] = true }
        sections[number]["active"] = true
        sections[number]["current"] = page == nil
        sections[number]["hasPages"] = !items.isEmpty
        sections[number]["pages"] = items
        return sections
    }

    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }
}
