/// MkDocs: `mkdocs.yml` (`site_name`, `docs_dir`, `nav`, `use_directory_urls`)
/// and the pages under `docs/`. Translations follow mkdocs-static-i18n, in
/// either of its layouts: folders (`docs/en/`, `docs/de/`) or suffixes
/// (`page.de.md`); its `languages` give the codes, names and `site_name`s.
struct MkDocsReader {
    let files: SourceFiles

    func read() -> SourceSite {
        var site = SourceSite(format: .mkdocs, root: files.root, languages: [])
        let configName = files.exists("mkdocs.yml") ? "mkdocs.yml" : "mkdocs.yaml"
        let (loaded, note) = files.config(configName)
        if let note { site.notes.append(note) }
        let config = loaded ?? .table([])
        let docs = config["docs_dir"]?.string ?? "docs"
        site.prettyURLs = config["use_directory_urls"]?.bool ?? true
        site.staticRoots = [docs]

        // mkdocs-static-i18n: `plugins: [{i18n: {docs_structure, languages}}]`;
        // 1.x lists languages with `locale:`, 0.x maps codes with `default_language:`.
        let i18n = config["plugins"]?.items.compactMap { $0["i18n"] }.first
        var folderLayout = i18n?["docs_structure"]?.string == "folder"
        var languages: [String] = []
        if let list = i18n?["languages"] {
            for item in list.items {
                guard let code = (item["locale"]?.string).flatMap(LanguageCode.code) ?? item["locale"]?.string else { continue }
                if item["default"]?.bool == true { languages.insert(code, at: 0) } else { languages.append(code) }
                if let name = item["name"]?.string { site.names[code] = name }
                if let title = item["site_name"]?.string { site.titles[code] = title }
            }
            for (key, value) in list.entries {
                let code = LanguageCode.code(key) ?? key
                languages.append(code)
                if let name = value.string ?? value["name"]?.string { site.names[code] = name }
                if let title = value["site_name"]?.string { site.titles[code] = title }
            }
            if let first = i18n?["default_language"]?.string, let index = languages.firstIndex(of: first) {
                languages.insert(languages.remove(at: index), at: 0)
            }
        }
        let themeLanguage = config["theme", "language"]?.string.flatMap(LanguageCode.code)
        if languages.isEmpty { languages = [themeLanguage ?? "en"] }
        site.languages = languages
        if let name = config["site_name"]?.string, site.titles[languages[0]] == nil { site.titles[languages[0]] = name }
        let known = Set(languages)
        let inDocs = files.walk(docs, skip: { _ in false })
        if i18n != nil, !folderLayout, languages.count > 1,
           languages.allSatisfy({ files.isDirectory(joinPath(docs, $0)) }) {
            folderLayout = true  // a folder per language without docs_structure spelt out
        }

        /// Language and pairing key of a path relative to docs_dir.
        func place(_ path: String) -> (language: String, key: String) {
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            if folderLayout, parts.count == 2, known.contains(parts[0]) { return (parts[0], pageKey(parts[1])) }
            if let (stem, language) = LanguageCode.suffix(of: lastComponent(path), among: known) {
                return (language, pageKey(joinPath(folder(of: path), stem + ".md")))
            }
            return (languages[0], pageKey(path))
        }

        for relative in inDocs {
            guard SourceFiles.isMarkdown(relative) else { site.files.insert(relative); continue }
            let inside = String(relative.dropFirst(docs.count + 1))
            let (language, key) = place(inside)
            let prefix = language == languages[0] ? "" : language + "/"
            let (document, notes) = files.document(relative, language: language, key: key, urls: [canonicalURL(prefix + key)])
            site.notes += notes
            if let document { site.documents.append(document) }
        }
        if let nav = config["nav"] {
            site.navigation = navigation(nav, place: place, configPath: files.path(configName), notes: &site.notes)
        }
        return site
    }

    /// `nav:` entries: `page.md`, `Title: page.md`, `Title: [entries]`; external links are reported.
    private func navigation(_ value: ConfigValue, place: (String) -> (language: String, key: String),
                            configPath: String, notes: inout [Diagnostic]) -> [NavNode] {
        value.items.compactMap { item -> NavNode? in
            if let path = item.string { return NavNode(title: nil, key: place(path).key) }
            guard let (title, target) = item.entries.first else { return nil }
            if let path = target.string {
                if LinkResolver.scheme(of: path) != nil || path.hasPrefix("/") {
                    notes.append(.warning("nav entry '\(title)' links to \(path), outside the docs; it is not in the imported navigation",
                        at: SourceLocation(path: configPath)))
                    return nil
                }
                return NavNode(title: title, key: place(path).key)
            }
            return NavNode(title: title, key: nil, children: navigation(target, place: place, configPath: configPath, notes: &notes))
        }
    }
}
