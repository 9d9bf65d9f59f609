import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import HandbookKit

@Suite struct EPUBTests {
    /// A handbook with what a book must carry over: a comparison, a script with a
    /// choice, a checklist, links between pages and to an anchor, a link to the
    /// other language, an image, raw HTML that is not XML, and a missing translation.
    static let files: [String: String] = [
        "handbook.yml": """
            languages:
              - code: en
                title: Test Handbook
              - code: de
                title: Test-Handbuch
            raw_html: true
            """,
        "en/index.md": "---\ntitle: Home\n---\n\nWelcome. See [the guide](guide/index.md) and [the steps](guide/page.md#the-steps).\n\n![Logo](logo.png)\n",
        "en/guide/index.md": """
            ---
            title: Guide
            order: 1
            ---

            ## Start here

            :::compare Blaming a colleague
            :::bad
            "It wasn't me."
            :::good
            "We missed it, and I'm sorry."
            :::

            <p>One&nbsp;line<br>and &copy; 2026 &bogus; <img src="../logo.png"><img src="gone.png" alt="Gone"></p>

            In [Deutsch](../../de/index.md).
            """,
        "en/guide/page.md": """
            ---
            title: A page
            order: 1
            ---

            ## The steps

            :::script Voicemail
            Hi [Client name], this is [Your name].

            :::choice Choose one
            - Sorry.
            - Very sorry.
            :::
            :::

            - [ ] Call the client
            - [x] Write it down

            Back [home](../index.md).
            """,
        "de/index.md": "---\ntitle: Start\n---\n\nWillkommen. Siehe [den Leitfaden](guide/index.md).\n",
        "de/guide/index.md": "---\ntitle: Leitfaden\norder: 1\n---\n\n## Hier beginnen\n\nText.\n",
    ]

    static func fixture() throws -> Fixture {
        let fixture = try Fixture(files)
        // A real 1×1 PNG: epubcheck opens the images too.
        let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="
        try fixture.write("en/logo.png", bytes: Array(try #require(Data(base64Encoded: png))))
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        return fixture
    }

    static func entries(_ bytes: [UInt8]) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            return (entry.path, String(decoding: data, as: UTF8.self))
        }
    }

    @Test func theFileStartsWithTheMimetypeStoredUncompressedWithoutExtraField() throws {
        let fixture = try Self.fixture()
        let (written, _) = try EPUBExporter(content: fixture.content, output: fixture.output).export(languages: ["en"])
        #expect(written == [fixture.output + "/en/handbook-en.epub"])
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/de/handbook-de.epub"), "only the language asked for")
        let bytes = try #require(FileManager.default.contents(atPath: written[0])).map { $0 }
        // The local file header of the first entry (APPNOTE 4.3.7).
        #expect(bytes[0..<4] == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0, "compression method 0: stored")
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(extraLength == 0)
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        let start = 30 + nameLength
        #expect(String(decoding: bytes[start..<(start + 20)], as: UTF8.self) == "application/epub+zip")

        let entries = try Self.entries(bytes)
        #expect(entries.first?.path == "mimetype")
        let rest = entries.dropFirst().map(\.path)
        #expect(rest == rest.sorted(), "the other entries in path order")
        #expect(rest.contains("META-INF/container.xml") && rest.contains("EPUB/package.opf") && rest.contains("EPUB/nav.xhtml"))
        #expect(rest.contains("EPUB/en/logo.png"), "the image the pages show is in the book")
    }

