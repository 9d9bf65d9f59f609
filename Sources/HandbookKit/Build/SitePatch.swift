/// An assembled site with some pages replaced by newer parses, for `serve`:
/// assembling 10,000 pages again (editions, order, every link checked) costs
/// more than the whole rest of a rebuild, and most saves change only prose.
extension Site {
    /// Nil when an edit could change what assembling decides: a page's place
    /// (its `order`), an anchor another page may link to, or a link not checked
    /// yet. Everything else the assembler looks at (the set of pages and files,
    /// the configuration) is the same, or the caller would not ask.
    package func replacing(_ pages: [Page]?) -> Site? {
        guard let pages else { return nil }
        var site = self
        let defaultCode = config.defaultLanguage.code
        for page in pages {
            guard let own = site.editions.firstIndex(where: { $0.language.code == page.language }),
                  let old = site.editions[own].byID[page.id], !old.isFallback,
                  Self.keepsAssembly(old.page, page) else { return nil }
            for index in site.editions.indices {
                // The page itself, and where it stands in for a missing translation.
                guard let entry = site.editions[index].byID[page.id],
                      index == own || (entry.isFallback && page.language == defaultCode) else { continue }
                site.editions[index].replace(Entry(page: page, isFallback: entry.isFallback))
            }
        }
        return site
    }

    /// Whether `new` can take `old`'s place without assembling again. The last
    /// assembly checked every link, so links that were there already are good;
    /// anchors may be added but not removed, since other pages may link to them.
    static func keepsAssembly(_ old: Page, _ new: Page) -> Bool {
        guard old.frontMatter.order == new.frontMatter.order, old.anchors.isSubset(of: new.anchors) else { return false }
        let checked = Set(old.links.map(LinkTarget.init))
        return new.links.allSatisfy { checked.contains(LinkTarget($0)) }
    }
}

/// What a link's check depends on (not where it is written).
private struct LinkTarget: Hashable {
    var language: String
    var target: PageID?
    var file: String?
    var anchor: String?

    init(_ link: InternalLink) {
        language = link.language
        target = link.target
        file = link.file
        anchor = link.anchor
    }
}

extension Edition {
    /// Puts an entry in the place of the one with its id, in the index and in its section.
    mutating func replace(_ entry: Entry) {
        byID[entry.id] = entry
        guard let section = sections.firstIndex(where: { $0.folder == entry.id.section }) else { return }
        if sections[section].index.id == entry.id {
            sections[section].index = entry
        } else if let position = sections[section].pages.firstIndex(where: { $0.id == entry.id }) {
            sections[section].pages[position] = entry
        }
    }
}
