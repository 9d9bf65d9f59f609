import Foundation
import Testing
@testable import HandbookKit

/// GitHub's alert syntax (`> [!NOTE]`) as callouts: `Parse/Callouts.swift`.
@Suite struct CalloutTests {
    @Test(arguments: [
        ("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("IMPORTANT", "important", "Important"),
        ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution"),
    ])
    func eachKindIsAnAsideLabelledInWords(marker: String, kind: String, label: String) throws {
        let (parsed, diagnostics) = parsePage(page("> [!\(marker)]\n> Useful *information*.\n"))
        #expect(diagnostics.isEmpty)
        #expect(try #require(parsed).bodyHTML == """
            <aside class="callout callout-\(kind)" role="note">
            <p class="callout-title">\(label)</p>
            <p>Useful <em>information</em>.</p>
            </aside>

            """)
    }

    @Test func theMarkerIsCaseInsensitiveAndMayEndInAHardBreakOrABlankLine() throws {
        let (parsed, diagnostics) = parsePage(page("""
            > [!Tip]\\
            > One.

            > [!warning]  \n> Two.

            > [!caution]
            >
            > Three.
            >
            > - four

            """))
        #expect(diagnostics.isEmpty)
        let html = try #require(parsed).bodyHTML
        #expect(!html.contains("<blockquote>") && !html.contains("[!"))
        #expect(html.contains("<p class=\"callout-title\">Tip</p>\n<p>One.</p>\n</aside>"))
        #expect(html.contains("<p class=\"callout-title\">Warning</p>\n<p>Two.</p>\n</aside>"))
        #expect(html.contains("<p class=\"callout-title\">Caution</p>\n<p>Three.</p>\n<ul>\n<li>four</li>\n</ul>\n</aside>"))
    }

    static let fourLanguages = """
        languages:
          - code: en
            title: Handbook
            strings:
              callout_tip: Hint <b>
          - code: de
            title: Handbuch
          - code: nl
            title: Handboek
          - code: pt
            locale: pt-BR
            title: Manual
        """

    static func fourLanguageFiles(_ config: String = fourLanguages) -> [String: String] {
        var files = ["handbook.yml": config]
        for code in ["en", "de", "nl", "pt"] {
            files["\(code)/index.md"] = "---\ntitle: \(code)\n---\n\n"
                + ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"].map { "> [!\($0)]\n> Text \($0).\n\n" }.joined()
        }
        return files
    }

    static func labels(_ html: String) -> [String] {
        html.split(separator: "<p class=\"callout-title\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func theLabelIsInThePagesLanguageAndHandbookYmlOverridesIt() throws {
        let fixture = try Fixture(Self.fourLanguageFiles())
        #expect(fixture.build().ok)
        #expect(Self.labels(try #require(fixture.read("en/index.html")))
                == ["Note", "Hint &lt;b&gt;", "Important", "Warning", "Caution"])
        #expect(Self.labels(try #require(fixture.read("de/index.html")))
                == ["Hinweis", "Tipp", "Wichtig", "Warnung", "Vorsicht"])
        #expect(Self.labels(try #require(fixture.read("nl/index.html")))
                == ["Opmerking", "Tip", "Belangrijk", "Waarschuwing", "Let op"])
        #expect(Self.labels(try #require(fixture.read("pt/index.html")))
                == ["Nota", "Dica", "Importante", "Aviso", "Cuidado"])
    }

    @Test func anUnknownKindStaysAQuoteWithAWarningThatListsTheKinds() throws {
        // Front matter is lines 1-3; the marker is on line 9, in a list item, at column 5.
        let (parsed, diagnostics) = parsePage(page("\nIntro.\n\n- Item\n\n  > [!DANGER]\n  > Hot.\n"))
        #expect(diagnostics.map(\.description) == [
            "Content/en/page.md:9:5: warning: unknown callout '[!DANGER]' is shown as a block quote; the kinds are '[!NOTE]', '[!TIP]', '[!IMPORTANT]', '[!WARNING]' or '[!CAUTION]'",
        ])
        let html = try #require(parsed).bodyHTML
        #expect(html.contains("<blockquote>\n<p>[!DANGER]\nHot.</p>\n</blockquote>"))
        #expect(!html.contains("callout"))
    }

    @Test func aMarkerWithTextOnItsLineOrWithNothingAfterItStaysAQuoteWithAWarning() throws {
        let (parsed, diagnostics) = parsePage(page("> [!NOTE] Same line.\n\n> [!TIP]\n"))
        #expect(diagnostics.map(\.description) == [
            "Content/en/page.md:4:3: warning: callout marker '[!NOTE]' must stand alone on the quote's first line: move the text after it to the next line (it is shown as a block quote)",
            "Content/en/page.md:6:3: warning: callout '[!TIP]' is empty and is shown as a block quote: write its text on the quote's next lines",
        ])
        #expect(try #require(parsed).bodyHTML
                == "<blockquote>\n<p>[!NOTE] Same line.</p>\n</blockquote>\n<blockquote>\n<p>[!TIP]</p>\n</blockquote>\n")
    }

    @Test(arguments: [
        "> `[!NOTE]`\n> In code.\n",                      // inline code
        "```\n> [!NOTE]\n> In a fence.\n```\n",           // fenced code
        "    > [!NOTE]\n    > Indented code.\n",          // indented code
        "> \\[!NOTE]\n> Escaped.\n",                      // an escaped bracket
        "> &#91;!NOTE]\n> An entity.\n",                  // a character reference
        "> See [!NOTE] below.\n> Not at the start.\n",
        "> *[!NOTE]*\n> Emphasised.\n",
        "> Text first.\n>\n> [!NOTE]\n> Second paragraph.\n",
        "[!NOTE]\nNo quote.\n",
        "> [!NOTE\n> Not closed.\n",
        "> [!]\n> No name.\n",
        "> [!NO TE]\n> A space.\n",
    ])
    func markersInCodeOrNotAtTheVeryStartAreLeftAlone(body: String) throws {
        let (parsed, diagnostics) = parsePage(page(body))
        #expect(diagnostics.isEmpty)
        let html = try #require(parsed).bodyHTML
        #expect(!html.contains("callout"))
        #expect(html.contains("[!"))
    }

    @Test func calloutsWorkInListsQuotesCalloutsAndComparisons() throws {
        let (parsed, diagnostics) = parsePage(page("""
            - Item

              > [!CAUTION]
              > In a list.
              >
              > > [!IMPORTANT]
              > > In a callout.

            > Quote.
            >
            > > [!TIP]
            > > In a quote.

            :::compare Title
            :::bad
            > [!WARNING]
            > On a side.
            :::good
            Good.
            :::

            """))
        #expect(diagnostics.isEmpty)
        let html = try #require(parsed).bodyHTML
        #expect(html.contains("""
            <li>
            <p>Item</p>
            <aside class="callout callout-caution" role="note">
            <p class="callout-title">Caution</p>
            <p>In a list.</p>
            <aside class="callout callout-important" role="note">
            <p class="callout-title">Important</p>
            <p>In a callout.</p>
            </aside>
            </aside>
            </li>
            """))
        #expect(html.contains("""
            <blockquote>
            <p>Quote.</p>
            <aside class="callout callout-tip" role="note">
            <p class="callout-title">Tip</p>
            <p>In a quote.</p>
            </aside>
            </blockquote>
            """))
        #expect(html.contains("""
            <p class="side-label">Don&#39;t</p>
            <aside class="callout callout-warning" role="note">
            <p class="callout-title">Warning</p>
            <p>On a side.</p>
            </aside>
            </div>
            """))
    }

    @Test func headingsLinksAndScriptsInsideACalloutStillWork() throws {
        let (parsed, diagnostics) = parsePage(page("> [!NOTE]\n> ## Inside\n> See [the page](other.md).\n"))
        #expect(diagnostics.isEmpty)
        let page = try #require(parsed)
        #expect(page.headings.map(\.anchor) == ["inside"])
        #expect(page.links.map(\.written) == ["other.md"])
        #expect(page.bodyHTML.contains("<h2 id=\"inside\">Inside</h2>\n<p>See <a href=\"other.html\">the page</a>.</p>\n</aside>"))
    }

    @Test func theCalloutsTextIsSearchedButNotItsMarker() throws {
        let (parsed, _) = parsePage(page("Before.\n\n> [!WARNING]\n> Never promise a date you cannot keep.\n\nAfter.\n"))
        let text = try #require(parsed).searchText
        #expect(text.contains("Never promise a date you cannot keep."))
        #expect(!text.contains("[!") && !text.contains("WARNING"))

        let fixture = try Fixture(Self.fourLanguageFiles())
        #expect(fixture.build().ok)
        let index = try #require(fixture.read("de/search-index.js"))
        #expect(index.contains("Text CAUTION."))
        #expect(!index.contains("[!"))
    }

    @Test func theBookletKeepsCallouts() throws {
        let fixture = try Fixture(Self.fourLanguageFiles())
        #expect(fixture.build().ok)
        let booklet = try #require(fixture.read("nl/print.html"))
        #expect(booklet.contains("""
            <aside class="callout callout-warning" role="note">
            <p class="callout-title">Waarschuwing</p>
            <p>Text WARNING.</p>
            </aside>
            """))
    }
}
