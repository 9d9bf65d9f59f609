import Foundation
import Testing
@testable import HandbookKit

/// `handbook init`: the starter handbook builds and checks without a word in
/// every built-in language and mix of them, it never writes into a folder
/// that holds anything, and the editor schemas agree with the loaders.
@Suite struct InitTests {
    /// A temporary project folder, removed afterwards.
    final class Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-init-\(UUID().uuidString)").path
        var content: String { root + "/Content" }
        init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }
        func text(_ path: String) -> String? { try? String(contentsOfFile: root + "/" + path, encoding: .utf8) }
        var builder: Builder { Builder(content: content, output: root + "/Output", projectRoot: root) }
    }

    static let languageSets: [[String]] = [["en"], ["de"], ["nl"], ["pt"], ["en", "de", "nl", "pt"], ["pt", "nl", "de", "en"], ["de", "en"]]

    @Test(arguments: languageSets)
    func buildsAndChecksWithoutADiagnostic(_ languages: [String]) throws {
        let project = try Project()
        let report = try Scaffold(folder: project.content, languages: languages).run()
        #expect(report.notes == [project.root + "/.gitignore keeps the built site (Output/) out of git"])
        let built = try project.builder.build()
        #expect(built.warnings.map(\.description) == [])
        let check = Checker(builder: project.builder).run()
        #expect(check.diagnostics.map(\.description) == [])
        let site = try #require(check.site)
        #expect(site.editions.map(\.language.code) == languages)
        // Every language has all three pages, translated (not fallbacks) and recorded current.
        for row in TranslationTable(site: site).rows {
            #expect(row.statuses == [.original] + Array(repeating: .current, count: languages.count - 1), "\(row.id)")
        }
        for edition in site.editions {
            #expect(edition.readingOrder.map(\.id.path) == ["index", "basics/index", "basics/unknown-answer"])
            let page = try #require(edition.byID[PageID("basics/unknown-answer")]?.page)
            #expect(page.comparisons.count == 1 && page.scripts.count == 1, "\(edition.language.code)")
            #expect(page.scripts[0].placeholders.count == 4)
            let html = try #require(project.text("Output/\(edition.language.code)/basics/unknown-answer.html"))
            #expect(html.contains("callout callout-tip"))
            #expect(html.contains("<html lang=\"\(edition.language.locale)\""))
        }
        #expect(project.text("Content/handbook.yml")?.hasPrefix("# yaml-language-server: $schema=handbook.schema.json\n") == true)
        #expect(project.text("Content/handbook.schema.json") == HandbookSchema.config().formatted())
        #expect(project.text(".gitignore")?.contains("\n/Output/\n") == true)
        #expect(project.text("Content/README.md")?.contains("handbook serve\n") == true)
    }

    /// Each built-in language's starter text is its own, not the English one copied.
    @Test func everyLanguageHasItsOwnWords() throws {
        let texts = ["en", "de", "nl", "pt"].map { try! #require(StarterText.builtin(for: $0)) }
        for field in [\StarterText.siteTitle, \.homeTitle, \.homeBody, \.sectionTitle, \.pageTitle, \.pageBody] {
            #expect(Set(texts.map { $0[keyPath: field] }).count == 4)
        }
    }

    @Test func refusesAFolderThatHoldsAnything() throws {
        let project = try Project()
        try FileManager.default.createDirectory(atPath: project.content, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: project.content + "/.keep"))
        #expect(throws: Scaffold.Refusal.self) { try Scaffold(folder: project.content).run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.content) == [".keep"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root) == ["Content"], "no .gitignore either")

        try Data().write(to: URL(fileURLWithPath: project.root + "/file"))
        #expect(throws: Scaffold.Refusal.self) { try Scaffold(folder: project.root + "/file").run() }
    }

    @Test func writesIntoAnEmptyFolderAndExtendsAnExistingGitignore() throws {
        let project = try Project()
        try FileManager.default.createDirectory(atPath: project.content, withIntermediateDirectories: true)
        try "node_modules/".write(toFile: project.root + "/.gitignore", atomically: true, encoding: .utf8)
        _ = try Scaffold(folder: project.content).run()
        #expect(project.text(".gitignore") == "node_modules/\n/Output/\n")
        // A second handbook beside it leaves a .gitignore that already ignores Output/ alone.
        let second = try Scaffold(folder: project.root + "/Other").run()
        #expect(project.text(".gitignore") == "node_modules/\n/Output/\n")
        #expect(!second.written.contains { $0.hasSuffix(".gitignore") })
    }

    @Test func refusesLanguagesTheLoaderWouldRefuseAndWritesNothing() throws {
        let project = try Project()
        for languages in [["en", "en"], ["en", "assets"], ["pt br"], [""]] {
            #expect(throws: Scaffold.Refusal.self, "\(languages)") {
                try Scaffold(folder: project.content, languages: languages).run()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: project.content))
        #expect(throws: Scaffold.Refusal.self) { try Scaffold(folder: project.content, title: " ").run() }
    }

    /// A language without starter text starts empty: its pages are missing
    /// translations, which the build reports, as it does for any handbook.
    @Test func aLanguageWithoutStarterTextStartsAsMissingTranslations() throws {
        let project = try Project()
        // Finnish: neither starter text nor interface strings ship for it.
        let report = try Scaffold(folder: project.content, languages: ["en", "fi"], title: "Team: \"Handbook\"").run()
        #expect(report.notes.contains { $0.hasPrefix("no starter text in 'fi'") })
        #expect(FileManager.default.fileExists(atPath: project.content + "/fi/.gitkeep"))
        let warnings = try project.builder.build().warnings.map(\.message)
        #expect(warnings.filter { $0.hasPrefix("no fi translation") }.count == 3)
        #expect(warnings.contains { $0.hasPrefix("no built-in interface strings for 'fi'") })
        #expect(warnings.count == 4)
        let site = try project.builder.render().site
        #expect(site.editions.map(\.language.title) == ["Team: \"Handbook\"", "Team: \"Handbook\""])
    }

    /// The authors' README at the top of the content folder is theirs: no warning.
    /// Any other stray file there still gets one.
    @Test func topLevelReadmeIsAcceptedSilently() throws {
        var files = Fixture.minimal
        files["README.md"] = "# For authors\n"
        files[HandbookSchema.configFileName] = "{}\n"
        let fixture = try Fixture(files)
        #expect(fixture.build().diagnostics.map(\.description) == [])
        try fixture.write("notes.txt", "x")
        try fixture.write("readme.txt", "x")
        let warnings = fixture.build().diagnostics
        #expect(warnings.map(\.location.path).sorted() == [fixture.content + "/notes.txt", fixture.content + "/readme.txt"])
    }
}

