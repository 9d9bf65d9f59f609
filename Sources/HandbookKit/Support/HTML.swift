/// Escapes text for HTML element content and quoted attribute values; the
/// preview's error page uses it too.
package func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
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

extension String {
    /// The text with every HTML-special character (`<`, `>`, `&`, `"`, `'`) standing as
    /// a grapheme cluster of its own.
    ///
    /// Template escaping (swift-mustache) looks characters up by `Character`, so a
    /// quote fused with a following combining mark (`"` + U+0301) or a preceding
    /// prepended mark is one cluster that matches nothing and passes through raw,
    /// which would let a title break out of an attribute. A zero-width space (a
    /// control for grapheme breaking) on each side of such a character splits the
    /// cluster; text without such fused clusters, which is all real text, is
    /// returned unchanged.
    func isolatingMarkupCharacters() -> String {
        let special: Set<Unicode.Scalar> = ["<", ">", "&", "\"", "'"]
        guard unicodeScalars.contains(where: { special.contains($0) }) else { return self }
        var result = ""
        var changed = false
        for character in self {
            let scalars = character.unicodeScalars
            if scalars.count > 1, scalars.contains(where: { special.contains($0) }) {
                changed = true
                for scalar in scalars {
                    if special.contains(scalar) {
                        result.unicodeScalars.append("\u{200B}")
                        result.unicodeScalars.append(scalar)
                        result.unicodeScalars.append("\u{200B}")
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            } else {
                result.append(character)
            }
        }
        return changed ? result : self
    }
}
