/// A page's body HTML made into well-formed XHTML for a chapter of the EPUB.
///
/// cmark-gfm's own output is already XHTML-compatible, but a handbook with
/// `raw_html: true` can hold any HTML, and e-readers refuse a chapter that is
/// not well-formed XML. So every tag is rewritten: names in lower case, every
/// attribute quoted and given a value, void elements closed (`<br/>`), end tags
/// matched to what is open (a stray one is dropped, an unclosed element closed
/// where its parent ends), entities that XML does not know written as
/// numbers (`&nbsp;` → `&#160;`), ids made valid XML names. Links are passed
/// to `link`, images to `image`, which say where they lead inside the book.
/// Comments are dropped: they show nothing on the site either.
struct XHTMLBody {
    /// Where a relative link leads in the book, or nil when its target is not
    /// part of the book: the link is then kept as text (a `<span>`).
    var link: (String) -> String?
    /// Where a relative image is in the book, or nil when it is not a file the
    /// book holds: its alt text then stands in for it.
    var image: (String) -> String? = { $0 }

    /// What the conversion changed that the reader would notice.
    enum Change: Equatable {
        case unlinked(String)
        case remoteImage(String)
        case missingImage(String)
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    func convert(_ html: String) -> (xhtml: String, changes: [Change]) {
        let text = Array(html.unicodeScalars)
        var output = ""
        output.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var changes: [Change] = []
        // Open elements: the name in the source, the name written.
        var open: [(source: String, written: String)] = []
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if scalar == "&" {
                let (entity, next) = Self.entity(text, index)
                output += entity
                index = next
            } else if scalar == "<" {
                if Self.matches(text, index, "<!--") {
                    index = Self.find(text, "-->", from: index + 4).map { $0 + 3 } ?? text.count
                } else if index + 1 < text.count, text[index + 1] == "!" || text[index + 1] == "?" {
                    index = Self.find(text, ">", from: index).map { $0 + 1 } ?? text.count
                } else if index + 1 < text.count, text[index + 1] == "/" || Self.isASCIILetter(text[index + 1]) {
                    let end = Self.tagEnd(text, index)
                    let tag = Tag(Array(text[index..<end]))
                    guard Self.isAttributeName(tag.name) else {
                        // Not an element XML can name (`<a:b>`, `<3>`): shown as the text it is.
                        output += Self.attribute(String(String.UnicodeScalarView(text[index..<end])))
                        index = end
                        continue
                    }
                    index = end
                    if tag.closing {
                        guard !Self.voidElements.contains(tag.name),
                              let position = open.lastIndex(where: { $0.source == tag.name }) else { continue }
                        while open.count > position {
                            output += "</" + open.removeLast().written + ">"
                        }
                    } else {
                        output += write(tag, open: &open, changes: &changes)
                    }
                } else {
                    output += "&lt;"
                    index += 1
                }
            } else if scalar == ">" {
                output += "&gt;"
                index += 1
            } else {
                output.unicodeScalars.append(Self.isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
                index += 1
            }
        }
        while let element = open.popLast() { output += "</" + element.written + ">" }
        return (output, changes)
    }

