import Foundation
import Testing
@testable import HandbookKit

/// Markdown written for a forge, a wiki, Jekyll or Hugo builds as it is where
/// that is safe, and whatever the build cannot show is a located warning.
@Suite struct MarkdownFromOtherToolsTests {
    // MARK: Titles

    @Test func aPageWithoutFrontMatterTakesItsTitleFromItsLeadingHeading() throws {
        let (page, diagnostics) = parsePage("# Benefits & Perks\n\nWhat you *get*.\n")
        let parsed = try #require(page, "\(diagnostics)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(parsed.frontMatter.title == "Benefits & Perks")
        #expect(!parsed.bodyHTML.contains("<h1"), "the heading is the title, not shown twice")
        #expect(parsed.bodyHTML.contains("<p>What you <em>get</em>.</p>"))
    }

    @Test func emptyFrontMatterAndASetextHeadingGiveATitleToo() throws {
        let (page, diagnostics) = parsePage("---\norder: 2\n---\n\nOnboarding\n==========\n\nText.\n")
        #expect(page?.frontMatter.title == "Onboarding", "\(diagnostics)")
        #expect(page?.frontMatter.order == 2)
        #expect(page?.bodyHTML.contains("<h1") == false)
    }

    @Test func aLeadingHeadingThatRepeatsTheTitleIsNotShownTwice() throws {
        let fixture = try Fixture(Fixture.minimal.merging([
            "en/guide/page.md": "---\ntitle: A page\norder: 1\n---\n\n# A  Page\n\nBody.\n",
        ]) { $1 })
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1: the title")
        #expect(!diagnostics.contains { $0.location.path.hasSuffix("guide/page.md") })
    }

    @Test func aLeadingHeadingOtherThanTheTitleIsKeptWithAWarning() throws {
        let (page, diagnostics) = parsePage("---\ntitle: Other\n---\n\n# A different heading\n\nBody.\n")
        #expect(page?.bodyHTML.contains("A different heading</h1>") == true)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(path: "Content/en/page.md", line: 5, column: 1))
        #expect(warning.message.contains("make this one '## A different heading'"))
    }

    @Test func aLaterHeadingIsNotTakenForTheTitle() {
        let (page, diagnostics) = parsePage("Intro paragraph.\n\n# Heading\n")
        #expect(page == nil)
        #expect(diagnostics.first?.message.hasPrefix("the page has no title") == true)
    }

    // MARK: Front-matter keys

    @Test func everyUnknownKeyOfAFileIsReportedAtOnce() {
        let (page, diagnostics) = parsePage("---\ntitle: T\nlang: en\nlayout: post\nimage: a.png\nclass: wide\nrelated: [x]\n---\nBody\n")
        #expect(page == nil)
        let lines = diagnostics.filter { $0.severity == .error }.map(\.location.line)
        #expect(lines == [3, 4, 5, 6, 7])
        #expect(diagnostics.allSatisfy { $0.message.contains("list it under 'ignore_keys:' in handbook.yml") })
    }

    @Test func unknownKeysAreSummedUpAcrossFilesWithTheFix() throws {
        var files = Fixture.minimal
        files["en/index.md"] = "---\ntitle: Home\nlang: en\nimage: a.png\n---\n\nSee [the guide](guide/index.md).\n"
        files["en/guide/page.md"] = "---\ntitle: A page\nlang: en\n---\n\nText.\n"
        files["de/index.md"] = "---\ntitle: Start\nlang: de\n---\n\nSiehe [den Leitfaden](guide/index.md).\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let summary = try #require(diagnostics.first { $0.message.hasPrefix("unknown front-matter keys") })
        #expect(summary.location.path == fixture.content + "/handbook.yml")
        #expect(summary.message == "unknown front-matter keys: lang (3 files), image (1); if other tools need them, add 'ignore_keys: [lang, image]' to handbook.yml to accept and ignore them")
    }

    @Test func ignoredKeysAreAcceptedButATypoOfAKnownKeyIsNot() throws {
        var files = Fixture.minimal
        files["handbook.yml"] = Fixture.config + "\nignore_keys: [lang, image, titel, title]\n"
        files["en/guide/page.md"] = "---\ntitle: A page\nlang: en\nimage: a.png\n---\n\nText.\n"
        files["de/guide/page.md"] = "---\ntitle: Eine Seite\ntitel: Seite\n---\n\nText.\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.hasPrefix("unknown key 'titel' in front matter (did you mean 'title'?)") == true)
        #expect(errors.first?.location.path.hasSuffix("de/guide/page.md") == true)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("'title' is one of the handbook's own front-matter keys") })
    }

