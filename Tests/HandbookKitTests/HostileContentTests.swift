import Foundation
import Testing
@testable import HandbookFuzzing
@testable import HandbookKit

/// Broken and hostile content, one case per test: each either builds correctly
/// or fails with a located diagnostic and leaves the previous site untouched.
/// None may crash, hang or write outside the output folder.

/// Builds the minimal handbook, applies `change`, builds again. On failure the
/// previous output must be byte-for-byte what it was, with no staging folder
/// left behind; either way nothing but Content/ and Output/ may exist beside it.
func rebuild(_ change: (Fixture) throws -> Void) throws -> (fixture: Fixture, ok: Bool, diagnostics: [Diagnostic]) {
    let fixture = try Fixture()
    let first = fixture.build()
    #expect(first.ok, "\(first.diagnostics)")
    let before = fixture.snapshot()
    try change(fixture)
    let (ok, diagnostics) = fixture.build()
    if !ok {
        #expect(fixture.snapshot() == before, "a failed build changed the output")
        #expect(diagnostics.hasErrors)
    }
    let beside = try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted()
    #expect(beside == ["Content", "Output"], "written beside the output: \(beside)")
    return (fixture, ok, diagnostics)
}

/// The first error, checked against file (relative to Content/), line, column and message start.
func expectError(_ diagnostics: [Diagnostic], in fixture: Fixture, _ file: String, _ line: Int, _ column: Int,
                 _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let error = diagnostics.first { $0.severity == .error }
    #expect(error?.location == HandbookKit.SourceLocation(path: fixture.content + "/" + file, line: line, column: column),
            "got \(String(describing: error))", sourceLocation: sourceLocation)
    #expect(error?.message.hasPrefix(message) == true, "got \(String(describing: error))", sourceLocation: sourceLocation)
    #expect(error.map { !$0.description.contains("\n") } == true, sourceLocation: sourceLocation)
}

/// Runs `body` and fails if it takes longer than `limit` (a hang or a quadratic path).
func expectFast<T>(_ limit: Duration = .seconds(30), sourceLocation: Testing.SourceLocation = #_sourceLocation,
                   _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    #expect(elapsed < limit, "took \(elapsed)", sourceLocation: sourceLocation)
    return result
}

let pagePath = "en/guide/page.md"

@Suite struct HostileTextTests {
    @Test func crlfLineEndingsBuild() throws {
        let (fixture, ok, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\r\ntitle: Windows\r\norder: 1\r\n---\r\n\r\n## Line endings\r\n\r\nText\r\nmore\r\n")
        }
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<h1>Windows</h1>"))
        #expect(html.contains("<h2 id=\"line-endings\">Line endings</h2>"))
        #expect(!html.contains("\r"))
    }

    @Test func byteOrderMarkBuilds() throws {
        let (fixture, ok, _) = try rebuild { try $0.write(pagePath, "\u{FEFF}---\ntitle: Marked\n---\n\nText\n") }
        #expect(ok)
        #expect(fixture.read("en/guide/page.html")?.contains("<h1>Marked</h1>") == true)
        #expect(fixture.read("en/guide/page.html")?.contains("\u{FEFF}") == false)
    }

    @Test func tabsTrailingSpacesAndNoFinalNewlineBuild() throws {
        let (fixture, ok, _) = try rebuild {
            try $0.write(pagePath, "---\ntitle:\tTabbed   \norder: 1 \n---\n\n\tcode\n\nhard  \nbreak\t\n\nlast line")
        }
        #expect(ok)
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<h1>Tabbed</h1>"))
        #expect(html.contains("<pre><code>code\n</code></pre>"))
        #expect(html.contains("<p>hard<br />\nbreak</p>"))
        #expect(html.contains("<p>last line</p>"))
    }