    /// A start tag as XHTML, pushed on `open` unless it is void.
    private func write(_ tag: Tag, open: inout [(source: String, written: String)], changes: inout [Change]) -> String {
        var name = tag.name
        var attributes = tag.attributes
        func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
        switch name {
        case "input" where value("type")?.lowercased() == "checkbox":
            // A task list's box, as a character every e-reader shows: ☐ or ☒.
            return attributes.contains { $0.name == "checked" } ? "☒" : "☐"
        case "a":
            if let href = value("href"), !href.hasPrefix("#"), !Self.hasScheme(href) {
                if let target = link(href) {
                    attributes = attributes.map { $0.name == "href" ? (name: "href", value: target) : $0 }
                } else {
                    changes.append(.unlinked(href))
                    name = "span"
                    attributes.removeAll { $0.name == "href" || $0.name == "rel" || $0.name == "target" || $0.name == "hreflang" }
                }
            } else if let href = value("href"), href.hasPrefix("#") {
                let fragment = Self.xmlID(String(href.dropFirst()).removingPercentEncoding()).percentEncodedPath()
                attributes = attributes.map { $0.name == "href" ? (name: "href", value: "#" + fragment) : $0 }
            }
        case "img":
            if let source = value("src") {
                if Self.hasScheme(source) {
                    // EPUB 3 allows no remote images: the image becomes a link to it.
                    changes.append(.remoteImage(source))
                    let label = value("alt").flatMap { $0.isEmpty ? nil : $0 } ?? source
                    return "<a href=\"\(Self.attribute(source))\">\(Self.attribute(label))</a>"
                }
                guard let target = image(source) else {
                    changes.append(.missingImage(source))
                    return Self.attribute(value("alt") ?? "")
                }
                attributes = attributes.map { $0.name == "src" ? (name: "src", value: target) : $0 }
                if value("alt") == nil { attributes.append((name: "alt", value: "")) }
            }
        case "th", "td":
            // cmark-gfm's `align` is not HTML5; the same as a style.
            if let align = value("align") {
                attributes.removeAll { $0.name == "align" }
                attributes.append((name: "style", value: "text-align: " + align))
            }
        default:
            break
        }
        var result = "<" + name
        for attribute in attributes {
            let value = attribute.name == "id" ? Self.xmlID(attribute.value) : attribute.value
            result += " " + attribute.name + "=\"" + Self.attribute(value) + "\""
        }
        if Self.voidElements.contains(name) { return result + "/>" }
        open.append((source: tag.name, written: name))
        return result + ">"
    }

    // MARK: - Tags

    /// A tag as written: its name in lower case and its attributes, values decoded
    /// to plain text (entities resolved), the first of any repeated name only.
    struct Tag {
        var closing = false
        var name = ""
        var attributes: [(name: String, value: String)] = []

        init(_ text: [Unicode.Scalar]) {
            var index = 1
            if index < text.count, text[index] == "/" { closing = true; index += 1 }
            while index < text.count, !Self.isSpace(text[index]), text[index] != ">", text[index] != "/" {
                name.unicodeScalars.append(text[index])
                index += 1
            }
            name = name.lowercased()
            guard !closing else { return }
            while index < text.count {
                while index < text.count, Self.isSpace(text[index]) || text[index] == "/" { index += 1 }
                var attribute = ""
                while index < text.count, !Self.isSpace(text[index]), text[index] != "=", text[index] != ">",
                      text[index] != "/" {
                    attribute.unicodeScalars.append(text[index])
                    index += 1
                }
                while index < text.count, Self.isSpace(text[index]) { index += 1 }
                var value: String?
                if index < text.count, text[index] == "=" {
                    index += 1
                    while index < text.count, Self.isSpace(text[index]) { index += 1 }
                    var raw = ""
                    if index < text.count, text[index] == "\"" || text[index] == "'" {
                        let quote = text[index]
                        index += 1
                        while index < text.count, text[index] != quote { raw.unicodeScalars.append(text[index]); index += 1 }
                        index += 1
                    } else {
                        while index < text.count, !Self.isSpace(text[index]), text[index] != ">" {
                            raw.unicodeScalars.append(text[index])
                            index += 1
                        }
                    }
                    value = XHTMLBody.decodeEntities(raw)
                }
                if index < text.count, text[index] == ">" && attribute.isEmpty { break }
                attribute = attribute.lowercased()
                guard XHTMLBody.isAttributeName(attribute), !attributes.contains(where: { $0.name == attribute }) else {
                    if attribute.isEmpty { index += 1 }
                    continue
                }
                // A bare attribute (`disabled`) gets its own name as its value, as XHTML spells it.
                attributes.append((name: attribute, value: value ?? attribute))
            }
        }

        static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
        }
    }

