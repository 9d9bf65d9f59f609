import XCTest
@testable import HandbookKit

/// Right-to-left languages (`dir` from the locale or `direction:`, on the page
/// and wherever it quotes another language) and the notice an outdated
/// translation carries.
final class DirectionTests: XCTestCase {
    private static let config = """
        languages:
          - code: en
            title: Test Handbook
          - code: ar
            name: العربية
            title: دليل الاختبار
          - code: he
            locale: he-IL
            title: מדריך
          - code: de
            title: Test-Handbuch
        """

    private func files(config: String = DirectionTests.config) -> [String: String] {
        var files = Fixture.minimal
        files["handbook.yml"] = config
        files["ar/index.md"] = "---\ntitle: الرئيسية\n---\n\nمرحبا. انظر [الدليل](guide/index.md).\n"
        files["he/index.md"] = "---\ntitle: בית\n---\n\nשלום.\n"
        files["he/guide/page.md"] = "---\ntitle: עמוד\norder: 1\n---\n\nטקסט.\n"
        return files
    }

    private func attribute(_ name: String, ofFirst tag: String, in html: String?) -> String? {
        guard let html, let start = html.range(of: "<" + tag + " "),
              let end = html.range(of: ">", range: start.upperBound..<html.endIndex) else { return nil }
        let element = html[start.upperBound..<end.lowerBound]
        guard let value = element.range(of: name + "=\"") else { return nil }
        return String(element[value.upperBound...].prefix { $0 != "\"" })
    }

    /// The switcher's link to a language: its `lang`, and the `dir` of the name inside.
    private func switcherEntry(_ locale: String, in html: String?) -> (lang: String?, dir: String?)? {
        guard let html, let menu = html.range(of: "<details class=\"switcher-menu\">"),
              let link = html.range(of: "hreflang=\"\(locale)\"", range: menu.upperBound..<html.endIndex),
              let end = html.range(of: "</a>", range: link.upperBound..<html.endIndex) else { return nil }
        let start = html[..<link.lowerBound].range(of: "<a ", options: .backwards)!.lowerBound
        let element = String(html[start..<end.upperBound])
        return (attribute("lang", ofFirst: "a", in: element), attribute("dir", ofFirst: "span", in: element))
    }

