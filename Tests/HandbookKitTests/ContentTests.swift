import Foundation
import Testing
@testable import HandbookKit

/// The handbook that ships in `Content/`: it builds without a warning, the
/// four languages have the same structure, and no sentence comes from the seeds.
@Suite struct ContentTests {
    static let content = Paths.packageRoot + "/Content"

    static func render() throws -> Builder.Result {
        try Builder(content: content, output: Paths.packageRoot + "/Output", projectRoot: Paths.packageRoot).render()
    }

    @Test func buildsWithoutWarnings() throws {
        let result = try Self.render()
        #expect(result.warnings.map(\.description) == [])
        #expect(result.site.editions.map(\.language.locale) == ["en", "de", "nl", "pt-BR"])
    }

    /// `handbook check` on the shipped handbook: links, translations, parity.
    @Test func passesHandbookCheckWithoutAWord() {
        let report = Checker(builder: Builder(content: Self.content, output: Paths.packageRoot + "/Output")).run()
        #expect(report.diagnostics.map(\.description) == [])
        #expect(TranslationTable(site: report.site!).rows.allSatisfy { row in
            row.statuses.dropFirst().allSatisfy { $0 == .current }
        })
    }

    @Test func everyLanguageHasTheSameStructure() throws {
        let site = try Self.render().site
        let original = try #require(site.editions.first)
        for edition in site.editions.dropFirst() {
            let code = edition.language.code
            #expect(edition.readingOrder.map(\.id) == original.readingOrder.map(\.id), "pages and their order in \(code)")
            for entry in original.readingOrder {
                let translated = try #require(edition.byID[entry.id])
                #expect(!translated.isFallback, "\(code)/\(entry.id) is translated")
                let page = entry.page, other = translated.page
                #expect(other.comparisons.count == page.comparisons.count, "comparisons in \(code)/\(entry.id)")
                #expect(other.scripts.count == page.scripts.count, "scripts in \(code)/\(entry.id)")
                for (a, b) in zip(page.scripts, other.scripts) {
                    #expect(a.placeholders.count == b.placeholders.count,
                        "placeholders of script '\(a.title)' / '\(b.title)' in \(code)/\(entry.id)")
                }
            }
        }
        #expect(original.byID.values.reduce(0) { $0 + $1.page.comparisons.count } >= 11)
        #expect(original.byID.values.reduce(0) { $0 + $1.page.scripts.count } == 7)  // the confirmation email joined the six
    }

    @Test func placeholdersAreUsedConsistentlyWithinALanguage() throws {
        let site = try Self.render().site
        let original = try #require(site.editions.first)
        for edition in site.editions {
            // The n-th placeholder of a script maps to the same English one everywhere.
            var mapping: [String: String] = [:]
            for entry in original.readingOrder {
                let other = try #require(edition.byID[entry.id]).page
                for (a, b) in zip(entry.page.scripts, other.scripts) {
                    for (english, translated) in zip(a.placeholders, b.placeholders) {
                        if let known = mapping[english] {
                            #expect(known == translated, "[\(english)] is [\(known)] and [\(translated)] in \(edition.language.code)")
                        }
                        mapping[english] = translated
                    }
                }
            }
        }
    }

    /// No run of eight words from a seed article appears in the content.
    @Test(.enabled(if: Paths.sharedHas("seeds"), "../shared/seeds is absent: the copy check is skipped"))
    func noSentenceIsCopiedFromTheSeeds() throws {
        let seeds = Paths.shared + "/seeds"
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds)
        func words(_ text: String) -> [Substring] {
            text.lowercased().replacingOccurrences(of: "’", with: "'")
                .split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "_") }
        }
        var runs: Set<String> = []
        for name in names where name.hasSuffix(".txt") {
            let list = words(try String(contentsOfFile: seeds + "/" + name, encoding: .utf8))
            for start in 0..<max(0, list.count - 7) { runs.insert(list[start..<start + 8].joined(separator: " ")) }
        }
        #expect(runs.count > 1000)
        let enumerator = FileManager.default.enumerator(atPath: Self.content)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let list = words(try String(contentsOfFile: Self.content + "/" + path, encoding: .utf8))
            for start in 0..<max(0, list.count - 7) {
                let run = list[start..<start + 8].joined(separator: " ")
                #expect(!runs.contains(run), "\(path) repeats a seed: \(run)")
            }
        }
    }
}
