/// Escapes text for HTML element content and quoted attribute values, by
/// byte: `<`, `>`, `&`, `"` and `'` are ASCII and never part of a longer UTF-8
/// sequence, so a mark combined with them cannot hide them. Every template's
/// `{{…}}` and the preview's error page use it.
package func escapeHTML(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
        guard let first = bytes.firstIndex(where: { escapedByte($0) }) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        result.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    } ?? text
}

@inline(__always)
private func escapedByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
}

/// Turns a heading or title into a readable, stable anchor: lower case,
/// letters and digits of any script kept (`übernehmen-sie-verantwortung`),
/// everything else folded into single hyphens.
func slugify(_ text: String) -> String {
    var slug = ""
    var pendingHyphen = false
    for scalar in text.lowercased().unicodeScalars {
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if pendingHyphen && !slug.isEmpty { slug += "-" }
            pendingHyphen = false
            slug.unicodeScalars.append(scalar)
        } else if scalar == "'" || scalar == "’" {
            continue  // "don't" reads better as "dont" than "don-t"
        } else {
            pendingHyphen = true
        }
    }
    return slug.isEmpty ? "section" : slug
}

/// Hands out anchors that are unique within one page: `x`, `x-2`, `x-3`.
struct AnchorSet {
    private(set) var used: Set<String> = []
    /// The next suffix to try for each base, so that a page with thousands of
    /// headings of the same text stays linear instead of counting up from 2 each time.
    private var nextSuffix: [String: Int] = [:]

    mutating func claim(_ text: String) -> String {
        let base = slugify(text)
        var anchor = base
        var counter = nextSuffix[base] ?? 2
        if used.contains(anchor) {
            repeat {
                anchor = "\(base)-\(counter)"
                counter += 1
            } while used.contains(anchor)
            nextSuffix[base] = counter
        }
        used.insert(anchor)
        return anchor
    }
}

