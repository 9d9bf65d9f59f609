import Foundation
import Testing
@testable import HandbookKit

/// What a script holds besides its text: `:::choice` alternatives and notes to
/// the reader (callouts), which the reader's tools never copy; and task lists
/// that are real checkboxes with their own tools.
@Suite struct ScriptToolsTests {
    static let email = """
        :::script Apology email
        I'm writing to let you know that...

        :::choice Choose one opening
        - our delivery is late.
        - we missed [What went wrong].
        :::

        > [!NOTE]
        > Pause here, and listen.

        [Your name]
        :::

        """

    @Test func aChoiceIsAPromptForTheReaderAndAListOfAlternatives() throws {
        let (parsed, diagnostics) = parsePage(page(Self.email))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let page = try #require(parsed)
        #expect(page.bodyHTML == """
            <figure class="script" id="apology-email">
            <figcaption><span class="script-label">Script</span> Apology email</figcaption>
            <div class="script-body">
            <p>I'm writing to let you know that...</p>
            <div class="script-choice" data-alternatives="2">
            <p class="script-choice-prompt" data-copy="no">Choose one opening</p>
            <ul>
            <li>our delivery is late.</li>
            <li>we missed <span class="placeholder" data-placeholder="What went wrong">[What went wrong]</span>.</li>
            </ul>
            </div>
            <aside class="callout callout-note" role="note">
            <p class="callout-title">Note</p>
            <p>Pause here, and listen.</p>
            </aside>
            <p><span class="placeholder" data-placeholder="Your name">[Your name]</span></p>
            </div>
            </figure>

            """)
        let script = try #require(page.scripts.first)
        #expect(script.choices == [2])
        #expect(script.placeholders == ["What went wrong", "Your name"], "placeholders in alternatives count too")
    }

    @Test func thePromptIsEscapedAndAlternativesMayHoldParagraphsAndNumbers() throws {
        let (parsed, diagnostics) = parsePage(page("""
            :::script S
            :::choice Pick <one> & go
            1. First

               more of the first.
            2. Second
            3. Third
            :::
            :::

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = try #require(parsed).bodyHTML
        #expect(html.contains("<div class=\"script-choice\" data-alternatives=\"3\">\n<p class=\"script-choice-prompt\" data-copy=\"no\">Pick &lt;one&gt; &amp; go</p>\n<ol>"))
        #expect(html.contains("<li>\n<p>First</p>\n<p>more of the first.</p>\n</li>"))
        #expect(parsed?.scripts.first?.choices == [3])
    }

