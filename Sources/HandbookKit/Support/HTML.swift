/// Escapes text for HTML element content and quoted attribute values.
func escapeHTML(_ text: String) -> String {
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

    mutating func claim(_ text: String) -> String {
        let base = slugify(text)
        var anchor = base
        var counter = 2
        while used.contains(anchor) {
            anchor = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(anchor)
        return anchor
    }
}