    @Test func emptyFileIsAnError() throws {
        let (fixture, ok, diagnostics) = try rebuild { try $0.write(pagePath, "") }
        #expect(!ok)
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "the file is empty: a page starts with its title")
    }

    @Test func pageWithoutFrontMatterOrHeadingIsAnError() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write(pagePath, "Just Markdown, no heading\n") }
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "the page has no title: start it with a line '# Title'")
    }

    @Test func unclosedFrontMatterIsAnError() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write(pagePath, "---\ntitle: Open\n\nBody\n") }
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "front matter is not closed: add a line '---'")
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write(pagePath, "---\njust a sentence\n---\n") }
        expectError(diagnostics, in: fixture, pagePath, 2, 1, "front matter must be a mapping of keys to values")
    }

    @Test(arguments: [
        ("title: T\norder: first", 3, 8, "'order' must be a whole number, not 'first'"),
        ("title: T\norder: 1.5", 3, 8, "'order' must be a whole number, not '1.5'"),
        ("title: [a, b]", 2, 8, "'title' must be text"),
        ("title: T\ndescription: {a: 1}", 3, 14, "'description' must be text"),
        ("title: T\ntitel: x", 3, 1, "unknown key 'titel' in front matter (did you mean 'title'?)"),
        ("title: " + String(repeating: "[", count: 10_000), 2, 9, "invalid YAML: Maximum nesting level reached"),
    ])
    func frontMatterWithWrongTypesIsAnError(yaml: String, line: Int, column: Int, message: String) throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write(pagePath, "---\n\(yaml)\n---\n") }
        expectError(diagnostics, in: fixture, pagePath, line, column, message)
    }

    @Test func invalidUTF8IsAnErrorWhereItIs() throws {
        let (fixture, _, diagnostics) = try rebuild {
            try $0.write(pagePath, bytes: Array("---\ntitle: T\n---\n\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        }
        expectError(diagnostics, in: fixture, pagePath, 5, 4, "the file is not valid UTF-8 text")
    }

    @Test func binaryFileNamedMarkdownIsAnError() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
        let (fixture, _, diagnostics) = try rebuild { try $0.write(pagePath, bytes: png) }
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "the file is not valid UTF-8 text (is it binary")
    }

    @Test func fiftyMegabytePageIsRefusedQuickly() throws {
        let (fixture, _, diagnostics) = try expectFast(.seconds(20)) {
            try rebuild { fixture in
                let paragraph = Array("Lorem ipsum dolor sit amet, *consectetur* adipiscing elit.\n\n".utf8)
                var bytes = Array("---\ntitle: Big\n---\n".utf8)
                bytes.reserveCapacity(50 << 20)
                while bytes.count < 50 << 20 { bytes += paragraph }
                try fixture.write(pagePath, bytes: bytes)
            }
        }
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "the page is 50.0 MB; a page may be at most 4 MB")
    }

    @Test func lineOfAMillionCharactersBuilds() throws {
        let (fixture, ok, _) = try expectFast {
            try rebuild { try $0.write(pagePath, "---\ntitle: Long\n---\n\n" + String(repeating: "word *em* [x] ", count: 75_000) + "\n") }
        }
        #expect(ok)
        #expect((fixture.read("en/guide/page.html")?.count ?? 0) > 1_000_000)
    }

    @Test func tenThousandNestedListLevelsBuild() throws {
        let (fixture, ok, _) = try expectFast {
            try rebuild { try $0.write(pagePath, "---\ntitle: Deep\n---\n\n" + String(repeating: "- ", count: 10_000) + "x\n") }
        }
        #expect(ok)
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.components(separatedBy: "<ul>").count - 1 >= 10_000)
    }

    @Test func tenThousandNestedQuoteLevelsBuild() throws {
        let (fixture, ok, _) = try expectFast {
            try rebuild { try $0.write(pagePath, "---\ntitle: Deep\n---\n\n" + String(repeating: ">", count: 10_000) + " x\n") }
        }
        #expect(ok)
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == 10_000)
    }

    /// Inputs on which Debian's cmark-gfm 0.29.0.gfm.6 takes minutes are refused up front.
    @Test(arguments: [
        (String(repeating: "www.a_", count: 50_000), 5, 1, "this text runs 50000 'www.' addresses together"),
        (String(repeating: "![[]()", count: 50_000), 5, 26_830, "this paragraph has links inside 4472 unclosed '!['"),
        (String(repeating: "|x", count: 5_000) + "\n" + String(repeating: "|-", count: 5_000) + "\n" + String(repeating: "|x\n", count: 5_000),
         6, 1, "this table has 5000 columns and 5000 rows"),
    ])
    func textThatStallsTheMarkdownParserIsAnError(body: String, line: Int, column: Int, message: String) throws {
        let (fixture, _, diagnostics) = try expectFast(.seconds(10)) {
            try rebuild { try $0.write(pagePath, "---\ntitle: Slow\n---\n\n" + body + "\n") }
        }
        expectError(diagnostics, in: fixture, pagePath, line, column, message)
    }

    @Test func largeOrdinaryTablesStillBuild() throws {
        let table = "| a | b | c |\n|---|---|---|\n" + String(repeating: "| 1 | 2 | 3 |\n", count: 20_000)
        let (_, ok, diagnostics) = try expectFast { try rebuild { try $0.write(pagePath, "---\ntitle: Table\n---\n\n" + table) } }
        #expect(ok, "\(diagnostics.prefix(3))")
    }

    /// These were quadratic in the pipeline itself.
    @Test func manyDirectiveLinesInCodeAndManyEqualHeadingsBuildQuickly() throws {
        let code = "```\n" + String(repeating: ":::compare X\n:::\n", count: 10_000) + "```\n"
        let headings = String(repeating: "## Same\n\n", count: 10_000)
        let scripts = String(repeating: ":::script Same\nHi [name]\n:::\n\n", count: 5_000)
        let (fixture, ok, _) = try expectFast(.seconds(20)) {
            try rebuild { try $0.write(pagePath, "---\ntitle: Many\n---\n\n" + code + headings + scripts) }
        }
        #expect(ok)
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("id=\"same-10000\""))
        #expect(html.contains("id=\"same-15000\""))
    }

    @Test func aFileWithThousandsOfProblemsStaysReadable() throws {
        let (fixture, _, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\ntitle: T\n---\n\n" + String(repeating: "[x](#nowhere) ", count: 500) + "\n")
        }
        expectError(diagnostics, in: fixture, pagePath, 5, 1, "link '#nowhere' points to '#nowhere'")
        #expect(diagnostics.count == 500)
    }
}

