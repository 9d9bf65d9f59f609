import Foundation
import Testing
@testable import HandbookKit

/// The way through for new hires: the home page's start (where to begin, how
/// long the parts take, read → practise → print), the reading path that ends
/// in the practice, and the generated pages in the sitemap.
@Suite struct StartTests {
    /// `n` words of prose.
    static func words(_ n: Int, _ word: String = "word") -> String {
        Array(repeating: word, count: n).joined(separator: " ")
    }

    /// en and de with the same number of words per page: a home page of 10 words,
    /// a part of 1,000 + 550 words with a comparison, and a last section "before"
    /// whose page holds a task list (of 40 words in all).
    static let files: [String: String] = {
        func page(_ title: String, order: Int, _ body: String) -> String {
            "---\ntitle: \(title)\norder: \(order)\n---\n\n\(body)\n"
        }
        let comparison = """
            :::compare Blaming a colleague
            :::bad
            It was Jared.
            :::good
            We missed it.
            :::
            """  // 6 words
        var files: [String: String] = ["handbook.yml": Fixture.config]
        for code in ["en", "de"] {
            files["\(code)/index.md"] = page(code == "en" ? "Home" : "Start", order: 0, words(10))
            files["\(code)/guide/index.md"] = page(code == "en" ? "Guide" : "Leitfaden", order: 1, words(1_000))
            files["\(code)/guide/page.md"] = page("A page", order: 1, words(544) + "\n\n" + (code == "en" ? comparison : words(6)))
            files["\(code)/before/index.md"] = page(code == "en" ? "Before the call" : "Vor dem Anruf", order: 2,
                                                    words(30) + "\n\n- [ ] " + words(10))
        }
        return files
    }()

    // MARK: The reading time

    @Test func aWordIsWhatSpacesSeparateWithALetterOrDigitInIt() {
        #expect(ReadingTime.words(in: "Don't blame — anyone.\nReply in 24 hours…") == 7)
        #expect(ReadingTime.words(in: "Übernehmen Sie   Verantwortung\t(sofort)") == 4)
        #expect(ReadingTime.words(in: " — … ") == 0)
        #expect(ReadingTime.words(in: "") == 0)
    }

    @Test func eachLanguageReadsAtItsOwnRate() {
        #expect(ReadingTime.rate(for: "en") == 200)
        #expect(ReadingTime.rate(for: "de") == 155)
        #expect(ReadingTime.rate(for: "nl") == 175)
        #expect(ReadingTime.rate(for: "pt") == 160)
        #expect(ReadingTime.rate(for: "pt-BR") == 160, "a locale reads at its language's rate")
        #expect(ReadingTime.rate(for: "xx") == ReadingTime.defaultWordsPerMinute)
        #expect(ReadingTime.minutes(words: 1_550, language: "en") == 7.75)
        #expect(ReadingTime.minutes(words: 1_550, language: "de") == 10)
    }

    @Test func timesAreRoundedAsAReaderSaysThem() {
        let cases: [(Double, Int)] = [
            (0, 1), (0.2, 1), (1.4, 1), (3.4, 3), (3.6, 4), (9.4, 9), (9.6, 10), (12.4, 10), (12.6, 15),
            (33.6, 35), (37, 35), (57.4, 55), (57.6, 60), (64, 60), (94, 90), (96, 100),
        ]
        for (minutes, expected) in cases {
            #expect(ReadingTime.rounded(minutes) == expected, "\(minutes) minutes")
        }
        let english = try! #require(InterfaceStrings.builtin(for: "en"))
        #expect(ReadingTime.label(35, strings: english, locale: "en") == "about 35 minutes")
        #expect(ReadingTime.label(1, strings: english, locale: "en") == "about a minute")
        #expect(ReadingTime.label(4, strings: InterfaceStrings.builtin(for: "de")!, locale: "de") == "etwa 4 Minuten")
        // Built by the build, so the plural form is chosen here, not in the browser.
        let arabic = InterfaceStrings.builtin(for: "ar")!
        #expect(ReadingTime.label(2, strings: arabic, locale: "ar") == "دقيقتان تقريبًا")
        #expect(ReadingTime.label(5, strings: arabic, locale: "ar") == "5 دقائق تقريبًا")
        #expect(ReadingTime.label(35, strings: arabic, locale: "ar") == "35 دقيقة تقريبًا")
        #expect(ReadingTime.label(100, strings: arabic, locale: "ar") == "100 دقيقة تقريبًا")
        let polish = InterfaceStrings.builtin(for: "pl")!
        #expect(polish.counted("start_time", 3, locale: "pl") == "{pages} strony, {time} czytania")
        #expect(polish.counted("start_time", 22, locale: "pl") == "{pages} strony, {time} czytania")
        #expect(polish.counted("start_time", 25, locale: "pl") == "{pages} stron, {time} czytania")
        #expect(polish.counted("start_time", 12, locale: "pl") == "{pages} stron, {time} czytania")
        #expect(english.counted("start_time", 3, locale: "en") == english["start_time"], "a plain string is every form")
    }

