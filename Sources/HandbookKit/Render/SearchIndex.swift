/// `<language>/search-index.js`: what the sidebar's search looks through,
/// loaded as a script so that it works from `file://` as well as from a server.
/// One compact entry per page, in reading order, so its size and the time to
/// build it grow linearly with the pages:
///
///     [title, section number, URL from the language folder, [heading, anchor, …], text excerpt]
///
/// Headings include comparison and script titles, so a search finds them on
/// long pages too; the text is the page's plain text, cut after
/// `Page.searchTextLimit` characters. Folding accents and case is left to the browser.
enum SearchIndex {
    static let fileName = "search-index.js"

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
                    json(page.searchText),
                ].joined(separator: ",") + "]")
            }
        }
        return "self.handbookSearchIndex = {\"sections\":[" + sections.joined(separator: ",") + "],\n\"pages\":[\n"
            + pages.joined(separator: ",\n") + "\n]};\n"
    }

    /// A JSON string literal; also safe inside a script file.
    static func json(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var result: [UInt8] = [UInt8(ascii: "\"")]
            result.reserveCapacity(input.count + 8)
            for (offset, byte) in input.enumerated() {
                switch byte {
                case UInt8(ascii: "\""): result += #"\""#.utf8
                case UInt8(ascii: "\\"): result += #"\\"#.utf8
                case UInt8(ascii: "\n"): result += #"\n"#.utf8
                case UInt8(ascii: "\r"): result += #"\r"#.utf8
                case UInt8(ascii: "\t"): result += #"\t"#.utf8
                case UInt8(ascii: "<"): result += #"\u003c"#.utf8
                case 0..<0x20: result += ("\\u" + String(byte, radix: 16).leftPadded(to: 4)).utf8
                // U+2028 and U+2029 end a line in older JavaScript: E2 80 A8/A9 in UTF-8.
                case 0xA8...0xA9 where offset >= 2 && input[offset - 2] == 0xE2 && input[offset - 1] == 0x80:
                    result.removeLast(2)
                    result += (byte == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                default: result.append(byte)
                }
            }
            result.append(UInt8(ascii: "\""))
            return String(decoding: result, as: UTF8.self)
        }
    }
}