@Suite struct HostileDirectiveTests {
    func failing(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Fixture, [Diagnostic]) {
        let (fixture, ok, diagnostics) = try rebuild { try $0.write(pagePath, "---\ntitle: T\n---\n\n" + body) }
        #expect(!ok, sourceLocation: sourceLocation)
        return (fixture, diagnostics)
    }

    @Test func unclosedComparison() throws {
        let (fixture, diagnostics) = try failing(":::compare Unclosed\n:::bad\nx\n:::good\ny\n")
        expectError(diagnostics, in: fixture, pagePath, 5, 1, "':::compare Unclosed' is never closed: add a line ':::' after its last line")
    }

    @Test func strayClosingLine() throws {
        let (fixture, diagnostics) = try failing("Text.\n\n:::\n")
        expectError(diagnostics, in: fixture, pagePath, 7, 1, "':::' closes nothing: no comparison or script is open here")
    }

    @Test func goodOutsideAComparison() throws {
        let (fixture, diagnostics) = try failing(":::good\nSay this.\n")
        expectError(diagnostics, in: fixture, pagePath, 5, 1, "':::good' must be inside a ':::compare' block")
    }

    @Test func comparisonInsideAComparison() throws {
        let (fixture, diagnostics) = try failing(":::compare Outer\n:::bad\nx\n:::compare Inner\n")
        expectError(diagnostics, in: fixture, pagePath, 8, 1, "comparisons cannot be nested; close the open comparison with ':::' first")
    }

