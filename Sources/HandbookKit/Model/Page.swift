/// A page's identity across languages: its path under the language folder,
/// without `.md` (`team-mistakes/no-blame`, `index`, `checklist/index`).
public struct PageID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public init(_ path: String) { self.path = path }

    public static func < (a: PageID, b: PageID) -> Bool { a.path < b.path }
    public var description: String { path }

    /// The section folder, or "" for pages at the language root.
    public var section: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    public var fileName: String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    public var isIndex: Bool { fileName == "index" }
    /// Path of the rendered file relative to the language folder.
    public var outputPath: String { path + ".html" }
    public var sourcePath: String { path + ".md" }
}

/// What the front matter of a page says.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var order: Int?
    /// In a translation: the `bodyHash` of the default-language page it was made from.
    public var source: String? = nil
    /// Extra words the search finds the page by (`keywords:`).
    public var keywords: [String] = []
    /// On a section's landing page: its pages are a sequence, numbered "step n of m".
    public var steps: Steps? = nil
}

/// `steps:` in a landing page's front matter: `true` numbers every page of the
/// section, a number only the first ones (a section of five steps and an extra page).
public enum Steps: Sendable, Equatable {
    case all
    case first(Int)

    /// How many of a section's `pages` are steps.
    public func count(of pages: Int) -> Int {
        switch self {
        case .all: pages
        case .first(let n): min(n, pages)
        }
    }
}

/// An h2 or h3 heading, for the "On this page" list.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// A `:::compare` block: what not to say beside what to say.
public struct Comparison: Sendable, Equatable {
    public var title: String
    public var anchor: String
    public var location: SourceLocation
    /// Filled in once the body is cut into blocks; the practice page asks with them.
    public var bad = Side(kind: .bad, reply: [], reason: [])
    public var good = Side(kind: .good, reply: [], reason: [])
}

/// A `:::script` block: a fill-in template with `[placeholders]`.
public struct Script: Sendable, Equatable {
    public var title: String
    public var anchor: String
    public var location: SourceLocation
    /// Placeholder names in order of appearance, repeats included.
    public var placeholders: [String]
    /// For each `:::choice` in the script, in order, how many alternatives it offers.
    public var choices: [Int] = []
}

/// A link in a page's body that points into the handbook and is checked once
/// every page is known.
public struct InternalLink: Sendable, Equatable {
    /// Language folder of the target page.
    public var language: String
    /// Page the link points to, or nil for a link to a plain file (image, download).
    public var target: PageID?
    /// Path relative to the content root for a plain file.
    public var file: String?
    public var anchor: String?
    public var location: SourceLocation
    /// The destination as the author wrote it, for messages.
    public var written: String

    public init(language: String, target: PageID? = nil, file: String? = nil, anchor: String? = nil,
                location: SourceLocation, written: String) {
        self.language = language
        self.target = target
        self.file = file
        self.anchor = anchor
        self.location = location
        self.written = written
    }
}

/// One Markdown file of one language, parsed: its body as blocks (Markdown
/// rendered by cmark-gfm, and the comparisons, scripts and callouts the theme
/// draws). The cmark tree is gone by now: only what later stages need is kept.
public struct Page: Sendable {
    public var id: PageID
    public var language: String
    public var sourcePath: String
    public var frontMatter: FrontMatter
    public var body: [Block]
    /// The body holds a task list, so the page gets the checklist's tools.
    public var hasTaskList: Bool = false
    public var headings: [Heading]
    /// Every anchor defined in the body (headings, comparisons, scripts).
    public var anchors: Set<String>
    public var comparisons: [Comparison]
    public var scripts: [Script]
    public var links: [InternalLink]
    /// What resolving links looked up in the content, for the preview's cache.
    package var linkGuesses = LinkGuesses()
    /// The body's plain text for the search index: white space folded, cut
    /// after `searchTextLimit` characters. Made while the page is
    /// parsed, on every core, so the whole text is never kept.
    public var searchText: String
    /// A short fingerprint of the Markdown body, which translations record as `source:`.
    public var bodyHash: String
    /// Words in the whole body's text, for the home page's reading times.
    public var wordCount: Int = 0

    public static let searchTextLimit = 4_000
}
