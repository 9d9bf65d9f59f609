/// Links written the way other tools write them: `page/` and `../page/#a`
/// (pretty URLs), `page.html` (the published file), `page` (no extension),
/// and anything starting with `/`. A handbook brought in from a wiki or a
/// static-site generator is full of them, and each has one reading here, so
/// they build: the target is looked up in the `ContentIndex`, the link is
/// rewritten to the relative `.html` URL the build writes (so it works under
/// any sub-path and from `file://`), and a warning names the `.md` form that
/// also works on a forge. A target that is not there is an error.
struct WrittenLink {
    /// As the author wrote it, for messages.
    var url: String
    /// The path part, percent-decoded and in composed form.
    var decoded: String
    /// `?query#fragment` as written.
    var suffix: String
    var anchor: String?
    /// Whether `decoded` has the same scalars as the written path.
    var isComposed: Bool

    enum Form { case markdown, folder, html, bare, file }

    var isRooted: Bool { decoded.hasPrefix("/") }

    var form: Form {
        let last = decoded.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if last.isEmpty || last == "." || last == ".." { return .folder }
        if last.hasSuffix(".md") { return .markdown }
        if last.hasSuffix(".html") { return .html }
        // A dot after the first character starts an extension (`.htaccess` has none).
        return last.dropFirst().contains(".") ? .file : .bare
    }

    /// The written URL for a relative link to a file, in composed form.
    var relativeURL: String {
        isComposed ? url : LinkResolver.escapingDelimiters(decoded) + suffix
    }
}

extension LinkResolver {
    /// A link starting with `/`: from the content root when its first segment
    /// is a language folder, else from the page's own language folder, and for
    /// a file not found there from the content root (`/assets/logo.png`).
    mutating func resolveRooted(_ link: WrittenLink) -> Resolution {
        guard let path = Self.normalize(link.decoded) else {
            return .refused("link '\(link.url)' leaves the content folder", severity: .error)
        }
        let first = String(path.prefix { $0 != "/" })
        let bases = languages.contains(first) ? [""] : [pageLanguage, ""]
        var misses: [String] = []
        for base in bases {
            let resolved = joinPath(base, path)
            switch link.form {
            case .markdown:
                return markdownLink(link, resolved: resolved)
            case .file:
                if guesses.ask(.file(resolved), in: content) {
                    return .file(path: resolved, rewritten: relativeURL(from: pageFolder + "/_", to: resolved) + link.suffix,
                                 advice: advice(link, writing: resolved))
                }
                misses.append(resolved)
            case .folder, .html, .bare:
                if let found = guessed(link, resolved: resolved) { return found }
                // The content root holds no pages: the language folder's answer is the one to give.
                if misses.isEmpty { misses.append(missing(link, resolved: resolved)) }
            }
        }
        if link.form == .file {
            return .refused("link '\(link.url)' points to a file that does not exist (\(misses.joined(separator: " or ")))",
                            severity: .error)
        }
        return .refused(misses[0], severity: .error)
    }

    /// The page or file a link without `.md` means, if the content has it.
    mutating func guessed(_ link: WrittenLink, resolved: String) -> Resolution? {
        if link.form != .folder, guesses.ask(.file(resolved), in: content) {
            // A copied file of that very name: a `page.html` or `LICENSE` the author put there.
            if link.isRooted {
                return .file(path: resolved, rewritten: relativeURL(from: pageFolder + "/_", to: resolved) + link.suffix,
                             advice: advice(link, writing: resolved))
            }
            return .file(path: resolved, rewritten: link.relativeURL)
        }
        let (language, rest) = Self.splitLanguage(resolved)
        guard languages.contains(language) else { return nil }
        let candidates: [String]
        switch link.form {
        case .folder, .bare:
            // `guide/` is the folder's index first, as on a web server; then `guide.md`.
            candidates = Self.indexes(of: rest) + (rest.isEmpty ? [] : [rest + ".md"])
        case .html:
            let stem = PageID(String(rest.dropLast(5)))
            candidates = [stem.sourcePath] + (stem.isIndex ? [joinPath(stem.section, ContentIndex.readme)] : [])
        case .markdown, .file:
            return nil
        }
        guard let found = findPage(language, candidates) else { return nil }
        let id = Self.pageID(found)
        return .page(language: language, id: id, anchor: link.anchor,
                     rewritten: relativeURL(from: pageFolder + "/_", to: language + "/" + id.outputPath) + link.suffix,
                     advice: advice(link, writing: language + "/" + found))
    }

    /// Why a link that is not a `.md` file leads nowhere.
    mutating func missing(_ link: WrittenLink, resolved: String) -> String {
        let (language, rest) = Self.splitLanguage(resolved)
        let isLanguage = languages.contains(language)
        if link.form != .html, guesses.ask(.folder(resolved), in: content) {
            return isLanguage
                ? "link '\(link.url)' points to a folder without an index page; create \(joinPath(resolved, "index.md")) or link to a page's .md file"
                : "link '\(link.url)' points to a folder; link to a page's .md file or to a file"
        }
        guard isLanguage else {
            return "link '\(link.url)' points to a \(link.form == .folder ? "folder" : "file") that does not exist (\(resolved))"
        }
        let expected = switch link.form {
        case .html: joinPath(language, String(rest.dropLast(5)) + ".md")
        case .folder where !rest.isEmpty: "\(resolved).md or \(joinPath(resolved, "index.md"))"
        default: joinPath(language, (rest.isEmpty ? "index" : rest) + ".md")
        }
        return "link '\(link.url)' points to a page that does not exist (\(expected))"
    }

    /// The first of these paths (relative to a language folder) that is a page
    /// of the language, or of the default language, which stands in for a
    /// missing translation.
    mutating func findPage(_ language: String, _ candidates: [String]) -> String? {
        var folders = [language]
        if !content.defaultLanguage.isEmpty, content.defaultLanguage != language { folders.append(content.defaultLanguage) }
        for folder in folders {
            for candidate in candidates where guesses.ask(.page(folder + "/" + candidate), in: content) { return candidate }
        }
        return nil
    }

    /// The warning for a link that works but not on a forge: the `.md` path to write.
    func advice(_ link: WrittenLink, writing target: String) -> String {
        "link '\(link.url)' works, but write it as '\(Self.markdownPath(from: pageFolder, to: target) + link.suffix)' so it also works on a forge"
    }

    /// A path between two files of the content, as an author writes it in a link.
    static func markdownPath(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return escapingDelimiters(parts.joined(separator: "/")).replacingAll(" ", with: "%20")
    }

    static func indexes(of folder: String) -> [String] {
        [joinPath(folder, "index.md"), joinPath(folder, ContentIndex.readme)]
    }

    /// The page a source path under a language folder is: `README.md` is its folder's index.
    static func pageID(_ source: String) -> PageID {
        let id = PageID(String(source.dropLast(3)))
        return ContentIndex.isReadme(id.fileName + ".md") ? PageID(joinPath(id.section, "index")) : id
    }

    static func splitLanguage(_ path: String) -> (language: String, rest: String) {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count == 2 ? parts[1] : "")
    }
}
