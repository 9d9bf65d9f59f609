import XCTest
@testable import HandbookKit

/// What the build computes for the layout: where a page belongs ("step n of m"),
/// numbered steps, the not-found pages at the root and at any depth, and the
/// anchors the language switcher carries.
final class LayoutTests: XCTestCase {
    /// A section of three pages whose landing page says how many are steps.
    private func steps(_ value: String, in language: String = "en") -> [String: String] {
        var files = Fixture.minimal
        files["\(language)/guide/index.md"] = "---\ntitle: Part B\norder: 1\nsteps: \(value)\n---\n\n## Start here\n\nText.\n"
        files["\(language)/guide/page.md"] = "---\ntitle: Listen\norder: 1\n---\n\nText.\n"
        files["\(language)/guide/second.md"] = "---\ntitle: Own it\norder: 2\n---\n\nText.\n"
        files["\(language)/guide/extra.md"] = "---\ntitle: Extra\norder: 3\n---\n\nText.\n"
        return files
    }

    private func place(_ html: String?) -> String? {
        guard let html, let start = html.range(of: "<p class=\"page-place\">"),
              let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    func testAPageOfAStepSectionSaysWhichStepItIs() throws {
        let fixture = try Fixture(steps("2"))
        XCTAssertTrue(fixture.build().ok)
        XCTAssertEqual(place(fixture.read("en/guide/second.html")),
                       "<p class=\"page-place\"><a class=\"page-section\" href=\"index.html\">Part B</a><span class=\"page-step\"><span class=\"page-sep\"> · </span>Step 2 of 2</span></p>")
        // Beyond the steps: the section, without a number.
        XCTAssertEqual(place(fixture.read("en/guide/extra.html")),
                       "<p class=\"page-place\"><a class=\"page-section\" href=\"index.html\">Part B</a></p>")
        // A landing page is its section; it says nothing above its title.
        XCTAssertNil(place(fixture.read("en/guide/index.html")))
    }

    func testTrueNumbersEveryPageAndTheSidebarNumbersTheSteps() throws {
        let fixture = try Fixture(steps("true"))
        XCTAssertTrue(fixture.build().ok)
        let page = try XCTUnwrap(fixture.read("en/guide/extra.html"))
        XCTAssertTrue(page.contains("Step 3 of 3</span></p>"))
        XCTAssertTrue(page.contains("<ul class=\"nav-steps\">"))
        XCTAssertTrue(page.contains("<span class=\"nav-step\">1</span> Listen</a>"))
        XCTAssertTrue(page.contains("<span class=\"nav-step\">3</span> Extra</a>"))
        // The German edition's own landing page has no `steps`: its pages stay unnumbered.
        let german = try XCTUnwrap(fixture.read("de/guide/page.html"))
        XCTAssertFalse(german.contains("nav-step"))
        XCTAssertFalse(german.contains("page-step"))
    }

    func testStepsInTheLanguagesOwnWords() throws {
        let fixture = try Fixture(steps("true", in: "de"))
        XCTAssertTrue(fixture.build().ok)
        XCTAssertTrue(fixture.read("de/guide/second.html")?.contains("Schritt 2 von 3") ?? false)
    }

    func testWithoutStepsAPageNamesItsSectionOnly() throws {
        let fixture = try Fixture()
        XCTAssertTrue(fixture.build().ok)
        XCTAssertEqual(place(fixture.read("en/guide/page.html")),
                       "<p class=\"page-place\"><a class=\"page-section\" href=\"index.html\">Guide</a></p>")
        XCTAssertFalse(fixture.read("en/guide/page.html")?.contains("nav-step") ?? true)
    }

    func testMisplacedOrWrongStepsAreWarningsOrErrorsAtTheirLine() throws {
        var files = steps("5")
        files["en/guide/page.md"] = "---\ntitle: Listen\norder: 1\nsteps: true\n---\n\nText.\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        XCTAssertTrue(ok)
        let misplaced = try XCTUnwrap(diagnostics.first { $0.message.contains("is read only in its index.md") })
        XCTAssertEqual(misplaced.location.line, 4)
        XCTAssertTrue(misplaced.location.path.hasSuffix("en/guide/page.md"))
        XCTAssertTrue(diagnostics.contains { $0.message.contains("'steps: 5' but the section has 3 pages") })
        // Numbered as far as there are pages.
        XCTAssertTrue(fixture.read("en/guide/extra.html")?.contains("Step 3 of 3") ?? false)

        let wrong = try Fixture(steps("several"))
        let failed = wrong.build()
        XCTAssertFalse(failed.ok)
        let error = try XCTUnwrap(failed.diagnostics.first { $0.message.contains("'steps' must be true") })
        XCTAssertEqual(error.location.line, 4)
    }

    // MARK: Not-found pages

    func testTheRootHasA404OfferingEveryLanguageAndSearch() throws {
        let fixture = try Fixture()
        XCTAssertTrue(fixture.build().ok)
        let page = try XCTUnwrap(fixture.read("404.html"))
        XCTAssertTrue(page.contains("<html lang=\"en\" dir=\"ltr\">"))
        XCTAssertTrue(page.contains("<a href=\"en/index.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\"><span class=\"language-name\">English</span> <span class=\"language-prompt\">Go to the start page</span></a>"))
        XCTAssertTrue(page.contains("<a href=\"de/index.html\" hreflang=\"de\" lang=\"de\" dir=\"ltr\"><span class=\"language-name\">Deutsch</span> <span class=\"language-prompt\">Zur Startseite</span></a>"))
        XCTAssertTrue(page.contains("data-index=\"en/search-index.js\""))
        XCTAssertTrue(page.contains("href=\"theme/style.css\""))
        XCTAssertTrue(page.contains("folder = \"\""))
    }

    func testNotFoundPagesFindTheirRootFromTheAddressWithoutABaseURL() throws {
        let fixture = try Fixture()
        XCTAssertTrue(fixture.build().ok)
        let page = try XCTUnwrap(fixture.read("de/404.html"))
        // The script comes before the first relative address, so <base> governs all of them.
        let script = try XCTUnwrap(page.range(of: "var codes = [\"en\", \"de\"], folder = \"de/\";"))
        let stylesheet = try XCTUnwrap(page.range(of: "href=\"../theme/style.css\""))
        XCTAssertLessThan(script.lowerBound, stylesheet.lowerBound)
        XCTAssertFalse(page.contains("<base"))
        XCTAssertTrue(page.contains("<a href=\"index.html\">Zur Startseite</a>"))
    }

    func testWithABaseURLEveryNotFoundPageHasAnAbsoluteBase() throws {
        var files = Fixture.minimal
        files["handbook.yml"] = Fixture.config + "\nbase_url: https://example.com/handbook/\n"
        let fixture = try Fixture(files)
        XCTAssertTrue(fixture.build().ok)
        let language = try XCTUnwrap(fixture.read("en/404.html"))
        let root = try XCTUnwrap(fixture.read("404.html"))
        XCTAssertTrue(language.contains("<base href=\"https://example.com/handbook/en/\">"))
        XCTAssertTrue(root.contains("<base href=\"https://example.com/handbook/\">"))
        XCTAssertFalse(root.contains("var codes"))
        let base = try XCTUnwrap(language.range(of: "<base "))
        XCTAssertLessThan(base.lowerBound, try XCTUnwrap(language.range(of: "theme/style.css")).lowerBound)
    }

    func testTheRoot404IsReservedLikeTheLanguageOnes() throws {
        let fixture = try Fixture()
        let config = try fixture.builder.plan().site.config
        let problems = ContentLoader.outputCollisions(
            config: config, pages: [], files: [StaticFile(source: "Content/theme/../404.html", destination: "404.HTML")])
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].message.contains("the generated not-found page of the site's root"))
        XCTAssertTrue(Builder.generatedFiles.contains("404.html"))
    }

    // MARK: The language switcher keeps the section

    func testTheSwitcherCarriesTheAnchorsOfTheSamePlacesOnTheTranslation() throws {
        var files = Fixture.minimal
        files["en/guide/page.md"] = "---\ntitle: A page\norder: 1\n---\n\n## Listen first\n\nA.\n\n### Details\n\nB.\n\n## Same\n\nC.\n"
        files["de/guide/page.md"] = "---\ntitle: Eine Seite\norder: 1\n---\n\n## Zuerst zuhören\n\nA.\n\n### Einzelheiten\n\nB.\n\n## Same\n\nC.\n"
        let fixture = try Fixture(files)
        XCTAssertTrue(fixture.build().ok)
        let page = try XCTUnwrap(fixture.read("en/guide/page.html"))
        XCTAssertTrue(page.contains(
            "hreflang=\"de\" lang=\"de\" data-anchors=\"{&quot;details&quot;:&quot;einzelheiten&quot;,&quot;listen-first&quot;:&quot;zuerst-zuhören&quot;,&quot;same&quot;:&quot;same&quot;}\""),
            page)
    }

    func testOutlinesThatDifferShareOnlyTheAnchorsBothHave() throws {
        func page(_ id: String, _ headings: [(Int, String)], anchors: Set<String>) -> Page {
            Page(id: PageID(id), language: "en", sourcePath: id, frontMatter: FrontMatter(title: "T"), body: [],
                 headings: headings.map { Heading(level: $0.0, text: $0.1, anchor: $0.1) }, anchors: anchors,
                 comparisons: [], scripts: [], links: [], searchText: "", bodyHash: "")
        }
        let english = page("a", [(2, "one"), (2, "two"), (2, "shared")], anchors: ["one", "two", "shared"])
        let german = page("a", [(2, "eins"), (3, "zwei"), (2, "shared")], anchors: ["eins", "zwei", "shared"])
        XCTAssertEqual(Wayfinding.anchorMap(from: english, to: german), ["shared": "shared"])
        XCTAssertEqual(Wayfinding.json([:]), "")
    }
}