    @Test func theParserCountsTheWholeBodyNotTheSearchExcerpt() throws {
        let fixture = try Fixture(["handbook.yml": Fixture.config,
                                   "en/index.md": "---\ntitle: Home\n---\n\n## Two words\n\n" + Self.words(3_000) + "\n\n- one\n- two\n",
                                   "de/index.md": "---\ntitle: Start\n---\n\nHallo.\n"])
        let site = try fixture.builder.plan().site
        let home = try #require(site.edition("en")?.byID[PageID("index")]?.page)
        #expect(home.wordCount == 3_004)
        #expect(home.searchText.count <= Page.searchTextLimit)
    }

    // MARK: The home page's start

    @Test func theHomePageStartsTheReaderInEveryLanguage() throws {
        let fixture = try Fixture(Self.files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let en = try #require(fixture.read("en/index.html"))
        #expect(en.contains("<section class=\"home-start\" aria-labelledby=\"home-start-title\">"))
        #expect(en.contains("<a class=\"start-button\" href=\"guide/index.html\"><span class=\"start-button-label\">Start reading</span> <span class=\"start-button-title\">Guide</span></a>"))
        // 10 + 1,000 + 550 + 40 words at 200 wpm: 8 minutes; the part 1,550 words, the checklist 40.
        #expect(en.contains("<p class=\"home-start-time\">4 pages, about 8 minutes of reading</p>"))
        #expect(en.contains("<li><a href=\"guide/index.html\">Guide</a> <span class=\"start-part-time\">about 8 minutes</span></li>"))
        #expect(en.contains("<li><a href=\"before/index.html\">Before the call</a> <span class=\"start-part-time\">about a minute</span></li>"))
        #expect(en.contains("<span class=\"start-step-name\">Practise what you read</span>\n<a href=\"practice.html\">"))
        // The page to print is the one with the task list, found by what it holds.
        #expect(en.contains("<span class=\"start-step-name\">Print the checklist</span>\n<a href=\"before/index.html\">Before the call</a>"))
        #expect(en.contains("<a href=\"print.html\">The whole handbook as a booklet</a>"))

        // The same words read longer in German: 1,600 words at 155 wpm, 10.3 minutes.
        let de = try #require(fixture.read("de/index.html"))
        #expect(de.contains("<span class=\"start-button-title\">Leitfaden</span>"))
        #expect(de.contains("<p class=\"home-start-time\">4 Seiten, etwa 10 Minuten Lesezeit</p>"))
        #expect(de.contains("<li><a href=\"guide/index.html\">Leitfaden</a> <span class=\"start-part-time\">etwa 10 Minuten</span></li>"))
        #expect(de.contains("start-practise") == false, "no comparisons in German, so no practice step")
        #expect(de.contains("<a href=\"before/index.html\">Vor dem Anruf</a>"))

        for other in ["en/guide/index.html", "en/guide/page.html", "de/before/index.html"] {
            #expect(fixture.read(other)?.contains("home-start") == false, "\(other) has no start block")
        }
    }

    @Test func thePracticeStepCountsTheSituations() throws {
        var files = Self.files
        files["en/before/index.md"] = "---\ntitle: Before the call\norder: 2\n---\n\n:::compare Second\n:::bad\nNo.\n:::good\nYes.\n:::\n\n- [ ] Ready\n"
        let fixture = try Fixture(files)
        #expect(fixture.build().ok)
        #expect(fixture.read("en/index.html")?.contains("<span class=\"start-step-name\">Practise what you read</span>\n<a href=\"practice.html\">Test yourself on 2 situations</a>") == true)
    }

    @Test func withoutAChecklistThePathEndsInTheBooklet() throws {
        var files = Self.files
        files["en/before/index.md"] = "---\ntitle: Before the call\norder: 2\n---\n\nNo list here.\n"
        let fixture = try Fixture(files)
        #expect(fixture.build().ok)
        let home = try #require(fixture.read("en/index.html"))
        #expect(home.contains("<span class=\"start-step-name\">Print the handbook</span>\n<a href=\"print.html\">The whole handbook</a>"))
        #expect(!home.contains("Print the checklist"))
    }

    @Test func aHandbookOfOnePageHasNoStart() throws {
        let fixture = try Fixture(["handbook.yml": "languages:\n  - code: en\n    title: T\n",
                                   "en/index.md": "---\ntitle: Home\n---\n\nAll there is.\n"])
        #expect(fixture.build().ok)
        #expect(fixture.read("en/index.html")?.contains("home-start") == false)
    }

    @Test func aThemeRestylesTheStartFromTheSameValues() throws {
        var files = Self.files
        files["theme/home-start.mustache"] = "<p class=\"my-start\"><a href=\"{{firstHref}}\">{{firstTitle}}</a>: {{time}}{{#parts}} [{{title}} {{time}}]{{/parts}}</p>\n"
        let fixture = try Fixture(files)
        #expect(fixture.build().ok)
        #expect(fixture.read("en/index.html")?.contains("<p class=\"my-start\"><a href=\"guide/index.html\">Guide</a>: about 8 minutes [Guide about 8 minutes] [Before the call about a minute]</p>") == true)
    }

    // MARK: The reading path ends in the practice

    @Test func theLastPageLeadsToThePracticeAndThePracticeToPrint() throws {
        let fixture = try Fixture(Self.files)
        #expect(fixture.build().ok)
        let last = try #require(fixture.read("en/before/index.html"))
        #expect(last.contains("<a class=\"pager-next\" rel=\"next\" href=\"../practice.html\"><span class=\"pager-label\">Next</span> <span class=\"pager-title\">Practice: which reply is better?</span></a>"))
        let practice = try #require(fixture.read("en/practice.html"))
        #expect(practice.contains("<a class=\"pager-previous\" rel=\"prev\" href=\"before/index.html\"><span class=\"pager-label\">Previous</span> <span class=\"pager-title\">Before the call</span></a>"))
        #expect(practice.contains("<a class=\"pager-next\" rel=\"next\" href=\"print.html\"><span class=\"pager-label\">Next</span> <span class=\"pager-title\">Print the handbook</span></a>"))
        // Without a practice page, the last page's pager has no Next.
        #expect(fixture.read("de/before/index.html")?.contains("pager-next") == false)
    }

    @Test func thePracticeHasProgressAReviewAndARetry() throws {
        var files = Self.files
        files["en/before/index.md"] = "---\ntitle: Before the call\norder: 2\n---\n\n:::compare Second\n:::bad\nNo.\n:::good\nYes.\n:::\n"
        let fixture = try Fixture(files)
        #expect(fixture.build().ok)
        let practice = try #require(fixture.read("en/practice.html"))
        #expect(practice.contains("data-progress=\"{answered} of {total} answered\""))
        #expect(practice.contains("<p class=\"question-next\"><a href=\"#q2\">Next question</a></p>"))
        #expect(!practice.contains("href=\"#q3\""), "the last question has no next")
        #expect(practice.contains("<li data-question=\"q1\" hidden><a href=\"guide/page.html#blaming-a-colleague\">Blaming a colleague</a> <span class=\"practice-missed-page\">(A page)</span></li>"))
        #expect(practice.contains("<li data-question=\"q2\" hidden><a href=\"before/index.html#second\">Second</a>"))
        #expect(practice.contains("<button type=\"button\" class=\"practice-retry\" hidden>Retry the ones I missed</button>"))
    }

    // MARK: The sitemap

    @Test func theSitemapListsThePracticeAndPrintPages() throws {
        let fixture = try Fixture(Self.files)
        #expect(fixture.build().ok)
        let sitemap = try #require(fixture.read("sitemap.xml"))
        #expect(sitemap.contains("<url>\n<loc>en/practice.html</loc>\n</url>\n"), "only English has a practice page: no alternates")
        #expect(!sitemap.contains("de/practice.html"))
        #expect(sitemap.contains("<url>\n<loc>de/print.html</loc>\n<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"en/print.html\"/>\n<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"de/print.html\"/>\n</url>\n"))
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == 4 * 2 + 1 + 2)

        var based = Self.files
        based["handbook.yml"] = Fixture.config + "\nbase_url: https://example.com/hb/\n"
        let absolute = try Fixture(based)
        #expect(absolute.build().ok)
        #expect(absolute.read("sitemap.xml")?.contains("<loc>https://example.com/hb/en/practice.html</loc>") == true)
    }
}