    @Test(arguments: [
        ("title: Benefits: what you get", #"a value that contains ': ' must be in quotes"#),
        ("title: \"Sorry\" is not enough", "a value that starts with a quote must end with it"),
        ("title: \"C:\\path\"", "inside double quotes a backslash starts an escape"),
    ])
    func yamlErrorsSayWhatToDo(line: String, advice: String) {
        let (_, diagnostics) = parsePage("---\n\(line)\n---\nBody\n")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.message.hasPrefix("invalid YAML: ") == true)
        #expect(error?.message.contains(advice) == true, "\(String(describing: error))")
        #expect(error?.location.line == 2)
    }

    @Test func recordingASourceGivesAPageWithoutFrontMatterOne() throws {
        let text = try SourceRecord.record("0123456789ab", in: "# Titel\r\n\r\nText.\r\n", path: "de/page.md")
        #expect(text == "---\r\nsource: 0123456789ab\r\n---\r\n# Titel\r\n\r\nText.\r\n")
    }

    // MARK: Raw HTML

    @Test func droppedRawHTMLIsWarnedWhereItIsWithWhatItTakes() {
        let markdown = "# T\n\n<div class=\"note\">\nFive words are lost here.\n</div>\n\nPress <kbd>Ctrl</kbd> now.\n\n<!-- a comment shows nothing -->\n"
        let (page, diagnostics) = parsePage(markdown)
        #expect(page != nil)
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(diagnostics[0].location == SourceLocation(path: "Content/en/page.md", line: 3, column: 1))
        #expect(diagnostics[0].message == "raw HTML block '<div class=\"note\"> …' dropped with the 5 words in it: write it in Markdown, or set 'raw_html: true' in handbook.yml to keep HTML [1 of 2 on this page]")
        #expect(diagnostics[1].location == SourceLocation(path: "Content/en/page.md", line: 7, column: 7))
        #expect(diagnostics[1].message.hasPrefix("raw HTML '<kbd>' dropped (the text around it is kept)"))
        #expect(diagnostics.allSatisfy { $0.topic == .rawHTML && $0.severity == .warning })
    }

    @Test func keptRawHTMLWarnsOnlyAboutWhatTheTagFilterDisarms() {
        let (page, diagnostics) = parsePage("# T\n\n<div>kept</div>\n\n<script>alert(1)</script>\n", rawHTML: true)
        #expect(page?.bodyHTML.contains("<div>kept</div>") == true)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("'<script>' is shown as text, not run") == true)
        #expect(diagnostics.first?.location.line == 5)
    }

