/// `<language>/search-index.js`: what the sidebar's search looks through,
/// loaded as a script so that it works from `file://` as well as from a server.
/// One compact entry per page, in reading order, so its size and the time to
/// build it grow linearly with the pages:
///
///     [title, section number, URL from the language folder, [heading, anchor, …], text excerpt]
///
/// Headings include comparison and script titles, so a search finds them on
/// long pages too; the text is the page's plain text, cut after
/// `excerptLimit` characters. Folding accents and case is left to the browser.
enum SearchIndex {
    static let fileName = "search-index.js"
    static let excerptLimit = 4_000

    static func render(_ edition: Edition) -> String {
        var sections: [String] = []
        var pages: [String] = []
        for section in edition.sections {
            let number = sections.count
            sections.append(json(section.index.page.frontMatter.title))
            for entry in [section.index] + section.pages {
                let page = entry.page
                var headings: [String] = []
                for heading in page.headings { headings += [json(heading.text), json(heading.anchor)] }
                for comparison in page.comparisons { headings += [json(comparison.title), json(comparison.anchor)] }
                for script in page.scripts { headings += [json(script.title), json(script.anchor)] }
                pages.append("[" + [
                    json(page.frontMatter.title), String(number), json(entry.id.outputPath.percentEncodedPath()),
                    "[" + headings.joined(separator: ",") + "]",
                    json(excerpt(page.plainText, limit: excerptLimit)),
                ].joined(separator: ",") + "]")
            }
        }
        return "self.handbookSearchIndex = {\"sections\":[" + sections.joined(separator: ",") + "],\n\"pages\":[\n"
            + pages.joined(separator: ",\n") + "\n]};\n"
    }

    /// The text with runs of white space folded, cut at a word boundary after at most `limit` characters.
    static func excerpt(_ text: String, limit: Int) -> String {
        // Unicode scalars rather than Characters: grapheme breaking is most of the cost otherwise.
        var result = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        var lastSpace: String.UnicodeScalarView.Index?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                if count + 1 >= limit { break }
                lastSpace = result.endIndex
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            if count >= limit {
                if let lastSpace { result = String.UnicodeScalarView(result[..<lastSpace]) }
                break
            }
            result.append(scalar)
            count += 1
        }
        return String(result)
    }

    /// A JSON string literal; also safe inside a script file.
    static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
