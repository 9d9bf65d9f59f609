/// `<language>/search-index.js`: what the sidebar's search looks through,
/// loaded as a script so that it works from `file://` as well as from a server.
/// One compact entry per page, in reading order, so its size and the time to
/// build it grow linearly with the pages:
///
///     [title, section number, URL from the language folder, [heading, anchor, …], text excerpt, terms]
///
/// Headings include comparison and script titles, so a search finds them on
/// long pages too; the text is the page's plain text, cut after
/// `Page.searchTextLimit` characters, with a line break between blocks (the
/// snippets show it); the terms are the page's description and `keywords:`,
/// which rank like headings. The practice and print pages come last, under
/// their sidebar names, found by their intro and the words readers try for
/// them (`search_terms_practice`, `search_terms_print`). Folding accents and
/// case, and the spelling variants of each language, are left to the browser.
enum SearchIndex {
    static let fileName = "search-index.js"

    /// The file's bytes, written straight into one buffer: it holds every page's text.
    static func render(_ edition: Edition, hasPractice: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(edition.byID.values.reduce(0) { $0 + $1.page.searchText.utf8.count + 256 })
        out += #"self.handbookSearchIndex = {"sections":["#.utf8
        let strings = edition.language.strings
        let tools = (hasPractice ? [strings["practice"]] : []) + [strings["print"]]
        for (number, name) in (edition.sections.map(\.index.page.frontMatter.title) + tools).enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            appendJSON(name, to: &out)
        }
        out += "],\n\"pages\":[\n".utf8
        var first = true
        func entry(_ title: String, section: Int, url: String, headings: [(String, String)], text: String, terms: String) {
            if !first { out += ",\n".utf8 }
            first = false
            out.append(UInt8(ascii: "["))
            appendJSON(title, to: &out)
            out += ",\(section),".utf8
            appendJSON(url, to: &out)
            out += ",[".utf8
            for (index, (text, anchor)) in headings.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendJSON(text, to: &out)
                out.append(UInt8(ascii: ","))
                appendJSON(anchor, to: &out)
            }
            out += "],".utf8
            appendJSON(text, to: &out)
            out.append(UInt8(ascii: ","))
            appendJSON(terms, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        for (number, section) in edition.sections.enumerated() {
            for item in [section.index] + section.pages {
                let page = item.page
                let headings = page.headings.map { ($0.text, $0.anchor) } + page.comparisons.map { ($0.title, $0.anchor) }
                    + page.scripts.map { ($0.title, $0.anchor) }
                let terms = ([page.frontMatter.description ?? ""] + page.frontMatter.keywords).joined(separator: "\n")
                entry(page.frontMatter.title, section: number, url: item.id.outputPath.percentEncodedPath(),
                      headings: headings, text: page.searchText, terms: terms)
            }
        }
        var section = edition.sections.count
        if hasPractice {
            let situations = edition.readingOrder.flatMap { $0.page.comparisons.map { ($0.title, "") } }
            entry(strings["practice_title"], section: section, url: PageRenderer.practicePath, headings: [],
                  text: strings["practice_intro"] + "\n" + situations.map(\.0).joined(separator: "\n"),
                  terms: strings["search_terms_practice"])
            section += 1
        }
        entry(strings["print_title"], section: section, url: PageRenderer.printPath, headings: [],
              text: strings["print_intro"], terms: strings["search_terms_print"])
        out += "\n]};\n".utf8
        return out
    }

    /// `text` as a JSON string literal, also safe inside a script file.
    static func appendJSON(_ text: String, to result: inout [UInt8]) {
        var text = text
        text.withUTF8 { input in
            result.append(UInt8(ascii: "\""))
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
        }
    }
}
