/// One language of the handbook: a folder under `Content/` and its settings.
public struct Language: Hashable, Sendable {
    /// Folder name and URL segment, e.g. `pt`.
    public var code: String
    /// BCP 47 tag for `lang` and `hreflang`, e.g. `pt-BR`.
    public var locale: String
    /// The language's own name, shown in the switcher, e.g. `Português`.
    public var name: String
    /// Which way its text runs: from the locale unless `direction:` says otherwise.
    public var direction: TextDirection = .ltr
    /// Site title in this language.
    public var title: String
    /// Interface strings: the built-in ones for the language, with overrides applied.
    public var strings: InterfaceStrings

    public init(code: String, locale: String, name: String, direction: TextDirection? = nil, title: String,
                strings: InterfaceStrings) {
        self.code = code
        self.locale = locale
        self.name = name
        self.direction = direction ?? TextDirection(locale: locale)
        self.title = title
        self.strings = strings
    }
}

/// The parsed `Content/handbook.yml`.
public struct SiteConfig: Sendable {
    /// In the order of `handbook.yml`; the first is the default language.
    public var languages: [Language]
    /// Raw HTML in Markdown is dropped (cmark's safe mode) unless this is on.
    public var rawHTML: Bool
    /// Absolute address where the site is published, for `sitemap.xml`.
    public var baseURL: String?
    /// Front-matter keys that other tools use, accepted and dropped (`ignore_keys:`).
    public var ignoredKeys: Set<String> = []
    /// Where `handbook.yml` is, and its `ignore_keys` list: summaries point there.
    public var path: String = SiteConfigLoader.fileName
    public var ignoreKeysLocation: SourceLocation?
    /// A translation whose original changed since says so on the page (`outdated_notice:`).
    public var outdatedNotice = true

    public var defaultLanguage: Language { languages[0] }

    public func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }
}
