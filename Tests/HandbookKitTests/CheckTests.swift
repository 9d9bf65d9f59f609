import Foundation
import Testing
@testable import HandbookKit

@Suite struct CheckTests {
    func check(_ fixture: Fixture) -> Checker.Report {
        Checker(builder: fixture.builder).run()
    }

    static let script = ":::script Call\nHi [Client name], this is [Your name].\n:::\n"
    static let comparison = ":::compare Blame\n:::bad\nIt was Jared.\n:::good\nWe missed it.\n:::\n"

    @Test func aCleanHandbookHasNothingToReport() throws {
        let report = check(try Fixture())
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.pages == 6 && report.languages == 2)
    }

    @Test func brokenLinksAreErrorsInEveryLanguage() throws {
        let fixture = try Fixture()
        try fixture.write("de/guide/page.md", "---\ntitle: Seite\n---\n\nSiehe [hier](gibtsnicht.md).\n")
        let report = check(fixture)
        #expect(report.errors == 1)
        #expect(report.diagnostics.first?.description
            == "\(fixture.content)/de/guide/page.md:5:7: error: link 'gibtsnicht.md' points to a page that does not exist (de/guide/gibtsnicht.md)")
    }

    @Test func linksToAnUntranslatedPageAndMissingTranslationsAreWarnings() throws {
        var files = Fixture.minimal
        files["en/guide/extra.md"] = "---\ntitle: Extra\norder: 2\n---\n"
        files["de/guide/page.md"] = "---\ntitle: Seite\n---\n\nMehr unter [Extra](extra.md).\n"
        let fixture = try Fixture(files)
        let report = check(fixture)
        #expect(report.errors == 0)
        #expect(report.diagnostics.map(\.description) == [
            "\(fixture.content)/de/guide/page.md:5:12: warning: link 'extra.md' leads to a page not translated into Deutsch yet; readers get the English page",
            "\(fixture.content)/en/guide/extra.md:1:1: warning: no Deutsch translation (\(fixture.content)/de/guide/extra.md); the page is shown in English with a notice",
        ])
    }

    @Test func outdatedTranslationsAreFlaggedUntilMarkedCurrent() throws {
        var files = Fixture.minimal
        files["de/guide/page.md"] = "---\r\ntitle: Seite\r\norder: 1\r\n---\r\n\r\nZurück [nach Hause](../index.md).\r\n"
        let fixture = try Fixture(files)
        var report = check(fixture)
        let site = try #require(report.site)
        #expect(TranslationTable(site: site).rows.first { $0.id.path == "guide/page" }?.statuses == [.original, .untracked])

        let changed = try SourceRecord.markCurrent(["de"], site: site, fileSystem: LocalFileSystem())
        #expect(changed.count == 3)
        let recorded = try String(contentsOfFile: fixture.content + "/de/guide/page.md", encoding: .utf8)
        #expect(recorded.hasPrefix("---\r\ntitle: Seite\r\norder: 1\r\nsource: "), "line endings kept")
        report = check(fixture)
        #expect(report.diagnostics.isEmpty)
        #expect(TranslationTable(site: try #require(report.site)).rows.allSatisfy { $0.statuses == [.original, .current] })

        try fixture.write("en/guide/page.md", "---\ntitle: A page\norder: 1\n---\n\nBack [home](../index.md). New advice.\n")
        report = check(fixture)
        #expect(report.errors == 0)
        let warning = try #require(report.diagnostics.first)
        #expect(warning.location == SourceLocation(path: fixture.content + "/de/guide/page.md"))
        #expect(warning.message.hasPrefix("outdated translation: \(fixture.content)/en/guide/page.md changed since this page was translated"))
        #expect(warning.message.contains("see what changed with 'handbook translations diff de/guide/page'"))
        #expect(warning.message.hasSuffix("then run 'handbook translations --mark-current de/guide/page'"))
    }

    @Test func lineEndingsAloneDoNotOutdateATranslation() {
        #expect(PageParser.fingerprint(ArraySlice(Array("a\nb\n".utf8))) == PageParser.fingerprint(ArraySlice(Array("a\r\nb\r\n\r\n".utf8))))
        #expect(PageParser.fingerprint(ArraySlice(Array("a\nb\n".utf8))) != PageParser.fingerprint(ArraySlice(Array("a\nc\n".utf8))))
    }

    @Test func translationsMustKeepComparisonsScriptsAndPlaceholders() throws {
        var files = Fixture.minimal
        files["en/guide/page.md"] = "---\ntitle: A page\n---\n\n" + Self.comparison + "\n" + Self.script
        files["de/guide/page.md"] = "---\ntitle: Seite\n---\n\n" + Self.script
        let fixture = try Fixture(files)
        var report = check(fixture)
        #expect(report.errors == 1)
        #expect(report.diagnostics.first?.description
            == "\(fixture.content)/de/guide/page.md:5:1: error: comparisons and scripts differ from \(fixture.content)/en/guide/page.md: here script; there comparison, script")

        try fixture.write("de/guide/page.md", "---\ntitle: Seite\n---\n\n" + Self.comparison.replacingOccurrences(of: "Blame", with: "Schuld")
            + "\n:::script Anruf\nHallo [Name des Kunden].\n:::\n")
        report = check(fixture)
        #expect(report.diagnostics.map(\.description) == [
            "\(fixture.content)/de/guide/page.md:12:1: error: this script has 1 placeholders; the original in \(fixture.content)/en/guide/page.md:12 has 2",
        ])
    }

    @Test func sourceInTheOriginalIsAWarning() throws {
        var files = Fixture.minimal
        files["en/index.md"] = "---\ntitle: Home\nsource: abc\n---\n\nSee [the guide](guide/index.md).\n"
        let report = check(try Fixture(files))
        #expect(report.diagnostics.map(\.message) == ["'source:' belongs in translations only; the original is the source"])
    }
}
