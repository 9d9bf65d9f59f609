import Foundation
import Testing
@testable import HandbookKit

/// `translations export` (PO) and `import`: fixtures in a temporary git repository, and the shipped handbook.
@Suite struct TranslationExchangeTests {
    let diffs = TranslationDiffTests()

    static let english = "---\ntitle: A page\norder: 1\n---\n\nBack [home](../index.md).\n\n## Steps\n\n- First step.\n- Second step.\n\n> [!TIP]\n> Keep it short.\n"
    static let german = "---\ntitle: Eine Seite\norder: 1\nsource: SOURCE\n---\n\nZurück [nach Hause](../index.md).\n\n## Schritte\n\n- Erster Schritt.\n- Zweiter Schritt.\n\n> [!TIP]\n> Kurz halten.\n"

    func git() throws -> GitHistory { try GitHistory() }

    /// The pair committed, translation current; returns the fixture.
    func translated() throws -> Fixture {
        let fixture = try Fixture()
        try diffs.git(fixture, "init", "-q")
        try fixture.write("en/guide/page.md", Self.english)
        try fixture.write("de/guide/page.md", Self.german.replacingOccurrences(
            of: "SOURCE", with: PageParser.fileFingerprint(Array(Self.english.utf8))))
        // The fixture's other translations record their originals too, so only what a test changes is outdated.
        _ = try SourceRecord.markCurrent(["de"], site: try diffs.site(fixture), fileSystem: LocalFileSystem())
        try diffs.git(fixture, "add", "-A")
        try diffs.git(fixture, "commit", "-q", "-m", "translated")
        return fixture
    }

    func export(_ fixture: Fixture, _ selection: TranslationExchange.Selection = .init()) throws -> PortableObject {
        let site = try diffs.site(fixture)
        let (text, notes) = try TranslationExchange.export(language: "de", selection: selection, site: site, fileSystem: LocalFileSystem()) {
            () throws(HistoryFailure) in try GitHistory()
        }
        #expect(notes == [])
        return try PortableObject.read(text, path: "de.po")
    }

    @Test func aTableIsNotAUnitAndItsLineIsKeptForTheWarning() throws {
        let english = "---\ntitle: T\n---\n\nIntro.\n\n| a | b |\n|---|---|\n| c | d |\n"
        let units = TranslationUnits(file: Array(english.utf8))
        #expect(units.units.map(\.text) == ["T", "Intro."], "table cells are not units")
        #expect(units.notUnits.map(\.line) == [7] && units.notUnits.map(\.what) == ["table"])
    }

    @Test func unitsAreTheOriginalsBlocksWithTheCurrentTranslation() throws {
        let po = try export(try translated(), .init(pages: ["guide/page"]))
        #expect(po.language == "de")
        #expect(po.entries.map(\.context) == (["title"] + (1...5).map(String.init)).map { "guide/page#\($0)" })
        #expect(po.entries.map(\.source) == ["A page", "Back [home](../index.md).", "Steps", "First step.", "Second step.", "Keep it short."])
        #expect(po.entries.map(\.translation) == ["Eine Seite", "Zurück [nach Hause](../index.md).", "Schritte", "Erster Schritt.", "Zweiter Schritt.", "Kurz halten."])
        #expect(po.entries.allSatisfy { !$0.fuzzy })
        #expect(po.entries.last?.references.first?.hasSuffix("/en/guide/page.md:14") == true)
    }

    @Test func onlyTheChangedParagraphIsFuzzyAndANewOneIsEmpty() throws {
        let fixture = try translated()
        try fixture.write("en/guide/page.md", Self.english.replacingOccurrences(of: "- Second step.", with: "- Second step, done well.\n- Third step."))
        let po = try export(fixture, .init(outdated: true))
        let page = po.entries.filter { $0.context.hasPrefix("guide/page#") }
        #expect(page.map(\.fuzzy) == [false, false, false, false, true, false, false])
        #expect(page[4].translation == "Zweiter Schritt.")
        #expect(page[5].source == "Third step." && page[5].translation == "")
        #expect(page[6].translation == "Kurz halten.")
        // Only the outdated page is exported.
        #expect(po.entries.allSatisfy { $0.context.hasPrefix("guide/page#") })
    }

    @Test func importWritesThePageAndRecordsItCurrentWhenEveryUnitIsDone() throws {
        let fixture = try translated()
        try fixture.write("en/guide/page.md", Self.english.replacingOccurrences(of: "- Second step.", with: "- Second step, done well."))
        var po = try export(fixture, .init(pages: ["guide/page"]))
        po.entries[4].translation = "Zweiter Schritt, gut gemacht."
        let site = try diffs.site(fixture)
        // Still fuzzy: written, not current.
        var result = try TranslationExchange.importFile(po.text(), path: "de.po", site: site, fileSystem: LocalFileSystem())
        #expect(result.written.count == 1 && result.current.isEmpty)
        po.entries[4].fuzzy = false
        result = try TranslationExchange.importFile(po.text(), path: "de.po", site: try diffs.site(fixture), fileSystem: LocalFileSystem())
        #expect(result.current == [fixture.content + "/de/guide/page.md"])
        let page = try String(contentsOfFile: fixture.content + "/de/guide/page.md", encoding: .utf8)
        #expect(page.contains("- Zweiter Schritt, gut gemacht.\n"))
        #expect(page.contains("> [!TIP]\n> Kurz halten.\n"))
        #expect(page.hasPrefix("---\ntitle: Eine Seite\norder: 1\nsource: \(PageParser.fileFingerprint(Array(try fixture.readContent("en/guide/page.md").utf8)))\n---\n"))
        let report = Checker(builder: fixture.builder).run()
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test func importRefusesAFileWhoseOriginalChangedSinceExport() throws {
        let fixture = try translated()
        let po = try export(fixture, .init(pages: ["guide/page"]))
        try fixture.write("en/guide/page.md", Self.english.replacingOccurrences(of: "Keep it short.", with: "Keep it brief."))
        let before = try fixture.readContent("de/guide/page.md")
        #expect {
            try TranslationExchange.importFile(po.text(), path: "de.po", site: try diffs.site(fixture), fileSystem: LocalFileSystem())
        } throws: { "\($0)".contains("guide/page#5 (line") && "\($0)".contains("changed since the export") }
        #expect(try fixture.readContent("de/guide/page.md") == before)
    }

