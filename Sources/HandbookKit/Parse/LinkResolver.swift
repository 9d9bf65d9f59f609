import Foundation

/// Reads the destination of a link or image in a page, written relative to
/// the Markdown file (`../scripts/voicemail.md#opening`), so that links also
/// work when `Content/` is browsed on a forge. Links to `.md` files become
/// links to the rendered `.html` pages; everything is kept relative, so the
/// site works under any path and from disk.
struct LinkResolver {
    /// Folder of the page relative to the content root, e.g. `en/team-mistakes`.
    let pageFolder: String
    let languages: Set<String>

    enum Resolution: Equatable {
        /// Leave it: a web address, mail link and the like.
        case external
        /// Rewrite the written URL to this one and check the target later.
        case page(language: String, id: PageID, anchor: String?, rewritten: String)
        case anchorOnly(String)
        /// A file under the content root, e.g. `assets/logo.png`, and the URL to write.
        case file(path: String, rewritten: String)
        /// Report it; drop the destination unless `keep` says it is only a warning about style.
        case refused(String, severity: Diagnostic.Severity, keep: Bool = false)
    }

    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]

    func resolve(_ url: String, isImage: Bool) -> Resolution {
        if let scheme = Self.scheme(of: url) {
            if Self.dangerousSchemes.contains(scheme) && !(isImage && url.lowercased().hasPrefix("data:image/")) {
                return .refused("'\(scheme):' links are not allowed and were removed", severity: .warning)
            }
            return .external
        }
        if url.hasPrefix("//") { return .external }
        if url.hasPrefix("/") {
            return .refused(
                "link '\(url)' starts with '/', which breaks under a sub-path and from disk; write it relative to this file",
                severity: .warning, keep: true)
        }
        let (pathPart, anchor) = Self.splitFragment(url)
        let path = pathPart.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if path.isEmpty {
            return anchor.map { .anchorOnly($0) } ?? .external
        }
        // File names are compared and written in Unicode's composed form (NFC), so a
        // link typed as `café` finds a file saved as `cafe` + combining accent (macOS).
        let written = path.removingPercentEncoding ?? path
        let decoded = written.precomposedStringWithCanonicalMapping
        guard let resolved = Self.normalize(pageFolder + "/" + decoded) else {
            return .refused("link '\(url)' leaves the content folder", severity: .error)
        }
        let suffix = url.dropFirst(path.count)  // `?query#fragment` as written
        guard decoded.hasSuffix(".md") else {
            let isComposed = written.unicodeScalars.elementsEqual(decoded.unicodeScalars)
            return .file(path: resolved, rewritten: isComposed ? url : Self.escapingDelimiters(decoded) + suffix)
        }
        let parts = resolved.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, languages.contains(parts[0]) else {
            return .refused("link '\(url)' points to a Markdown file outside the language folders", severity: .error)
        }
        let rewritten = Self.escapingDelimiters(String(decoded.dropLast(3)) + ".html") + suffix
        return .page(language: parts[0], id: PageID(String(parts[1].dropLast(3))), anchor: anchor, rewritten: rewritten)
    }

    /// A decoded path made a URL path again: `%`, `#` and `?` are escaped here;
    /// spaces, non-ASCII and the rest are escaped by cmark when it writes the link.
    static func escapingDelimiters(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "#": result += "%23"
            case "?": result += "%3F"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        let fragment = String(url[url.index(after: hash)...])
        return (String(url[..<hash]), fragment.removingPercentEncoding ?? fragment)
    }

    /// The scheme of an absolute URL, lowercased, or nil for a relative one.
    static func scheme(of url: String) -> String? {
        let trimmed = url.drop { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let candidate = trimmed[..<colon]
        guard let first = candidate.first, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    /// Resolves `.` and `..`; nil when the path climbs above the root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
