/// The one way a page's body leaves its own page for a document that holds
/// many pages: the print booklet and the chapters of the EPUB both come
/// through here, so a change to how bodies are kept changes this call only.
extension PageRenderer {
    /// The pages a whole-edition document links to instead of the site's
    /// pages, by the page's output path (`en/team-mistakes/no-blame.html`).
    static func movedTargets(_ edition: Edition) -> [String: Entry] {
        Dictionary(edition.readingOrder.map { (outputPath($0.id, in: edition.language.code), $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// A page's body as the theme draws it, moved by `rebase`: links and images
    /// relative to the new document, ids prefixed, headings shifted, links to
    /// pages redirected.
    static func movedBody(_ page: Page, site: Site, theme: Theme, _ rebase: BodyRebase) -> String {
        rebase.apply(BodyRenderer(theme: theme, page: page, site: site).html(page.body))
    }
}
