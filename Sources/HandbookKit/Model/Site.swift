/// A page as one language shows it: its own translation, or the default
/// language's page standing in for a missing one.
public struct Entry: Sendable {
    public var page: Page
    public var isFallback: Bool
    public var id: PageID { page.id }
}

/// A group in the sidebar: a section's landing page and its pages in order.
/// The language root is a section too: the home page and any top-level pages.
public struct Section: Sendable {
    public var folder: String
    public var index: Entry
    public var pages: [Entry]
}

/// One language of the finished site, in reading order.
public struct Edition: Sendable {
    public var language: Language
    public var sections: [Section]
    public var byID: [PageID: Entry]

    /// Home, then each section's landing page followed by its pages.
    public var readingOrder: [Entry] {
        sections.flatMap { [$0.index] + $0.pages }
    }
}

/// Everything the renderer needs: each language's edition, built from the parsed pages.
public struct Site: Sendable {
    public var config: SiteConfig
    public var editions: [Edition]
    /// Files copied as they are, by output path.
    public var files: [StaticFile]

    public func edition(_ code: String) -> Edition? {
        editions.first { $0.language.code == code }
    }
}
