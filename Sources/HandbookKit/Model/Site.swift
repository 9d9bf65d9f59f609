/// A page as one language shows it: its own translation, or the default
/// language's page standing in for a missing one.
package struct Entry: Sendable {
    package var page: Page
    package var isFallback: Bool
    package var id: PageID { page.id }
}

/// A group in the sidebar: a section's landing page and its pages in order.
/// The language root is a section too: the home page and any top-level pages.
package struct Section: Sendable {
    package var folder: String
    package var index: Entry
    package var pages: [Entry]
}

/// One language of the finished site, in reading order.
package struct Edition: Sendable {
    package var language: Language
    package var sections: [Section]
    package var byID: [PageID: Entry]

    /// Home, then each section's landing page followed by its pages.
    package var readingOrder: [Entry] {
        sections.flatMap { [$0.index] + $0.pages }
    }
}

/// Everything the renderer needs: each language's edition, built from the parsed pages.
package struct Site: Sendable {
    package var config: SiteConfig
    package var editions: [Edition]
    /// Files copied as they are, by output path.
    package var files: [StaticFile]

    package func edition(_ code: String) -> Edition? {
        editions.first { $0.language.code == code }
    }
}
