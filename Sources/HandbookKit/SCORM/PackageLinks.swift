import Foundation

/// The references of a built page (`href` and `src`), found and rewritten so
/// that a package holds everything it points at. A tag scanner, not an HTML
/// parser: the pages are the build's own output, so attributes are well
/// formed; script and style text is skipped, as a browser does.
struct PackageLinks {
    /// One `href` or `src` of a tag.
    struct Reference {
        var tag: String
        var attribute: String
        /// The value as written (entities decoded).
        var value: String
        /// The file it leads to, from the output root, or nil when it is not a
        /// relative reference (`https:`, `mailto:`, `#anchor`, `data:`).
        var path: String?
        /// Whether the tag is inside `<main>`, which holds what the writer wrote.
        var inMain: Bool
        var tagRange: Range<Int>
        var attributeRange: Range<Int>
        /// The language menu's `data-anchors`, which a script turns into an address.
        var anchorsRange: Range<Int>?
    }

    /// The references of `html`, a file at `path` under the output root.
    static func references(_ html: [UInt8], at path: String) -> [Reference] {
        var found: [Reference] = []
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        var index = 0, inMain = false
        let count = html.count
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= count else { return false }
            for offset in 0..<pattern.count where lower(html[position + offset]) != pattern[offset] { return false }
            return true
        }
        while index < count {
            guard html[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts("<!--", at: index) {
                index += 4
                while index < count, !starts("-->", at: index) { index += 1 }
                index += 3
                continue
            }
            let closing = index + 1 < count && html[index + 1] == UInt8(ascii: "/")
            let nameStart = index + (closing ? 2 : 1)
            guard nameStart < count, isLetter(html[nameStart]) else { index += 1; continue }
            let tagStart = index
            var position = nameStart
            while position < count, !isSpace(html[position]), html[position] != UInt8(ascii: ">"), html[position] != UInt8(ascii: "/") {
                position += 1
            }
            let name = String(decoding: html[nameStart..<position].map(lower), as: UTF8.self)
            var attributes: [(name: String, value: String, range: Range<Int>)] = []
            while position < count, html[position] != UInt8(ascii: ">") {
                if isSpace(html[position]) || html[position] == UInt8(ascii: "/") { position += 1; continue }
                let attributeStart = position
                while position < count, !isSpace(html[position]), html[position] != UInt8(ascii: "="),
                      html[position] != UInt8(ascii: ">") { position += 1 }
                let attributeName = String(decoding: html[attributeStart..<position].map(lower), as: UTF8.self)
                var value = ""
                var probe = position
                while probe < count, isSpace(html[probe]) { probe += 1 }
                if probe < count, html[probe] == UInt8(ascii: "=") {
                    probe += 1
                    while probe < count, isSpace(html[probe]) { probe += 1 }
                    if probe < count, html[probe] == UInt8(ascii: "\"") || html[probe] == UInt8(ascii: "'") {
                        let quote = html[probe]
                        let valueStart = probe + 1
                        probe = valueStart
                        while probe < count, html[probe] != quote { probe += 1 }
                        value = String(decoding: html[valueStart..<min(probe, count)], as: UTF8.self)
                        probe += 1
                    } else {
                        let valueStart = probe
                        while probe < count, !isSpace(html[probe]), html[probe] != UInt8(ascii: ">") { probe += 1 }
                        value = String(decoding: html[valueStart..<probe], as: UTF8.self)
                    }
                    position = probe
                }
                attributes.append((attributeName, decodeEntities(value), attributeStart..<min(position, count)))
            }
            let tagEnd = min(position + 1, count)
            if closing {
                if name == "main" { inMain = false }
            } else {
                if name == "main" { inMain = true }
                let anchors = attributes.first { $0.name == "data-anchors" }?.range
                for attribute in attributes where attribute.name == "href" || attribute.name == "src" {
                    found.append(Reference(tag: name, attribute: attribute.name, value: attribute.value,
                                           path: resolve(attribute.value, from: folder), inMain: inMain,
                                           tagRange: tagStart..<tagEnd, attributeRange: attribute.range,
                                           anchorsRange: anchors))
                }
            }
            index = tagEnd
            // A script's or a style's text is not markup.
            if !closing, name == "script" || name == "style" {
                while index < count, !starts("</" + name, at: index) { index += 1 }
            }
        }
        return found
    }

    /// The output path a relative reference leads to; "" for the output root itself, nil when not relative.
    static func resolve(_ value: String, from folder: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("?"), !hasScheme(trimmed) else { return nil }
        if trimmed.hasPrefix("/") { return "/" + trimmed }  // root-absolute: never inside a package
        var file = trimmed
        if let cut = file.firstIndex(where: { $0 == "#" || $0 == "?" }) { file = String(file[..<cut]) }
        let decoded = file.removingPercentEncoding ?? file
        guard let normalized = LinkResolver.normalize(folder.isEmpty ? decoded : folder + "/" + decoded) else {
            return "../" + decoded  // above the output root
        }
        return decoded.hasSuffix("/") || normalized.isEmpty ? (normalized.isEmpty ? "index.html" : normalized + "/index.html") : normalized
    }

    static func hasScheme(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":"), let first = value.first, first.isASCII, first.isLetter else { return false }
        return value[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `html` with every reference that `keep` refuses taken out: a `<link>`
    /// (another language's version of the page) goes as a whole, a link loses
    /// its address and becomes text; returns the links taken out of `<main>`.
    static func rewrite(_ html: [UInt8], at path: String, keep: (String) -> Bool) -> (html: [UInt8], unlinked: [String]) {
        var cuts: [Range<Int>] = []
        var unlinked: [String] = []
        let references = references(html, at: path)
        for reference in references {
            guard let target = reference.path, !keep(target) else { continue }
            switch reference.tag {
            case "link":
                cuts.append(reference.tagRange)
            case "a", "area":
                cuts.append(reference.attributeRange)
                if let anchors = reference.anchorsRange { cuts.append(anchors) }
                if reference.inMain { unlinked.append(reference.value) }
            default:
                continue
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(html.count)
        var position = 0
        for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) where cut.lowerBound >= position {
            result += html[position..<cut.lowerBound]
            position = cut.upperBound
        }
        result += html[position...]
        return (result, unlinked)
    }
}