/// The JSON Schemas printed by `handbook schema` against the loaders.
@Suite struct SchemaTests {
    /// The keys come from the loaders' own lists.
    @Test func schemasListTheLoadersKeys() throws {
        func keys(_ value: JSONValue?) -> [String] {
            guard case let .object(pairs)? = value else { return [] }
            return pairs.map(\.key)
        }
        let config = HandbookSchema.config()
        #expect(keys(config["properties"]) == SiteConfigLoader.keys)
        let language = config["$defs"]?["language"]
        #expect(keys(language?["properties"]) == SiteConfigLoader.languageKeys)
        #expect(keys(language?["properties"]?["strings"]?["properties"]) == InterfaceStrings.keys)
        #expect(keys(HandbookSchema.page()["properties"]) == FrontMatterParser.keys)
        #expect(keys(HandbookSchema.page(ignoredKeys: ["layout", "titel"])["properties"]) == FrontMatterParser.keys + ["layout"],
                "a listed key within a typo's distance stays refused, as in the loader")
        #expect(config["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        // The printed schema is JSON.
        #expect(try JSONSerialization.jsonObject(with: Data(config.formatted().utf8)) is [String: Any])
        #expect(try JSONSerialization.jsonObject(with: Data(HandbookSchema.page().formatted().utf8)) is [String: Any])
    }

    static func loaderAccepts(config text: String) -> Bool {
        (try? SiteConfigLoader.load(text: text, path: "handbook.yml")) != nil
    }

    static func schemaProblems(config text: String) throws -> [String] {
        let instance = try #require(try YAMLInstance.parse(text))
        return SchemaCheck(root: HandbookSchema.config()).problems(instance)
    }

    /// The YAML between a page's `---` lines, if it has front matter.
    static func frontMatter(_ page: String) -> String? {
        let lines = page.components(separatedBy: "\n")
        guard lines.first?.trimmingWhitespace() == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace() == "---" }) else { return nil }
        return lines[1..<close].joined(separator: "\n")
    }

    static func loaderAccepts(page text: String, ignoring: Set<String> = []) -> Bool {
        guard let result = try? FrontMatterParser.parse(text, path: "page.md", ignoredKeys: ignoring) else { return false }
        return !result.diagnostics.hasErrors
    }

    static func schemaProblems(page text: String, ignoring: Set<String> = []) throws -> [String] {
        guard let yaml = frontMatter(text), let instance = try YAMLInstance.parse(yaml) else { return [] }
        return SchemaCheck(root: HandbookSchema.page(ignoredKeys: ignoring)).problems(instance)
    }

    /// Every handbook.yml and page the project ships or tests with: the shipped
    /// handbook, the README's example, the fixtures, and every starter handbook.
    static func corpus() throws -> (configs: [(String, String)], pages: [(String, String, Set<String>)]) {
        var configs: [(String, String)] = []
        var pages: [(String, String, Set<String>)] = []
        func add(_ files: [String: String], _ name: String) {
            let config = files["handbook.yml"] ?? Fixture.config
            configs.append((name + "/handbook.yml", config))
            let ignored = (try? SiteConfigLoader.load(text: config, path: "handbook.yml").0.ignoredKeys) ?? []
            for (path, text) in files where path.hasSuffix(".md") && path != "README.md" { pages.append((name + "/" + path, text, ignored)) }
        }
        let root = Paths.packageRoot
        var shipped: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root + "/Content")
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") || path == "handbook.yml" {
                shipped[path] = try String(contentsOfFile: root + "/Content/" + path, encoding: .utf8)
            }
        }
        #expect(shipped.count > 20)
        add(shipped, "Content")
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "### handbook.yml\n\n```yaml\n"))
        let end = try #require(readme[section.upperBound...].range(of: "```\n"))
        configs.append(("README.md", String(readme[section.upperBound..<end.lowerBound])))
        add(Fixture.minimal, "Fixture.minimal")
        add(ReaderToolsTests.files, "ReaderToolsTests")
        add(CalloutTests.fourLanguageFiles(), "CalloutTests")
        for languages in InitTests.languageSets {
            let (files, _) = try Scaffold(folder: "Content", languages: languages).plan()
            add(Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }), "init \(languages)")
        }
        return (configs, pages)
    }

    @Test func everyShippedAndFixtureFileIsValidForTheLoaderAndTheSchema() throws {
        let (configs, pages) = try Self.corpus()
        #expect(pages.count > 100)
        for (name, text) in configs {
            #expect(Self.loaderAccepts(config: text), "\(name)")
            #expect(try Self.schemaProblems(config: text) == [], "\(name)")
        }
        for (name, text, ignored) in pages {
            #expect(Self.loaderAccepts(page: text, ignoring: ignored), "\(name)")
            #expect(try Self.schemaProblems(page: text, ignoring: ignored) == [], "\(name)")
        }
    }

    /// Near misses: the loader and the schema say yes or no together.
    @Test(arguments: [
        ("languages:\n  - code: en\n    title: T\n", true),
        ("languages:\n  - code: en\n    title: 2024\n", true),
        ("languages:\n  - code: pt\n    locale: pt-BR\n    name: Português\n    title: T\n    strings:\n      next: Seguinte\n", true),
        ("languages:\n  - code: en\n    title: T\nraw_html: true\nbase_url: https://example.com/h\nignore_keys: [layout]\n", true),
        ("languagess:\n  - code: en\n    title: T\n", false),
        ("languages:\n  - code: en\n", false),
        ("languages:\n  - title: T\n", false),
        ("languages: []\n", false),
        ("languages:\n  - code: assets\n    title: T\n", false),
        ("languages:\n  - code: pt br\n    title: T\n", false),
        ("languages:\n  - code: pt\n    locale: pt_BR\n    title: T\n", false),
        ("languages:\n  - code: en\n    title: T\n    strings:\n      nxt: Next\n", false),
        ("languages:\n  - code: en\n    title: T\n    strings: [next]\n", false),
        ("languages:\n  - code: en\n    title: T\n    colour: red\n", false),
        ("languages:\n  - code: en\n    title: T\nbase_url: ftp://example.com/\n", false),
        ("languages:\n  - code: en\n    title: T\nraw_html: maybe\n", false),
        ("languages:\n  - code: en\n    title: [T]\n", false),
    ])
    func configNearMissesAgree(_ text: String, _ valid: Bool) throws {
        #expect(Self.loaderAccepts(config: text) == valid)
        #expect(try Self.schemaProblems(config: text).isEmpty == valid)
    }

    @Test(arguments: [
        ("# Title only\n", true),
        ("---\ntitle: A page\ndescription: One line\norder: 3\nsource: 65d488e5ae96\n---\n", true),
        ("---\norder: \"3\"\n---\n# T\n", true),
        ("---\norder: -1\n---\n# T\n", true),
        ("---\ntitle: 2024\n---\n", true),
        ("---\ntitel: A page\n---\n", false),
        ("---\ntitle: A page\nlayout: post\n---\n", false),
        ("---\norder: first\n---\n# T\n", false),
        ("---\norder: 1.5\n---\n# T\n", false),
        ("---\ntitle: \"  \"\n---\n", false),
        ("---\ndescription: [a, b]\n---\n# T\n", false),
        ("---\n- title\n---\n", false),
    ])
    func pageNearMissesAgree(_ text: String, _ valid: Bool) throws {
        #expect(Self.loaderAccepts(page: text) == valid)
        #expect(try Self.schemaProblems(page: text).isEmpty == valid)
    }

    @Test func ignoredKeysAreAcceptedByBoth() throws {
        let page = "---\ntitle: A page\nlayout: post\n---\n"
        #expect(Self.loaderAccepts(page: page, ignoring: ["layout"]))
        #expect(try Self.schemaProblems(page: page, ignoring: ["layout"]) == [])
    }
}

/// The new commands as a user runs them.
@Suite struct InitCommandTests {
    @Test func initVersionAndSchemaFromTheCommandLine() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandTests.binary), "build the package first")
        let command = CommandTests()
        let version = try command.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil)
        #expect(try command.run(["schema", "config"]).stdout == HandbookSchema.config().formatted())
        #expect(try command.run(["schema", "page"]).stdout == HandbookSchema.page().formatted())

        let project = try InitTests.Project()
        let created = try command.run(["init", project.content, "--languages", "nl,pt"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Started a handbook in \(project.content)/"))
        let check = try command.run(["check", "--content", project.content])
        #expect(check.stdout == "Checked 6 pages in 2 languages: 0 errors, 0 warnings.\n")
        let again = try command.run(["init", project.content])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: \(project.content)/ is not empty"))
    }
}
