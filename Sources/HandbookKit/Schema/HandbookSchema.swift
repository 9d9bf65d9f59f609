/// JSON Schemas (draft 2020-12) for `handbook.yml` and for a page's front
/// matter, for editors: the YAML extension of VS Code and other editors with
/// yaml-language-server complete and check keys with them.
///
/// The key lists come from the constants the loaders use
/// (`SiteConfigLoader.keys`, `SiteConfigLoader.languageKeys`,
/// `InterfaceStrings.keys`, `FrontMatterParser.keys`), so a key added to the
/// loader appears here without a second edit. The value rules mirror the
/// loaders' checks; `InitTests` feeds every shipped and fixture file through
/// both.
package enum HandbookSchema {
    package static let dialect = "https://json-schema.org/draft/2020-12/schema"
    /// The file `handbook init` writes beside `handbook.yml`, named in its
    /// `# yaml-language-server: $schema=…` line.
    package static let configFileName = "handbook.schema.json"

    /// Any scalar the loaders read as text: YAML's `title: 2024` or `name: yes`
    /// is the text "2024" or "yes" to them, so editors must not flag it.
    static let text: JSONValue = .object([("type", ["string", "number", "boolean"])])

    /// The schema of `handbook.yml`.
    package static func config() -> JSONValue {
        let descriptions: [String: JSONValue] = [
            "languages": "The handbook's languages; the first is the default, and a page missing in another language is shown from it with a notice.",
            "raw_html": "Keep raw HTML in Markdown (default false: it is dropped, with a warning).",
            "base_url": "The published address, like https://example.com/handbook/; used for absolute addresses in sitemap.xml and hreflang.",
            "ignore_keys": "Front-matter keys of other tools (layout, permalink…): accepted in pages and not used.",
        ]
        let values: [String: JSONValue] = [
            "languages": .object([
                ("type", "array"), ("minItems", 1), ("items", .object([("$ref", "#/$defs/language")])),
            ]),
            "raw_html": .object([("type", "boolean")]),
            "base_url": .object([
                ("type", "string"),
                ("pattern", #"^[Hh][Tt][Tt][Pp][Ss]?://[^\s"'<>\\]*$"#),
            ]),
            "ignore_keys": .object([("type", "array"), ("items", text)]),
        ]
        return .object([
            ("$schema", .string(dialect)),
            ("title", "handbook.yml"),
            ("description", "The configuration of a handbook: its languages and site-wide settings. Printed by 'handbook schema config'."),
            ("type", "object"),
            ("required", ["languages"]),
            ("additionalProperties", false),
            ("properties", properties(SiteConfigLoader.keys, values, descriptions)),
            ("$defs", .object([("language", language())])),
        ])
    }

    static func language() -> JSONValue {
        let descriptions: [String: JSONValue] = [
            "code": "The folder name and URL segment, like en or pt-br.",
            "locale": "The language tag for lang and hreflang, like pt-BR (default: the code).",
            "name": "The name in the language switcher (built in for en, de, nl, pt).",
            "title": "The site title in this language.",
            "strings": "Overrides of the theme's words in this language.",
        ]
        let strings: [(key: String, value: JSONValue)] = InterfaceStrings.keys.map { key in
            (key, merged(text, .object([("description", .string("Default in English: \(InterfaceStrings.english[key])"))])))
        }
        let values: [String: JSONValue] = [
            "code": merged(text, .object([
                ("pattern", "^[A-Za-z0-9_-]+$"),
                ("not", .object([("enum", [.string(ContentLoader.assetsFolder), .string(ContentLoader.themeFolder)])])),
            ])),
            "locale": merged(text, .object([("pattern", "^[A-Za-z0-9-]+$")])),
            "name": text,
            "title": text,
            "strings": .object([("type", "object"), ("additionalProperties", false), ("properties", .object(strings))]),
        ]
        return .object([
            ("type", "object"),
            ("required", ["code", "title"]),
            ("additionalProperties", false),
            ("properties", properties(SiteConfigLoader.languageKeys, values, descriptions)),
        ])
    }

    /// The schema of a page's front matter. Front matter is optional, and so
    /// is `title:` in it: a page may take its title from a leading `# heading`.
    /// - Parameter ignoredKeys: the handbook's `ignore_keys`; as in the
    ///   loader, one within a typo's distance of a key of its own stays refused.
    package static func page(ignoredKeys: Set<String> = []) -> JSONValue {
        let descriptions: [String: JSONValue] = [
            "title": "The page's title (or start the body with '# Title').",
            "description": "One line under the title, also used by search.",
            "order": "Position in its section; ties go by file name.",
            "source": "Translations only: the version of the original this page was translated from. Written by 'handbook translations --mark-current'.",
        ]
        let values: [String: JSONValue] = [
            "title": merged(text, .object([("pattern", #"\S"#)])),
            "description": text,
            // The loader reads the scalar as text and then as a whole number, so "3" counts too.
            "order": .object([("type", ["integer", "string"]), ("pattern", "^[+-]?[0-9]+$")]),
            "source": text,
        ]
        var pairs = properties(FrontMatterParser.keys, values, descriptions)
        if case let .object(own) = pairs {
            let accepted = ignoredKeys.sorted().filter { closest(to: $0, in: FrontMatterParser.keys) == nil }
            pairs = .object(own + accepted.map { ($0, .object([("description", "Listed under ignore_keys in handbook.yml: accepted and not used.")])) })
        }
        return .object([
            ("$schema", .string(dialect)),
            ("title", "Page front matter"),
            ("description", "The YAML between the '---' lines at the top of a page. Printed by 'handbook schema page'."),
            ("type", "object"),
            ("additionalProperties", false),
            ("properties", pairs),
        ])
    }

    private static func properties(_ keys: [String], _ values: [String: JSONValue],
                                   _ descriptions: [String: JSONValue]) -> JSONValue {
        .object(keys.map { key in
            let rule = values[key] ?? .object([])
            return (key, descriptions[key].map { merged(.object([("description", $0)]), rule) } ?? rule)
        })
    }

    private static func merged(_ a: JSONValue, _ b: JSONValue) -> JSONValue {
        guard case let .object(first) = a, case let .object(second) = b else { return b }
        return .object(first + second)
    }
}

extension HandbookSchema {
    /// The `ignore_keys` of a content folder's `handbook.yml`, for `page(ignoredKeys:)`.
    package static func ignoredKeys(content: String, fileSystem: any FileSystem = LocalFileSystem()) throws(BuildFailed) -> Set<String> {
        let path = joinPath(content, SiteConfigLoader.fileName)
        guard let bytes = try? fileSystem.read(path), let text = String(validating: bytes, as: UTF8.self) else {
            throw BuildFailed([.error("cannot read \(SiteConfigLoader.fileName) as UTF-8 text", at: SourceLocation(path: path))])
        }
        do {
            return try SiteConfigLoader.load(text: text, path: path).0.ignoredKeys
        } catch {
            throw BuildFailed([error])
        }
    }
}
