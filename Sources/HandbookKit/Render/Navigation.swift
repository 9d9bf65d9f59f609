import Mustache

/// The sidebar of one edition, prepared once rather than once per page.
///
/// Links are relative, and pages live either in the language folder or one
/// section folder below it, so a section that is not the current one looks
/// the same from every page at the same depth. Each such section is written
/// through the theme's `nav-section` template once per depth, and a page only
/// fills in its own section. Without this the sidebar was most of the cost of
/// a page: 50 sections and their links, escaped again on every page.
struct Navigation: @unchecked Sendable {  // immutable after init; the dictionaries hold only value types
    /// Below this many pages a language's sidebar lists every page; above it,
    /// only the current section's, so navigation stays linear in the page count.
    static let fullSidebarLimit = 100
    /// At most this many sections are listed around the current one, with links
    /// to the sections before and after them: a sidebar of every section would
    /// make each page grow with the handbook, and the whole site quadratic.
    static let sectionWindow = 21

    /// What the sidebar of one page is made of.
    struct Sidebar {
        /// The sections before and after the current one, already written.
        var before: String
        var after: String
        /// The current section, for `nav-section`; nil outside any section (print, practice, 404).
        var current: [String: Any]?
        /// Every listed section, the current one marked: for themes that write the list themselves.
        var all: [[String: Any]]
        /// The section just before or after the listed ones, when there is one.
        var earlier: [String: Any]?
        var later: [String: Any]?
    }

    /// The sections as seen from a folder at one depth below the language folder.
    private struct View {
        var sections: [[String: Any]]
        var written: [String]
    }

    private let views: [View]  // by depth: 0 the language folder, 1 a section's folder
    /// Each section as seen from its own folder, not current, with its pages (none current).
    private let own: [[String: Any]]
    private let position: [PageID: (section: Int, page: Int?)]

    /// - Parameter write: writes one section through `nav-section`, as seen from `path`.
    /// - Parameter original: the default language, whose titles the sidebar quotes for pages not translated.
    init(_ edition: Edition, original: Language, write: (_ section: [String: Any], _ path: String) -> String) {
        let code = edition.language.code
        let quoted: [String: Any] = ["lang": original.locale, "dir": original.direction.rawValue]
        let showAll = edition.byID.count <= Self.fullSidebarLimit
        var position: [PageID: (section: Int, page: Int?)] = [:]
        for (number, section) in edition.sections.enumerated() {
            position[section.index.id] = (number, nil)
            for (index, entry) in section.pages.enumerated() { position[entry.id] = (number, index) }
        }
        self.position = position

        func item(_ section: Section, from path: String, withPages: Bool) -> [String: Any] {
            let href = { (id: PageID) in relativeURL(from: path, to: PageRenderer.outputPath(id, in: code)) }
            // In a section of steps, the steps are numbered in the sidebar as above their titles.
            let steps = Wayfinding.stepCount(section)
            let pages: [[String: Any]] = !withPages ? [] : section.pages.enumerated().map { number, entry in
                ["title": entry.page.frontMatter.title, "href": href(entry.id), "current": false,
                 "quoted": entry.isFallback ? quoted : false as Any,
                 "step": number < steps ? String(number + 1) : false]
            }
            return ["title": section.index.page.frontMatter.title, "href": href(section.index.id),
                    "quoted": section.index.isFallback ? quoted : false as Any, "current": false, "active": false, "hasPages": !pages.isEmpty, "pages": pages, "hasSteps": steps > 0]
        }
        // A folder at each depth whose name (NUL) no section can have, so every section is seen from outside.
        views = [code + "/index.html", code + "/\u{0}/index.html"].map { path in
            let sections = edition.sections.map { item($0, from: path, withPages: showAll) }
            return View(sections: sections, written: sections.map { write($0, path) })
        }
        own = edition.sections.map { section in
            item(section, from: PageRenderer.outputPath(section.index.id, in: code), withPages: true)
        }
    }

    /// The sidebar of the page at `path`; `current` marks a page and opens its section.
    func sidebar(at path: String, current: PageID?) -> Sidebar {
        let view = views[min(max(path.utf8.count { $0 == UInt8(ascii: "/") } - 1, 0), 1)]
        let place = current.flatMap { position[$0] }
        let listed = Self.window(around: place?.section ?? 0, count: view.sections.count)
        let link = { (number: Int) -> [String: Any]? in
            view.sections.indices.contains(number) ? ["href": view.sections[number]["href"] ?? ""] : nil
        }
        let earlier = link(listed.lowerBound - 1), later = link(listed.upperBound)
        guard let (number, page) = place else {
            return Sidebar(before: view.written[listed].joined(), after: "", current: nil,
                           all: Array(view.sections[listed]), earlier: earlier, later: later)
        }
        var section = own[number]
        var pages = section["pages"] as? [[String: Any]] ?? []
        if let page, page < pages.count { pages[page]["current"] = true }
        section["active"] = true
        section["current"] = page == nil
        section["pages"] = pages
        var all = Array(view.sections[listed])
        all[number - listed.lowerBound] = section
        return Sidebar(before: view.written[listed.lowerBound..<number].joined(),
                       after: view.written[(number + 1)..<listed.upperBound].joined(),
                       current: section, all: all, earlier: earlier, later: later)
    }

    /// `sectionWindow` sections with `current` in the middle, shifted to fit at either end.
    static func window(around current: Int, count: Int) -> Range<Int> {
        let size = min(sectionWindow, count)
        let start = min(max(current - sectionWindow / 2, 0), count - size)
        return start..<(start + size)
    }
}