    /// A script may stand on a side of a comparison (allowed by design)...
    @Test func scriptOnAComparisonSideIsAllowed() throws {
        let (fixture, ok, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\ntitle: T\n---\n\n:::compare A\n:::bad\nx\n:::good\n:::script Say this\nHi [Client name]\n:::\n:::\n")
        }
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<div class=\"side side-good\">\n<p class=\"side-label\">Do</p>\n<figure class=\"script\" id=\"say-this\">"))
    }

    /// ...but not in a comparison before its sides.
    @Test func scriptInAComparisonOutsideASide() throws {
        let (fixture, diagnostics) = try failing(":::compare A\n:::script S\nx\n:::\n:::\n")
        expectError(diagnostics, in: fixture, pagePath, 6, 1, "a script in a comparison must be inside its ':::bad' or ':::good' side")
    }

    @Test func directivesInFencedAndIndentedCodeAreText() throws {
        let (fixture, ok, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\ntitle: T\n---\n\n```\n:::compare X\n:::bad\n```\n\n~~~~\n:::\n~~~~\n\n    :::good\n")
        }
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<pre><code>:::compare X\n:::bad\n</code></pre>"))
        #expect(html.contains("<pre><code>:::\n</code></pre>"))
        #expect(html.contains("<pre><code>:::good\n</code></pre>"))
    }

    @Test func directiveInsideAListIsAnError() throws {
        let (fixture, diagnostics) = try failing("- item\n\n  :::compare In a list\n")
        expectError(diagnostics, in: fixture, pagePath, 7, 3, "directive ':::compare In a list' must start at the beginning of a line, outside lists and block quotes")
    }

    @Test func directiveInsideABlockQuoteIsAnError() throws {
        let (fixture, diagnostics) = try failing("> Quote\n> :::bad\n")
        expectError(diagnostics, in: fixture, pagePath, 6, 3, "directive ':::bad' must start at the beginning of a line, outside lists and block quotes")
    }

    @Test func directiveRightAfterAListEndsTheList() throws {
        let (fixture, ok, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\ntitle: T\n---\n\n- item\n:::script After\nHi [name]\n:::\n")
        }
        #expect(ok, "\(diagnostics)")
        #expect(fixture.read("en/guide/page.html")?.contains("<li>item</li>\n</ul>\n<figure class=\"script\" id=\"after\">") == true)
    }

    @Test(arguments: [("Hi [Client name", 6, 1), ("Hi Client] name", 6, 1), ("Hi [[x]]", 6, 1), ("Hi []", 6, 1)])
    func placeholderWithUnbalancedBrackets(line: String, row: Int, column: Int) throws {
        let (fixture, diagnostics) = try failing(":::script S\n\(line)\n:::\n")
        expectError(diagnostics, in: fixture, pagePath, row, column, "unbalanced brackets in a script: write placeholders as plain text in square brackets")
    }

    /// cmark-gfm's table cells cannot hold the placeholder markup: the text stays
    /// (it used to vanish, leaking the nodes made for it; found by the fuzzer).
    @Test func placeholdersInATableInsideAScriptStayAsText() throws {
        let (fixture, ok, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\ntitle: T\n---\n\n:::script Table\n| Say | To |\n|---|---|\n| Hi [name] | [Client] |\n:::\n")
        }
        #expect(ok, "\(diagnostics)")
        let warning = diagnostics.first { $0.location.path.hasSuffix(pagePath) }
        #expect(warning?.description == "\(fixture.content)/\(pagePath):8:3: warning: placeholders in a table cannot be marked up; 'Hi [name]' is shown as plain text")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<td>Hi [name]</td>\n<td>[Client]</td>"))
    }

    @Test func forgedDirectiveMarkersAreNotDirectives() throws {
        let (_, ok, diagnostics) = try rebuild {
            try $0.write(pagePath, "---\ntitle: T\n---\n\n<!--handbook:directive:3-->\n\n```\n<!--handbook:directive:99-->\n```\n")
        }
        #expect(ok, "\(diagnostics)")
    }
}

@Suite struct HostilePathTests {
    @Test func namesWithSpacesAccentsAndOtherUnicodeBuild() throws {
        let (fixture, ok, diagnostics) = try rebuild { fixture in
            try fixture.write("en/my section/index.md", "---\ntitle: Section\n---\n\n[a](<my page.md>) [b](my%20page.md) [c](../café/crème brûlée.md) [d](<../café/😀 日本語 עברית.md>) [e](a%23b.md) [f](100%25.md)\n")
            try fixture.write("en/my section/my page.md", "---\ntitle: Spaces\n---\n")
            try fixture.write("en/my section/a#b.md", "---\ntitle: Hash\n---\n")
            try fixture.write("en/my section/100%.md", "---\ntitle: Percent\n---\n")
            try fixture.write("en/café/index.md", "---\ntitle: Café\n---\n")
            try fixture.write("en/café/crème brûlée.md", "---\ntitle: Crème brûlée\n---\n")
            try fixture.write("en/café/😀 日本語 עברית.md", "---\ntitle: Unicode\n---\n")
        }
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/my section/index.html"))
        for href in ["my%20page.html", "../caf%C3%A9/cr%C3%A8me%20br%C3%BBl%C3%A9e.html",
                     "../caf%C3%A9/%F0%9F%98%80%20%E6%97%A5%E6%9C%AC%E8%AA%9E%20%D7%A2%D7%91%D7%A8%D7%99%D7%AA.html",
                     "a%23b.html", "100%25.html"] {
            #expect(html.contains("href=\"\(href)\""), "\(href)")
        }
        #expect(fixture.read("en/café/crème brûlée.html")?.contains("<h1>Crème brûlée</h1>") == true)
        #expect(fixture.read("en/my section/a#b.html") != nil)
        #expect(fixture.read("sitemap.xml")?.contains("<loc>en/my%20section/100%25.html</loc>") == true)
    }