    @Test func aScriptMayHoldSeveralChoicesAndAChoiceMayStandOnAComparisonSide() throws {
        let (parsed, diagnostics) = parsePage(page("""
            :::compare Openings
            :::bad
            x
            :::good
            :::script Say this
            :::choice First
            - a
            - b
            :::
            Then
            :::choice Second
            - c
            - d
            - e
            :::
            :::
            :::

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(parsed?.scripts.first?.choices == [2, 3])
    }

    /// Mistakes in a choice: those that leave the script's shape in doubt are
    /// errors; a choice of the wrong shape is shown and copied as written.
    @Test(arguments: [
        (":::choice Pick\n- a\n- b\n:::\n", 1, 1, "error", "':::choice' must be inside a ':::script' block"),
        (":::script S\n:::choice\n- a\n- b\n:::\n:::\n", 2, 1, "error", "':::choice' needs a prompt for the reader, e.g. ':::choice Choose one opening'"),
        (":::script S\n:::choice A\n:::choice B\n- a\n:::\n:::\n:::\n", 3, 1, "error", "choices cannot be nested"),
        (":::script S\n:::choice A\n- a\n- b\n", 2, 1, "error", "':::choice A' is never closed: add a line ':::' after its last line"),
        (":::script S\n:::choice A\n:::script T\n:::\n:::\n", 3, 1, "error", "scripts cannot be nested"),
        (":::script S\n:::choice A\nJust a line.\n:::\n:::\n", 3, 1, "warning", "':::choice A' must hold one list and nothing else, one item per alternative"),
        (":::script S\n:::choice A\n- a\n- b\n\nAnd more.\n:::\n:::\n", 6, 1, "warning", "':::choice A' must hold one list and nothing else"),
        (":::script S\n:::choice A\n- a\n- b\n\n1. c\n2. d\n:::\n:::\n", 6, 1, "warning", "':::choice A' must hold one list and nothing else"),
        (":::script S\n:::choice A\n:::\n:::\n", 2, 1, "warning", "':::choice A' holds no alternatives: write each one as a list item"),
        (":::script S\n:::choice A\n- only\n:::\n:::\n", 2, 1, "warning", "':::choice A' offers only one alternative"),
    ])
    func malformedChoicesAreReportedWhereTheyAre(body: String, line: Int, column: Int, severity: String, message: String) throws {
        let (parsed, diagnostics) = parsePage(page(body))
        let found = try #require(diagnostics.first { $0.message.contains(message) }, "\(diagnostics)")
        // The page's front matter takes three lines, so body line 1 is line 4 of the file.
        #expect(found.description.hasPrefix("Content/en/page.md:\(line + 3):\(column): \(severity): "))
        if severity == "warning" {
            let page = try #require(parsed)
            #expect(!page.bodyHTML.contains("data-alternatives"), "a malformed choice is not turned into a pick")
            #expect(page.scripts.first?.choices == [])
            #expect(page.bodyHTML.contains("<p class=\"script-choice-prompt\" data-copy=\"no\">A</p>"), "its prompt is still shown")
        } else {
            #expect(parsed == nil)
        }
    }

    @Test func choiceLinesInCodeAreText() throws {
        let (parsed, diagnostics) = parsePage(page("```\n:::choice A\n- a\n:::\n```\n"))
        #expect(diagnostics.isEmpty)
        #expect(parsed?.bodyHTML == "<pre><code>:::choice A\n- a\n:::\n</code></pre>\n")
    }

    @Test func translationsKeepTheChoicesAndTheirAlternatives() throws {
        var files = Fixture.minimal
        files["en/guide/page.md"] = "---\ntitle: A page\n---\n\n:::script Call\n:::choice Pick\n- a\n- b\n- c\n:::\n:::\n"
        files["de/guide/page.md"] = "---\ntitle: Seite\n---\n\n:::script Anruf\n:::choice Wählen\n- a\n- b\n:::\n:::\n"
        let fixture = try Fixture(files)
        var report = Checker(builder: fixture.builder).run()
        #expect(report.diagnostics.map(\.description) == [
            "\(fixture.content)/de/guide/page.md:5:1: error: this script has a choice of 2; the original in \(fixture.content)/en/guide/page.md:5 has a choice of 3",
        ])
        try fixture.write("de/guide/page.md", "---\ntitle: Seite\n---\n\n:::script Anruf\n- a\n- b\n:::\n")
        report = Checker(builder: fixture.builder).run()
        #expect(report.diagnostics.map(\.description) == [
            "\(fixture.content)/de/guide/page.md:5:1: error: this script has no choice; the original in \(fixture.content)/en/guide/page.md:5 has a choice of 3",
        ])
    }

    /// The page carries the tools' words in its language, and a checklist's
    /// boxes can be ticked.
    @Test func pagesCarryTheToolsInTheirLanguage() throws {
        var files = Fixture.minimal
        files["en/guide/page.md"] = "---\ntitle: A page\n---\n\n" + Self.email + "\n- [ ] Call the client\n- [x] Agree the plan\n"
        files["de/guide/page.md"] = "---\ntitle: Seite\n---\n\n- [ ] Kunden anrufen\n"
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let english = try #require(fixture.read("en/guide/page.html"))
        #expect(english.contains("<span class=\"fill-in-count\" data-format=\"{filled} of {total} filled\"></span>"))
        #expect(english.contains("<button type=\"button\" class=\"copy-anyway\" hidden>Copy anyway</button>"))
        #expect(english.contains("data-blanks=\"{n} still empty: {names}\""))
        #expect(english.contains("<span class=\"alternative-chosen\" data-copy=\"no\">Chosen</span>"))
        #expect(english.contains("<li><label><input type=\"checkbox\" /> Call the client</label></li>"))
        #expect(english.contains("<li><label><input type=\"checkbox\" checked=\"\" /> Agree the plan</label></li>"))
        #expect(!english.contains("disabled"), "no greyed-out boxes")
        #expect(english.contains("<template id=\"checklist-tools\">"))
        let german = try #require(fixture.read("de/guide/page.html"))
        #expect(german.contains("<button type=\"button\" class=\"checklist-reset\">Checkliste zurücksetzen</button>"))
        #expect(german.contains("<button type=\"button\" class=\"checklist-print\">Diese Seite drucken</button>"))
        #expect(!german.contains("<template id=\"script-tools\">"), "no scripts, no script tools")
        let home = try #require(fixture.read("en/index.html"))
        #expect(!home.contains("checklist-tools"), "no task list, no checklist tools")
    }

    @Test(arguments: ["en", "de", "nl", "pt"])
    func everyNewStringShipsInEveryLanguage(code: String) throws {
        let strings = try #require(InterfaceStrings.builtin(for: code))
        for key in ["fill_in_count", "placeholder_hint", "copy_blanks", "copy_anyway", "choice_chosen",
                    "checklist_reset", "checklist_note", "print_page"] {
            #expect(InterfaceStrings.keys.contains(key))
            #expect(!strings[key].isEmpty, "\(code) has no '\(key)'")
        }
        #expect(strings["fill_in_count"].contains("{filled}") && strings["fill_in_count"].contains("{total}"))
        #expect(strings["copy_blanks"].contains("{n}") && strings["copy_blanks"].contains("{names}"))
    }

    /// The shipped handbook uses the markup: the email's openings are a choice
    /// in every language, and the call's stage direction is a note.
    @Test(arguments: ["en", "de", "nl", "pt"])
    func theShippedScriptsUseChoicesAndNotes(code: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (file, expected) in [("team-mistakes/email.md", [3]), ("own-mistakes/prepare.md", [])] {
            let path = root.appendingPathComponent("Content/\(code)/\(file)").path
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let (parsed, diagnostics) = PageParser(languages: ["en", "de", "nl", "pt"], rawHTML: false)
                .parse(SourceFile(language: code, id: PageID(String(file.dropLast(3))), path: path),
                       bytes: Array(bytes))
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let page = try #require(parsed)
            #expect(page.scripts.first?.choices == expected, "\(code)/\(file)")
            let strings = try #require(InterfaceStrings.builtin(for: code))
            if file.hasPrefix("own") { #expect(page.bodyHTML(in: strings).contains("<aside class=\"callout callout-note\"")) }
        }
    }
}
