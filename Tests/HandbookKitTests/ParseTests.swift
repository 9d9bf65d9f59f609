import Testing
@testable import HandbookKit

/// Parses one page on its own, as the builder's parse stage does.
func parsePage(_ markdown: String, path: String = "en/page.md", languages: Set<String> = ["en", "de"],
               rawHTML: Bool = false, content: ContentIndex = ContentIndex()) -> (Page?, [Diagnostic]) {
    let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
    let source = SourceFile(language: parts[0], id: PageID(String(parts[1].dropLast(3))), path: "Content/" + path)
    return PageParser(languages: languages, rawHTML: rawHTML, content: content)
        .parse(source, bytes: Array(markdown.utf8))
}

extension Page {
    /// The body as a page of the site shows it: drawn by the built-in theme, in English.
    var bodyHTML: String { bodyHTML(in: .english) }

    func bodyHTML(in strings: InterfaceStrings) -> String {
        BodyRenderer(theme: builtinTheme, strings: strings).html(body)
    }
}

/// The built-in theme, loaded once for every test that draws a body.
let builtinTheme = try! Theme.load(overrides: [:], fileSystem: LocalFileSystem())

func page(_ body: String) -> String { "---\ntitle: T\n---\n" + body }

@Suite struct FrontMatterTests {
    @Test func readsTitleDescriptionAndOrder() throws {
        let (page, diagnostics) = parsePage("---\ntitle: \"Hello: world\"\ndescription: D\norder: 3\n---\nBody\n")
        #expect(diagnostics.isEmpty)
        #expect(page?.frontMatter == FrontMatter(title: "Hello: world", description: "D", order: 3))
    }

    @Test(arguments: [
        ("---\ntitle: T\ntitel: x\n---\n", 3, 1, "unknown key 'titel' in front matter (did you mean 'title'?)"),
        ("---\ntitle: T\norder: first\n---\n", 3, 8, "'order' must be a whole number, not 'first'"),
        ("---\ndescription: D\n---\n", 1, 1, "the page has no title: start it with a line '# Title'"),
        ("---\ntitle: T\n", 1, 1, "front matter is not closed"),
        ("No front matter and no heading\n", 1, 1, "the page has no title"),
        ("---\n- a\n- b\n---\n", 2, 1, "front matter must be a mapping"),
        ("---\ntitle: [unclosed\n---\n", 3, 1, "invalid YAML"),
        ("---\ntitle: ''\n---\n", 2, 8, "'title' is empty"),
    ])
    func reportsProblemsWithLocation(input: String, line: Int, column: Int, message: String) {
        let (page, diagnostics) = parsePage(input)
        #expect(page == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.message.hasPrefix(message) == true, "got \(String(describing: error))")
        #expect(error?.location == SourceLocation(path: "Content/en/page.md", line: line, column: column))
    }

    @Test func acceptsCRLFAndByteOrderMark() {
        let (page, diagnostics) = parsePage("\u{FEFF}---\r\ntitle: T\r\n---\r\n## Head\r\n\r\nText\r\n")
        #expect(diagnostics.isEmpty)
        #expect(page?.headings.first?.anchor == "head")
    }
}

@Suite struct DirectiveTests {
    let comparison = """
        :::compare Blaming a colleague
        :::bad
        "It wasn't me, Jared forgot."

        Why it fails: doubt.
        :::good
        "We missed it, and I'm sorry."

        Why it works: ownership.
        :::

        """

