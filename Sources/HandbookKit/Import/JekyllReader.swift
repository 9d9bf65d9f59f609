/// Jekyll: `_config.yml` (`title`, `baseurl`, `permalink`, `exclude`,
/// `collections`, polyglot's `languages` and `default_lang`) and every
/// Markdown page outside Jekyll's own folders (`_layouts`, `_includes`,
/// `_site`, …); posts and collections (`_posts/`, `_<name>/`) become sections.
/// A page's language is its `lang:` key, else a language folder (`de/…`);
/// `ref:` (or `lang_ref`, `translation_key`, `page_id`) pairs translations
/// whose paths differ. `nav_order` or `order` orders pages.
struct JekyllReader {
    let files: SourceFiles

    static let ownFolders: Set<String> = ["_site", "_layouts", "_includes", "_sass", "_data", "_plugins", "_drafts",
                                          "vendor", "node_modules", ".jekyll-cache", ".sass-cache", "Gemfile", "Gemfile.lock"]
    static let pairingKeys = ["ref", "lang_ref", "lang-ref", "translation_key", "page_id"]

    func read() -> SourceSite {
        var site = SourceSite(format: .jekyll, root: files.root, languages: [])
        let configName = files.exists("_config.yml") ? "_config.yml" : "_config.yaml"
        let (loaded, note) = files.config(configName)
        if let note { site.notes.append(note) }
        let config = loaded ?? .table([])
        let permalink = config["permalink"]?.string ?? ""
        site.prettyURLs = permalink == "pretty" || permalink.hasSuffix("/")
        site.basePath = (config["baseurl"]?.string ?? "").trimmingCharacters(in: "/")
        let excluded = Set(config["exclude"]?.items.compactMap(\.string) ?? [])
        let collections = Set(config["collections"]?.entries.map(\.key) ?? config["collections"]?.items.compactMap(\.string) ?? [])
        var declared = config["languages"]?.items.compactMap { $0.string.flatMap(LanguageCode.code) } ?? []
        let configuredDefault = (config["default_lang"]?.string ?? config["lang"]?.string ?? config["language"]?.string)
            .flatMap(LanguageCode.code)

        let walked = files.walk(skip: { path in
            let top = path.split(separator: "/").first.map(String.init) ?? path
            if Self.ownFolders.contains(top) || excluded.contains(top) || excluded.contains(path) { return true }
            // `_posts` and declared collections are content; other `_folders` are Jekyll's.
            return top.hasPrefix("_") && top != "_posts" && !collections.contains(String(top.dropFirst()))
        })
        var found: [SourceDocument] = []
        for relative in walked {
            if relative.lowercased().hasSuffix(".html"), files.text(relative)?.hasPrefix("---") == true {
                site.notes.append(.warning("not imported: an HTML page (only Markdown pages are imported); rewrite it as Markdown if it holds content",
                    at: SourceLocation(path: files.path(relative))))
                continue
            }
            guard SourceFiles.isMarkdown(relative) else { site.files.insert(relative); continue }
            if relative.lowercased() == "readme.md", walked.contains(where: { pageKey($0) == "index" && $0 != relative }) {
                site.notes.append(.warning("not imported: the repository's README; the site's home is its index page",
                    at: SourceLocation(path: files.path(relative))))
                continue
            }
            let (document, notes) = files.document(relative, language: "", key: "", urls: [])
            site.notes += notes
            if let document { found.append(document) }
        }

        // Languages: polyglot's list, else every `lang:` key and language folder.
        let folderOf = { (document: SourceDocument) -> String? in
            document.relative.split(separator: "/").first.flatMap { LanguageCode.code(String($0)) }
                .flatMap { document.relative.contains("/") ? $0 : nil }
        }
        for document in found {
            for code in [document.frontMatter.string("lang").flatMap(LanguageCode.code), folderOf(document)].compactMap({ $0 })
            where !declared.contains(code) { declared.append(code) }
        }
        let home = found.first { pageKey($0.relative) == "index" }
        let defaultLanguage = configuredDefault ?? home?.frontMatter.string("lang").flatMap(LanguageCode.code)
            ?? (declared.contains("en") ? "en" : declared.first ?? "en")
        declared.removeAll { $0 == defaultLanguage }
        site.languages = [defaultLanguage] + declared
        if let title = config["title"]?.string { site.titles[defaultLanguage] = title }

        for var document in found {
            let language = document.frontMatter.string("lang").flatMap(LanguageCode.code) ?? folderOf(document) ?? defaultLanguage
            document.language = language
            var path = document.relative
            if let top = folderOf(document), site.languages.contains(top) { path = String(path.drop { $0 != "/" }.dropFirst()) }
            if path.hasPrefix("_") { path.removeFirst() }  // `_posts/x.md` → section `posts`
            if path.hasPrefix("posts/") { path = folder(of: path) + "/" + Self.postName(lastComponent(path)) }
            document.key = pageKey(path)
            var urls = [canonicalURL(document.relative), canonicalURL(Self.postName(document.relative))]
            if let link = document.frontMatter.string("permalink") { urls.insert(canonicalURL(link), at: 0) }
            document.urls = urls
            site.documents.append(document)
        }
        pairByReference(&site)
        return site
    }

    /// `2024-01-31-welcome.md` → `welcome.md`: a post's date is not part of its page name.
    static func postName(_ name: String) -> String {
        let parts = name.split(separator: "-", maxSplits: 3)
        guard parts.count == 4, parts[0].count == 4, parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isNumber),
              parts[2].allSatisfy(\.isNumber) else { return name }
        return String(parts[3])
    }

    private func pairByReference(_ site: inout SourceSite) {
        func reference(_ document: SourceDocument) -> String? {
            Self.pairingKeys.lazy.compactMap { document.frontMatter.string($0) }.first
        }
        var keys: [String: String] = [:]
        for document in site.documents where document.language == site.defaultLanguage {
            if let pairing = reference(document) { keys[pairing] = document.key }
        }
        for index in site.documents.indices {
            if let pairing = reference(site.documents[index]), let key = keys[pairing] { site.documents[index].key = key }
        }
    }

    /// Jekyll's order keys: `nav_order` (Just the Docs), else `order`.
    static func rank(_ document: SourceDocument) -> Int? {
        document.frontMatter.int("nav_order") ?? document.frontMatter.int("order")
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