    @Test func decomposedFileNamesArePublishedComposed() throws {
        let decomposed = "cafe\u{301}"
        let (fixture, ok, diagnostics) = try rebuild { fixture in
            try fixture.write("en/\(decomposed)/index.md", "---\ntitle: Decomposed\n---\n")
            try fixture.write("en/index.md", "---\ntitle: Home\n---\n\n[typed composed](caf\u{E9}/index.md)\n")
        }
        #expect(ok, "\(diagnostics)")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/en")
        #expect(names.contains { $0.unicodeScalars.elementsEqual("caf\u{E9}".unicodeScalars) })
        #expect(fixture.read("en/index.html")?.contains("href=\"caf%C3%A9/index.html\">typed composed</a>") == true)
    }

    @Test func namesThatDifferOnlyByCase() throws {
        let (fixture, ok, diagnostics) = try rebuild { try $0.write("en/guide/Page.md", "---\ntitle: Other\n---\n") }
        #expect(!ok)
        expectError(diagnostics, in: fixture, "en/guide/page.md", 1, 1, "'page.md' and 'Page.md' differ only by case; they would collide on macOS and Windows")
    }

    @Test func namesThatDifferOnlyByUnicodeForm() throws {
        let (_, ok, diagnostics) = try rebuild { fixture in
            try fixture.write("en/guide/caf\u{E9}.md", "---\ntitle: A\n---\n")
            try fixture.write("en/guide/cafe\u{301}.md", "---\ntitle: B\n---\n")
        }
        #expect(!ok)
        #expect(diagnostics.contains { $0.message.hasSuffix("are the same name in two Unicode forms (composed and decomposed accents); keep one") })
    }

    @Test func symbolicLinkOutOfTheContentFolderIsRefused() throws {
        let (fixture, _, diagnostics) = try rebuild {
            try FileManager.default.createSymbolicLink(atPath: $0.content + "/en/guide/passwd.md", withDestinationPath: "/etc/passwd")
        }
        expectError(diagnostics, in: fixture, "en/guide/passwd.md", 1, 1, "symbolic link points outside the content folder ('/etc/passwd'); refused")
    }

    @Test func symbolicLinkLoopsAreRefused() throws {
        let (fixture, _, diagnostics) = try rebuild {
            try FileManager.default.createSymbolicLink(atPath: $0.content + "/en/guide/self", withDestinationPath: "self")
            try FileManager.default.createSymbolicLink(atPath: $0.content + "/en/guide/up", withDestinationPath: "..")
        }
        let messages = diagnostics.map { ($0.location.path, $0.message) }
        #expect(messages.contains { $0 == (fixture.content + "/en/guide/self", "symbolic link to 'self' cannot be followed (broken or a loop)") })
        #expect(messages.contains { $0 == (fixture.content + "/en/guide/up", "folder is reached twice through symbolic links (a loop); refused") })
    }

    @Test func symbolicLinkInsideTheContentFolderIsFollowed() throws {
        let (fixture, ok, diagnostics) = try rebuild {
            try FileManager.default.createSymbolicLink(atPath: $0.content + "/en/guide/alias.md", withDestinationPath: "page.md")
        }
        #expect(ok, "\(diagnostics)")
        #expect(fixture.read("en/guide/alias.html")?.contains("<h1>A page</h1>") == true)
    }

