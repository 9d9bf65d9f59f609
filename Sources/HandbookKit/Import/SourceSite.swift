/// What a reader found in the source site, before it is mapped onto the
/// content format: the documents with their languages and pairing keys, the
/// source's navigation, and how the source published them (URLs), so that
/// links written against the old site can be found again.
struct SourceSite {
    var format: ImportFormat
    /// The source folder as given on the command line.
    var root: String
    /// Language codes, the default first.
    var languages: [String]
    /// Site title per language, where the source has one (the default language's under its code).
    var titles: [String: String] = [:]
    /// A language's own name where the source gives one (MkDocs i18n `name`, Hugo `languageName`).
    var names: [String: String] = [:]
    var documents: [SourceDocument] = []
    /// The source's own navigation over pairing keys; nil when the reader has
    /// none and the planner orders by folders and order keys.
    var navigation: [NavNode]?
    /// Whether the old site published pages as `page/` (true) or `page.html`;
    /// links without `.md` are resolved against that URL.
    var prettyURLs = true
    /// Folders (relative to the root) in which a root-relative file URL
    /// (`/images/x.png`) is looked up: Hugo's `static/`, MkDocs' `docs/`, ….
    var staticRoots: [String] = [""]
    /// Path prefix the old site was served under (Jekyll `baseurl`), stripped from root-relative links.
    var basePath = ""
    /// Every non-Markdown file of the source, relative to the root: asset candidates.
    var files: Set<String> = []
    /// What the reader could not map, with its location.
    var notes: [Diagnostic] = []

    var defaultLanguage: String { languages.first ?? "en" }
}

/// One Markdown page of the source in one language.
struct SourceDocument {
    /// The path on disk, for messages.
    var path: String
    /// Relative to the source root: `docs/de/guide/setup.md`.
    var relative: String
    var language: String
    /// Language-neutral identity shared by a page's translations: `guide/setup`.
    var key: String
    var frontMatter: SourceFrontMatter
    var body: String
    /// File line of the body's first line.
    var bodyFirstLine: Int
    /// URLs the old site published it under, canonical (see `canonicalURL`), language prefix included.
    var urls: [String]
    /// `untranslated: true`: the source keeps a copy the importer must not publish as a translation.
    var untranslated: Bool { frontMatter.bool("untranslated") == true }
}

/// An entry of the source's navigation: a page (by pairing key), a group, or both.
struct NavNode {
    var title: String?
    var key: String?
    var children: [NavNode] = []
    var location: SourceLocation?
}

/// A URL path reduced to what identifies a page on any of these tools:
/// no slashes at the ends, no `index.html`, `README.md`, `_index.md`, no
/// `.html` or `.md`. `/en/guide/setup/`, `en/guide/setup.html` and
/// `en/guide/setup.md` are all `en/guide/setup`.
func canonicalURL(_ path: String) -> String {
    var parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
    if let last = parts.last {
        let lower = last.lowercased()
        if ["index.html", "index.htm", "index.md", "readme.md", "_index.md", "index.markdown"].contains(lower) {
            parts.removeLast()
        } else {
            for ext in [".html", ".htm", ".md", ".markdown"] where lower.hasSuffix(ext) {
                parts[parts.count - 1] = String(last.dropLast(ext.count))
                break
            }
        }
    }
    return parts.joined(separator: "/")
}

/// The path without its last extension: `guide/setup.md` → `guide/setup`.
func droppingExtension(_ path: String) -> String {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
    return String(path[..<dot])
}

/// The folder part of a path, "" at the top.
func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
}

func lastComponent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
}

/// A page's pairing key from its path: no extension, and the index pages of
/// every tool (`index.md`, `README.md`, `_index.md`) as `<folder>/index`.
func pageKey(_ path: String) -> String {
    let stem = droppingExtension(path)
    let name = lastComponent(stem).lowercased()
    guard name == "index" || name == "readme" || name == "_index" else { return stem }
    let parent = folder(of: stem)
    return parent.isEmpty ? "index" : parent + "/index"
}
