/// Where each translation stands against the default-language page it was
/// made from. A translation records the original's `bodyHash` in its front
/// matter as `source:`; when the original changes, the record no longer
/// matches and the translation is outdated.
package enum TranslationStatus: String, Sendable, CaseIterable {
    /// The default-language page itself.
    case original
    case current
    case outdated
    /// Translated, but no `source:` recorded yet.
    case untracked
    case missing
    /// A page in this language with no default-language original.
    case orphan

    package static func of(_ entry: Entry?, original: Page?) -> TranslationStatus {
        guard let entry, !entry.isFallback else { return .missing }
        guard let original else { return .orphan }
        if entry.page.language == original.language { return .original }
        guard let source = entry.page.frontMatter.source else { return .untracked }
        return source == original.bodyHash ? .current : .outdated
    }
}

/// The status of every page in every language, in reading order.
package struct TranslationTable: Sendable {
    package struct Row: Sendable {
        package var id: PageID
        package var statuses: [TranslationStatus]
    }

    package var languages: [Language]
    package var rows: [Row]

    package init(site: Site) {
        languages = site.editions.map(\.language)
        let original = site.editions.first
        var ids = original?.readingOrder.map(\.id) ?? []
        var seen = Set(ids)
        for edition in site.editions.dropFirst() {
            for entry in edition.readingOrder where seen.insert(entry.id).inserted { ids.append(entry.id) }
        }
        rows = ids.map { id in
            let source = original?.byID[id].flatMap { $0.isFallback ? nil : $0.page }
            return Row(id: id, statuses: site.editions.map { TranslationStatus.of($0.byID[id], original: source) })
        }
    }

    /// A plain-text table for the terminal.
    package func formatted() -> String {
        let header = ["page"] + languages.map(\.code)
        let body = rows.map { [$0.id.path] + $0.statuses.map(\.rawValue) }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").trimmingWhitespace()
        }
        return ([line(header)] + body.map(line)).joined(separator: "\n") + "\n"
    }
}