    @Test func theSameContentMakesTheSameBytesAnywhereAndAnytime() throws {
        let one = try Self.fixture()
        let two = try Self.fixture()  // another folder, built later
        let first = try EPUBExporter(content: one.content, output: one.output).books().books
        Thread.sleep(forTimeInterval: 1.1)  // a date taken from the clock would now differ
        let second = try EPUBExporter(content: two.content, output: two.output).books().books
        #expect(first.map(\.language) == ["en", "de"])
        #expect(first.map(\.bytes) == second.map(\.bytes))
        let dated = try EPUBExporter(content: one.content, output: one.output,
                                     date: EPUBExporter.date(environment: ["SOURCE_DATE_EPOCH": "1767225600"])).books().books
        #expect(dated[0].bytes != first[0].bytes, "SOURCE_DATE_EPOCH sets the date")
        let opf = try #require(try Self.entries(dated[0].bytes).first { $0.path == "EPUB/package.opf" })
        #expect(opf.text.contains("<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>"))
        #expect(EPUBExporter.date(environment: [:]) == Date(timeIntervalSince1970: 315_532_800))
    }

    @Test func everyDocumentIsWellFormedXML() throws {
        let fixture = try Self.fixture()
        for (language, bytes) in try EPUBExporter(content: fixture.content, output: fixture.output).books().books {
            for (path, text) in try Self.entries(bytes) where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(text.utf8))
                #expect(parser.parse(), "\(language) \(path): \(String(describing: parser.parserError))\n\(text)")
            }
        }
    }

    @Test func chaptersCarryLanguageLabelsLinksAndPlaceholders() throws {
        let fixture = try Self.fixture()
        let books = try EPUBExporter(content: fixture.content, output: fixture.output).books()
        let english = try Self.entries(#require(books.books.first { $0.language == "en" }).bytes)
        func text(_ path: String) throws -> String { try #require(english.first { $0.path == path }).text }

        let opf = try text("EPUB/package.opf")
        #expect(opf.contains("<dc:language>en</dc:language>") && opf.contains("<dc:title>Test Handbook</dc:title>"))
        #expect(opf.contains("<spine page-progression-direction=\"ltr\">"))
        #expect(opf.contains("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"))
        #expect(opf.contains("href=\"en/logo.png\" media-type=\"image/png\""))

        // The navigation: the home part, then the guide with its page under it.
        let nav = try text("EPUB/nav.xhtml")
        #expect(nav.contains("""
            <li><a href="en/chapter-001.xhtml">Home</a></li>
            <li><a href="en/chapter-002.xhtml">Guide</a>
            <ol>
            <li><a href="en/chapter-003.xhtml">A page</a></li>
            </ol>
            </li>
            """))
        #expect(nav.contains("<nav epub:type=\"landmarks\""))

        let home = try text("EPUB/en/chapter-001.xhtml")
        #expect(home.contains("lang=\"en\" xml:lang=\"en\" dir=\"ltr\""))
        #expect(home.contains("<a href=\"chapter-002.xhtml\">the guide</a>"))
        #expect(home.contains("<a href=\"chapter-003.xhtml#the-steps\">the steps</a>"))
        #expect(home.contains("<img src=\"logo.png\" alt=\"Logo\"/>"))

        let guide = try text("EPUB/en/chapter-002.xhtml")
        #expect(guide.contains("<p class=\"side-label\">Don't</p>") && guide.contains("<p class=\"side-label\">Do</p>"),
                "the sides are labelled in words")
        #expect(guide.contains("One\u{A0}line<br/>and © 2026 &amp;bogus; <img src=\"logo.png\" alt=\"\"/>Gone</p>"),
                "raw HTML as XML: entities as characters, void elements closed, an unknown entity shown as written, a missing image as its alt text")
        #expect(books.warnings.contains { $0.message.contains("gone.png' as its alt text") }, "\(books.warnings)")
        #expect(guide.contains("In <span>Deutsch</span>."), "a link out of the book stays as text")
        #expect(books.warnings.contains {
            $0.location.path.hasSuffix("en/guide/index.md") && $0.location.line == 17
                && $0.message.contains("shows the link '../../de/index.md' as text")
        }, "\(books.warnings)")

        let page = try text("EPUB/en/chapter-003.xhtml")
        #expect(page.contains("<span class=\"placeholder\" data-placeholder=\"Client name\">[Client name]</span>"))
        #expect(page.contains("<figcaption><span class=\"script-label\">Script</span> Voicemail</figcaption>"))
        #expect(page.contains("<p class=\"script-choice-prompt\" data-copy=\"no\">Choose one</p>"))
        #expect(page.contains("<li><label>☐ Call the client</label></li>") && page.contains("<li><label>☒ Write it down</label></li>"), "\(page)")

        // The German book: its missing page stands in from English, with the notice in German.
        let german = try Self.entries(#require(books.books.first { $0.language == "de" }).bytes)
        let standIn = try #require(german.first { $0.path == "EPUB/de/chapter-003.xhtml" }).text
        #expect(standIn.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\" dir=\"ltr\">"))
        #expect(standIn.contains("<p class=\"fallback-notice\" lang=\"de\" xml:lang=\"de\" dir=\"ltr\">"))
        #expect(standIn.contains("<a href=\"chapter-001.xhtml\">home</a>"), "the stand-in links inside the German book")
    }

    @Test func aSiteNotBuiltYetOrAnUnknownLanguageIsAnErrorAndNothingIsWritten() throws {
        let fixture = try Fixture(Self.files)
        try fixture.write("en/logo.png", "not built, not read")
        #expect(throws: BuildFailed.self) { try EPUBExporter(content: fixture.content, output: fixture.output).export() }
        do {
            _ = try EPUBExporter(content: fixture.content, output: fixture.output).export()
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("run 'handbook build --output \(fixture.output)' first") })
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
        do {
            _ = try EPUBExporter(content: fixture.content, output: fixture.output).books(languages: ["fr"])
            Issue.record("an unknown language must fail")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.message)
                    == ["no language 'fr' in this handbook (languages: en, de)"])
        }
    }

    @Test func bodyHTMLBecomesXHTML() {
        let converter = XHTMLBody(link: { $0 == "known.xhtml#x" ? "known.xhtml#x" : nil })
        func convert(_ html: String) -> String { converter.convert(html).xhtml }
        #expect(convert("<p>a<br>b<hr></p>") == "<p>a<br/>b<hr/></p>")
        #expect(convert("<P CLASS=x>one<em>two</P>") == "<p class=\"x\">one<em>two</em></p>", "names lower case, unclosed closed")
        #expect(convert("<p>stray</div></p>") == "<p>stray</p>")
        #expect(convert("<input type=checkbox checked disabled>") == "☒")
        #expect(convert("<details open><summary>s</summary></details>") == "<details open=\"open\"><summary>s</summary></details>")
        #expect(convert("a &nbsp;&mdash;&#169;&#x1F600;&#0; & b") == "a \u{A0}—©😀\u{FFFD} &amp; b")
        #expect(convert("<td align=\"right\">1</td>") == "<td style=\"text-align: right\">1</td>")
        #expect(convert("<h2 id=\"1-step\">x</h2><a href=\"#1-step\">y</a>") == "<h2 id=\"_1-step\">x</h2><a href=\"#_1-step\">y</a>",
                "ids and the links to them become XML names alike")
        #expect(convert("<a href=\"known.xhtml#x\">k</a><a href=\"other.html\">o</a>") == "<a href=\"known.xhtml#x\">k</a><span>o</span>")
        #expect(convert("<a href=\"https://example.com/?a=1&amp;b=2\">w</a>") == "<a href=\"https://example.com/?a=1&amp;b=2\">w</a>")
        #expect(convert("<img src=\"https://example.com/x.png\" alt=\"X\">") == "<a href=\"https://example.com/x.png\">X</a>")
        #expect(convert("<!-- note -->a<a:b>c</a:b> 1 < 2") == "a&lt;a:b&gt;c&lt;/a:b&gt; 1 &lt; 2")
        #expect(convert("<span title='say \"hi\"' title='dup'>x</span>") == "<span title=\"say &quot;hi&quot;\">x</span>")
    }
}
