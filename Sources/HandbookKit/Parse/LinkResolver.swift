import Foundation

/// Reads the destination of a link or image in a page, written relative to
/// the Markdown file (`../scripts/voicemail.md#opening`), so that links also
/// work when `Content/` is browsed on a forge. Links to `.md` files become
/// links to the rendered `.html` pages; everything is kept relative, so the
/// site works under any path and from disk. Links written the way other
/// tools write them (`page/`, `page.html`, `page`, `/guide/page`) are looked
/// up in the `ContentIndex` (see LinkForms.swift), rewritten the same way,
/// and advised to be written as the `.md` file.
struct LinkResolver {
    /// Folder of the page relative to the content root, e.g. `en/team-mistakes`.
    let pageFolder: String
    let languages: Set<String>
    var content = ContentIndex()
    /// Every lookup in `content` this resolver made, for the preview's cache.
    var guesses = LinkGuesses()

    enum Resolution: Equatable {
        /// Leave it: a web address, mail link and the like.
        case external
        /// Rewrite the written URL to this one and check the target later;
        /// `advice` says how to write a link that works but not on a forge.
        case page(language: String, id: PageID, anchor: String?, rewritten: String, advice: String? = nil)
        case anchorOnly(String)
        /// A file under the content root, e.g. `assets/logo.png`, and the URL to write.
        case file(path: String, rewritten: String, advice: String? = nil)
        /// Report it and drop the destination.
        case refused(String, severity: Diagnostic.Severity)
    }

    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]

    var pageLanguage: String {
        String(pageFolder.prefix { $0 != "/" })
    }

    mutating func resolve(_ url: String, isImage: Bool) -> Resolution {
        if let scheme = Self.scheme(of: url) {
            if Self.dangerousSchemes.contains(scheme) && !(isImage && url.lowercased().hasPrefix("data:image/")) {
                return .refused("'\(scheme):' links are not allowed and were removed", severity: .warning)
            }
            return .external
        }
        if url.hasPrefix("//") { return .external }
        let (pathPart, anchor) = Self.splitFragment(url)
        let path = pathPart.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if path.isEmpty {
            return anchor.map { .anchorOnly($0) } ?? .external
        }
        // File names are compared and written in Unicode's composed form (NFC), so a
        // link typed as `café` finds a file saved as `cafe` + combining accent (macOS).
        let written = path.removingPercentEncoding ?? path
        let decoded = written.precomposedStringWithCanonicalMapping
        let link = WrittenLink(url: url, decoded: decoded, suffix: String(url.dropFirst(path.count)), anchor: anchor,
                               isComposed: written.unicodeScalars.elementsEqual(decoded.unicodeScalars))
        if decoded.hasPrefix("/") { return resolveRooted(link) }
        guard let resolved = Self.normalize(pageFolder + "/" + decoded) else {
            return .refused("link '\(url)' leaves the content folder", severity: .error)
        }
        switch link.form {
        case .markdown:
            return markdownLink(link, resolved: resolved)
        case .file:
            return .file(path: resolved, rewritten: link.relativeURL)
        case .folder, .html, .bare:
            return guessed(link, resolved: resolved) ?? .refused(missing(link, resolved: resolved), severity: .error)
        }
    }

    /// A link to a `.md` file: the page is checked once all pages are known.
    mutating func markdownLink(_ link: WrittenLink, resolved: String) -> Resolution {
        let parts = resolved.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, languages.contains(parts[0]) else {
            return .refused("link '\(link.url)' points to a Markdown file outside the language folders", severity: .error)
        }
        let (language, rest) = (parts[0], parts[1])
        let name = PageID(rest).fileName
        // The file a forge opens: as written, or the README.md standing for an index.md that is not there.
        var source = rest
        if name == "index.md", !guesses.ask(.page(resolved), in: content) {
            let readme = joinPath(PageID(rest).section, ContentIndex.readme)
            if guesses.ask(.page(language + "/" + readme), in: content) { source = readme }
        }
        // A README.md that is not there stays `…/README`, so the check names the file linked to.
        let isPage = !ContentIndex.isReadme(name) || findPage(language, [rest]) != nil
        let id = isPage ? Self.pageID(source) : PageID(String(rest.dropLast(3)))
        if link.isRooted {
            // Checked now, since the advice names the file to link to instead.
            guard findPage(language, [source]) != nil else {
                return .refused("link '\(link.url)' points to a page that does not exist (\(resolved))", severity: .error)
            }
            return .page(language: language, id: id, anchor: link.anchor,
                         rewritten: relativeURL(from: pageFolder + "/_", to: language + "/" + id.outputPath) + link.suffix,
                         advice: advice(link, writing: language + "/" + source))
        }
        let kept = link.decoded.dropLast(name.count) + id.fileName + ".html"
        return .page(language: language, id: id, anchor: link.anchor,
                     rewritten: Self.escapingDelimiters(String(kept)) + link.suffix,
                     advice: source == rest ? nil : advice(link, writing: language + "/" + source))
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
