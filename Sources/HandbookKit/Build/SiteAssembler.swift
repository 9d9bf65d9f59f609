/// Stage 3: puts the parsed pages together into editions (one per language),
/// with the sections in order, fallbacks for missing translations, and every
/// internal link and anchor checked against the pages that now exist.
package enum SiteAssembler {
    package static func assemble(config: SiteConfig, pages: [Page], files: [StaticFile],
                                contentRoot: String) -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byLanguage: [String: [PageID: Page]] = [:]
        for page in pages { byLanguage[page.language, default: [:]][page.id] = page }
        let defaultCode = config.defaultLanguage.code
        let originals = byLanguage[defaultCode] ?? [:]

        var editions: [Edition] = []
        for language in config.languages {
            let own = byLanguage[language.code] ?? [:]
            var entries: [PageID: Entry] = [:]
            for (id, page) in own { entries[id] = Entry(page: page, isFallback: false) }
            if language.code != defaultCode {
                for (id, original) in originals where own[id] == nil {
                    entries[id] = Entry(page: original, isFallback: true)
                    diagnostics.append(.warning(
                        "no \(language.name) translation (\(joinPath(contentRoot, language.code, id.sourcePath))); the page is shown in \(config.defaultLanguage.name) with a notice",
                        at: SourceLocation(path: original.sourcePath)))
                }
                for (id, page) in own where originals[id] == nil {
                    diagnostics.append(.warning(
                        "this page has no original in the default language (\(joinPath(contentRoot, defaultCode, id.sourcePath)))",
                        at: SourceLocation(path: page.sourcePath)))
                }
            }
            let (sections, problems) = sectionsInOrder(entries)
            diagnostics += problems
            editions.append(Edition(language: language, sections: sections, byID: entries))
        }

        let site = Site(config: config, editions: editions, files: files)
        diagnostics += LinkChecker(site: site).check()
        return (site, diagnostics)
    }

    /// Sections ordered by their landing page's `order`, then folder name; pages
    /// likewise inside a section; the language root (home) comes first. A page
    /// nested too deep or a section without a landing page is left out: the
    /// load reported it (`ContentStructure`), so no site is made of these.
    static func sectionsInOrder(_ entries: [PageID: Entry]) -> ([Section], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byFolder: [String: [Entry]] = [:]
        for entry in entries.values where entry.id.path.split(separator: "/").count <= 2 {
            byFolder[entry.id.section, default: []].append(entry)
        }
        func before(_ a: Entry, _ b: Entry) -> Bool {
            let orderA = a.page.frontMatter.order ?? Int.max, orderB = b.page.frontMatter.order ?? Int.max
            return orderA != orderB ? orderA < orderB : a.id.fileName < b.id.fileName
        }
        var sections: [Section] = []
        for (folder, members) in byFolder {
            let indexID = PageID(folder.isEmpty ? "index" : folder + "/index")
            guard let index = entries[indexID] else { continue }
            let pages = members.filter { $0.id != indexID }.sorted(by: before)
            if case .first(let count)? = index.page.frontMatter.steps, count > pages.count, !index.isFallback {
                diagnostics.append(.warning(
                    "'steps: \(count)' but the section has \(pages.count) pages besides this one; all of them are numbered. Write 'steps: true', or the number of pages that are steps",
                    at: SourceLocation(path: index.page.sourcePath)))
            }
            sections.append(Section(folder: folder, index: index, pages: pages))
        }
        sections.sort { a, b in
            if a.folder.isEmpty != b.folder.isEmpty { return a.folder.isEmpty }
            return before(a.index, b.index) || (!before(b.index, a.index) && a.folder < b.folder)
        }
        return (sections, diagnostics)
    }
}

/// Checks every internal link of every page against the site as built.
struct LinkChecker {
    let site: Site

    func check() -> [Diagnostic] {
        let files = Set(site.files.map(\.destination))
        var folders: Set<String> = []
        let pagePaths = site.editions.flatMap { edition in edition.byID.keys.map { edition.language.code + "/" + $0.path } }
        for file in files.union(pagePaths) {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                folders.insert(String(path))
            }
        }
        var diagnostics: [Diagnostic] = []
        var hints: [String: String] = [:]
        for edition in site.editions {
            for entry in edition.byID.values where !entry.isFallback {
                for link in entry.page.links {
                    if let problem = problem(with: link, files: files, folders: folders, hints: &hints) {
                        diagnostics.append(.error(problem, at: link.location))
                    }
                }
            }
        }
        return diagnostics
    }

    /// `hints` keeps the anchors suggested for each target and mistyped anchor:
    /// a page may repeat one broken link hundreds of times.
    private func problem(with link: InternalLink, files: Set<String>, folders: Set<String>,
                         hints: inout [String: String]) -> String? {
        if let file = link.file {
            if files.contains(file) { return nil }
            if folders.contains(file) {
                return "link '\(link.written)' points to a folder; link to a page's .md file or to a file"
            }
            return "link '\(link.written)' points to a file that does not exist (\(file))"
        }
        guard let id = link.target else { return nil }
        guard let edition = site.edition(link.language), let target = edition.byID[id] else {
            return "link '\(link.written)' points to a page that does not exist (\(link.language)/\(id.sourcePath))"
        }
        if let anchor = link.anchor, !anchor.isEmpty, !target.page.anchors.contains(anchor) {
            let key = link.language + "/" + id.path + "#" + anchor
            let known = hints[key] ?? Self.nearestAnchors(to: anchor, in: target.page).map { "#" + $0 }.joined(separator: ", ")
            hints[key] = known
            return "link '\(link.written)' points to '#\(anchor)', which is not a heading or block of \(link.language)/\(id.sourcePath)"
                + (known.isEmpty ? "" : " (its anchors include \(known))")
        }
        return nil
    }

    /// The anchors of a page nearest to a mistyped one, by edit distance, the
    /// page's order breaking ties: the one meant is usually among the first.
    /// Headings of the "On this page" list come first, then comparisons and
    /// scripts, then the other headings; past `candidates` of them a page is
    /// generated or hostile, and scoring them all would cost more than the build.
    static func nearestAnchors(to anchor: String, in page: Page, limit: Int = 8, candidates: Int = 500) -> [String] {
        var seen: Set<String> = []
        let listed = page.headings.map(\.anchor) + page.comparisons.map(\.anchor) + page.scripts.map(\.anchor)
        let ordered = (listed + (listed.count < candidates ? page.anchors.sorted() : []))
            .filter { seen.insert($0).inserted }.prefix(candidates)
        let written = anchor.lowercased()
        let scored = ordered.enumerated().map { (editDistance(written, $0.element), $0.offset, $0.element) }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }
}
