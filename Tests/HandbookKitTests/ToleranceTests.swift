import Foundation
import Testing
@testable import HandbookKit

/// Markdown brought in from other tools (wikis, static-site generators, a
/// forge's README files) builds as it is where that is safe: links written as
/// `page/`, `page.html`, `page` or `/path` lead to the page and say how to
/// write them, README.md is a folder's index, and what is missing is an error.
@Suite struct ToleranceTests {
    /// A handbook whose guide page links in every form other tools write.
    static let files: [String: String] = [
        "handbook.yml": Fixture.config,
        "en/index.md": "---\ntitle: Home\n---\n\nWelcome.\n",
        "en/building-community.md": "---\ntitle: Community\n---\n\n## First steps\n\nText.\n",
        "en/guide/index.md": "---\ntitle: Guide\n---\n\nText.\n",
        "en/guide/other.md": "---\ntitle: Other\norder: 2\n---\n\n## Details\n\nText.\n",
        "de/index.md": "---\ntitle: Start\n---\n\nHallo.\n",
    ]

    static let forms: [(link: String, href: String, write: String)] = [
        ("../building-community/#first-steps", "../building-community.html#first-steps", "../building-community.md#first-steps"),
        ("other.html#details", "other.html#details", "other.md#details"),
        ("other", "other.html", "other.md"),
        ("other/", "other.html", "other.md"),
        ("./", "index.html", "index.md"),
        ("../guide", "index.html", "index.md"),
        ("/guide/other", "other.html", "other.md"),
        ("/guide/other/", "other.html", "other.md"),
        ("/en/guide/other.md", "other.html", "other.md"),
        ("/de/", "../../de/index.html", "../../de/index.md"),
        ("/", "../index.html", "../index.md"),
        ("/assets/logo.png", "../../assets/logo.png", "../../assets/logo.png"),
    ]

