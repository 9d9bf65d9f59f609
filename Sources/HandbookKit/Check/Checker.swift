/// `handbook check`: everything the build verifies, plus what an editor needs
/// to know before publishing: links that only work thanks to a fallback,
/// missing and outdated translations, and translations whose comparisons,
/// scripts or placeholders no longer match the original's.
package struct Checker: Sendable {
    package var builder: Builder

    package init(builder: Builder) {
        self.builder = builder
    }

    package struct Report: Sendable {
        package var diagnostics: [Diagnostic]
        package var pages: Int
        package var languages: Int
        package var site: Site?
        package var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        package var warnings: Int { diagnostics.count - errors }
    }

    package func run() -> Report {
        let result: Builder.Result
        do {
            result = try builder.render()
        } catch {
            return Report(diagnostics: error.diagnostics, pages: 0, languages: 0, site: nil)
        }
        let site = result.site
        var diagnostics = result.warnings
        for edition in site.editions {
            for entry in edition.readingOrder where !entry.isFallback {
                diagnostics += linksToFallbacks(entry.page, site: site)
            }
        }
        diagnostics += translationProblems(site)
        return Report(
            diagnostics: diagnostics.sortedForDisplay(),
            pages: site.editions.reduce(0) { $0 + $1.byID.count }, languages: site.editions.count, site: site)
    }

    /// A link to a page that its language does not have works only because
    /// the original stands in; the reader leaves their language there.
    private func linksToFallbacks(_ page: Page, site: Site) -> [Diagnostic] {
        page.links.compactMap { link in
            guard let id = link.target, let edition = site.edition(link.language),
                  let target = edition.byID[id], target.isFallback else { return nil }
            return .warning(
                "link '\(link.written)' leads to a page not translated into \(edition.language.name) yet; readers get the \(site.config.defaultLanguage.name) page",
                at: link.location)
        }
    }

    private func translationProblems(_ site: Site) -> [Diagnostic] {
        guard let original = site.editions.first else { return [] }
        var diagnostics: [Diagnostic] = []
        for entry in original.readingOrder where entry.page.frontMatter.source != nil {
            diagnostics.append(.warning("'source:' belongs in translations only; the original is the source",
                at: SourceLocation(path: entry.page.sourcePath)))
        }
        for edition in site.editions.dropFirst() {
            for entry in edition.readingOrder where !entry.isFallback {
                guard let source = original.byID[entry.id]?.page else { continue }
                let page = entry.page
                if TranslationStatus.of(entry, original: source) == .outdated {
                    diagnostics.append(.warning(
                        "outdated translation: \(source.sourcePath) changed since this page was translated (recorded source \(page.frontMatter.source ?? ""), now \(source.bodyHash)); see what changed with 'handbook translations diff \(edition.language.code)/\(entry.id.path)', update it, then run 'handbook translations --mark-current \(edition.language.code)/\(entry.id.path)'",
                        at: SourceLocation(path: page.sourcePath)))
                }
                diagnostics += Self.parity(of: page, with: source)
            }
        }
        return diagnostics
    }

    /// A translation carries the same comparisons and scripts in the same
    /// order, and each script the same number of placeholders and the same
    /// choices, each with as many alternatives.
    static func parity(of page: Page, with original: Page) -> [Diagnostic] {
        func blocks(_ page: Page) -> [(kind: String, location: SourceLocation, placeholders: Int)] {
            (page.comparisons.map { ("comparison", $0.location, 0) } + page.scripts.map { ("script", $0.location, $0.placeholders.count) })
                .sorted { $0.1 < $1.1 }
        }
        let mine = blocks(page), theirs = blocks(original)
        let pageStart = SourceLocation(path: page.sourcePath)
        if mine.map(\.kind) != theirs.map(\.kind) {
            let describe = { (list: [(kind: String, location: SourceLocation, placeholders: Int)]) in
                list.isEmpty ? "none" : list.map(\.kind).joined(separator: ", ")
            }
            let firstDifference = zip(mine, theirs).first { $0.kind != $1.kind }?.0.location ?? mine.last?.location ?? pageStart
            return [.error(
                "comparisons and scripts differ from \(original.sourcePath): here \(describe(mine)); there \(describe(theirs))",
                at: firstDifference)]
        }
        let placeholders: [Diagnostic] = zip(mine, theirs).compactMap { here, there in
            guard here.placeholders != there.placeholders else { return nil }
            return .error(
                "this script has \(here.placeholders) placeholders; the original in \(original.sourcePath):\(there.location.line) has \(there.placeholders)",
                at: here.location)
        }
        // The same kinds in the same order, so the scripts pair up one to one.
        let choices: [Diagnostic] = zip(page.scripts.sorted { $0.location < $1.location },
                                        original.scripts.sorted { $0.location < $1.location }).compactMap { here, there in
            guard here.choices != there.choices else { return nil }
            func describe(_ choices: [Int]) -> String {
                choices.isEmpty ? "no choice" : choices.map { "a choice of \($0)" }.joined(separator: ", ")
            }
            return .error(
                "this script has \(describe(here.choices)); the original in \(original.sourcePath):\(there.location.line) has \(describe(there.choices))",
                at: here.location)
        }
        return placeholders + choices
    }
}
