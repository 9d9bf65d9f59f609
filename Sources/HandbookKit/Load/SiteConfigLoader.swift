import Yams

/// Reads `Content/handbook.yml`:
///
/// ```yaml
/// languages:            # the first is the default language
///   - code: en
///     title: The Apology Handbook
///   - code: pt
///     locale: pt-BR     # for lang and hreflang; defaults to the code
///     name: Português   # shown in the switcher; built in for en, de, nl, pt
///     direction: ltr    # rtl or ltr; defaults from the locale (ar, he, fa, ur… are rtl)
///     title: Manual de desculpas
///     strings:          # override any interface string
///       next: Seguinte
/// raw_html: false       # allow raw HTML in Markdown
/// base_url: https://example.com/handbook/   # for sitemap.xml
/// ignore_keys: [layout, permalink]            # front-matter keys of other tools
/// outdated_notice: true # an outdated translation says so, linking to the original
/// ```
enum SiteConfigLoader {
    static let fileName = "handbook.yml"
    /// The keys of the file and of a language entry; `HandbookSchema` lists the same.
    static let keys = ["languages", "raw_html", "base_url", "ignore_keys", "outdated_notice"]
    static let languageKeys = ["code", "locale", "name", "direction", "title", "strings"]

    /// The configuration, its warnings, and where each language's code is written.
    static func load(text: String, path: String) throws(Diagnostic) -> (SiteConfig, [Diagnostic], codes: [String: SourceLocation]) {
        let yaml = YAMLReader(path: path, firstLine: 1)
        guard let root = try yaml.compose(text) else {
            throw .error("\(fileName) is empty; it must list the languages", at: SourceLocation(path: path))
        }
        let keys = try yaml.mapping(root, allowed: keys, what: fileName)
        guard let languagesNode = keys["languages"] else {
            throw .error("\(fileName) must list the languages under 'languages'", at: yaml.location(root.mark))
        }
        var warnings: [Diagnostic] = []
        var languages: [Language] = []
        var codes: [String: SourceLocation] = [:]
        for node in try yaml.sequence(languagesNode, key: "languages") {
            let (language, languageWarnings) = try self.language(node, yaml: yaml)
            codes[language.code] = yaml.location(node.mapping?["code"]?.mark ?? node.mark)
            if languages.contains(where: { $0.code == language.code }) {
                throw .error("language '\(language.code)' is listed twice", at: yaml.location(node.mark))
            }
            languages.append(language)
            warnings += languageWarnings
        }
        if languages.isEmpty {
            throw .error("'languages' must name at least one language", at: yaml.location(languagesNode.mark))
        }
        var baseURL = try keys["base_url"].map { node throws(Diagnostic) in try yaml.string(node, key: "base_url") }
        if let url = baseURL, let node = keys["base_url"] {
            let lowered = url.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
                  !url.contains(where: { $0.isWhitespace || "\"'<>\\".contains($0) })
            else {
                throw .error("'base_url' must be an http:// or https:// address, like https://example.com/handbook/",
                    at: yaml.location(node.mark))
            }
        }
        if let url = baseURL, !url.hasSuffix("/") { baseURL = url + "/" }
        let rawHTML = try keys["raw_html"].map { node throws(Diagnostic) in try yaml.bool(node, key: "raw_html") } ?? false
        var ignoredKeys: Set<String> = []
        for node in try keys["ignore_keys"].map({ node throws(Diagnostic) in try yaml.sequence(node, key: "ignore_keys") }) ?? [] {
            let key = try yaml.string(node, key: "ignore_keys")
            if FrontMatterParser.keys.contains(key) {
                warnings.append(.warning("'\(key)' is one of the handbook's own front-matter keys and is never ignored; remove it from 'ignore_keys'",
                    at: yaml.location(node.mark)))
            } else {
                ignoredKeys.insert(key)
            }
        }
        var config = SiteConfig(languages: languages, rawHTML: rawHTML, baseURL: baseURL)
        config.ignoredKeys = ignoredKeys
        config.path = path
        config.outdatedNotice = try keys["outdated_notice"].map { node throws(Diagnostic) in
            try yaml.bool(node, key: "outdated_notice")
        } ?? true
        config.ignoreKeysLocation = keys["ignore_keys"].map { yaml.location($0.mark) }
        return (config, warnings, codes)
    }

    private static func language(_ node: Node, yaml: YAMLReader) throws(Diagnostic) -> (Language, [Diagnostic]) {
        let keys = try yaml.mapping(
            node, allowed: languageKeys, what: "a language entry")
        guard let codeNode = keys["code"] else {
            throw .error("a language entry needs a 'code' (its folder name, e.g. en)", at: yaml.location(node.mark))
        }
        let code = try yaml.string(codeNode, key: "code")
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .error("language code '\(code)' must be a plain folder name like 'en' or 'pt-br'",
                at: yaml.location(codeNode.mark))
        }
        if code == ContentLoader.assetsFolder || code == ContentLoader.themeFolder {
            throw .error("language code '\(code)' is reserved for the \(code)/ folder; choose another",
                at: yaml.location(codeNode.mark))
        }
        guard let titleNode = keys["title"] else {
            throw .error("language '\(code)' needs a 'title' (the site title in that language)",
                at: yaml.location(node.mark))
        }
        var warnings: [Diagnostic] = []
        var strings = InterfaceStrings.builtin(for: code) ?? {
            warnings.append(.warning(
                "no built-in interface strings for '\(code)': English is used where 'strings' gives none",
                at: yaml.location(codeNode.mark)))
            return InterfaceStrings.english
        }()
        if let stringsNode = keys["strings"] {
            let overrides = try yaml.mapping(stringsNode, allowed: InterfaceStrings.keys, what: "'strings'")
            for (key, value) in overrides {
                let text = try yaml.string(value, key: key)
                if let problem = PluralForms(text)?.problem {
                    warnings.append(.warning("'\(key)': \(problem); numbers without a form of their own show the first one",
                        at: yaml.location(value.mark)))
                }
                strings.override(key, with: text)
            }
        }
        let name = try keys["name"].map { n throws(Diagnostic) in try yaml.string(n, key: "name") }
        let locale = try keys["locale"].map { n throws(Diagnostic) in try yaml.string(n, key: "locale") }
        // The locale lands in lang and hreflang attributes and in the chooser's script.
        if let locale, let node = keys["locale"],
           locale.isEmpty || !locale.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw .error("locale '\(locale)' must be a language tag like 'pt-BR'", at: yaml.location(node.mark))
        }
        var direction: TextDirection?
        if let node = keys["direction"] {
            let written = try yaml.string(node, key: "direction")
            guard let value = TextDirection(rawValue: written.lowercased()) else {
                throw .error("direction '\(written)' must be 'rtl' (right to left) or 'ltr' (left to right)",
                    at: yaml.location(node.mark))
            }
            direction = value
        }
        let language = Language(
            code: code,
            locale: locale ?? code,
            name: (name ?? InterfaceStrings.builtinName(for: code) ?? code),
            direction: direction,
            title: try yaml.string(titleNode, key: "title"),
            strings: strings)
        return (language, warnings)
    }
}
