/// One language of the handbook: a folder under `Content/` and its settings.
package struct Language: Hashable, Sendable {
    /// Folder name and URL segment, e.g. `pt`.
    package var code: String
    /// BCP 47 tag for `lang` and `hreflang`, e.g. `pt-BR`.
    package var locale: String
    /// The language's own name, shown in the switcher, e.g. `Português`.
    package var name: String
    /// Which way its text runs: from the locale unless `direction:` says otherwise.
    package var direction: TextDirection = .ltr
    /// Site title in this language.
    package var title: String
    /// Interface strings: the built-in ones for the language, with overrides applied.
    package var strings: InterfaceStrings

    package init(code: String, locale: String, name: String, direction: TextDirection? = nil, title: String,
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
package struct SiteConfig: Sendable {
    /// In the order of `handbook.yml`; the first is the default language.
    package var languages: [Language]
    /// Raw HTML in Markdown is dropped (cmark's safe mode) unless this is on.
    package var rawHTML: Bool
    /// Absolute address where the site is published, for `sitemap.xml`.
    package var baseURL: String?
    /// Front-matter keys that other tools use, accepted and dropped (`ignore_keys:`).
    package var ignoredKeys: Set<String> = []
    /// Where `handbook.yml` is, and its `ignore_keys` list: summaries point there.
    package var path: String = SiteConfigLoader.fileName
    package var ignoreKeysLocation: SourceLocation?
    /// A translation whose original changed since says so on the page (`outdated_notice:`).
    package var outdatedNotice = true

    package var defaultLanguage: Language { languages[0] }

    package func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }
}
