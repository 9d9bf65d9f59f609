/// A page's identity across languages: its path under the language folder,
/// without `.md` (`team-mistakes/no-blame`, `index`, `checklist/index`).
package struct PageID: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var path: String
    package init(_ path: String) { self.path = path }

    package static func < (a: PageID, b: PageID) -> Bool { a.path < b.path }
    package var description: String { path }

    /// The section folder, or "" for pages at the language root.
    package var section: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    package var fileName: String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    package var isIndex: Bool { fileName == "index" }
    /// Path of the rendered file relative to the language folder.
    package var outputPath: String { path + ".html" }
    package var sourcePath: String { path + ".md" }
}

/// What the front matter of a page says.
package struct FrontMatter: Sendable, Equatable {
    package var title: String
    package var description: String?
    package var order: Int?
    /// In a translation: the `bodyHash` of the default-language page it was made from.
    package var source: String? = nil
    /// Extra words the search finds the page by (`keywords:`).
    package var keywords: [String] = []
    /// On a section's landing page: its pages are a sequence, numbered "step n of m".
    package var steps: Steps? = nil
}

/// `steps:` in a landing page's front matter: `true` numbers every page of the
/// section, a number only the first ones (a section of five steps and an extra page).
package enum Steps: Sendable, Equatable {
    case all
    case first(Int)

    /// How many of a section's `pages` are steps.
    package func count(of pages: Int) -> Int {
        switch self {
        case .all: pages
        case .first(let n): min(n, pages)
        }
    }
}

/// An h2 or h3 heading, for the "On this page" list.
package struct Heading: Sendable, Equatable {
    package var level: Int
    package var text: String
    package var anchor: String
}

/// A `:::compare` block: what not to say beside what to say.
package struct Comparison: Sendable, Equatable {
    package var title: String
    package var anchor: String
    package var location: SourceLocation
    /// Filled in once the body is cut into blocks; the practice page asks with them.
    package var bad = Side(kind: .bad, reply: [], reason: [])
    package var good = Side(kind: .good, reply: [], reason: [])
}

/// A `:::script` block: a fill-in template with `[placeholders]`.
package struct Script: Sendable, Equatable {
    package var title: String
    package var anchor: String
    package var location: SourceLocation
    /// Placeholder names in order of appearance, repeats included.
    package var placeholders: [String]
    /// For each `:::choice` in the script, in order, how many alternatives it offers.
    package var choices: [Int] = []
}

/// A link in a page's body that points into the handbook and is checked once
/// every page is known.
package struct InternalLink: Sendable, Equatable {
    /// Language folder of the target page.
    package var language: String
    /// Page the link points to, or nil for a link to a plain file (image, download).
    package var target: PageID?
    /// Path relative to the content root for a plain file.
    package var file: String?
    package var anchor: String?
    package var location: SourceLocation
    /// The destination as the author wrote it, for messages.
    package var written: String

    package init(language: String, target: PageID? = nil, file: String? = nil, anchor: String? = nil,
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
package struct Page: Sendable {
    package var id: PageID
    package var language: String
    package var sourcePath: String
    package var frontMatter: FrontMatter
    package var body: [Block]
    /// The body holds a task list, so the page gets the checklist's tools.
    package var hasTaskList: Bool = false
    package var headings: [Heading]
    /// Every anchor defined in the body (headings, comparisons, scripts).
    package var anchors: Set<String>
    package var comparisons: [Comparison]
    package var scripts: [Script]
    package var links: [InternalLink]
    /// What resolving links looked up in the content, for the preview's cache.
    package var linkGuesses = LinkGuesses()
    /// The body's plain text for the search index: white space folded, cut
    /// after `searchTextLimit` characters. Made while the page is
    /// parsed, on every core, so the whole text is never kept.
    package var searchText: String
    /// A short fingerprint of the Markdown body, which translations record as `source:`.
    package var bodyHash: String
    /// Words in the whole body's text, for the home page's reading times.
    package var wordCount: Int = 0

    package static let searchTextLimit = 4_000
}
