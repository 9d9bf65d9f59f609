import Foundation
import Testing
@testable import HandbookKit

@Suite struct BuildTests {
    @Test func buildsEveryPageWithLanguageSwitcherAndNavigation() throws {
        let fixture = try Fixture()
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let page = try #require(fixture.read("en/guide/page.html"))
        #expect(page.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("<a href=\"../../de/guide/page.html\" hreflang=\"de\" lang=\"de\"><span dir=\"ltr\">Deutsch</span></a>"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"../../de/guide/page.html\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"page.html\">"))
        #expect(page.contains("<a href=\"page.html\" aria-current=\"page\">A page</a>"))
        #expect(page.contains("href=\"../index.html\">home</a>"), "the .md link is rewritten")
        #expect(page.contains("rel=\"prev\" href=\"index.html\""))
        let guide = try #require(fixture.read("en/guide/index.html"))
        #expect(guide.contains("<li class=\"toc-h2\"><a href=\"#start-here\">Start here</a></li>"))
        #expect(fixture.read("en/404.html")?.contains("Page not found") == true)
        #expect(fixture.read("de/404.html")?.contains("Seite nicht gefunden") == true)
        #expect(fixture.read("index.html")?.contains("href=\"de/index.html\"") == true)
        #expect(fixture.read("sitemap.xml")?.contains("<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"de/guide/page.html\"/>") == true)
        #expect(fixture.read("theme/style.css") != nil)
        #expect(fixture.read(OutputWriter.marker) != nil)
    }

    /// Above `Navigation.fullSidebarLimit` pages the sidebar opens only the current
    /// section; the other sections are written once and must still link right from every depth.
    @Test func largeSidebarOpensOnlyTheCurrentSectionWithLinksRightFromEveryFolder() throws {
        var files = Fixture.minimal
        for section in ["alpha", "beta", "gamma"] {
            files["en/\(section)/index.md"] = "---\ntitle: Section \(section)\n---\n\nText.\n"
            for number in 1...40 { files["en/\(section)/p\(number).md"] = "---\ntitle: \(section) \(number)\norder: \(number)\n---\n\nText.\n" }
        }
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let page = try #require(fixture.read("en/beta/p7.html"))
        let sidebar = try #require(page.components(separatedBy: "class=\"nav-sections\"").last?.components(separatedBy: "</ul>\n  <ul class=\"nav-tools\"").first)
        #expect(sidebar.contains("<a href=\"../alpha/index.html\">Section alpha</a>"))
        #expect(sidebar.contains("<a href=\"../gamma/index.html\">Section gamma</a>"))
        #expect(sidebar.contains("<a href=\"../index.html\">Home</a>"))
        #expect(sidebar.contains("<li class=\"nav-section active\">\n<a href=\"index.html\">Section beta</a>"))
        #expect(sidebar.contains("<a href=\"p7.html\" aria-current=\"page\">beta 7</a>"))
        #expect(sidebar.contains("<a href=\"p8.html\">beta 8</a>"))
        #expect(!sidebar.contains("alpha 1<"), "closed sections do not list their pages")
        #expect(sidebar.components(separatedBy: "aria-current").count == 2, "one current link")
        // Sections in reading order, the current one in its place.
        let order = ["Section alpha", "Section beta", "Section gamma"].map { sidebar.range(of: ">\($0)</a>")!.lowerBound }
        #expect(order == order.sorted())

        let home = try #require(fixture.read("en/index.html"))
        #expect(home.contains("<a href=\"gamma/index.html\">Section gamma</a>"))
        #expect(home.contains("<a href=\"index.html\" aria-current=\"page\">Home</a>"))
        let booklet = try #require(fixture.read("en/print.html"))
        #expect(booklet.contains("<a href=\"beta/index.html\">Section beta</a>"))
        #expect(!booklet.contains("<li class=\"nav-section active\">"))
    }