    func testDirectionComesFromTheLocaleItsScriptOrTheConfiguration() throws {
        for rtl in ["ar", "he", "fa-IR", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "pa-Arab", "az-Arab-IR", "ku-Arab"] {
            XCTAssertEqual(TextDirection(locale: rtl), .rtl, rtl)
        }
        for ltr in ["en", "de", "pt-BR", "uz-Latn", "ku", "az", "tr", "ja", "zh-Hant-TW", "sr-Cyrl"] {
            XCTAssertEqual(TextDirection(locale: ltr), .ltr, ltr)
        }
        let fixture = try Fixture(files(config: Self.config + "\n    direction: rtl\n"))
        XCTAssertTrue(fixture.build().ok)
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: fixture.read("ar/index.html")), "rtl")
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: fixture.read("he/index.html")), "rtl", "from the locale he-IL")
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: fixture.read("en/index.html")), "ltr")
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: fixture.read("de/index.html")), "rtl", "direction: rtl overrides")
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: fixture.read("ar/print.html")), "rtl")
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: fixture.read("ar/404.html")), "rtl")

        let overridden = try Fixture(files(config: Self.config.replacingOccurrences(
            of: "locale: he-IL", with: "locale: he-IL\n    direction: LTR")))
        XCTAssertTrue(overridden.build().ok)
        XCTAssertEqual(attribute("dir", ofFirst: "html", in: overridden.read("he/index.html")), "ltr")
    }

    func testAnUnknownDirectionIsALocatedError() throws {
        let fixture = try Fixture(files(config: Self.config.replacingOccurrences(of: "locale: he-IL", with: "locale: he-IL\n    direction: right")))
        let (ok, diagnostics) = fixture.build()
        XCTAssertFalse(ok)
        let error = try XCTUnwrap(diagnostics.first { $0.message.contains("direction 'right'") })
        XCTAssertEqual(error.location.line, 9)
        XCTAssertTrue(error.message.contains("'rtl'") && error.message.contains("'ltr'"))
    }

    func testQuotedLanguagesCarryTheirOwnLangAndDir() throws {
        let fixture = try Fixture(files())
        XCTAssertTrue(fixture.build().ok)
        // ar/guide/page.html is the English page standing in: the content in English, the notice in Arabic.
        let fallback = try XCTUnwrap(fixture.read("ar/guide/page.html"))
        XCTAssertTrue(fallback.contains("<article class=\"page\" lang=\"en\" dir=\"ltr\">"))
        XCTAssertTrue(fallback.contains("<p class=\"fallback-notice\" lang=\"ar\" dir=\"rtl\" role=\"note\">"))
        // Its title, quoted in the sidebar and by its neighbour's pager, is English too.
        XCTAssertTrue(fallback.contains("<li><a href=\"page.html\" aria-current=\"page\"><span lang=\"en\" dir=\"ltr\">A page</span></a></li>"))
        XCTAssertTrue(try XCTUnwrap(fixture.read("ar/index.html")).contains("<span class=\"pager-title\"><span lang=\"en\" dir=\"ltr\">Guide</span></span>"))
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/index.html")).contains("<span lang=\"en\" dir=\"ltr\">"), "nothing quoted")
        // And in an English-language page, the switcher names Arabic and Hebrew each in its own direction.
        let english = fixture.read("en/index.html")
        XCTAssertEqual(switcherEntry("ar", in: english)?.lang, "ar")
        XCTAssertEqual(switcherEntry("ar", in: english)?.dir, "rtl")
        XCTAssertEqual(switcherEntry("he-IL", in: english)?.lang, "he-IL")
        XCTAssertEqual(switcherEntry("he-IL", in: english)?.dir, "rtl")
        XCTAssertEqual(switcherEntry("en", in: fixture.read("ar/index.html"))?.dir, "ltr")
        XCTAssertEqual(switcherEntry("en", in: fixture.read("ar/print.html"))?.dir, "ltr", "the booklet's switcher too")
        for page in ["ar/print.html", "ar/404.html"] {
            XCTAssertTrue(try XCTUnwrap(fixture.read(page)).contains("<span class=\"switcher-name\">العربية</span>"),
                          "the menu's button names the language on \(page)")
        }
        // The booklet quotes the fallback chapter the same way.
        let booklet = try XCTUnwrap(fixture.read("ar/print.html"))
        XCTAssertTrue(booklet.contains("<section class=\"booklet-page\" id=\"guide/page\" lang=\"en\" dir=\"ltr\">"))
        // A translated page under a fallback part does not inherit the part's language.
        let hebrew = try XCTUnwrap(fixture.read("he/print.html"))
        XCTAssertTrue(hebrew.contains("<div class=\"booklet-chapter\" lang=\"en\" dir=\"ltr\">"), "the part stands in")
        XCTAssertTrue(hebrew.contains("<section class=\"booklet-page\" id=\"guide/page\">"), "its translated page")
        XCTAssertTrue(try XCTUnwrap(fixture.read("index.html")).contains("lang=\"ar\" dir=\"rtl\">"), "the language chooser")
    }

    // MARK: The outdated notice

    private static let notice = "<p class=\"outdated-notice\" role=\"note\">"

    /// A handbook whose German page records the English page's current version.
    private func trackedFixture(_ extraConfig: String = "") throws -> Fixture {
        var files = Fixture.minimal
        files["handbook.yml"] = Fixture.config + extraConfig
        let fixture = try Fixture(files)
        let site = try fixture.builder.plan().site
        XCTAssertEqual(try SourceRecord.markCurrent(["de/guide/page"], site: site, fileSystem: LocalFileSystem()).count, 1)
        return fixture
    }

    func testAnOutdatedTranslationSaysSoUntilMarkedCurrent() throws {
        let fixture = try trackedFixture()
        XCTAssertTrue(fixture.build().ok)
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/guide/page.html")).contains(Self.notice), "current")
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/index.html")).contains(Self.notice), "untracked: no source recorded")

        try fixture.write("en/guide/page.md", "---\ntitle: A page\norder: 1\n---\n\nBack [home](../index.md). New advice.\n")
        XCTAssertTrue(fixture.build().ok)
        let page = try XCTUnwrap(fixture.read("de/guide/page.html"))
        XCTAssertTrue(page.contains(Self.notice + "Diese Übersetzung ist womöglich nicht mehr aktuell: Das Original wurde seither geändert. Zum Original ("
            + "<a href=\"../../en/guide/page.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>).</p>"))
        XCTAssertFalse(try XCTUnwrap(fixture.read("en/guide/page.html")).contains(Self.notice), "never on the original")
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/index.html")).contains(Self.notice))
        // The booklet says so too, at the chapter, linking from print.html.
        let booklet = try XCTUnwrap(fixture.read("de/print.html"))
        XCTAssertEqual(booklet.components(separatedBy: Self.notice).count, 2)
        XCTAssertTrue(booklet.contains("<a href=\"../en/guide/page.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"))
        let chapter = try XCTUnwrap(booklet.range(of: "id=\"guide/page\""))
        XCTAssertGreaterThan(try XCTUnwrap(booklet.range(of: Self.notice)).lowerBound, chapter.lowerBound)

        // Deterministic: a second build writes the same bytes.
        let first = fixture.snapshot()
        XCTAssertTrue(fixture.build().ok)
        XCTAssertEqual(fixture.snapshot(), first)

        let site = try fixture.builder.plan().site
        XCTAssertEqual(try SourceRecord.markCurrent(["de/guide/page"], site: site, fileSystem: LocalFileSystem()).count, 1)
        XCTAssertTrue(fixture.build().ok)
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/guide/page.html")).contains(Self.notice))
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/print.html")).contains(Self.notice))
    }

    func testTheNoticeCanBeTurnedOff() throws {
        let fixture = try trackedFixture("\noutdated_notice: false\n")
        try fixture.write("en/guide/page.md", "---\ntitle: A page\norder: 1\n---\n\nChanged.\n")
        XCTAssertTrue(fixture.build().ok)
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/guide/page.html")).contains(Self.notice))
        XCTAssertFalse(try XCTUnwrap(fixture.read("de/print.html")).contains(Self.notice))

        try fixture.write("handbook.yml", Fixture.config + "\noutdated_notice: sometimes\n")
        XCTAssertFalse(fixture.build().ok, "not a yes or no")
    }

    func testAnOverriddenNoticeWithoutItsPlaceholderStillLinksTheOriginal() throws {
        let fixture = try trackedFixture("\n    strings:\n      outdated_notice: Veraltet.\n")
        try fixture.write("en/guide/page.md", "---\ntitle: A page\norder: 1\n---\n\nChanged.\n")
        XCTAssertTrue(fixture.build().ok)
        XCTAssertTrue(try XCTUnwrap(fixture.read("de/guide/page.html")).contains(
            Self.notice + "Veraltet.<a href=\"../../en/guide/page.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a></p>"))
    }
}
