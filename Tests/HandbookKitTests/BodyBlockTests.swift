import Foundation
import Testing
@testable import HandbookKit

/// Parse produces structure, render produces chrome: a body is `[Block]` with
/// no interface text in it (`Model/Body.swift`, `Parse/BodyMarkers.swift`), and
/// the theme draws each block through its partial (`Render/BodyRenderer.swift`).
@Suite struct BodyBlockTests {
    static let body = """
        Intro.

        :::compare Blaming
        :::bad
        "Not me."

        Why it fails: it splits the team.
        :::good
        "We missed it."
        :::

        > [!TIP]
        > Say it early.

        :::script Voicemail
        Hello [Client name],
        :::choice Choose one opening
        - One.
        - Two.
        :::
        :::

        """

    @Test func theBodyIsTypedBlocksWithNoInterfaceText() throws {
        let (parsed, diagnostics) = parsePage(page(Self.body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let blocks = try #require(parsed).body
        guard blocks.count == 4, case .html("<p>Intro.</p>\n") = blocks[0],
              case .comparison(let comparison) = blocks[1], case .callout(.tip, let tip) = blocks[2],
              case .script(let script) = blocks[3]
        else {
            Issue.record("unexpected blocks: \(blocks)")
            return
        }
        #expect(comparison.title == "Blaming" && comparison.anchor == "blaming")
        #expect(comparison.bad.reply == [.html("<p>&quot;Not me.&quot;</p>\n")])
        #expect(comparison.bad.reason == [.html("<p>Why it fails: it splits the team.</p>\n")])
        #expect(comparison.good.reply == [.html("<p>&quot;We missed it.&quot;</p>\n")] && comparison.good.reason.isEmpty)
        #expect(tip == [.html("<p>Say it early.</p>\n")])
        #expect(script.title == "Voicemail")
        guard script.body.count == 2, case .choice(let choice) = script.body[1] else {
            Issue.record("unexpected script body: \(script.body)")
            return
        }
        #expect(choice.prompt == "Choose one opening" && choice.alternatives == 2)
        // Nothing a language says is in the parse: no label, no marker left behind.
        let text = "\(blocks)"
        for chrome in ["Don&#39;t", "side-label", "callout-title", "script-label", "<figure", "<aside", "\u{1}", "\u{2}"] {
            #expect(!text.contains(chrome), "\(chrome)")
        }
    }

    @Test func labelsComeFromTheLanguageAtRenderTime() throws {
        let parsed = try #require(parsePage(page(Self.body)).0)
        let german = parsed.bodyHTML(in: try #require(InterfaceStrings.builtin(for: "de")))
        #expect(german.contains("<p class=\"side-label\">\(escapeHTML(InterfaceStrings.builtin(for: "de")!["dont"]))</p>"))
        #expect(german.contains("<p class=\"callout-title\">\(InterfaceStrings.builtin(for: "de")!["callout_tip"])</p>"))
        #expect(parsed.bodyHTML.contains("<p class=\"side-label\">Don&#39;t</p>"))
        #expect(parsed.bodyHTML.contains("<div class=\"script-choice\" data-alternatives=\"2\">"))
    }

    @Test func aThemeRedrawsComparisonsScriptsChoicesAndCallouts() throws {
        let fixture = try Fixture()
        try fixture.write("en/guide/page.md", page(Self.body))
        try fixture.write("theme/comparison.mustache", "<section class=\"mine\" data-title=\"{{title}}\">{{{sides}}}</section>\n")
        try fixture.write("theme/comparison-side.mustache", "<div class=\"my-{{kind}}\">{{label}}: {{{content}}}</div>\n")
        try fixture.write("theme/callout.mustache", "<div class=\"box {{kind}}\">{{{content}}}</div>\n")
        try fixture.write("theme/script.mustache", "<pre data-anchor=\"{{anchor}}\">{{label}} {{title}}{{{content}}}</pre>\n")
        try fixture.write("theme/choice.mustache", "<fieldset data-n=\"{{alternatives}}\"><legend>{{prompt}}</legend>{{{content}}}</fieldset>\n")
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let html = try #require(fixture.read("en/guide/page.html"))
        #expect(html.contains("<section class=\"mine\" data-title=\"Blaming\"><div class=\"my-bad\">Don&#39;t: <p>&quot;Not me.&quot;</p>\n<p>Why it fails"))
        #expect(html.contains("<div class=\"my-good\">Do: <p>&quot;We missed it.&quot;</p>\n</div>\n</section>"))
        #expect(html.contains("<div class=\"box tip\"><p>Say it early.</p>\n</div>"))
        #expect(html.contains("<pre data-anchor=\"voicemail\">Script Voicemail<p>Hello"))
        #expect(html.contains("<fieldset data-n=\"2\"><legend>Choose one opening</legend><ul>"))
        #expect(!html.contains("class=\"comparison\""), "the built-in partial is replaced")
        // The practice page and the booklet draw the same blocks with the same partials.
        #expect(try #require(fixture.read("en/print.html")).contains("<section class=\"mine\""))
        #expect(try #require(fixture.read("en/practice.html")).contains("<p>Why it fails: it splits the team.</p>"))
    }

    @Test func controlCharactersAreReplacedAndReported() throws {
        let (parsed, diagnostics) = parsePage(page("A\u{1}1\u{2} b\u{7}.\n"))
        #expect(parsed?.body == [.html("<p>A\u{FFFD}1\u{FFFD} b\u{FFFD}.</p>\n")], "no author text can pose as a block marker")
        #expect(diagnostics.map(\.location.column) == [2, 4, 7])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location.line == 4 })
        #expect(diagnostics.first?.message.hasPrefix("control character U+0001 cannot appear in a web page") == true)
    }
}