    @Test func languageFolderMissingFromHandbookYml() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write("fr/index.md", "---\ntitle: Accueil\n---\n") }
        expectError(diagnostics, in: fixture, "fr", 1, 1, "folder 'fr' is not a language in handbook.yml (languages: en, de)")
    }

    @Test func configuredLanguageWithoutFolder() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write("handbook.yml", Fixture.config + "\n  - code: nl\n    title: Test\n") }
        expectError(diagnostics, in: fixture, "handbook.yml", 6, 11, "language 'nl' is listed in handbook.yml but has no folder")
    }

    /// Root reads every file, so as root these run the command as 'nobody' (setpriv).
    static let permissionsApply = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: permissionsApply, "running as root without setpriv: permissions cannot apply"))
    func unreadableFileIsAnError() throws {
        let (fixture, status, stderr) = try CommandTests.runAsUnprivileged { fixture in
            try fixture.write("en/guide/secret.md", "---\ntitle: Secret\n---\n")
            chmod(fixture.content + "/en/guide/secret.md", 0)
        }
        #expect(status == 1)
        #expect(stderr.contains("\(fixture.content)/en/guide/secret.md:1:1: error: cannot read the file: the file is not readable (permission denied)\n"), "\(stderr)")
    }

    @Test(.enabled(if: permissionsApply, "running as root without setpriv: permissions cannot apply"))
    func unreadableFolderIsAnError() throws {
        let (fixture, status, stderr) = try CommandTests.runAsUnprivileged { fixture in
            try fixture.write("en/locked/index.md", "---\ntitle: Locked\n---\n")
            chmod(fixture.content + "/en/locked", 0)
        }
        #expect(status == 1)
        #expect(stderr.contains("\(fixture.content)/en/locked:1:1: error: cannot list this folder (permission denied?)\n"), "\(stderr)")
    }

    @Test func readErrorsCarryTheirReason() throws {
        struct Denying: FileSystem {
            let base = LocalFileSystem()
            let denied: String
            func kind(of path: String) -> FileKind? { base.kind(of: path) }
            func contents(of directory: String) throws -> [String] { try base.contents(of: directory) }
            func read(_ path: String) throws -> [UInt8] {
                if path == denied { throw FileSystemError(path: path, reason: "the file is not readable (permission denied)") }
                return try base.read(path)
            }
            func write(_ bytes: [UInt8], to path: String) throws { try base.write(bytes, to: path) }
            func createDirectory(_ path: String) throws { try base.createDirectory(path) }
            func remove(_ path: String) throws { try base.remove(path) }
            func move(_ source: String, to destination: String) throws { try base.move(source, to: destination) }
            func resolve(_ path: String) -> String { base.resolve(path) }
        }
        let fixture = try Fixture()
        let denied = fixture.content + "/" + pagePath
        let builder = Builder(fileSystem: Denying(denied: denied), content: fixture.content, output: fixture.output, projectRoot: fixture.root)
        var diagnostics: [Diagnostic] = []
        do {
            try builder.build()
            Issue.record("the build succeeded")
        } catch {
            diagnostics = error.diagnostics
        }
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "cannot read the file: the file is not readable (permission denied)")
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
    }

    @Test func pipeNamedLikeAPageIsAnErrorNotAHang() throws {
        let (fixture, _, diagnostics) = try expectFast(.seconds(20)) {
            try rebuild { fixture in
                try FileManager.default.removeItem(atPath: fixture.content + "/" + pagePath)
                #expect(mkfifo(fixture.content + "/" + pagePath, 0o644) == 0)
            }
        }
        expectError(diagnostics, in: fixture, pagePath, 1, 1, "cannot read the file: not a regular file (a pipe, socket or device?)")
    }

    @Test func namesWithControlCharactersAreRefused() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write("en/guide/two\nlines.md", "---\ntitle: T\n---\n") }
        expectError(diagnostics, in: fixture, "en/guide/two\nlines.md", 1, 1, "the name contains a control character (a line break or tab?); rename it")
        #expect(diagnostics.first?.description.contains("two\\u{A}lines.md:1:1: error:") == true)
    }

    @Test func namesThatAreNotUTF8AreRefused() throws {
        let (fixture, _, diagnostics) = try rebuild { fixture in
            let name = Array((fixture.content + "/en/guide/bad").utf8) + [0xFF] + Array(".md".utf8) + [0]
            let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == "the name is not valid UTF-8 text; rename it")
        #expect(error.location.path.hasPrefix(fixture.content + "/en/guide/bad"))
    }

    @Test(arguments: [
        ("en/guide/page.html", "this file and \(pagePath) would both be written to en/guide/page.html; rename one"),
        ("en/guide/PAGE.html", "this file would be written to en/guide/PAGE.html and \(pagePath) to en/guide/page.html, which collide on macOS and Windows; rename one"),
    ])
    func twoSourcesForOneOutputFileAreAnError(file: String, message: String) throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write(file, "<p>hand-written</p>") }
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.location.path == fixture.content + "/" + file)
        #expect(error.message == message.replacingOccurrences(of: pagePath, with: fixture.content + "/" + pagePath))
    }

    @Test func pageNamed404WouldReplaceTheNotFoundPage() throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write("en/404.md", "---\ntitle: Lost\n---\n") }
        expectError(diagnostics, in: fixture, "en/404.md", 1, 1, "this file and the generated not-found page would both be written to en/404.html")
    }

    @Test(arguments: [
        ("languages:\n  - code: theme\n    title: T\n", 2, 11, "language code 'theme' is reserved for the theme/ folder"),
        ("languages:\n  - code: en\n    locale: 'en\" onload=\"x'\n    title: T\n", 3, 13, "locale 'en\" onload=\"x' must be a language tag like 'pt-BR'"),
        ("languages:\n  - code: en\n    title: T\nbase_url: javascript:alert(1)//\n", 4, 11, "'base_url' must be an http:// or https:// address"),
    ])
    func configValuesThatLandInMarkupAreChecked(yaml: String, line: Int, column: Int, message: String) throws {
        let (fixture, _, diagnostics) = try rebuild { try $0.write("handbook.yml", yaml) }
        expectError(diagnostics, in: fixture, "handbook.yml", line, column, message)
    }
}

