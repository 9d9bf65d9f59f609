import Foundation
import Testing
@testable import HandbookKit

/// The render stage's extra outputs: the search index, the practice page and
/// the print booklet, and the HTML moves they rest on.
@Suite struct ReaderToolsTests {
    static let files: [String: String] = {
        var files = Fixture.minimal
        files["en/guide/page.md"] = """
            ---
            title: A page
            order: 1
            description: What to say first.
            keywords: [blame, "Jared"]
            ---

            Back [home](../index.md), or [start here](index.md#start-here).

            ## Übernehmen Sie

            :::compare Blaming a colleague
            :::bad
            "It was Jared."

            Why it fails: it splits the team.
            :::good
            "We missed it. See [above](#übernehmen-sie)."

            Why it works: it owns the mistake.
            :::

            :::script Voicemail
            Hello [Client name], it's [Your name].
            :::

            - [ ] Checked the plan

            """
        return files
    }()

    @Test func everyLanguageGetsASearchIndexAPracticePageAndABooklet() throws {
        let fixture = try Fixture(Self.files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        for code in ["en", "de"] {
            #expect(fixture.read("\(code)/search-index.js")?.hasPrefix("self.handbookSearchIndex = {") == true)
            #expect(fixture.read("\(code)/print.html") != nil)
        }
        #expect(fixture.read("en/practice.html") != nil)
        #expect(fixture.read("de/practice.html") == nil, "no comparisons in German, so no practice page")
        let page = try #require(fixture.read("en/guide/page.html"))
        #expect(page.contains("<a href=\"../practice.html\">Practice</a>"))
        #expect(page.contains("<a href=\"../print.html\">Print the handbook</a>"))
        #expect(page.contains("data-index=\"../search-index.js\""))
        #expect(page.contains("<script src=\"../../theme/handbook.js\" defer></script>"))
        #expect(page.contains("<template id=\"script-tools\">"))
        #expect(page.contains("<li><label><input type=\"checkbox\" /> Checked the plan</label></li>"))
        #expect(fixture.read("de/guide/page.html")?.contains("practice.html") == false)
        #expect(fixture.read("theme/handbook.js") != nil)
    }

    @Test func theSearchIndexHoldsOneCompactEntryPerPage() throws {
        let fixture = try Fixture(Self.files)
        #expect(fixture.build().ok)
        let index = try #require(fixture.read("en/search-index.js"))
        let json = index.dropFirst("self.handbookSearchIndex = ".count).dropLast(2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["sections"] as? [String] == ["Home", "Guide", "Practice", "Print the handbook"])
        let pages = try #require(object["pages"] as? [[Any]])
        #expect(pages.count == 5, "three pages, then practice and print")
        let page = pages[2]
        #expect(page[0] as? String == "A page")
        #expect(page[1] as? Int == 1)
        #expect(page[2] as? String == "guide/page.html")
        #expect(page[3] as? [String] == [
            "Übernehmen Sie", "übernehmen-sie", "Blaming a colleague", "blaming-a-colleague", "Voicemail", "voicemail",
        ])
        let text = try #require(page[4] as? String)
        #expect(text.hasPrefix("Back home, or start here.\nÜbernehmen Sie\n"), "blocks apart, for the snippets")
        #expect(page[5] as? String == "What to say first.\nblame\nJared")
        #expect(pages[3][0] as? String == "Practice: which reply is better?")
        #expect(pages[3][1] as? Int == 2)
        #expect(pages[3][2] as? String == "practice.html")
        #expect((pages[3][4] as? String)?.hasSuffix("\nBlaming a colleague") == true, "found by its situations")
        #expect(pages[3][5] as? String == InterfaceStrings.english["search_terms_practice"])
        #expect(pages[4][2] as? String == "print.html")
        let german = try #require(fixture.read("de/search-index.js"))
        #expect(!german.contains("\"practice.html\""), "no practice where a language has no comparisons")
        #expect(german.contains("\"print.html\""))
    }

    @Test func excerptsAreBoundedAtAWord() {
        #expect("  one  two\n three  ".foldedExcerpt(limit: 100) == "one two\nthree", "a line break stays one")
        #expect("\n\n one \n\n two".foldedExcerpt(limit: 100) == "one\ntwo")
        #expect("alpha beta gamma".foldedExcerpt(limit: 12) == "alpha beta")
        #expect(String(repeating: "word ", count: 10_000).foldedExcerpt(limit: Page.searchTextLimit).count
                <= Page.searchTextLimit)
        #expect(json("a\"b\\c\n</script>\u{2028}") == "\"a\\\"b\\\\c\\n\\u003c/script>\\u2028\"")
        // Unicode white space folds like ASCII; other multi-byte characters count once and stay whole.
        #expect("a\u{00A0}b\u{3000}\u{2003} c\u{2028}".foldedExcerpt(limit: 100) == "a b c")
        #expect("ääää öö".foldedExcerpt(limit: 5) == "ääää")
        #expect(json("\u{2029}\u{2020}\u{1}") == "\"\\u2029\u{2020}\\u0001\"")
    }

    @Test func practiceShowsRepliesWithoutTheirReasons() throws {
        let fixture = try Fixture(Self.files)
        #expect(fixture.build().ok)
        let practice = try #require(fixture.read("en/practice.html"))
        #expect(practice.contains("<h2>Blaming a colleague</h2>"))
        #expect(practice.contains("<p>&quot;It was Jared.&quot;</p>"))
        #expect(practice.contains("Choose reply A") && practice.contains("Choose reply B"))
        // The reasons are in the answer only, after the replies.
        let answer = try #require(practice.firstRange(of: "<details class=\"answer\">"))
        let reason = try #require(practice.firstRange(of: "Why it fails: it splits the team."))
        #expect(reason.lowerBound > answer.lowerBound)
        // A link to an anchor of the source page still leads there.
        #expect(practice.contains("<a href=\"guide/page.html#%C3%BCbernehmen-sie\">above</a>"))
        #expect(practice.contains("href=\"guide/page.html#blaming-a-colleague\">A page</a>"))
    }

    @Test func aSidesReasonIsItsLastParagraph() throws {
        func side(_ markdown: String) throws -> Side {
            let (parsed, diagnostics) = parsePage(page(":::compare C\n:::bad\n\(markdown):::good\nFine.\n:::\n"))
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            return try #require(parsed?.comparisons.first?.bad)
        }
        let split = try side("Say this.\n\nWhy: because.\n")
        #expect(split.reply == [.html("<p>Say this.</p>\n")])
        #expect(split.reason == [.html("<p>Why: because.</p>\n")])
        #expect(try side("Only a reply.\n").reason == [])
        #expect(try side("A\n\n- b\n").reason == [], "a side ending in a list is all reply")
        #expect(try side("A\n\n> [!NOTE]\n> b\n").reason == [], "so is one ending in a callout")
    }

    @Test func theBookletHoldsEveryPageInOrderWithLinksInsideIt() throws {
        let fixture = try Fixture(Self.files)
        #expect(fixture.build().ok)
        let booklet = try #require(fixture.read("en/print.html"))
        let order = ["id=\"index\"", "id=\"guide/index\"", "id=\"guide/page\""].map { booklet.firstRange(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! })
        // Links between pages point inside the booklet; ids carry their page's path.
        #expect(booklet.contains("<a href=\"#index\">home</a>"))
        #expect(booklet.contains("<a href=\"#guide/index%3Astart-here\" data-target=\"Guide\">start here</a>"))
        #expect(booklet.contains("<h4 id=\"guide/page:übernehmen-sie\">Übernehmen Sie</h4>"))
        #expect(booklet.contains("<figure class=\"comparison\" id=\"guide/page:blaming-a-colleague\">"))
        #expect(booklet.contains("<h3 id=\"guide/index:start-here\">Start here</h3>"))
        let article = try #require(booklet.firstRange(of: "<article class=\"booklet\">")).lowerBound
        #expect(!booklet[article...].contains("href=\"../"), "pages of the booklet link inside it")
    }

    @Test func aMissingTranslationStandsInTheBookletInItsOwnLanguage() throws {
        var files = Self.files
        files["de/guide/page.md"] = nil
        let fixture = try Fixture(files)
        #expect(fixture.build().ok)
        let booklet = try #require(fixture.read("de/print.html"))
        #expect(booklet.contains("<section class=\"booklet-page\" id=\"guide/page\" lang=\"en\" dir=\"ltr\">"))
        #expect(booklet.contains("<p class=\"fallback-notice\" lang=\"de\" dir=\"ltr\" role=\"note\">Diese Seite ist noch nicht ins Deutsche übersetzt."))
        let practice = try #require(fixture.read("de/practice.html"), "the English comparison stands in")
        #expect(practice.contains("<h2 lang=\"en\" dir=\"ltr\">Blaming a colleague</h2>"))
        #expect(practice.contains("Antwort {letter} wählen") && practice.contains("Antwort A wählen"))
    }

    @Test func bodyRebaseMovesLinksImagesAndIds() {
        var rebase = BodyRebase(from: "en/a/b.html", to: "en/print.html", idPrefix: "x:", headingShift: 1)
        #expect(rebase.apply("<h2 id=\"t\">T</h2>") == "<h3 id=\"x:t\">T</h3>")
        #expect(rebase.apply("<img src=\"../../assets/i.png\" alt=\"&quot;\" />") == "<img src=\"../assets/i.png\" alt=\"&quot;\" />")
        #expect(rebase.apply("<a href=\"https://example.com/?a=1&amp;b=2\">e</a>") == "<a href=\"https://example.com/?a=1&amp;b=2\">e</a>")
        #expect(rebase.apply("<a href=\"mailto:x@example.com\">m</a>") == "<a href=\"mailto:x@example.com\">m</a>")
        #expect(rebase.apply("<a href=\"c.html#k\">c</a>") == "<a href=\"a/c.html#k\">c</a>")
        #expect(rebase.apply("<a href=\"#k\">k</a>") == "<a href=\"a/b.html#k\">k</a>")
        #expect(rebase.apply("<code>&lt;h2 id=&quot;t&quot;&gt;</code><!-- <h2 id=\"c\"> -->")
                == "<code>&lt;h2 id=&quot;t&quot;&gt;</code><!-- <h2 id=\"c\"> -->")
        #expect(rebase.apply("<h6 id=\"s\">S</h6>") == "<h6 id=\"x:s\">S</h6>")
        rebase.pageLink = { path, anchor in path == "en/a/c.html" ? ("#c" + (anchor.map { ":" + $0 } ?? ""), "C page") : nil }
        #expect(rebase.apply("<a href=\"c.html\">see</a>") == "<a href=\"#c\" data-target=\"C page\">see</a>")
        #expect(rebase.apply("<a href=\"c.html#k\">C page</a>") == "<a href=\"#c:k\">C page</a>")
    }

    @Test func taskListBoxesGetTheirItemAsLabel() {
        #expect(TaskLists.label("<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> Done <a href=\"x\">x</a></li>\n</ul>")
                == "<ul>\n<li><label><input type=\"checkbox\" checked=\"\" /> Done <a href=\"x\">x</a></label></li>\n</ul>")
        #expect(TaskLists.label("<li><input type=\"checkbox\" disabled=\"\" /> Top\n<ul>\n<li>sub</li>\n</ul>\n</li>")
                == "<li><label><input type=\"checkbox\" /> Top</label>\n<ul>\n<li>sub</li>\n</ul>\n</li>")
        #expect(TaskLists.label("<p>no boxes</p>") == "<p>no boxes</p>")
    }

    @Test func aPageMayNotTakeTheNameOfAGeneratedFile() throws {
        var files = Fixture.minimal
        files["en/print.md"] = "---\ntitle: Print\n---\n"
        files["de/search-index.js"] = "x"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let messages = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains("\(fixture.content)/en/print.md:1:1: error: 'print.html' is made by the build in every language folder; rename this file"))
        #expect(messages.contains("\(fixture.content)/de/search-index.js:1:1: error: 'search-index.js' is made by the build in every language folder; rename this file"))
    }

    @Test func pdfExporterFindsChromiumOnlyOnThePath() throws {
        // Without a PATH only the absolute names (macOS's applications) can be found.
        let absolute = PDFExporter.browserNames.first { $0.hasPrefix("/") && FileManager.default.isExecutableFile(atPath: $0) }
        #expect(PDFExporter.findChromium(path: "/nonexistent") == absolute)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("chromium")
        try Data("#!/bin/sh\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        #expect(PDFExporter.findChromium(path: "/nonexistent:" + folder.path) == fake.path)
    }
}

/// The search index's JSON string literal for `text`.
private func json(_ text: String) -> String {
    var bytes: [UInt8] = []
    SearchIndex.appendJSON(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}
