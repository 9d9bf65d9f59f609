/// The shape every edition needs, checked from the file names alone: a home
/// page, a landing page for each section, pages one folder deep. None of it
/// needs a page parsed, so the load reports it and the build goes on to parse,
/// and an editor sees these problems in the same run as every page's own. The
/// assembler relies on it and leaves out what would break it.
struct ContentStructure {
    let config: SiteConfig
    let root: String
    let pages: [SourceFile]
    /// Where each language's entry is in handbook.yml.
    let codeLocations: [String: SourceLocation]

    func problems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byLanguage: [String: [PageID: SourceFile]] = [:]
        for page in pages {
            if page.id.path.split(separator: "/").count > 2 {
                diagnostics.append(.error("pages nest one folder deep (<section>/<page>.md); move this page up a level",
                                          at: SourceLocation(path: page.path)))
                continue
            }
            byLanguage[page.language, default: [:]][page.id] = page
        }
        let defaultCode = config.defaultLanguage.code
        let originals = byLanguage[defaultCode] ?? [:]
        for language in config.languages {
            let code = language.code
            guard let own = byLanguage[code] else { continue }
            // A translation's missing page, a home or landing page included, is shown from the default language.
            func has(_ id: PageID) -> Bool { own[id] != nil || originals[id] != nil }
            if !has(PageID("index")) {
                diagnostics.append(.error(
                    "language '\(code)' has no home page: create \(joinPath(root, code, "index.md"))",
                    at: codeLocations[code] ?? SourceLocation(path: joinPath(root, SiteConfigLoader.fileName))))
            }
            // Each section once, at its folder, whatever number of pages it holds.
            var folders: [String: String] = [:]
            for (id, page) in own where !id.section.isEmpty && !has(PageID(id.section + "/index")) {
                folders[id.section] = String(page.path.dropLast(id.fileName.count + 4))
            }
            for (section, folder) in folders.sorted(by: { $0.key < $1.key }) {
                diagnostics.append(.error(
                    "section '\(section)' has no landing page: create \(joinPath(folder, "index.md")) (its title names the section)",
                    at: SourceLocation(path: folder)))
            }
        }
        return diagnostics
    }
}