    /// A handbook with many sections lists a window of them around the current one,
    /// so a page does not grow with the handbook.
    @Test func manySectionsAreListedInAWindowWithLinksBeyondIt() throws {
        var files = Fixture.minimal
        for number in 1...40 {
            let name = "s" + String(number).leftPadded(to: 2)
            files["en/\(name)/index.md"] = "---\ntitle: Section \(name)\norder: \(number + 1)\n---\n\nText.\n"
        }
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        let page = try #require(fixture.read("en/s20/index.html"))
        let sidebar = try #require(page.components(separatedBy: "class=\"nav-sections\"").last?.components(separatedBy: "class=\"nav-tools\"").first)
        let listed = sidebar.components(separatedBy: "<li class=\"nav-section").count - 1
        #expect(listed == Navigation.sectionWindow)
        // Home, guide, s01 … s40: s20 is the 22nd of 42, so s10 … s30 are listed.
        #expect(sidebar.contains(">Section s10</a>") && sidebar.contains(">Section s30</a>"))
        #expect(!sidebar.contains(">Section s09</a>") && !sidebar.contains(">Section s31</a>"))
        #expect(sidebar.contains("<li class=\"nav-more\"><a href=\"../s09/index.html\">Earlier sections</a></li>"))
        #expect(sidebar.contains("<li class=\"nav-more\"><a href=\"../s31/index.html\">Later sections</a></li>"))
        let home = try #require(fixture.read("en/index.html"))
        #expect(!home.contains("Earlier sections"))
        #expect(home.contains("<a href=\"s20/index.html\">Later sections</a>"))
        #expect(Navigation.window(around: 41, count: 42) == 21..<42)
        #expect(Navigation.window(around: 3, count: 5) == 0..<5)
    }

