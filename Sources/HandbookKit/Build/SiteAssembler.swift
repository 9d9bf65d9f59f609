/// Stage 3: puts the parsed pages together into editions (one per language),
/// with the sections in order, fallbacks for missing translations, and every
/// internal link and anchor checked against the pages that now exist.
public enum SiteAssembler {
    public static func assemble(config: SiteConfig, pages: [Page], files: [StaticFile],
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
            let (sections, problems) = sectionsInOrder(entries, language: language, contentRoot: contentRoot)
            diagnostics += problems
            editions.append(Edition(language: language, sections: sections, byID: entries))
        }

        let site = Site(config: config, editions: editions, files: files)
        diagnostics += LinkChecker(site: site).check()
        return (site, diagnostics)
    }

    /// Sections ordered by their landing page's `order`, then folder name; pages
    /// likewise inside a section; the language root (home) comes first.
    static func sectionsInOrder(_ entries: [PageID: Entry], language: Language,
                                contentRoot: String) -> ([Section], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byFolder: [String: [Entry]] = [:]
        for entry in entries.values {
            if entry.id.path.split(separator: "/").count > 2 {
                diagnostics.append(.error(
                    "pages nest one folder deep (<section>/<page>.md); move this page up a level",
                    at: SourceLocation(path: entry.page.sourcePath)))
                continue
            }
            byFolder[entry.id.section, default: []].append(entry)
        }
        func before(_ a: Entry, _ b: Entry) -> Bool {
            let orderA = a.page.frontMatter.order ?? Int.max, orderB = b.page.frontMatter.order ?? Int.max
            return orderA != orderB ? orderA < orderB : a.id.fileName < b.id.fileName
        }
        var sections: [Section] = []
        for (folder, members) in byFolder {
            let indexID = PageID(folder.isEmpty ? "index" : folder + "/index")
            guard let index = entries[indexID] else {
                let missing = joinPath(contentRoot, language.code, indexID.sourcePath)
                let message = folder.isEmpty
                    ? "the language has no home page: create \(missing)"
                    : "section '\(folder)' has no landing page: create \(missing) (its title names the section)"
                diagnostics.append(.error(message, at: SourceLocation(path: members.sorted(by: before)[0].page.sourcePath)))
                continue
            }
            let pages = members.filter { $0.id != indexID }.sorted(by: before)
            if case .first(let count)? = index.page.frontMatter.steps, count > pages.count, !index.isFallback {
                diagnostics.append(.warning(
                    "'steps: \(count)' but the section has \(pages.count) pages besides this one; all of them are numbered. Write 'steps: true', or the number of pages that are steps",
                    at: SourceLocation(path: index.page.sourcePath)))
            }
            sections.append(Section(folder: folder, index: index, pages: pages))
        }
        if byFolder[""] == nil, !entries.isEmpty {
            diagnostics.append(.error("the language has no home page: create \(joinPath(contentRoot, language.code, "index.md"))",
                at: SourceLocation(path: joinPath(contentRoot, language.code))))
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
        for edition in site.editions {
            for entry in edition.byID.values where !entry.isFallback {
                for link in entry.page.links {
                    if let problem = problem(with: link, files: files, folders: folders) {
                        diagnostics.append(.error(problem, at: link.location))
                    }
                }
            }
        }
        return diagnostics
    }

    private func problem(with link: InternalLink, files: Set<String>, folders: Set<String>) -> String? {
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
            let known = target.page.headings.prefix(8).map { "#" + $0.anchor }.joined(separator: ", ")
            return "link '\(link.written)' points to '#\(anchor)', which is not a heading or block of \(link.language)/\(id.sourcePath)"
                + (known.isEmpty ? "" : " (its anchors include \(known))")
        }
        return nil
    }
}
