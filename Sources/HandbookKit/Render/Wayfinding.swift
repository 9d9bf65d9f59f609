import Foundation

/// Where a page belongs: its section, its step in a numbered section, and the
/// places on its translations that match its own anchors.
enum Wayfinding {
    /// The line above a page's title: its section and, in a section of steps,
    /// "Step 4 of 5". Nil for landing pages, which are their section.
    static func place(of id: PageID, in edition: Edition) -> (section: Section, step: Int?, steps: Int)? {
        guard !id.isIndex, let section = edition.sections.first(where: { $0.folder == id.section }),
              let position = section.pages.firstIndex(where: { $0.id == id }) else { return nil }
        let steps = stepCount(section)
        return (section, position < steps ? position + 1 : nil, steps)
    }

    /// How many of a section's first pages are numbered steps.
    static func stepCount(_ section: Section) -> Int {
        section.index.page.frontMatter.steps?.count(of: section.pages.count) ?? 0
    }

    /// For the language switcher: each anchor of `page` and the anchor of the
    /// same place on `target`, when the build can know it. Translated headings
    /// get other anchors, so the n-th heading stands for the n-th heading only
    /// when both pages have the same outline (the same levels in the same order);
    /// comparisons and scripts likewise when both have as many. An anchor the
    /// target has too is kept as it is.
    static func anchorMap(from page: Page, to target: Page) -> [String: String] {
        var map: [String: String] = [:]
        func pair<T>(_ mine: [T], _ theirs: [T], anchor: (T) -> String, sameShape: Bool) {
            guard sameShape, mine.count == theirs.count else { return }
            for (a, b) in zip(mine, theirs) { map[anchor(a)] = anchor(b) }
        }
        pair(page.headings, target.headings, anchor: \.anchor,
             sameShape: page.headings.map(\.level) == target.headings.map(\.level))
        pair(page.comparisons, target.comparisons, anchor: \.anchor, sameShape: true)
        pair(page.scripts, target.scripts, anchor: \.anchor, sameShape: true)
        for anchor in page.anchors where target.anchors.contains(anchor) { map[anchor] = anchor }
        return map
    }

    /// The map as a compact JSON object for a `data-` attribute, keys sorted so builds are byte-identical.
    static func json(_ map: [String: String]) -> String {
        guard !map.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: map, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    /// An interface string with its `{name}` placeholders filled in; an unknown one stays as written.
    func replacingPlaceholders(_ values: [String: String]) -> String {
        var result = self
        for (name, value) in values { result = result.replacingOccurrences(of: "{" + name + "}", with: value) }
        return result
    }
}