    @Test func missingTranslationFallsBackWithNoticeAndWarning() throws {
        var files = Fixture.minimal
        files["de/guide/page.md"] = nil
        let fixture = try Fixture(files)
        let (ok, diagnostics) = fixture.build()
        #expect(ok)
        #expect(diagnostics.contains {
            $0.severity == .warning && $0.location.path == fixture.content + "/en/guide/page.md"
                && $0.message.contains("no Deutsch translation")
        })
        let page = try #require(fixture.read("de/guide/page.html"))
        #expect(page.contains("<html lang=\"de\" dir=\"ltr\">"))
        #expect(page.contains("<article class=\"page\" lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("Diese Seite ist noch nicht ins Deutsche übersetzt."))
        #expect(!page.contains("hreflang=\"de\" href=\"page.html\">"), "a fallback is not announced as a translation")
    }

    @Test func buildsAreByteForByteDeterministic() throws {
        let fixture = try Fixture()
        fixture.build()
        let first = fixture.snapshot()
        fixture.build()
        #expect(fixture.snapshot() == first)
        #expect(first.count > 10)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let fixture = try Fixture()
        #expect(fixture.build().ok)
        let before = fixture.snapshot()
        try fixture.write("en/guide/page.md", "---\ntitle: T\n---\n\n:::compare Unclosed\n:::bad\nx\n")
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        #expect(diagnostics.map(\.description).contains(
            "\(fixture.content)/en/guide/page.md:5:1: error: ':::compare Unclosed' is never closed: add a line ':::' after its last line"))
        #expect(fixture.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: [
        ("[x](missing.md)", "link 'missing.md' points to a page that does not exist (en/guide/missing.md)"),
        ("[x](index.md#nowhere)", "link 'index.md#nowhere' points to '#nowhere', which is not a heading or block of en/guide/index.md (its anchors include #start-here, #then-this)"),
        ("[x](#nowhere)", "link '#nowhere' points to '#nowhere', which is not a heading or block of en/guide/page.md"),
        ("![x](../../assets/none.png)", "link '../../assets/none.png' points to a file that does not exist (assets/none.png)"),
        ("[x](../../assets/)", "link '../../assets/' points to a folder that does not exist (assets)"),
    ])
    func brokenLinksAreErrors(link: String, message: String) throws {
        let fixture = try Fixture()
        try fixture.write("en/guide/page.md", "---\ntitle: T\n---\n\nSee \(link).\n")
        let (ok, diagnostics) = fixture.build()
        #expect(!ok)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == message)
        #expect(error.location.line == 5 && error.location.column == 5)
    }

    @Test func linksToAssetsAndAnchorsResolve() throws {
        let fixture = try Fixture()
        try fixture.write("assets/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        try fixture.write("en/guide/page.md", "---\ntitle: T\n---\n\n![Logo](../../assets/logo.png) [s](index.md#start-here)\n")
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        #expect(fixture.read("en/guide/page.html")?.contains("<img src=\"../../assets/logo.png\" alt=\"Logo\" />") == true)
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/assets/logo.png"))
    }

    @Test func languageFoldersMustMatchTheConfiguration() throws {
        var files = Fixture.minimal
        files["fr/index.md"] = "---\ntitle: Accueil\n---\n"
        files["handbook.yml"] = Fixture.config + "\n  - code: nl\n    title: Test\n"
        let fixture = try Fixture(files)
        let messages = fixture.build().diagnostics.map(\.message)
        #expect(messages.contains("folder 'fr' is not a language in handbook.yml (languages: en, de, nl)"))
        #expect(messages.contains { $0.hasPrefix("language 'nl' is listed in handbook.yml but has no folder") })
    }

    @Test func configErrorsPointIntoHandbookYml() throws {
        var files = Fixture.minimal
        files["handbook.yml"] = "languages:\n  - code: en\n    titel: X\n"
        let fixture = try Fixture(files)
        let error = try #require(fixture.build().diagnostics.first)
        #expect(error.description == "\(fixture.content)/handbook.yml:3:5: error: unknown key 'titel' in a language entry (did you mean 'title'?); allowed keys: code, locale, name, direction, title, strings")
    }

    @Test func refusesOutputFoldersItMustNotReplace() throws {
        let fixture = try Fixture()
        let intoContent = Builder(content: fixture.content, output: fixture.content, projectRoot: fixture.root)
        #expect(throws: BuildFailed.self) { try intoContent.build() }
        let intoProject = Builder(content: fixture.content, output: fixture.root, projectRoot: fixture.root)
        #expect(throws: BuildFailed.self) { try intoProject.build() }
        let foreign = fixture.root + "/Foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
        let intoForeign = Builder(content: fixture.content, output: foreign, projectRoot: fixture.root)
        #expect(throws: BuildFailed.self) { try intoForeign.build() }
        #expect(FileManager.default.fileExists(atPath: foreign + "/notes.txt"))
    }

    @Test func themeFilesOverrideTheBuiltInOnes() throws {
        let fixture = try Fixture()
        try fixture.write("theme/not-found.mustache", "{{<layout}}{{$main}}<p class=\"custom\">{{strings.not_found_title}}</p>{{/main}}{{/layout}}")
        try fixture.write("theme/extra.js", "console.log(1)")
        let (ok, diagnostics) = fixture.build()
        #expect(ok, "\(diagnostics)")
        #expect(fixture.read("en/404.html")?.contains("<p class=\"custom\">Page not found</p>") == true)
        #expect(fixture.read("theme/extra.js") == "console.log(1)")
    }

    @Test func templateErrorsHaveALocation() throws {
        let fixture = try Fixture()
        try fixture.write("theme/page.mustache", "line one\n{{#open}}\n")
        let error = try #require(fixture.build().diagnostics.first)
        #expect(error.location.path == fixture.content + "/theme/page.mustache")
        #expect(error.message.hasPrefix("template error"))
    }

    @Test func interfaceStringsCanBeOverriddenPerLanguage() throws {
        var files = Fixture.minimal
        files["handbook.yml"] = Fixture.config + "\n    strings:\n      next: Nächstes Kapitel\n"
        let fixture = try Fixture(files)
        #expect(fixture.build().ok)
        #expect(fixture.read("de/index.html")?.contains("Nächstes Kapitel") == true)
        #expect(fixture.read("en/index.html")?.contains("Nächstes Kapitel") == false)
    }

    @Test func sectionsWithoutLandingPageAreErrors() throws {
        var files = Fixture.minimal
        files["en/orphans/page.md"] = "---\ntitle: Orphan\n---\n"
        let fixture = try Fixture(files)
        let messages = fixture.build().diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("section 'orphans' has no landing page") })
    }
}
