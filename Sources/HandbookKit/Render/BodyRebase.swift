/// Moves a page's body HTML into another page (the practice page, the print
/// booklet): relative links and images are made relative to the new page,
/// ids get a prefix so that bodies do not clash, and headings can move down
/// a level or two. It reads only tags, in one pass: body HTML comes from
/// cmark-gfm and the directives, where text never holds a raw `<`.
struct BodyRebase {
    /// Output path of the page the HTML was rendered for (`en/team-mistakes/no-blame.html`).
    var from: String
    /// Output path of the page it is moved into (`en/print.html`).
    var to: String
    /// Put before every id of the body, so that bodies moved into one page do not clash.
    var idPrefix: String
    /// Added to the level of every heading, up to h6.
    var headingShift = 0
    /// Where a link to a page goes instead, by that page's output path; the
    /// anchor, still percent-encoded, is passed along. Nil keeps a link to the page.
    var pageLink: (_ path: String, _ anchor: String?) -> (href: String, title: String?)? = { _, _ in nil }

    func apply(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                let end = rest.firstRange(of: "-->")?.upperBound ?? rest.endIndex
                result += rest[..<end]
                rest = rest[end...]
                continue
            }
            let end = Self.tagEnd(rest)
            let tag = rest[..<end]
            rest = rest[end...]
            result += rewrite(tag, following: rest)
        }
        result += rest
        return result
    }

    /// Index just past the `>` that closes the tag at the start of `text`, skipping quoted values.
    private static func tagEnd(_ text: Substring) -> Substring.Index {
        var quote: Character?
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return text.index(after: index)
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    private func rewrite(_ tag: Substring, following: Substring) -> String {
        let afterBracket = tag.dropFirst()
        let closing = afterBracket.hasPrefix("/")
        let nameStart = closing ? afterBracket.dropFirst() : afterBracket
        let name = nameStart.prefix { $0.isLetter || $0.isNumber }
        if headingShift != 0, let level = Self.headingLevel(name) {
            let shifted = "h\(min(level + headingShift, 6))"
            let renamed = (closing ? "</" : "<") + shifted + nameStart.dropFirst(name.count)
            return closing ? renamed : rewriteAttributes(renamed[...], name: shifted, following: following)
        }
        return closing ? String(tag) : rewriteAttributes(tag, name: String(name).lowercased(), following: following)
    }

    private static func headingLevel(_ name: Substring) -> Int? {
        guard name.count == 2, name.first == "h" || name.first == "H", let level = Int(String(name.last!)),
              (1...6).contains(level) else { return nil }
        return level
    }

    /// Rewrites `id`, `href` and `src`; everything else in the tag is kept as written.
    private func rewriteAttributes(_ tag: Substring, name: String, following: Substring) -> String {
        guard tag.contains("=") else { return String(tag) }
        var result = ""
        var extra = ""
        var index = tag.startIndex
        var cursor = tag.startIndex  // copied up to here
        // Skip "<name".
        index = tag.index(after: index)
        while index < tag.endIndex, !tag[index].isWhitespace, tag[index] != ">", tag[index] != "/" {
            index = tag.index(after: index)
        }
        while index < tag.endIndex {
            while index < tag.endIndex, tag[index].isWhitespace || tag[index] == "/" { index = tag.index(after: index) }
            let attributeStart = index
            while index < tag.endIndex, !tag[index].isWhitespace, !"=>/".contains(tag[index]) { index = tag.index(after: index) }
            let attribute = tag[attributeStart..<index].lowercased()
            guard index < tag.endIndex, tag[index] == "=" else {
                if index < tag.endIndex, tag[index] == ">" { break }
                continue
            }
            index = tag.index(after: index)
            var valueStart = index, valueEnd = index
            if index < tag.endIndex, tag[index] == "\"" || tag[index] == "'" {
                let quote = tag[index]
                valueStart = tag.index(after: index)
                valueEnd = tag[valueStart...].firstIndex(of: quote) ?? tag.endIndex
                index = valueEnd < tag.endIndex ? tag.index(after: valueEnd) : valueEnd
            } else {
                while index < tag.endIndex, !tag[index].isWhitespace, tag[index] != ">" { index = tag.index(after: index) }
                valueEnd = index
            }
            let value = String(tag[valueStart..<valueEnd])
            var replacement: String?
            switch attribute {
            case "id" where !idPrefix.isEmpty:
                replacement = idPrefix + value
            case "href" where name == "a", "src":
                let (href, title) = rebase(value, isLink: name == "a")
                replacement = href
                if let title, !Self.linkText(following).sameText(as: title) {
                    extra = " data-target=\"\(escapeHTML(title))\""
                }
            default:
                break
            }
            if let replacement, replacement != value {
                result += tag[cursor..<valueStart]
                result += replacement
                cursor = valueEnd
            }
        }
        if extra.isEmpty {
            result += tag[cursor...]
        } else {
            let close = tag.hasSuffix("/>") ? tag.index(tag.endIndex, offsetBy: -2) : tag.index(before: tag.endIndex)
            result += tag[cursor..<close]
            result += extra
            result += tag[close...]
        }
        return result
    }

    /// The text of a link, up to its closing tag, without markup.
    private static func linkText(_ following: Substring) -> String {
        let end = following.firstRange(of: "</a>")?.lowerBound ?? following.endIndex
        var text = ""
        var inTag = false
        for character in following[..<end] {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text
    }

    /// A URL as the new page needs it, and for a link to a page, that page's title.
    private func rebase(_ url: String, isLink: Bool) -> (String, String?) {
        if url.isEmpty || url.hasPrefix("/") || Self.hasScheme(url) { return (url, nil) }
        let (pathPart, anchor) = url.firstIndex(of: "#").map { (String(url[..<$0]), String(url[url.index(after: $0)...])) }
            ?? (url, nil)
        let target: String
        if pathPart.isEmpty {
            target = from  // "#anchor": a place on the page itself
        } else {
            let folder = from.split(separator: "/").dropLast().joined(separator: "/")
            let decoded = pathPart.removingPercentEncoding()
            guard let normalized = LinkResolver.normalize(folder.isEmpty ? decoded : folder + "/" + decoded) else { return (url, nil) }
            target = normalized
        }
        if isLink, let page = pageLink(target, anchor) { return (page.href, page.title) }
        return (relativeURL(from: to, to: target) + (anchor.map { "#" + $0 } ?? ""), nil)
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

extension String {
    /// Decodes `%XX` escapes; a malformed escape is kept as it is.
    func removingPercentEncoding() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Equal once HTML entities, case and surrounding space are set aside.
    func sameText(as other: String) -> Bool {
        func plain(_ text: String) -> String {
            text.replacingAll("&#39;", with: "'").replacingAll("&quot;", with: "\"").replacingAll("&lt;", with: "<")
                .replacingAll("&gt;", with: ">").replacingAll("&amp;", with: "&").replacingAll("’", with: "'")
                .trimmingWhitespace().lowercased()
        }
        return plain(self) == plain(other)
    }
}