    @Test func aMissingPageIsWrittenOnlyWhenEveryUnitIsTranslated() throws {
        let fixture = try translated()
        try fixture.write("en/guide/extra.md", "---\ntitle: Extra\norder: 2\n---\n\nOne.\n\nTwo.\n")
        var po = try export(fixture, .init(missing: true))
        #expect(po.entries.map(\.context) == ["guide/extra#title", "guide/extra#1", "guide/extra#2"])
        po.entries[0].translation = "Mehr"
        po.entries[1].translation = "Eins."
        var result = try TranslationExchange.importFile(po.text(), path: "de.po", site: try diffs.site(fixture), fileSystem: LocalFileSystem())
        #expect(result.written.isEmpty && result.skipped.count == 1)
        #expect(!FileManager.default.fileExists(atPath: fixture.content + "/de/guide/extra.md"))
        po.entries[2].translation = "Zwei."
        result = try TranslationExchange.importFile(po.text(), path: "de.po", site: try diffs.site(fixture), fileSystem: LocalFileSystem())
        #expect(result.current == [fixture.content + "/de/guide/extra.md"])
        #expect(try fixture.readContent("de/guide/extra.md")
            == "---\ntitle: \"Mehr\"\norder: 2\nsource: \(PageParser.fileFingerprint(Array(try fixture.readContent("en/guide/extra.md").utf8)))\n---\n\nEins.\n\nZwei.\n")
        #expect(Checker(builder: fixture.builder).run().diagnostics.map(\.description) == [])
    }

    @Test func poFilesReadBackAsWritten() throws {
        let entry = PortableObject.Entry(context: "a#1", source: "Line \"one\"\nline two\\", translation: "Zeile\teins\n", fuzzy: true)
        let po = PortableObject(language: "de", entries: [entry])
        #expect(try PortableObject.read(po.text(), path: "x.po").entries.map { [$0.context, $0.source, $0.translation] }
            == [["a#1", "Line \"one\"\nline two\\", "Zeile\teins\n"]])
        #expect(try PortableObject.read(po.text(), path: "x.po").entries.first?.fuzzy == true)
    }

    /// The shipped handbook: export German, fill every unit left open, import into a copy, and it checks clean and current.
    @Test func shippedHandbookRoundTripsThroughPO() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-po-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ContentTests.content, toPath: root + "/Content")
        let builder = Builder(content: root + "/Content", output: root + "/Output", projectRoot: root)
        let site = try #require(Checker(builder: builder).run().site)
        // The copy is outside git: every page of the shipped handbook is current, so no history is asked for.
        let (text, notes) = try TranslationExchange.export(language: "de", selection: .init(), site: site, fileSystem: LocalFileSystem()) {
            () throws(HistoryFailure) in throw HistoryFailure("no history in this test")
        }
        #expect(notes == [])
        let file = root + "/de.po"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try msgfmtCheck(file)
        var po = try PortableObject.read(text, path: file)
        #expect(po.entries.count > 400)
        for index in po.entries.indices where po.entries[index].translation.isEmpty || po.entries[index].fuzzy {
            po.entries[index].translation = "DE " + po.entries[index].source
            po.entries[index].fuzzy = false
        }
        try po.text().write(toFile: file, atomically: true, encoding: .utf8)
        try msgfmtCheck(file)
        let result = try TranslationExchange.importFile(po.text(), path: file, site: site, fileSystem: LocalFileSystem())
        #expect(result.skipped == [])
        let report = Checker(builder: builder).run()
        #expect(report.diagnostics.map(\.description) == [])
        let table = TranslationTable(site: try #require(report.site))
        let german = try #require(table.languages.firstIndex { $0.code == "de" })
        #expect(table.rows.allSatisfy { $0.statuses[german] == .current })
        #expect(builder.fileSystem.exists(root + "/Content/de/index.md"))
        _ = try builder.build()  // throws when the site does not build
    }

    func msgfmtCheck(_ file: String) throws {
        let msgfmt = try #require(["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "msgfmt (Debian's gettext, scripts/ensure-packages test) checks the PO files")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: msgfmt)
        process.arguments = ["--check", "-o", "/dev/null", file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }
}

extension Fixture {
    func readContent(_ path: String) throws -> String {
        try String(contentsOfFile: content + "/" + path, encoding: .utf8)
    }
}
