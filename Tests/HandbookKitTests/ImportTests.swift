import CMarkGFM
import Foundation
import Testing
@testable import HandbookKit

/// A source site in a temporary folder, imported into a new content folder and built.
final class ImportFixture {
    let root: String
    var source: String { root + "/site" }
    var content: String { root + "/Content" }
    var output: String { root + "/Output" }

    init(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-import-\(UUID().uuidString)").path
        for (path, text) in files { try write(path, Array(text.utf8)) }
        for (path, bytes) in binary { try write(path, bytes) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: source + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func run(_ format: ImportFormat? = nil) throws -> ImportReport {
        try Importer(source: source, format: format, content: content).run()
    }

    func imported(_ path: String) -> String? { try? String(contentsOfFile: content + "/" + path, encoding: .utf8) }

    /// Builds the imported folder; returns the site and every diagnostic.
    func build() -> (site: Site?, diagnostics: [Diagnostic]) {
        do {
            let plan = try Builder(content: content, output: output, projectRoot: root).build()
            return (plan.site, plan.warnings)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    /// What every import must give: a build without errors, every page reachable
    /// from the sidebar, and every word of every source page in its imported page.
    func verify(_ report: ImportReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Site {
        let (site, diagnostics) = build()
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter { $0.severity == .error })", sourceLocation: sourceLocation)
        let built = try #require(site, sourceLocation: sourceLocation)
        for edition in built.editions {
            let code = edition.language.code
            let reachable = Set(edition.readingOrder.filter { !$0.isFallback }.map(\.id.path))
            let written = Set(FileManager.default.enumerator(atPath: content + "/" + code)!.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
            #expect(reachable == written, "\(code): \(written.symmetricDifference(reachable))", sourceLocation: sourceLocation)
        }
        let check = Checker(builder: Builder(content: content, output: output, projectRoot: root)).run()
        #expect(check.errors == 0, "\(check.diagnostics.filter { $0.severity == .error })", sourceLocation: sourceLocation)
        #expect(!report.written.isEmpty, sourceLocation: sourceLocation)
        for (sourcePath, destination) in report.written {
            let original = try String(contentsOfFile: sourcePath, encoding: .utf8)
            let page = try #require(imported(destination), sourceLocation: sourceLocation)
            let missing = Self.words(Self.body(original)).subtracting(multiset: Self.words(Self.title(page) + "\n\n" + Self.body(page)))
            #expect(missing.isEmpty, "\(destination) lost \(missing) of \(sourcePath)", sourceLocation: sourceLocation)
        }
        return built
    }

    static func body(_ text: String) -> String {
        for marker in ["---\n", "+++\n"] where text.hasPrefix(marker) {
            if let end = text.range(of: "\n" + marker, range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) {
                return String(text[end.upperBound...])
            }
        }
        return text
    }

    static func title(_ page: String) -> String {
        page.split(separator: "\n").first { $0.hasPrefix("title: ") }.map { String($0.dropFirst(7)) } ?? ""
    }

    /// The words a reader sees: cmark's text (link and image addresses are not words),
    /// with template tags that stand for an address taken out as the import takes them.
    static func words(_ markdown: String) -> [String: Int] {
        var text = TemplatePrePass.replacingLinkTags(markdown)
        text = text.replacing(/import-ref:[^)\s]*/, with: "")
        let tree = Array(text.utf8).withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: true) }
        var counts: [String: Int] = [:]
        for node in tree.root.descendants() {
            let type = node.type
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
                    || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else { continue }
            var literal = node.literal ?? ""
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                literal = literal.replacing(/<[^>]*>/, with: " ")  // tags and their attributes are markup, not words
            }
            for word in literal.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { counts[String(word), default: 0] += 1 }
        }
        return counts
    }
}

extension Dictionary where Key == String, Value == Int {
    func subtracting(multiset other: [String: Int]) -> [String: Int] {
        filter { $0.value > other[$0.key, default: 0] }
    }
}

let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]

