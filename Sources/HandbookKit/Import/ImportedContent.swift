/// The content folder an import writes, complete and checked, before it
/// touches the disk.
struct ImportedContent {
    struct Language {
        var code: String
        var title: String
        var name: String?
    }

    struct Page {
        var language: String
        var id: PageID
        var title: String
        var description: String?
        var order: Int?
        var body: String
        /// The source file, nil for a page the import created.
        var source: String?

        /// The page in this project's format: front matter, a blank line, the body.
        var markdown: String {
            var text = "---\ntitle: \(doubleQuoted(title))\n"
            if let description { text += "description: \(doubleQuoted(description))\n" }
            if let order { text += "order: \(order)\n" }
            var body = Substring(body)
            while body.first == "\n" { body.removeFirst() }
            return text + "---\n\n" + body.trimmingTrailingNewlines() + "\n"
        }
    }

    var languages: [Language]
    var rawHTML: Bool
    var pages: [Page]
    /// Files to copy: the source path and the path under the content folder (`assets/img/x.png`).
    var assets: [(source: String, destination: String)]
    var origin: String

    var configuration: String {
        var text = "# Imported from \(origin) by 'handbook import'. The first language is the default.\nlanguages:\n"
        for language in languages {
            text += "  - code: \(language.code)\n"
            let locale = LanguageCode.locale(language.code)
            if locale != language.code { text += "    locale: \(locale)\n" }
            if let name = language.name { text += "    name: \(doubleQuoted(name))\n" }
            text += "    title: \(doubleQuoted(language.title))\n"
        }
        if rawHTML { text += "raw_html: true\n" }
        return text
    }
}

extension Substring {
    func trimmingTrailingNewlines() -> Substring {
        var text = self
        while let last = text.last, last == "\n" || last == " " { text.removeLast() }
        return text
    }
}