    @Test func linksWrittenAsOtherToolsWriteThemLeadToThePageWithAdvice() throws {
        var files = Self.files
        let body = Self.forms.enumerated().map { "[l\($0.offset)](\($0.element.link))\n" }.joined(separator: "\n")
        files["en/guide/page.md"] = "---\ntitle: Page\norder: 1\n---\n\n" + body
        let fixture = try Fixture(files)
        try fixture.write("assets/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        let advice = diagnostics.filter { $0.message.contains("works, but write it as") }
        for (number, form) in Self.forms.enumerated() {
            #expect(html.contains("<a href=\"\(form.href)\">l\(number)</a>"), "\(form.link) → \(form.href)")
            let expected = Diagnostic.warning(
                "link '\(form.link)' works, but write it as '\(form.write)' so it also works on a forge",
                at: SourceLocation(path: fixture.content + "/en/guide/page.md", line: 6 + 2 * number, column: 1))
            #expect(advice.contains(expected), "\(form.link): \(advice.map(\.message))")
        }
        #expect(advice.count == Self.forms.count)
        // The booklet takes the rewritten links inside itself, like `.md` ones.
        let booklet = try #require(fixture.read("en/print.html"))
        #expect(booklet.contains("<a href=\"#building-community%3Afirst-steps\" data-target=\"Community\">l0</a>"))
        #expect(booklet.contains("<a href=\"#guide/other\" data-target=\"Other\">l6</a>"))
    }

    @Test func theExactMessageForAPrettyURLWithAnAnchor() throws {
        var files = Self.files
        files["en/guide/page.md"] = "---\ntitle: Page\n---\n\nSee [the community](../building-community/#first-steps).\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok)
        #expect(diagnostics.map(\.description).contains(
            "\(fixture.content)/en/guide/page.md:5:5: warning: link '../building-community/#first-steps' works, but write it as '../building-community.md#first-steps' so it also works on a forge"))
    }

    /// A `/` link is checked like a relative one; nothing it could mean is there.
    @Test(arguments: [
        ("[x](/guide/missing)", "link '/guide/missing' points to a page that does not exist (en/guide/missing.md)"),
        ("[x](missing)", "link 'missing' points to a page that does not exist (en/guide/missing.md)"),
        ("[x](missing/#a)", "link 'missing/#a' points to a page that does not exist (en/guide/missing.md or en/guide/missing/index.md)"),
        ("[x](missing.html)", "link 'missing.html' points to a page that does not exist (en/guide/missing.md)"),
        ("[x](/en/guide/missing.md)", "link '/en/guide/missing.md' points to a page that does not exist (en/guide/missing.md)"),
        ("![x](/assets/none.png)", "link '/assets/none.png' points to a file that does not exist (en/assets/none.png or assets/none.png)"),
        ("[x](/nl/index.md)", "link '/nl/index.md' points to a page that does not exist (en/nl/index.md)"),
        ("[x](/../secret)", "link '/../secret' leaves the content folder"),
        ("[x](../../assets/)", "link '../../assets/' points to a folder; link to a page's .md file or to a file"),
        ("[x](../guide/empty/)", "link '../guide/empty/' points to a folder without an index page; create en/guide/empty/index.md or link to a page's .md file"),
    ])
    func targetsThatAreNotThereAreErrors(link: String, message: String) throws {
        var files = Self.files
        files["en/guide/page.md"] = "---\ntitle: Page\n---\n\nSee \(link).\n"
        let fixture = try Fixture(files)
        try fixture.write("assets/logo.png", bytes: [1])
        try fixture.write("en/guide/empty/notes.txt", "a file, no page")
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == [message])
        #expect(errors.first?.location == SourceLocation(path: fixture.content + "/en/guide/page.md", line: 5, column: 5))
    }

    /// A file of the content is what a link without `.md` means first: a `page.html` put there stays as it is.
    @Test func aFileOfThatNameWinsOverAPageAndNeedsNoAdvice() throws {
        var files = Self.files
        files["en/guide/page.md"] = "---\ntitle: Page\n---\n\n[a](legacy.html) [b](LICENSE) [c](/guide/LICENSE)\n"
        files["en/guide/legacy.html"] = "<p>kept</p>"
        files["en/guide/LICENSE"] = "MIT"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<a href=\"legacy.html\">a</a> <a href=\"LICENSE\">b</a> <a href=\"LICENSE\">c</a>"))
        #expect(diagnostics.filter { $0.message.contains("works, but") }.map(\.message)
            == ["link '/guide/LICENSE' works, but write it as 'LICENSE' so it also works on a forge"])
    }

    /// A translation's link to a page it lacks leads to the original standing in, as a `.md` link does.
    @Test func aTranslationsGuessedLinkFindsThePageShownFromTheDefaultLanguage() throws {
        var files = Self.files
        files["de/guide/index.md"] = "---\ntitle: Leitfaden\n---\n\nSiehe [andere](/guide/other) und [Gemeinschaft](../building-community/).\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("de/guide/index.html"))
        #expect(html.contains("<a href=\"other.html\">andere</a>"))
        #expect(html.contains("<a href=\"../building-community.html\">Gemeinschaft</a>"))
        #expect(fixture.read("de/guide/other.html")?.contains("Text.") == true)
        #expect(diagnostics.contains { $0.message == "link '/guide/other' works, but write it as 'other.md' so it also works on a forge" })
    }

    // MARK: README.md

    static let readmeFiles: [String: String] = [
        "handbook.yml": Fixture.config,
        "en/README.md": "---\ntitle: Home\n---\n\nSee [the guide](guide/README.md), [again](guide/index.md) and [once more](guide/).\n",
        "en/guide/README.md": "---\ntitle: Guide\n---\n\n## Start\n\nBack [home](../README.md#top) or [home](../index.md).\n",
        "en/guide/page.md": "---\ntitle: Page\n---\n\n[Guide](README.md#start)\n",
        "de/index.md": "---\ntitle: Start\n---\n\nZum [Leitfaden](guide/README.md).\n",
    ]

    @Test func readmeIsAFoldersIndexWhereThereIsNoIndexMd() throws {
        var files = Self.readmeFiles
        files["en/README.md"] = "---\ntitle: Home\n---\n\n## Top\n\nSee [the guide](guide/README.md), [again](guide/index.md) and [once more](guide/).\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let home = try #require(fixture.read("en/index.html"))
        #expect(home.contains("<a href=\"guide/index.html\">the guide</a>, <a href=\"guide/index.html\">again</a> and <a href=\"guide/index.html\">once more</a>"))
        #expect(fixture.read("en/guide/index.html")?.contains("<a href=\"../index.html#top\">home</a>") == true)
        #expect(fixture.read("en/guide/page.html")?.contains("<a href=\"index.html#start\">Guide</a>") == true)
        #expect(fixture.read("en/README.html") == nil && fixture.read("en/guide/README.html") == nil)
        // The translation has no guide: the README stands in, and its link to it works.
        #expect(fixture.read("de/index.html")?.contains("<a href=\"guide/index.html\">Leitfaden</a>") == true)
        #expect(fixture.read("de/guide/index.html")?.contains("<h1>Guide</h1>") == true)
        // Links that work here but not on a forge, where the file is README.md.
        let advice = diagnostics.filter { $0.message.contains("works, but") }.map(\.description).sorted()
        #expect(advice == [
            "\(fixture.content)/en/README.md:7:35: warning: link 'guide/index.md' works, but write it as 'guide/README.md' so it also works on a forge",
            "\(fixture.content)/en/README.md:7:63: warning: link 'guide/' works, but write it as 'guide/README.md' so it also works on a forge",
            "\(fixture.content)/en/guide/README.md:7:34: warning: link '../index.md' works, but write it as '../README.md' so it also works on a forge",
        ])
    }

    @Test func readmeBesideIndexMdIsAnErrorNamingBoth() throws {
        var files = Self.readmeFiles
        files["en/guide/index.md"] = "---\ntitle: Guide\n---\n\nText.\n"
        files["en/guide/page.md"] = "---\ntitle: Page\n---\n\n:::compare Unclosed\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains(
            "\(fixture.content)/en/guide/README.md:1:1: error: \(fixture.content)/en/guide/README.md and \(fixture.content)/en/guide/index.md are both this folder's index page; keep one (a README.md is the index only where there is no index.md)"))
        #expect(errors.contains { $0.contains("':::compare Unclosed' is never closed") }, "reported in the same run: \(errors)")
    }

    // MARK: Structure reported with the parse errors

    @Test func noHomePageIsReportedAtHandbookYmlWithTheParseErrors() throws {
        var files = Fixture.minimal
        files["en/index.md"] = nil
        files["en/a-first-page.md"] = "---\ntitle: First\n---\n\nText.\n"
        files["en/guide/page.md"] = "---\ntitle: A page\n---\n\n:::bad\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description).sorted()
        #expect(errors == [
            "\(fixture.content)/en/guide/page.md:5:1: error: ':::bad' must be inside a ':::compare' block",
            "\(fixture.content)/handbook.yml:2:11: error: language 'en' has no home page: create \(fixture.content)/en/index.md",
        ])
    }

    @Test func aTranslationWithoutAHomeShowsTheOriginalsAndOnlyAMissingOneEverywhereIsAnError() throws {
        var files = Fixture.minimal
        files["de/index.md"] = nil
        #expect(try Fixture(files).build().ok, "the German home falls back to the English one")
        files["en/index.md"] = nil
        let fixture = try Fixture(files)
        let errors = fixture.build().diagnostics.filter { $0.severity == .error }.map(\.description).sorted()
        #expect(errors == [
            "\(fixture.content)/handbook.yml:2:11: error: language 'en' has no home page: create \(fixture.content)/en/index.md",
            "\(fixture.content)/handbook.yml:4:11: error: language 'de' has no home page: create \(fixture.content)/de/index.md",
        ].sorted())
    }

    @Test func aSectionWithoutALandingPageIsReportedAtItsFolderWithTheParseErrors() throws {
        var files = Fixture.minimal
        files["en/orphans/b.md"] = "---\ntitle: B\norder: 2\n---\n"
        files["en/orphans/a.md"] = "---\ntitle: A\n---\n"
        files["en/guide/page.md"] = "---\ntitle: T\n---\n\n:::good\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.description).contains(
            "\(fixture.content)/en/orphans:1:1: error: section 'orphans' has no landing page: create \(fixture.content)/en/orphans/index.md (its title names the section)"))
        #expect(errors.contains { $0.location.path == fixture.content + "/en/guide/page.md" && $0.message.hasPrefix("':::good' must be inside") })
        #expect(errors.count == 2, "once per section, never at one of its pages: \(errors)")
    }

    // MARK: Anchor hints

    @Test func anchorHintsListTheNearestAnchorsFirst() throws {
        var files = Fixture.minimal
        let headings = ["Introduction", "Why it matters", "Listen first", "Say sorry", "Own the mistake", "Offer a fix",
                        "Follow up", "Keep records", "Learn from it", "Apologise early", "Apologise in person"]
        files["en/guide/index.md"] = "---\ntitle: Guide\n---\n\n" + headings.map { "## \($0)\n\nText.\n" }.joined(separator: "\n")
        files["en/guide/page.md"] = "---\ntitle: A page\n---\n\nSee [early](index.md#apologize-early).\n"
        let fixture = try Fixture(files)
        let error = try #require(fixture.build().diagnostics.first { $0.severity == .error })
        let start = "link 'index.md#apologize-early' points to '#apologize-early', which is not a heading or block of en/guide/index.md (its anchors include "
        #expect(error.message.hasPrefix(start + "#apologise-early, #apologise-in-person, "), "\(error.message)")
        let listed = error.message.dropFirst(start.count).dropLast().components(separatedBy: ", ")
        #expect(listed.count == 8)
        #expect(!listed.contains("#why-it-matters"), "the farthest of the eleven is left out")
    }

    @Test func nearestAnchorsKeepThePagesOrderForTiesAndLookAtComparisonsAndScripts() throws {
        let (parsed, diagnostics) = parsePage(page("## Beta\n\n## Alpha\n\n:::compare Gamma\n:::bad\nx\n:::good\ny\n:::\n\n:::script Delta\nHi\n:::\n"))
        let page = try #require(parsed, "\(diagnostics)")
        #expect(LinkChecker.nearestAnchors(to: "gama", in: page).first == "gamma")
        #expect(LinkChecker.nearestAnchors(to: "zzzzz", in: page) == ["beta", "alpha", "gamma", "delta"])
        #expect(LinkChecker.nearestAnchors(to: "delta", in: page, limit: 1) == ["delta"])
    }
}