    @Test func rendersAComparisonWithLabelledSides() throws {
        let (page, diagnostics) = parsePage(page("Intro\n\n" + comparison))
        #expect(diagnostics.isEmpty)
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("<figure class=\"comparison\" id=\"blaming-a-colleague\">"))
        #expect(html.contains("<figcaption>Blaming a colleague</figcaption>"))
        #expect(html.contains("<div class=\"side side-bad\">\n<p class=\"side-label\">Don&#39;t</p>\n<p>&quot;It wasn't me"))
        #expect(html.contains("<div class=\"side side-good\">"))
        #expect(page?.comparisons.count == 1)
        let good = try #require(page?.comparisons.first?.good)
        #expect(good.reason.map { BodyRenderer(theme: builtinTheme, strings: .english).html([$0]) }.joined().contains("Why it works"))
    }

    @Test func sideEndingInAListStillCloses() throws {
        let (page, diagnostics) = parsePage(page(":::compare T\n:::bad\n- one\n- two\n:::good\n> quote\n:::\nAfter\n"))
        #expect(diagnostics.isEmpty)
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("<li>two</li>\n</ul>\n</div>\n<div class=\"side side-good\">"))
        #expect(html.hasSuffix("</figure>\n<p>After</p>\n"))
    }

    @Test func directiveLinesInFencedCodeAreText() throws {
        let (page, diagnostics) = parsePage(page("```\n:::compare Not a block\n:::\n```\n"))
        #expect(diagnostics.isEmpty)
        #expect(page?.bodyHTML == "<pre><code>:::compare Not a block\n:::\n</code></pre>\n")
    }

    @Test(arguments: [
        (":::compare T\n:::bad\nx\n", 4, "':::compare T' is never closed"),
        ("text\n\n:::\n", 6, "':::' closes nothing"),
        (":::good\nx\n", 4, "':::good' must be inside a ':::compare' block"),
        (":::compare A\n:::bad\n:::compare B\n", 6, "comparisons cannot be nested"),
        (":::compare A\n:::bad\nx\n:::\n", 4, "comparison 'A' needs both a ':::bad' and a ':::good' side"),
        (":::compare A\n:::good\nx\n:::\n", 5, "':::good' must follow the ':::bad' side"),
        (":::warning Careful\n", 4, "unknown directive ':::warning Careful'"),
        (":::compare\n", 4, "':::compare' needs a title"),
        (":::script\n", 4, "':::script' needs a title"),
        (":::compare A\ntext\n:::bad\nx\n:::good\ny\n:::\n", 5, "text inside ':::compare A' must come after"),
        ("- item\n  :::bad\n", 5, "directive ':::bad' must start at the beginning of a line"),
        (":::script S\n:::script T\n:::\n:::\n", 5, "scripts cannot be nested"),
    ])
    func reportsDirectiveErrors(body: String, line: Int, message: String) {
        let (page, diagnostics) = parsePage(page(body))
        #expect(page == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.message.hasPrefix(message) == true, "got \(String(describing: error))")
        #expect(error?.location.line == line)
    }

    @Test func scriptMayStandOnAComparisonSide() {
        let (page, diagnostics) = parsePage(page(":::compare A\n:::bad\nx\n:::good\n:::script Say this\nHi [Client name]\n:::\n:::\n"))
        #expect(diagnostics.isEmpty)
        #expect(page?.scripts.first?.placeholders == ["Client name"])
    }
}

@Suite struct PlaceholderTests {
    @Test func marksUpEveryPlaceholderInAScript() throws {
        let (page, diagnostics) = parsePage(page(":::script Voicemail\nHi [Client name], this is **[Your name]** from [Your company]. Call [Your name].\n:::\n"))
        #expect(diagnostics.isEmpty)
        let script = try #require(page?.scripts.first)
        #expect(script.placeholders == ["Client name", "Your name", "Your company", "Your name"])
        #expect(page?.bodyHTML.contains("<span class=\"placeholder\" data-placeholder=\"Client name\">[Client name]</span>") == true)
        #expect(page?.bodyHTML.contains("<strong><span class=\"placeholder\" data-placeholder=\"Your name\">[Your name]</span></strong>") == true)
    }

    @Test func bracketsOutsideScriptsStayText() {
        let (page, _) = parsePage(page("See [Client name] here.\n"))
        #expect(page?.bodyHTML == "<p>See [Client name] here.</p>\n")
    }

    @Test func escapesPlaceholderNames() {
        let (page, _) = parsePage(page(":::script S\n[Tom & \"Jerry\"]\n:::\n"))
        #expect(page?.bodyHTML.contains("data-placeholder=\"Tom &amp; &quot;Jerry&quot;\">[Tom &amp; &quot;Jerry&quot;]</span>") == true)
    }

