/// Hugo: the configuration (`hugo.toml`, `config.toml`, `hugo.yaml`…: `title`,
/// `baseURL`, `contentDir`, `defaultContentLanguage`, `[languages.xx]` with
/// `title`, `languageName`, `weight`, `contentDir`) and the pages under
/// `content/`. A language is a file suffix (`page.de.md`) or its own content
/// folder; `_index.md` is a section's page, `x/index.md` a page bundle
/// (page `x` with its files beside it); `weight` orders pages and sections.
struct HugoReader {
    let files: SourceFiles

    static let configNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml"]

    func read() -> SourceSite {
        var site = SourceSite(format: .hugo, root: files.root, languages: [])
        var config = ConfigValue.table([])
        if let name = Self.configNames.first(where: files.exists) {
            let (loaded, note) = files.config(name)
            if let note { site.notes.append(note) }
            config = loaded ?? config
        }
        func key(_ name: String) -> ConfigValue? {  // Hugo's keys are case-insensitive
            config.entries.first { $0.key.lowercased() == name.lowercased() }?.value
        }
        let contentDir = key("contentDir")?.string ?? "content"
        let defaultLanguage = key("defaultContentLanguage")?.string.flatMap(LanguageCode.code) ?? "en"
        let defaultInSubdir = key("defaultContentLanguageInSubdir")?.bool ?? false
        site.prettyURLs = !(key("uglyURLs")?.bool ?? false)
        site.staticRoots = ["static"]
        site.files = Set(files.walk("static"))  // served from the site's root: `/images/x.png`
        var folders: [String: String] = [:]  // language → its own content folder
        var ranked: [(code: String, weight: Int)] = []
        for (name, settings) in key("languages")?.entries ?? [] {
            let code = LanguageCode.code(name) ?? name.lowercased()
            ranked.append((code, settings["weight"]?.int ?? Int.max))
            if let title = settings["title"]?.string ?? settings["params", "title"]?.string { site.titles[code] = title }
            if let name = settings["languageName"]?.string ?? settings["languagename"]?.string { site.names[code] = name }
            if let dir = settings["contentDir"]?.string ?? settings["contentdir"]?.string { folders[code] = dir }
        }
        var languages = ranked.sorted { ($0.weight, $0.code) < ($1.weight, $1.code) }.map(\.code)
        languages.removeAll { $0 == defaultLanguage }
        languages.insert(defaultLanguage, at: 0)
        if let title = key("title")?.string, site.titles[defaultLanguage] == nil { site.titles[defaultLanguage] = title }
        // Without a languages table, a suffix that names a language still is one.
        let suffixes = ranked.isEmpty ? LanguageCode.known : Set(languages)

        var walked: [(relative: String, inside: String, language: String?)] = []
        for (code, dir) in folders.sorted(by: { $0.key < $1.key }) {
            walked += files.walk(dir).map { ($0, String($0.dropFirst(dir.count + 1)), code) }
        }
        let own = Set(folders.values)
        walked += files.walk(contentDir, skip: { own.contains($0) }).map { ($0, String($0.dropFirst(contentDir.count + 1)), nil) }
        for (relative, inside, fixed) in walked {
            guard SourceFiles.isMarkdown(relative) else { site.files.insert(relative); continue }
            var language = fixed ?? defaultLanguage
            var path = inside
            if let (stem, suffix) = LanguageCode.suffix(of: lastComponent(inside), among: suffixes) {
                language = suffix
                path = joinPath(folder(of: inside), stem + ".md")
            }
            if !languages.contains(language) { languages.append(language) }
            // `_index.md` is the section's own page; `x/index.md` is page `x` with its files.
            let name = lastComponent(path).lowercased()
            let key = name == "index.md" && !folder(of: path).isEmpty ? folder(of: path) : pageKey(path)
            let (document, notes) = files.document(relative, language: language, key: key, urls: [])
            site.notes += notes
            guard var found = document else { continue }
            if found.frontMatter.bool("draft") == true {
                site.notes.append(.warning("not imported: a draft (draft: true), which Hugo does not publish either",
                    at: SourceLocation(path: found.path)))
                continue
            }
            let prefix = language == defaultLanguage && !defaultInSubdir ? "" : language + "/"
            var urls = [canonicalURL(prefix + (key == "index" ? "" : key.hasSuffix("/index") ? folder(of: key) : key))]
            if let slug = found.frontMatter.string("slug") {
                urls.append(canonicalURL(prefix + joinPath(folder(of: key.hasSuffix("/index") ? folder(of: key) : key), slug)))
            }
            if let url = found.frontMatter.string("url") { urls.append(canonicalURL(url)) }
            for alias in found.frontMatter["aliases"]?.items.compactMap(\.string) ?? [] { urls.append(canonicalURL(alias)) }
            found.urls = urls
            site.documents.append(found)
        }
        site.languages = languages
        pairByTranslationKey(&site)  // `translationKey` pairs translations whose file names differ
        return site
    }

    /// Documents with the same `translationKey` take the key of the default language's one.
    private func pairByTranslationKey(_ site: inout SourceSite) {
        var keys: [String: String] = [:]
        for document in site.documents where document.language == site.defaultLanguage {
            if let pairing = document.frontMatter.string("translationKey") { keys[pairing] = document.key }
        }
        for index in site.documents.indices {
            if let pairing = site.documents[index].frontMatter.string("translationKey"), let key = keys[pairing] {
                site.documents[index].key = key
            }
        }
    }

    /// Hugo's order: `weight` (0 or none last).
    static func rank(_ document: SourceDocument) -> Int? {
        guard let weight = document.frontMatter.int("weight"), weight != 0 else { return nil }
        return weight
    }
}