    @Test func rawHTMLDroppedOnSeveralPagesIsSummedUp() throws {
        var files = Fixture.minimal
        files["en/index.md"] = "---\ntitle: Home\n---\n\n<div>x</div>\n\nSee [the guide](guide/index.md).\n"
        files["en/guide/page.md"] = "---\ntitle: A page\n---\n\nA <span>b</span> c <em>d</em>.\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        #expect(diagnostics.contains {
            $0.location.path == fixture.content + "/handbook.yml"
                && $0.message.hasPrefix("raw HTML dropped in 3 places on 2 pages, each warned at its place")
        })
    }

    // MARK: markdown="1"

    static let aside = "# T\n\n<aside class=\"pull-quote\" markdown=\"1\">\n**Tip:** ask what the client *needs*.\n\nThen say what you will do.\n</aside>\n\nAfter.\n"

    @Test func markdownInsideAMarkedElementIsRenderedWithRawHTML() throws {
        let (page, diagnostics) = parsePage(Self.aside, rawHTML: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("<aside class=\"pull-quote\">\n<p><strong>Tip:</strong> ask what the client <em>needs</em>.</p>\n<p>Then say what you will do.</p>\n</aside>\n<p>After.</p>"), "\(html)")
        #expect(!html.contains("markdown="))
    }

    @Test func withoutRawHTMLTheElementGoesAndItsMarkdownStays() throws {
        let (page, diagnostics) = parsePage(Self.aside)
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("<p><strong>Tip:</strong> ask what the client <em>needs</em>.</p>\n<p>Then say what you will do.</p>\n<p>After.</p>"), "\(html)")
        #expect(!html.contains("raw HTML omitted"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.message.hasPrefix("raw HTML dropped: '<aside class=\"pull-quote\" markdown=\"1\">' and its closing tag (the Markdown inside is kept)") == true)
    }

    @Test func markedElementsNestAndInnerUnmarkedTagsStayRaw() throws {
        let markdown = "# T\n\n<div markdown=\"block\">\n<div class=\"inner\">\nraw *inner*\n</div>\n\n<section markdown='1'>\n*deep*\n</section>\n</div>\n"
        let (page, diagnostics) = parsePage(markdown, rawHTML: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("<div>\n<div class=\"inner\">\nraw *inner*\n</div>\n<section>\n<p><em>deep</em></p>\n</section>\n</div>"), "\(html)")
    }

    @Test func aMarkedElementInCodeIsText() throws {
        let (page, diagnostics) = parsePage("# T\n\n```\n<aside markdown=\"1\">\n*x*\n</aside>\n```\n", rawHTML: true)
        #expect(diagnostics.isEmpty)
        #expect(page?.bodyHTML.contains("<pre><code>&lt;aside markdown=&quot;1&quot;&gt;\n*x*\n&lt;/aside&gt;\n</code></pre>") == true)
    }

    @Test func aMarkedElementThatIsNeverClosedIsWarnedAndLeftAsWritten() throws {
        let (page, diagnostics) = parsePage("# T\n\n<aside markdown=\"1\">\n*x*\n", rawHTML: true)
        #expect(page?.bodyHTML.contains("<aside markdown=\"1\">") == true)
        #expect(diagnostics.first?.message.hasPrefix("'<aside markdown=\"1\">' has no closing '</aside>' line") == true)
        #expect(diagnostics.first?.location.line == 3)
    }

    // MARK: Other tools' templates

    @Test func otherToolsTemplatesOutsideCodeAreWarnedAtTheirColumn() {
        let markdown = "# T\n\nWelcome to {{ site.title }}. See {% link guide.md %}!\n\n{{< ref \"x\" >}}\n\n`{{ in code }}` and {braces} are fine.\n\n```\n{% include x %}\n```\n"
        let (page, diagnostics) = parsePage(markdown)
        #expect(page != nil)
        #expect(diagnostics.map(\.location.line) == [3, 3, 5], "\(diagnostics)")
        #expect(diagnostics.map(\.location.column) == [12, 34, 1])
        #expect(diagnostics[0].message.hasPrefix("template variable '{{ site.title }}' is shown as text"))
        #expect(diagnostics[1].message.hasSuffix("write a Markdown link to the page's .md file, e.g. [the guide](guide.md)"))
        #expect(diagnostics[2].message.hasPrefix("Hugo shortcode '{{< ref \"x\" >}}'"))
        #expect(diagnostics.allSatisfy { $0.topic == .foreignTemplate })
    }

    // MARK: Navigation

    @Test func pagesAtTheTopOfALanguageFolderAreInTheSidebar() throws {
        let fixture = try Fixture([
            "handbook.yml": "languages:\n  - code: en\n    title: Flat\n",
            "en/index.md": "# Employee handbook\n\nStart here.\n",
            "en/benefits.md": "# Benefits & Perks\n\nText.\n",
            "en/holidays.md": "---\norder: 1\n---\n# Holidays\n\nText.\n",
        ])
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        for page in ["index", "benefits", "holidays"] {
            let html = try #require(fixture.read("en/\(page).html"))
            #expect(html.contains("<a href=\"benefits.html\""))
            #expect(html.contains(">Benefits &amp; Perks</a>"), "every page lists every top-level page")
            #expect(html.contains(">Holidays</a>"))
            #expect(html.components(separatedBy: "<h1").count == 2, "\(page): one h1")
        }
        #expect(fixture.read("en/benefits.html")?.contains("<a href=\"benefits.html\" aria-current=\"page\">Benefits &amp; Perks</a>") == true)
    }

    // MARK: Nothing lost

    /// A Jekyll-style page with a pull quote, inline HTML and foreign keys: every
    /// word of its body (outside tags and link targets) reaches the built page.
    @Test func everyWordOfAJekyllStylePageIsInTheOutput() throws {
        let body = """
            Client work goes wrong sometimes, and how we say sorry matters.

            <aside class="pull-quote" markdown="1">
            > **Own it first.** Explain *later*, and only if asked.

            A second paragraph of the quote, with [a link](../index.md).
            </aside>

            Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy the <span class="term">template</span>.

            <div class="note">
            A raw block whose words must survive too.
            </div>

            - one item
            - two items
            """
        var files = Fixture.minimal
        files["handbook.yml"] = Fixture.config + "\nraw_html: true\nignore_keys: [lang, class, image, related]\n"
        files["en/guide/page.md"] = "---\ntitle: Saying sorry\nlang: en\nclass: wide\nimage: a.png\nrelated: [x, y]\n---\n\n" + body + "\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        #expect(diagnostics.filter { $0.location.path.hasSuffix("en/guide/page.md") }.isEmpty, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        let article = try #require(html.components(separatedBy: "<article>").last?.components(separatedBy: "</article>").first)
        let missing = words(inMarkdown: body).subtracting(words(inHTML: article))
        #expect(missing.isEmpty, "lost: \(missing.sorted())")
        #expect(article.contains("<aside class=\"pull-quote\">"))
        #expect(article.contains("<strong>Own it first.</strong>"))
    }
}

/// Words of a Markdown body as a reader sees them: without tags, link targets and markup.
func words(inMarkdown markdown: String) -> Set<String> {
    var text = markdown.replacingOccurrences(of: #"\]\([^)]*\)"#, with: " ", options: .regularExpression)
    text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    return wordSet(text)
}

func words(inHTML html: String) -> Set<String> {
    wordSet(html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression))
}

private func wordSet(_ text: String) -> Set<String> {
    Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
}