    /// Index just past the `>` that closes the tag at `start`, skipping quoted values.
    private static func tagEnd(_ text: [Unicode.Scalar], _ start: Int) -> Int {
        var quote: Unicode.Scalar?
        var index = start + 1
        while index < text.count {
            let scalar = text[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                // Quotes count only inside an attribute value, after `=`.
                var before = index - 1
                while before > start, Tag.isSpace(text[before]) { before -= 1 }
                if text[before] == "=" { quote = scalar }
            } else if scalar == ">" {
                return index + 1
            }
            index += 1
        }
        return text.count
    }

    private static func matches(_ text: [Unicode.Scalar], _ index: Int, _ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard index + scalars.count <= text.count else { return false }
        return Array(text[index..<(index + scalars.count)]) == scalars
    }

    private static func find(_ text: [Unicode.Scalar], _ word: String, from start: Int) -> Int? {
        var index = start
        while index < text.count {
            if matches(text, index, word) { return index }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    // MARK: - Text

    /// Text for a double-quoted attribute value or element content, escaped for XML.
    static func attribute(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// The entity at `index` as XML writes it, and where the text goes on.
    private static func entity(_ text: [Unicode.Scalar], _ index: Int) -> (String, Int) {
        var end = index + 1
        while end < text.count, end - index <= 32, text[end] != ";", text[end] != "&", text[end] != "<",
              !Tag.isSpace(text[end]) {
            end += 1
        }
        guard end < text.count, text[end] == ";", end > index + 1 else { return ("&amp;", index + 1) }
        let name = String(String.UnicodeScalarView(text[(index + 1)..<end]))
        if let scalar = character(ofEntity: name) {
            return (attribute(String(scalar)), end + 1)
        }
        return ("&amp;", index + 1)  // unknown: shown as written
    }

    /// Entities in an attribute value, resolved to characters.
    static func decodeEntities(_ raw: String) -> String {
        guard raw.contains("&") else { return raw }
        let text = Array(raw.unicodeScalars)
        var result = ""
        var index = 0
        while index < text.count {
            if text[index] == "&", let semicolon = text[(index + 1)...].prefix(33).firstIndex(of: ";"),
               let scalar = character(ofEntity: String(String.UnicodeScalarView(text[(index + 1)..<semicolon]))) {
                result.unicodeScalars.append(scalar)
                index = semicolon + 1
            } else {
                result.unicodeScalars.append(text[index])
                index += 1
            }
        }
        return result
    }

    /// The character a named (`amp`, `nbsp`) or numeric (`#160`, `#xA0`) entity stands for.
    static func character(ofEntity name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return isXMLCharacter(scalar) && value != 0 ? scalar : "\u{FFFD}"
        }
        return namedEntities[name]
    }

    /// The named entities that Markdown writers use; others are shown as written.
    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“",
        "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "copy": "©",
        "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶",
        "deg": "°", "middot": "·", "bull": "•", "times": "×", "divide": "÷", "plusmn": "±", "minus": "−",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "check": "✓", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "lrm": "\u{200E}",
        "rlm": "\u{200F}", "iexcl": "¡", "iquest": "¿", "ordf": "ª", "ordm": "º", "frac12": "½", "frac14": "¼",
        "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ", "dagger": "†", "Dagger": "‡", "permil": "‰",
        "prime": "′", "Prime": "″", "hearts": "♥", "star": "☆",
    ]

    /// Characters XML 1.0 allows in a document.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    // MARK: - Names

    /// An attribute name XML accepts without a namespace: letters, digits, `-`, `_`, `.`.
    static func isAttributeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isASCIILetter(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        } && !name.hasPrefix("xmlns")
    }

    /// An id as an XML name without colons (what EPUB wants of `id`): characters
    /// a name cannot hold become `_`, and `_` goes in front of one that cannot start it.
    /// Ids and the fragments of links to them go through here alike.
    static func xmlID(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            result.unicodeScalars.append(isNameCharacter(scalar) ? scalar : "_")
        }
        if let first = result.unicodeScalars.first, isNameStart(first) { return result }
        return "_" + result
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: true
        default: false
        }
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if isNameStart(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
