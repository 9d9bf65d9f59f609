import Foundation

/// Moves a page's body HTML into another page (the practice page, the print
/// booklet): relative links and images are made relative to the new page,
/// ids get a prefix so that bodies do not clash, and headings can move down
/// a level or two. It reads only tags, in one pass over the UTF-8 bytes: body
/// HTML comes from cmark-gfm and the theme's partials, where text never holds
/// a raw `<` and tags are ASCII, so no Unicode-aware scanning is needed.
///
/// Why after drawing, on HTML, and not from the model: the ids and links a
/// moved body holds are written by cmark (headings, links, images) and by the
/// theme (a comparison's `anchor` goes wherever its partial puts it). Moving
/// the finished HTML is the one step that catches every one, whoever wrote it;
/// the parse stays one per page, not one per document a body moves into.
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

    typealias Bytes = UnsafeBufferPointer<UInt8>

    func apply(_ html: String) -> String {
        var html = html
        return html.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + input.count / 16)
            var index = 0
            while let open = input.firstIndex(of: UInt8(ascii: "<"), from: index) {
                output.append(contentsOf: input[index..<open])
                if input.hasPrefix("<!--", at: open) {
                    let end = input.firstIndex(of: "-->", from: open + 4).map { $0 + 3 } ?? input.count
                    output.append(contentsOf: input[open..<end])
                    index = end
                    continue
                }
                let end = Self.tagEnd(input, open)
                rewrite(Bytes(rebasing: input[open..<end]), following: Bytes(rebasing: input[end...]), into: &output)
                index = end
            }
            output.append(contentsOf: input[index...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Index just past the `>` that closes the tag starting at `start`, skipping quoted values.
    private static func tagEnd(_ text: Bytes, _ start: Int) -> Int {
        var quote: UInt8 = 0
        var index = start + 1
        while index < text.count {
            let byte = text[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return text.count
    }

    private func rewrite(_ tag: Bytes, following: Bytes, into output: inout [UInt8]) {
        let closing = tag.count > 1 && tag[1] == UInt8(ascii: "/")
        let nameStart = closing ? 2 : 1
        var nameEnd = nameStart
        while nameEnd < tag.count, tag[nameEnd].isASCIIAlphanumeric { nameEnd += 1 }
        let name = Bytes(rebasing: tag[nameStart..<nameEnd])
        if headingShift != 0, let level = Self.headingLevel(name) {
            var renamed: [UInt8] = Array((closing ? "</h" : "<h").utf8)
            renamed.append(UInt8(ascii: "0") + UInt8(min(level + headingShift, 6)))
            renamed.append(contentsOf: tag[nameEnd...])
            if closing {
                output.append(contentsOf: renamed)
            } else {
                renamed.withUnsafeBufferPointer { rewriteAttributes($0, isLink: false, following: following, into: &output) }
            }
            return
        }
        if closing {
            output.append(contentsOf: tag)
        } else {
            let isLink = name.count == 1 && (name[0] | 0x20) == UInt8(ascii: "a")
            rewriteAttributes(tag, isLink: isLink, following: following, into: &output)
        }
    }

    private static func headingLevel(_ name: Bytes) -> Int? {
        guard name.count == 2, name[0] | 0x20 == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(name[1]) else { return nil }
        return Int(name[1] - UInt8(ascii: "0"))
    }

    /// Rewrites `id`, `href` and `src`; everything else in the tag is kept as written.
    private func rewriteAttributes(_ tag: Bytes, isLink: Bool, following: Bytes, into output: inout [UInt8]) {
        guard tag.contains(UInt8(ascii: "=")) else { return output.append(contentsOf: tag) }
        var extra = ""
        var cursor = 0  // copied up to here
        // Skip "<name".
        var index = 1
        while index < tag.count, !tag[index].isHTMLSpace, tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/") {
            index += 1
        }
        while index < tag.count {
            while index < tag.count, tag[index].isHTMLSpace || tag[index] == UInt8(ascii: "/") { index += 1 }
            let attributeStart = index
            while index < tag.count, !tag[index].isHTMLSpace, tag[index] != UInt8(ascii: "="),
                  tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/") {
                index += 1
            }
            let attribute = Bytes(rebasing: tag[attributeStart..<index])
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else {
                if index < tag.count, tag[index] == UInt8(ascii: ">") { break }
                continue
            }
            index += 1
            var valueStart = index, valueEnd = index
            if index < tag.count, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
                let quote = tag[index]
                valueStart = index + 1
                valueEnd = tag.firstIndex(of: quote, from: valueStart) ?? tag.count
                index = min(valueEnd + 1, tag.count)
            } else {
                while index < tag.count, !tag[index].isHTMLSpace, tag[index] != UInt8(ascii: ">") { index += 1 }
                valueEnd = index
            }
            let value = Bytes(rebasing: tag[valueStart..<valueEnd])
            var replacement: String?
            if attribute.equalsIgnoringASCIICase("id") {
                if !idPrefix.isEmpty { replacement = idPrefix + String(decoding: value, as: UTF8.self) }
            } else if (isLink && attribute.equalsIgnoringASCIICase("href")) || attribute.equalsIgnoringASCIICase("src") {
                let url = String(decoding: value, as: UTF8.self)
                let (href, title) = rebase(url, isLink: isLink)
                if href != url { replacement = href }
                if let title, !Self.linkText(following).sameText(as: title) {
                    extra = " data-target=\"\(escapeHTML(title))\""
                }
            }
            if let replacement {
                output.append(contentsOf: tag[cursor..<valueStart])
                output.append(contentsOf: replacement.utf8)
                cursor = valueEnd
            }
        }
        if extra.isEmpty {
            output.append(contentsOf: tag[cursor...])
        } else {
            let selfClosing = tag.count >= 2 && tag[tag.count - 2] == UInt8(ascii: "/") && tag[tag.count - 1] == UInt8(ascii: ">")
            let close = tag.count - (selfClosing ? 2 : 1)
            output.append(contentsOf: tag[cursor..<close])
            output.append(contentsOf: extra.utf8)
            output.append(contentsOf: tag[close...])
        }
    }

    /// The text of a link, up to its closing tag, without markup.
    private static func linkText(_ following: Bytes) -> String {
        let end = following.firstIndex(of: "</a>", from: 0) ?? following.count
        var text: [UInt8] = []
        var inTag = false
        for byte in following[..<end] {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag { text.append(byte) }
        }
        return String(decoding: text, as: UTF8.self)
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