@Suite struct ImportTests {
    @Test func jekyllMultilingualSiteWithLangKeysFoldersAndPrettyLinks() throws {
        let fixture = try ImportFixture([
            "_config.yml": "title: \"Team Handbook: Onboarding\"\nbaseurl: /handbook\npermalink: pretty\nlanguages: [en, de, nl]\ndefault_lang: en\nexclude: [Gemfile]\n",
            "Gemfile": "source 'https://rubygems.org'\n",
            "_layouts/default.html": "<html>{{ content }}</html>\n",
            "index.md": "---\nlayout: home\nlang: en\ntitle: Welcome\n---\n\nStart with [the basics](basics/) or read about [holidays](/handbook/benefits/#holidays).\n",
            "basics.md": "---\nlayout: page\nlang: en\ntitle: Basics\norder: 1\nclass: wide\nimage: /assets/img/team.png\n---\n\n## First day\n\n![The team](/assets/img/team.png)\n\n<aside markdown=\"1\">\n**Tip:** ask every question twice.\n</aside>\n\nSee the [benefits](../benefits/#holidays) and [tools]({{ site.baseurl }}{% link guide/tools.md %}).\n",
            "benefits.md": "---\nlayout: page\nlang: en\ntitle: Benefits\norder: 2\nrelated: [basics]\n---\n\n## Holidays\n\nTwenty days a year. Back to [the basics]({% link basics.md %}).\n",
            "guide/index.md": "---\nlayout: page\nlang: en\ntitle: Guide\norder: 3\n---\n\nHow we work. Read [tools](tools/) first.\n",
            "guide/tools.md": "---\nlayout: page\nlang: en\ntitle: Tools\norder: 1\n---\n\nWe use chat. {% include note.html text=\"Ask for access\" %}\n",
            "de/index.md": "---\nlayout: home\nlang: de\ntitle: Willkommen\n---\n\nBeginnen Sie mit [den Grundlagen](basics/).\n",
            "de/basics.md": "---\nlayout: page\nlang: de\ntitle: Grundlagen\norder: 1\nclass: wide\n---\n\n## Erster Tag\n\nSiehe [Urlaub](../benefits/#holidays).\n",
            "de/benefits.md": "---\nlayout: page\nlang: de\ntitle: Benefits\nuntranslated: true\n---\n\n## Holidays\n\nTwenty days a year.\n",
            "nl/index.md": "---\nlayout: home\nlang: nl\ntitle: Welkom\n---\n\nBegin met [de basis](basics/).\n",
            "nl/basics.md": "---\nlayout: page\nlang: nl\ntitle: Basis\norder: 1\n---\n\n## Eerste dag\n\nVraag alles.\n",
        ], binary: ["assets/img/team.png": png])
        let report = try fixture.run()
        #expect(report.format == .jekyll)
        let site = try fixture.verify(report)
        #expect(site.editions.map(\.language.code) == ["en", "de", "nl"])
        #expect(report.pages == [.init(code: "en", pages: 5), .init(code: "de", pages: 2), .init(code: "nl", pages: 2)])
        let config = try #require(fixture.imported("handbook.yml"))
        #expect(config.contains("title: \"Team Handbook: Onboarding\""))
        #expect(config.contains("raw_html: true"))
        let basics = try #require(fixture.imported("en/basics.md"))
        #expect(basics.hasPrefix("---\ntitle: \"Basics\"\norder: 1\n---\n"))
        #expect(basics.contains("[benefits](benefits.md#holidays)"))
        #expect(basics.contains("[tools](guide/tools.md)"))
        #expect(basics.contains("![The team](../assets/img/team.png)"))
        #expect(basics.contains("<aside markdown=\"1\">\n**Tip:** ask every question twice.\n</aside>"), "left for the build to render")
        #expect(fixture.imported("en/index.md")?.contains("[holidays](benefits.md#holidays)") == true)
        #expect(fixture.imported("de/basics.md")?.contains("[Urlaub](benefits.md#holidays)") == true)
        #expect(fixture.imported("de/benefits.md") == nil, "untranslated: true is a missing translation, not a copy")
        #expect(FileManager.default.contents(atPath: fixture.content + "/assets/img/team.png") == Data(png))
        #expect(fixture.imported("en/guide/index.md") != nil && fixture.imported("en/guide/tools.md") != nil)
        let dropped = report.droppedKeys.map(\.key)
        for key in ["layout", "lang", "class", "image", "related", "untranslated"] { #expect(dropped.contains(key), "\(key)") }
        #expect(report.droppedKeys.first == .init(key: "lang", files: 10))
        #expect(report.summary.contains { $0.hasPrefix("  dropped keys: lang (10 files), layout (10)") })
        #expect(report.diagnostics.contains { $0.message.contains("untranslated") && $0.location.path.hasSuffix("de/benefits.md") })
        #expect(report.diagnostics.contains { $0.message.contains("{% include note.html") && $0.location.path.hasSuffix("guide/tools.md") && $0.location.line == 8 && $0.location.column == 14 })
        #expect(!report.diagnostics.contains { $0.location.path.hasSuffix("Gemfile") || $0.location.path.contains("_layouts") })
    }

    @Test func plainMarkdownFolderWithForgeLinksAndReadmeOrder() throws {
        let fixture = try ImportFixture([
            "README.md": "# Employee Handbook\n\nRead these, in order:\n\n- [Policies](policies/README.md)\n- [Benefits](https://github.com/acme/handbook/blob/main/benefits.md)\n- [Time off](https://github.com/acme/handbook/blob/main/policies/time-off.md#requests)\n",
            "benefits.md": "# Benefits\n\nHealth and dental. See the [policies](policies/) and [elsewhere](https://example.com/x).\n",
            "policies/README.md": "# Policies\n\n- [Time off](time-off.md)\n- [Expenses](expenses.md)\n",
            "policies/time-off.md": "# Time off\n\n## Requests\n\nAsk your lead, then [claim expenses](expenses.md). A [broken](missing.md) link.\n",
            "policies/expenses.md": "# Expenses: \"what counts\"\n\nKeep receipts ![receipt](../images/receipt.png).\n",
        ], binary: ["images/receipt.png": png, "images/unused.png": png])
        let report = try fixture.run()
        #expect(report.format == .markdown)
        let site = try fixture.verify(report)
        let home = try #require(fixture.imported("en/index.md"))
        #expect(home.hasPrefix("---\ntitle: \"Employee Handbook\"\n---\n\nRead these"), "the H1 became the title and left the body")
        #expect(home.contains("[Benefits](benefits.md)"))
        #expect(home.contains("[Time off](policies/time-off.md#requests)"))
        #expect(fixture.imported("en/policies/expenses.md")?.hasPrefix("---\ntitle: \"Expenses: \\\"what counts\\\"\"\n") == true)
        #expect(fixture.imported("en/policies/time-off.md")?.contains("A broken link.") == true)
        #expect(report.diagnostics.contains { $0.message.contains("'missing.md'") && $0.location.line == 5 && $0.location.column == 54 })
        let order = site.editions[0].readingOrder.map(\.id.path)
        #expect(order == ["index", "benefits", "policies/index", "policies/time-off", "policies/expenses"])
        #expect(FileManager.default.fileExists(atPath: fixture.content + "/assets/images/receipt.png"))
        #expect(!FileManager.default.fileExists(atPath: fixture.content + "/assets/images/unused.png"))
    }

    @Test func mkdocsWithNavAndStaticI18nFolders() throws {
        let fixture = try ImportFixture([
            "mkdocs.yml": """
                site_name: Ops Guide
                docs_dir: docs
                markdown_extensions:
                  - pymdownx.emoji:
                      emoji_index: !!python/name:material.extensions.emoji.twemoji
                plugins:
                  - search
                  - i18n:
                      docs_structure: folder
                      languages:
                        - locale: en
                          default: true
                          name: English
                        - locale: de
                          name: Deutsch
                          site_name: Betriebshandbuch
                nav:
                  - Home: index.md
                  - Getting started:
                      - setup/index.md
                      - Install: setup/install.md
                      - Advanced:
                          - Tuning: setup/tuning.md
                  - FAQ: faq.md
                  - Forge: https://example.com/repo
                """,
            "docs/en/index.md": "# Ops Guide\n\nRun the service. Start at [setup](setup/index.md).\n",
            "docs/en/setup/index.md": "---\ntitle: Setup\n---\n\nWhat you need.\n",
            "docs/en/setup/install.md": "# Install\n\nRead [why](../faq.md#why-so-slow) first. ![Diagram](../img/diagram.svg)\n",
            "docs/en/setup/tuning.md": "# Tuning\n\nTurn the knobs.\n",
            "docs/en/faq.md": "# FAQ\n\n## Why so slow?\n\nIt is not.\n",
            "docs/en/extra.md": "# Extra\n\nNot in the nav.\n",
            "docs/en/img/diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
            "docs/de/index.md": "# Betriebshandbuch\n\nStarten Sie mit dem [Einrichten](setup/index.md).\n",
            "docs/de/setup/install.md": "# Installieren\n\nLesen Sie [warum](../faq.md#why-so-slow).\n",
            "docs/de/faq.md": "# Häufige Fragen\n\n## Why so slow?\n\nIst es nicht.\n",
        ])
        let report = try fixture.run()
        #expect(report.format == .mkdocs)
        let site = try fixture.verify(report)
        let config = try #require(fixture.imported("handbook.yml"))
        #expect(config.contains("title: \"Ops Guide\"") && config.contains("title: \"Betriebshandbuch\""))
        let order = site.editions[0].readingOrder.map(\.id.path)
        #expect(order == ["index", "faq", "extra", "setup/index", "setup/install", "setup/tuning"])
        #expect(fixture.imported("en/setup/install.md")?.contains("[why](../faq.md#why-so-slow)") == true)
        #expect(fixture.imported("en/setup/install.md")?.contains("![Diagram](../../assets/en/img/diagram.svg)") == true)
        #expect(fixture.imported("de/setup/install.md")?.contains("[warum](../faq.md#why-so-slow)") == true)
        #expect(fixture.imported("de/setup/tuning.md") == nil)
        let de = try #require(site.edition("de"))
        #expect(de.byID[PageID("setup/install")]?.isFallback == false && de.byID[PageID("setup/tuning")]?.isFallback == true)
        #expect(report.diagnostics.contains { $0.message.contains("flattened") && $0.location.path.hasSuffix("tuning.md") })
        #expect(report.diagnostics.contains { $0.message.contains("not in the source's navigation") && $0.location.path.hasSuffix("extra.md") })
        #expect(report.diagnostics.contains { $0.message.contains("https://example.com/repo") })
    }

    @Test func mdBookWithPartsNestedChaptersAndDrafts() throws {
        let fixture = try ImportFixture([
            "book.toml": "[book]\ntitle = \"The Recipe Book\"\nlanguage = \"en\"\nsrc = \"src\"\n",
            "src/SUMMARY.md": """
                # Summary

                [Introduction](README.md)

                # Basics

                - [Knives](basics/knives.md)
                    - [Sharpening](basics/sharpening.md)
                        - [Whetstones](basics/whetstones.md)
                - [Heat](basics/heat.md)

                # Dishes

                - [Soups](dishes/README.md)
                  - [Tomato soup](dishes/tomato.md)
                - [Draft]()

                ---

                [Appendix](appendix.md)
                """,
            "src/README.md": "# Introduction\n\nWelcome. Start with [knives](basics/knives.md).\n",
            "src/basics/knives.md": "# Knives\n\n{{#include ../snippets/knife.txt}}\n\nSee [heat](heat.md#high-heat).\n",
            "src/basics/sharpening.md": "# Sharpening\n\nUse a [whetstone](./whetstones.md).\n",
            "src/basics/whetstones.md": "# Whetstones\n\nSoak them.\n",
            "src/basics/heat.md": "# Heat\n\n## High heat\n\nSear.\n",
            "src/dishes/README.md": "# Soups\n\nWarm.\n",
            "src/dishes/tomato.md": "# Tomato soup\n\nTomatoes. Back to [soups](README.md).\n",
            "src/appendix.md": "# Appendix\n\nMore.\n",
        ])
        let report = try fixture.run()
        #expect(report.format == .mdbook)
        let site = try fixture.verify(report)
        let order = site.editions[0].readingOrder.map(\.id.path)
        #expect(order == ["index", "appendix", "basics/index", "basics/knives", "basics/sharpening", "basics/whetstones",
                          "basics/heat", "dishes/index", "dishes/dishes", "dishes/tomato"])
        #expect(fixture.imported("en/basics/index.md")?.contains("title: \"Basics\"") == true, "created for the part")
        #expect(report.created.contains(fixture.content + "/en/basics/index.md"))
        #expect(fixture.imported("en/basics/knives.md")?.contains("[heat](heat.md#high-heat)") == true)
        #expect(fixture.imported("en/dishes/tomato.md")?.contains("[soups](dishes.md)") == true)
        #expect(report.diagnostics.contains { $0.message.contains("draft chapter 'Draft'") })
        #expect(report.diagnostics.contains { $0.message.contains("{{#include") && $0.location.line == 3 })
        #expect(fixture.imported("handbook.yml")?.contains("title: \"The Recipe Book\"") == true)
    }

    @Test func hugoWithWeightsSuffixesBundlesAndRefs() throws {
        let fixture = try ImportFixture([
            "hugo.toml": """
                baseURL = "https://example.org/"
                title = "Field Manual"
                defaultContentLanguage = "en"
                [languages.en]
                weight = 1
                [languages.de]
                weight = 2
                title = "Feldhandbuch"
                languageName = "Deutsch"
                """,
            "content/_index.md": "+++\ntitle = \"Field Manual\"\n+++\n\nStay safe. Read [first aid]({{< ref \"safety/first-aid.md\" >}}).\n",
            "content/_index.de.md": "+++\ntitle = \"Feldhandbuch\"\n+++\n\nBleiben Sie sicher.\n",
            "content/safety/_index.md": "---\ntitle: Safety\nweight: 2\n---\n\nBefore you go.\n",
            "content/safety/gear.md": "---\ntitle: Gear\nweight: 2\ntags: [kit]\n---\n\n## Helmets\n\nWear one. ![Logo](/images/logo.png)\n",
            "content/safety/gear.de.md": "---\ntitle: Ausrüstung\nweight: 2\n---\n\n## Helme\n\nTragen Sie einen.\n",
            "content/safety/first-aid.md": "---\ntitle: First aid\nweight: 1\n---\n\nSee [helmets]({{< relref \"gear.md#helmets\" >}}). {{< figure src=\"x.png\" >}}\n",
            "content/routes/_index.md": "---\ntitle: Routes\nweight: 1\n---\n\nWhere to go.\n",
            "content/routes/north/index.md": "---\ntitle: North route\n---\n\nCold. [Map](map.png)\n",
            "content/later.md": "---\ntitle: Later\ndraft: true\n---\n\nNot yet.\n",
        ], binary: ["content/routes/north/map.png": png, "static/images/logo.png": png])
        let report = try fixture.run()
        #expect(report.format == .hugo)
        let site = try fixture.verify(report)
        let order = site.editions[0].readingOrder.map(\.id.path)
        #expect(order == ["index", "routes/index", "routes/north", "safety/index", "safety/first-aid", "safety/gear"])
        let de = try #require(site.edition("de"))
        #expect(de.byID[PageID("safety/gear")]?.isFallback == false && de.byID[PageID("safety/gear")]?.page.frontMatter.title == "Ausrüstung")
        #expect(fixture.imported("en/safety/first-aid.md")?.contains("[helmets](gear.md#helmets)") == true)
        #expect(fixture.imported("en/index.md")?.contains("[first aid](safety/first-aid.md)") == true)
        #expect(fixture.imported("en/routes/north.md")?.contains("[Map](../../assets/content/routes/north/map.png)") == true
                || fixture.imported("en/routes/north.md")?.contains("[Map](../../assets/routes/north/map.png)") == true)
        #expect(fixture.imported("en/safety/gear.md")?.contains("![Logo](../../assets/images/logo.png)") == true)
        #expect(fixture.imported("handbook.yml")?.contains("name: \"Deutsch\"") == true)
        #expect(report.diagnostics.contains { $0.message.contains("draft") && $0.location.path.hasSuffix("later.md") })
        #expect(report.diagnostics.contains { $0.message.contains("{{< figure") })
        #expect(report.droppedKeys.contains(.init(key: "weight", files: 5)))
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let fixture = try ImportFixture(["README.md": "# Hi\n\nText.\n"])
        try FileManager.default.createDirectory(atPath: fixture.content, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: fixture.content + "/keep.txt"))
        #expect(throws: Importer.Failed.self) { try fixture.run() }
        #expect(FileManager.default.fileExists(atPath: fixture.content + "/keep.txt"))
        #expect(!FileManager.default.fileExists(atPath: fixture.content + "/handbook.yml"))
    }

    @Test func guessesTheFormatFromTheFilesEachToolNeeds() throws {
        let cases: [(String, ImportFormat)] = [("_config.yml", .jekyll), ("mkdocs.yml", .mkdocs), ("book.toml", .mdbook),
                                               ("src/SUMMARY.md", .mdbook), ("hugo.toml", .hugo), ("notes.md", .markdown)]
        for (file, format) in cases {
            var files = [file: "x = 1\n"]
            if format == .hugo { files["content/_index.md"] = "# Home\n" }
            let fixture = try ImportFixture(files)
            #expect(ImportFormat.guess(fixture.source, fileSystem: LocalFileSystem()) == format, "\(file)")
        }
        let config = try ImportFixture(["config.toml": "title = \"x\"\n"])
        #expect(ImportFormat.guess(config.source, fileSystem: LocalFileSystem()) == .markdown, "config.toml alone is no Hugo site")
    }
}