    @Test(arguments: ["Hi [Client name", "Hi Client name]", "Hi [[x]]", "Hi []"])
    func refusesUnbalancedBrackets(text: String) {
        let (page, diagnostics) = parsePage(page(":::script S\n\(text)\n:::\n"))
        #expect(page == nil)
        #expect(diagnostics.first?.message.hasPrefix("unbalanced brackets in a script") == true)
        #expect(diagnostics.first?.location.line == 5)
    }
}

@Suite struct AnchorAndLinkTests {
    @Test func headingsGetReadableUniqueAnchors() throws {
        let (page, _) = parsePage(page("## Übernehmen Sie Verantwortung\n## Don't *panic*\n## Don't panic\n### Näo? Não!\n"))
        #expect(page?.headings.map(\.anchor) == ["übernehmen-sie-verantwortung", "dont-panic", "dont-panic-2", "näo-não"])
        #expect(page?.bodyHTML.hasPrefix("<h2 id=\"übernehmen-sie-verantwortung\">Übernehmen Sie Verantwortung</h2>\n") == true)
    }

    @Test func rewritesMarkdownLinksToPages() throws {
        let (page, diagnostics) = parsePage(
            page("[a](other.md) [b](../../de/index.md#x) [c](https://example.com/a.md) [d](#local) [e](img.png)\n"),
            path: "en/section/page.md")
        #expect(diagnostics.isEmpty)
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("href=\"other.html\""))
        #expect(html.contains("href=\"../../de/index.html#x\""))
        #expect(html.contains("href=\"https://example.com/a.md\""))
        let links = try #require(page?.links)
        #expect(links.map(\.target) == [PageID("section/other"), PageID("index"), PageID("section/page"), nil])
        #expect(links[1].language == "de")
        #expect(links[3].file == "en/section/img.png")
    }

    @Test func removesScriptLinksEvenWithRawHTMLOn() throws {
        let (page, diagnostics) = parsePage(page("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1))\n"), rawHTML: true)
        #expect(page?.bodyHTML.contains("javascript") == false)
        #expect(page?.bodyHTML.contains("JAVASCRIPT") == false)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location.line == 4 })
    }

    @Test func refusesLinksThatLeaveTheContent() {
        let (_, diagnostics) = parsePage(page("[x](../../secret.md)\n"))
        #expect(diagnostics.first?.message == "link '../../secret.md' leaves the content folder")
        #expect(diagnostics.first?.location == SourceLocation(path: "Content/en/page.md", line: 4, column: 1))
    }

    @Test func relativeURLs() {
        #expect(relativeURL(from: "en/a/b.html", to: "de/index.html") == "../../de/index.html")
        #expect(relativeURL(from: "en/a/b.html", to: "en/a/c.html") == "c.html")
        #expect(relativeURL(from: "en/index.html", to: "en/a/c d.html") == "a/c%20d.html")
        #expect(relativeURL(from: "index.html", to: "en/index.html") == "en/index.html")
    }
}

@Suite struct TextTests {
    @Test func invalidUTF8IsReportedWhereItIs() {
        var bytes = Array("---\ntitle: T\n---\nok\nbad \u{00E9}".utf8)
        bytes[bytes.count - 2] = 0xFF
        let source = SourceFile(language: "en", id: PageID("p"), path: "p.md")
        let (page, diagnostics) = PageParser(languages: ["en"], rawHTML: false)
            .parse(source, bytes: bytes)
        #expect(page == nil)
        #expect(diagnostics.first?.location == SourceLocation(path: "p.md", line: 5, column: 5))
    }

    @Test func rawHTMLIsDroppedUnlessEnabled() {
        #expect(parsePage(page("<script>alert(1)</script>\n")).0?.bodyHTML == "<!-- raw HTML omitted -->\n")
        #expect(parsePage(page("<b>x</b>\n"), rawHTML: true).0?.bodyHTML == "<p><b>x</b></p>\n")
    }
}
