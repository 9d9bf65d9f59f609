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
            var text = "---\ntitle: \(yamlQuoted(title))\n"
            if let description { text += "description: \(yamlQuoted(description))\n" }
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
            if let name = language.name { text += "    name: \(yamlQuoted(name))\n" }
            text += "    title: \(yamlQuoted(language.title))\n"
        }
        if rawHTML { text += "raw_html: true\n" }
        return text
    }
}

/// A YAML double-quoted scalar: safe for any title (colons, quotes, `#`, leading `-`, line breaks).
func yamlQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.properties.generalCategory == .control {
                result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

extension Substring {
    func trimmingTrailingNewlines() -> Substring {
        var text = self
        while let last = text.last, last == "\n" || last == " " { text.removeLast() }
        return text
    }
}