/// Everything the author writes is escaped wherever it appears; see also
/// Tests/browser/test_hostile.py, which opens the same kind of site in Chromium.
@Suite struct EscapingTests {
    static let payload = "<img src=x onerror=alert(1)>"

    static func hostileFixture() throws -> Fixture {
        let p = payload
        return try Fixture([
            "handbook.yml": """
                languages:
                  - code: en
                    name: '\(p) English'
                    title: '\(p) Handbook'
                    strings:
                      not_found_title: '\(p) Not found'
                      next: '\(p) Next'
                  - code: de
                    title: Handbuch
                """,
            "en/index.md": "---\ntitle: '\(p) Home'\ndescription: '\"><script>alert(1)</script>'\n---\n\nSee [the guide](guide/index.md) and [this](javascript:alert(1)) and [that](JaVaScRiPt:alert(1)) and <javascript:alert(1)>.\n",
            "en/guide/index.md": "---\ntitle: '\(p) Guide'\norder: 1\n---\n\n## \\\(p) Heading\n\n## \(p) raw HTML is dropped\n\n## Second\n\n:::compare \(p) Comparison\n:::bad\nx\n:::good\ny\n:::\n\n:::script \(p) Script\nHi [\(p.dropFirst().dropLast())]\n:::\n",
            "en/guide/\(p).md": "---\ntitle: 'Named \(p)'\norder: 2\ndescription: 'x\"\u{301} autofocus onfocus=alert(1) x=\"'\n---\n\nText.\n",
            "de/index.md": "---\ntitle: Start\n---\n",
        ])
    }

