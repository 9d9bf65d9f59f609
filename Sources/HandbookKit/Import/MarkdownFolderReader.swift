import CMarkGFM
import Foundation

/// A plain folder of Markdown, as kept on a forge: `README.md` is a folder's
/// index, languages are top folders named like one (`en/`, `de/`) or file
/// suffixes (`page.de.md`), and the order is the order of the links in each
/// folder's README (then titles).
struct MarkdownFolderReader {
    let files: SourceFiles

    static let skipped: Set<String> = ["node_modules", "vendor", "_site", "site", "public", "book", "Output"]

    func read() -> SourceSite {
        var site = SourceSite(format: .markdown, root: files.root, languages: [])
        let walked = files.walk(skip: { Self.skipped.contains($0) })
        let markdown = walked.filter(SourceFiles.isMarkdown)
        site.files = Set(walked.filter { !SourceFiles.isMarkdown($0) })
        let tops = Set(markdown.compactMap { path in path.contains("/") ? path.split(separator: "/").first.map(String.init) : nil })
        let folderLanguages = tops.compactMap { LanguageCode.code($0).map { ($0, $0) } }
        let suffixLanguages = Set(markdown.compactMap { LanguageCode.suffix(of: lastComponent($0), among: LanguageCode.known)?.language })
        var languages = Array(Set(folderLanguages.map(\.0)).union(suffixLanguages)).sorted()
        let defaultLanguage = languages.contains("en") ? "en" : languages.first ?? "en"
        languages.removeAll { $0 == defaultLanguage }
        site.languages = [defaultLanguage] + languages
        let known = Set(site.languages)

        for relative in markdown {
            var language = defaultLanguage
            var path = relative
            let parts = relative.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, let code = LanguageCode.code(parts[0]), known.contains(code) {
                language = code
                path = parts[1]
            }
            if let (stem, suffix) = LanguageCode.suffix(of: lastComponent(path), among: known) {
                language = suffix
                path = joinPath(folder(of: path), stem + ".md")
            }
            let key = pageKey(path)
            if site.documents.contains(where: { $0.key == key && $0.language == language }) {
                site.notes.append(.warning("not imported: another file is already the page '\(key)' in \(language)",
                    at: SourceLocation(path: files.path(relative))))
                continue
            }
            let (document, notes) = files.document(relative, language: language, key: key, urls: [canonicalURL(relative)])
            site.notes += notes
            if let document { site.documents.append(document) }
        }
        return site
    }

    /// Each key's position in its folder's README list of links (the home's for top-level pages and folders).
    static func linkOrder(_ site: SourceSite) -> [String: Int] {
        var rank: [String: Int] = [:]
        let byRelative = Dictionary(site.documents.map { ($0.relative, $0.key) }, uniquingKeysWith: { a, _ in a })
        for document in site.documents where document.language == site.defaultLanguage && document.key.hasSuffix("index") {
            let tree = Array(document.body.utf8).withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: false) }
            var position = 0
            for node in tree.root.descendants() where node.type == CMARK_NODE_LINK {
                guard let url = node.url, LinkResolver.scheme(of: url) == nil || ForgeURL.path(url) != nil else { continue }
                let written = ForgeURL.path(url) ?? joinPath(folder(of: document.relative), url)
                let target = LinkResolver.splitFragment(written).0
                let own = document.key == "index" ? "" : folder(of: document.key)
                guard let path = LinkResolver.normalize(target.removingPercentEncoding ?? target),
                      let key = byRelative[path] ?? byRelative[joinPath(path, "README.md")] ?? byRelative[joinPath(path, "index.md")],
                      folder(of: key) == own || (key.hasSuffix("/index") && folder(of: folder(of: key)) == own)
                else { continue }  // a README orders the pages and folders beside it
                position += 1
                if rank[key] == nil { rank[key] = position }
            }
        }
        return rank
    }
}

/// Links to a file of the repository itself on a forge, as a README often
/// writes them: `https://github.com/org/repo/blob/main/benefits.md`,
/// GitLab's `/-/blob/`, Gitea's `/src/branch/`, and `tree` for folders.
enum ForgeURL {
    /// The path inside the repository, or nil for any other address.
    static func path(_ url: String) -> String? {
        guard let scheme = LinkResolver.scheme(of: url), scheme == "https" || scheme == "http" else { return nil }
        let (withoutFragment, fragment) = LinkResolver.splitFragment(url)
        var parts = withoutFragment.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 6 else { return nil }
        parts.removeFirst(2)  // `https:` and the host
        let markers = ["blob", "tree", "raw", "src"]
        guard let marker = parts.indices.dropFirst(2).first(where: { markers.contains(parts[$0]) }) else { return nil }
        var rest = Array(parts[(marker + 1)...])
        if parts[marker] == "src", rest.first == "branch" || rest.first == "commit" { rest.removeFirst() }
        guard rest.count >= 2 else { return nil }
        let path = rest.dropFirst().joined(separator: "/")  // after the branch or commit
        return fragment.map { path + "#" + $0 } ?? path
    }
}