    @Test func authorTextIsEscapedInEveryOutputFile() throws {
        let fixture = try Self.hostileFixture()
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        #expect(diagnostics.filter { $0.message.contains("links are not allowed and were removed") }.count == 3)
        let files = fixture.snapshot().filter {
            $0.key.hasSuffix(".html") || $0.key.hasSuffix(".xml") || $0.key.hasSuffix(SearchIndex.fileName)
        }
        #expect(files.count == 17, "\(files.keys.sorted())")  // 404.html at the root too
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(Self.payload), "\(path) contains the raw payload")
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.lowercased().contains("href=\"javascript"), "\(path) keeps a javascript: link")
            // In HTML a raw quote fused with a mark would end an attribute; the search index
            // writes it as `\"` (JavaScript reads code points), so look for it unescaped.
            if path.hasSuffix(SearchIndex.fileName) {
                for range in text.unicodeScalars.indices where text.unicodeScalars[range] == "\u{301}" {
                    let before = text.unicodeScalars[..<range].suffix(2).map(String.init).joined()
                    if before.hasSuffix("\"") { #expect(before == "\\\"", "\(path) has an unescaped quote before a mark") }
                }
            } else {
                let fusedQuote = "\u{22}\u{301}"
                #expect(!text.contains(fusedQuote), "\(path) has a quote fused with a combining mark")
            }
            #expect(HTMLScan.unsafeMarkup(in: Array(data)) == nil, "\(path)")
        }
        let escaped = "&lt;img src=x onerror=alert(1)&gt;"
        let guide = try #require(fixture.read("en/guide/index.html"))
        for place in ["<title>\(escaped) Guide · \(escaped) Handbook</title>",                       // title, site title
                      "<h1>\(escaped) Guide</h1>",                                                   // page heading
                      "aria-current=\"page\">\(escaped) Guide</a>",                                  // navigation
                      "lang=\"en\" aria-current=\"true\"><span dir=\"ltr\">\(escaped) English</span></a>",  // switcher
                      "<span class=\"pager-title\">Named \(escaped)</span>",                         // pager
                      "<a href=\"#img-src-x-onerror-alert-1-heading\">\(escaped) Heading</a>",               // on this page
                      "<figcaption>\(escaped) Comparison</figcaption>",                              // comparison title
                      "<span class=\"script-label\">Script</span> \(escaped) Script</figcaption>",   // script title
                      "data-placeholder=\"img src=x onerror=alert(1)\">[img src=x onerror=alert(1)]</span>",
                      "href=\"%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html\"",                   // file name
                      "\(escaped) Next</span>"] {                                                     // interface string
            #expect(guide.contains(place), "missing: \(place)")
        }
        let home = try #require(fixture.read("en/index.html"))
        #expect(home.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"))
        #expect(home.contains("<a href=\"\">this</a> and <a href=\"\">that</a> and <a href=\"\">javascript:alert(1)</a>"))
        let named = try #require(fixture.read("en/guide/<img src=x onerror=alert(1)>.html"))
        #expect(named.contains("<meta name=\"description\" content=\"x&quot;\u{301} autofocus onfocus=alert(1) x=&quot;\">"))
        #expect(fixture.read("en/404.html")?.contains("<h1>\(escaped) Not found</h1>") == true)
        #expect(fixture.read("index.html")?.contains("<h1>\(escaped) Handbook</h1>") == true)
        #expect(fixture.read("sitemap.xml")?.contains("<loc>en/guide/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html</loc>") == true)
    }

    /// A quote fused with a combining mark is one `Character`: swift-mustache's own
    /// escaper, which looks Characters up in a table, would let it through raw. The
    /// build's escaper works by byte, and every template, a theme's too, uses it;
    /// the author's text reaches the page unaltered (no zero-width spaces).
    @Test func fusedMarkupCharactersAreEscapedWithoutAlteringTheText() throws {
        #expect(escapeHTML("Plain text") == "Plain text")
        #expect(escapeHTML("a\"\u{301}b") == "a&quot;\u{301}b")
        #expect(escapeHTML("\u{600}<'&>") == "\u{600}&lt;&#39;&amp;&gt;")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fused-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<p title=\"{{title}}\">{{title}}</p>".write(toFile: folder + "/layout.mustache", atomically: true, encoding: .utf8)
        let theme = try Theme.load(overrides: ["layout.mustache": folder + "/layout.mustache"], fileSystem: LocalFileSystem())
        let fused = "x\"\u{301} onfocus=alert(1) x=\"\u{301}"
        #expect(theme.render("layout", ["title": fused])
            == "<p title=\"x&quot;\u{301} onfocus=alert(1) x=&quot;\u{301}\">x&quot;\u{301} onfocus=alert(1) x=&quot;\u{301}</p>")
    }
}
