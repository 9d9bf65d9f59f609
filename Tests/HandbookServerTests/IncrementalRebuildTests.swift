import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServer

/// `serve` rebuilds from the watcher's changed paths; whatever shortcut it
/// takes, the site must be the one a full build makes, and mistakes must
/// still fail the build.
@Suite(.serialized) struct IncrementalRebuildTests {
    static let files = [
        "handbook.yml": "languages:\n  - code: en\n    title: Preview\n  - code: de\n    title: Vorschau\n",
        "en/index.md": "---\ntitle: Home\n---\n\nSee [the guide](guide/index.md#first) and [a page](guide/page.md).\n",
        "en/guide/index.md": "---\ntitle: Guide\n---\n\n## First\n\nText.\n",
        "en/guide/page.md": "---\ntitle: Page\norder: 1\n---\n\nBody.\n",
        "en/guide/other.md": "---\ntitle: Other\norder: 2\n---\n\nMore.\n",
        "de/index.md": "---\ntitle: Start\n---\n\nHallo.\n",
        "assets/note.txt": "plain",
    ]

    /// Every output of a plan, made.
    func made(_ plan: Builder.Plan) throws -> [String: [UInt8]] {
        try Dictionary(plan.outputs.map { ($0.path, try $0.make()) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aRebuildFromChangedPathsMakesTheSiteAFullBuildMakes() throws {
        let preview = try Fixture(files: Self.files)
        var session = PreviewSession(builder: Builder(content: preview.content, output: preview.root + "/Output"))
        _ = try session.plan()
        let edits: [(String, String)] = [
            ("en/guide/page.md", "---\ntitle: Page\norder: 1\n---\n\nNew body.\n"),              // prose only
            ("en/guide/page.md", "---\ntitle: Renamed\norder: 1\n---\n\nNew body.\n"),            // a title others show
            ("en/guide/page.md", "---\ntitle: Renamed\norder: 3\n---\n\nNew body.\n"),            // a new place
            ("en/guide/index.md", "---\ntitle: Guide\n---\n\n## First\n\n## Second\n\nText.\n"),  // a new anchor
            ("en/index.md", "---\ntitle: Home\n---\n\nOnly [a page](guide/page.md).\n"),         // a link fewer
            ("assets/note.txt", "changed"),
        ]
        for (path, text) in edits {
            try preview.edit(path, text)
            let incremental = try session.plan(changed: [preview.content + "/" + path])
            let full = try Builder(content: preview.content, output: preview.root + "/Output").plan()
            #expect(try made(incremental) == made(full), "after editing \(path)")
            #expect(incremental.warnings.map(\.description).sorted() == full.warnings.map(\.description).sorted())
        }
    }

    /// Whether a translation is outdated depends on another file, its original:
    /// a save of the original alone (prose only, so the last assembly is patched)
    /// must add the notice to the translation, and recording the translation as
    /// current must take it away again.
    @Test func theOutdatedNoticeFollowsTheOriginalThroughPatchedRebuilds() throws {
        let preview = try Fixture(files: Self.files)
        var session = PreviewSession(builder: Builder(content: preview.content, output: preview.root + "/Output"))
        let notice = "class=\"outdated-notice\""
        func page(_ plan: Builder.Plan) throws -> String {
            String(decoding: try #require(plan.outputs.first { $0.path == "de/index.html" }).make(), as: UTF8.self)
        }
        func booklet(_ plan: Builder.Plan) throws -> String {
            String(decoding: try #require(plan.outputs.first { $0.path == "de/print.html" }).make(), as: UTF8.self)
        }
        let site = try session.plan().site
        _ = try SourceRecord.markCurrent(["de/index"], site: site, fileSystem: LocalFileSystem())
        var plan = try session.plan(changed: [preview.content + "/de/index.md"])
        #expect(try !page(plan).contains(notice))

        try preview.edit("en/index.md", "---\ntitle: Home\n---\n\nSee [the guide](guide/index.md#first) and [a page](guide/page.md). Changed.\n")
        plan = try session.plan(changed: [preview.content + "/en/index.md"])
        #expect(try page(plan).contains(notice), "the original changed")
        #expect(try booklet(plan).contains(notice))
        #expect(try made(plan) == made(try Builder(content: preview.content, output: preview.root + "/Output").plan()))

        _ = try SourceRecord.markCurrent(["de/index"], site: plan.site, fileSystem: LocalFileSystem())
        plan = try session.plan(changed: [preview.content + "/de/index.md"])
        #expect(try !page(plan).contains(notice), "marked current")
        #expect(try !booklet(plan).contains(notice))
        #expect(try made(plan) == made(try Builder(content: preview.content, output: preview.root + "/Output").plan()))
    }

    @Test func editsThatBreakLinksFailWithoutAFullLoad() throws {
        let preview = try Fixture(files: Self.files)
        var session = PreviewSession(builder: Builder(content: preview.content, output: preview.root + "/Output"))
        _ = try session.plan()
        func failure(_ path: String, _ text: String) throws -> [String] {
            try preview.edit(path, text)
            do {
                _ = try session.plan(changed: [preview.content + "/" + path])
                return []
            } catch {
                return error.diagnostics.filter { $0.severity == .error }.map(\.message)
            }
        }
        // The anchor another page links to is gone.
        #expect(try failure("en/guide/index.md", "---\ntitle: Guide\n---\n\nText.\n").contains { $0.contains("points to '#first'") })
        try preview.edit("en/guide/index.md", Self.files["en/guide/index.md"]!)
        _ = try session.plan(changed: [preview.content + "/en/guide/index.md"])
        // A new link to nowhere.
        #expect(try failure("en/guide/other.md", "---\ntitle: Other\n---\n\n[x](missing.md)\n").contains { $0.contains("missing.md") })
        try preview.edit("en/guide/other.md", Self.files["en/guide/other.md"]!)
        _ = try session.plan(changed: [preview.content + "/en/guide/other.md"])
        // A page linked to is deleted: not a known file any more, so a full plan.
        try FileManager.default.removeItem(atPath: preview.content + "/en/guide/page.md")
        #expect(throws: BuildFailed.self) { try session.plan(changed: [preview.content + "/en/guide/page.md"]) }
    }

    /// An interface string changed in `handbook.yml` (a callout's label) shows
    /// on pages whose parse is kept from before.
    @Test func aStringChangedInHandbookYmlReachesKeptPages() throws {
        func config(_ tip: String) -> String {
            "languages:\n  - code: en\n    title: Handbook\n    strings:\n      callout_tip: \(tip)\n"
        }
        let preview = try Fixture(files: ["handbook.yml": config("Hint <b>"),
                                          "en/index.md": "---\ntitle: Home\n---\n\n> [!TIP]\n> Text.\n"])
        var session = PreviewSession(builder: Builder(content: preview.content, output: preview.root + "/Output"))
        func home(_ plan: Builder.Plan) throws -> String {
            String(decoding: try #require(plan.outputs.first { $0.path == "en/index.html" }).make(), as: UTF8.self)
        }
        #expect(try home(session.plan()).contains("<p class=\"callout-title\">Hint &lt;b&gt;</p>"))
        try preview.edit("handbook.yml", config("Good to know"))
        #expect(try home(session.plan(changed: [preview.content + "/handbook.yml"])).contains("<p class=\"callout-title\">Good to know</p>"))
    }

    /// A parse that guessed a link (`/guide/later`, `later/`) is reused only while
    /// its guesses hold: a page appearing or going re-parses the pages that
    /// guessed about it, and no others.
    @Test func guessedLinksFollowFilesAppearingAndGoing() throws {
        var files = Self.files
        files["en/guide/other.md"] = "---\ntitle: Other\norder: 2\n---\n\nSee [later](/guide/later) and [the page](page.md).\n"
        let preview = try Fixture(files: files)
        var session = PreviewSession(builder: Builder(content: preview.content, output: preview.root + "/Output"))
        func errors(_ path: String) -> [String] {
            do {
                _ = try session.plan(changed: [preview.content + "/" + path])
                return []
            } catch {
                return error.diagnostics.filter { $0.severity == .error }.map(\.message)
            }
        }
        #expect(throws: BuildFailed.self) { try session.plan() }
        // The page it guessed at appears: a new file, so a full load, and the guess is made again.
        try preview.edit("en/guide/later.md", "---\ntitle: Later\norder: 3\n---\n\nText.\n")
        #expect(errors("en/guide/later.md") == [])
        let built = try session.plan(changed: [])
        let other = try made(built)["en/guide/other.html"].map { String(decoding: $0, as: UTF8.self) }
        #expect(other?.contains("<a href=\"later.html\">later</a>") == true)
        let full = try Builder(content: preview.content, output: preview.root + "/Output").plan()
        #expect(try made(built) == made(full))
        // It goes again: the guess no longer holds, and the link is an error once more.
        try FileManager.default.removeItem(atPath: preview.content + "/en/guide/later.md")
        #expect(errors("en/guide/later.md") == ["link '/guide/later' points to a page that does not exist (en/guide/later.md)"])
    }

    @Test func aCachedParseIsReusedWhileItsGuessesHoldAndOnlyThen() throws {
        let source = SourceFile(language: "en", id: PageID("guide/page"), path: "Content/en/guide/page.md")
        let bytes = Array("---\ntitle: Page\n---\n\n[later](later) [other](other.md)\n".utf8)
        let before = ContentIndex(pages: ["en/index.md", "en/guide/page.md", "en/guide/later.md"], files: [], defaultLanguage: "en")
        let parser = PageParser(languages: ["en"], rawHTML: false, content: before)
        let result = parser.parse(source, bytes: bytes)
        let guesses = try #require(result.0?.linkGuesses.answers)
        // `later` is a file of that name, else the folder's index, else `later.md`; `other.md` needs no guess.
        #expect(guesses == [.file("en/guide/later"): false, .page("en/guide/later/index.md"): false,
                            .page("en/guide/later/README.md"): false, .page("en/guide/later.md"): true])
        var cache = ParseCache()
        let settings = Builder.ParseSettings(rawHTML: false, languages: ["en"], ignoredKeys: [])
        cache.store(result, for: source.path, bytes: bytes, settings: settings, content: before)
        // Another page, a file or an image added elsewhere changes none of its answers.
        let unrelated = ContentIndex(pages: before.pages.union(["en/guide/new.md"]), files: ["assets/logo.png"], defaultLanguage: "en")
        #expect(cache.result(for: source.path, bytes: bytes, settings: settings, content: unrelated) != nil)
        // A folder `later/` with an index would now be what `later` means.
        let folder = ContentIndex(pages: before.pages.union(["en/guide/later/index.md"]), files: [], defaultLanguage: "en")
        #expect(cache.result(for: source.path, bytes: bytes, settings: settings, content: folder) == nil)
        let gone = ContentIndex(pages: ["en/index.md", "en/guide/page.md"], files: [], defaultLanguage: "en")
        #expect(cache.result(for: source.path, bytes: bytes, settings: settings, content: gone) == nil)
        // A failed parse records no guesses: it is reused only on the same paths.
        let failed = parser.parse(source, bytes: Array("---\ntitle: P\n---\n\n[x](nowhere)\n".utf8))
        #expect(failed.0 == nil)
        cache.store(failed, for: "failed.md", bytes: [1], settings: settings, content: before)
        #expect(cache.result(for: "failed.md", bytes: [1], settings: settings, content: before) != nil)
        #expect(cache.result(for: "failed.md", bytes: [1], settings: settings, content: unrelated) == nil)
    }
}

// With the other served tests: their clients block threads, so they take turns.
extension PreviewServerTests {
    @Test func servedSiteFollowsDeletesRenamesConfigAndTheme() async throws {
        let preview = try await RunningPreview(files: IncrementalRebuildTests.files)
        let socket = try RawClient.Socket(client: preview.client, path: "/__handbook/events")
        #expect(try decode(socket.next()).generation == 1)

        // A page linked to is deleted: the link is an error, the last good site stays.
        let page = preview.content + "/en/guide/page.md"
        try FileManager.default.removeItem(atPath: page)
        let broken = try decode(socket.next())
        #expect(broken.failed && broken.diagnostics.contains { $0.contains("guide/page.md") && $0.contains("does not exist") })
        #expect(try preview.client.request("/en/guide/page.html").text.contains("Body."), "last good version")

        // Saved again the way some editors save: a new file renamed over the name.
        try RunningPreview.write(preview.content + "/en/guide/.page.md.tmp", "---\ntitle: Page\norder: 1\n---\n\nBack.\n")
        #expect(rename(preview.content + "/en/guide/.page.md.tmp", page) == 0)
        #expect(try decode(socket.next()).generation == 2)
        #expect(try preview.client.request("/en/guide/page.html").text.contains("<p>Back.</p>"))

        // A new page.
        try preview.edit("en/guide/added.md", "---\ntitle: Added\n---\n\nNew.\n")
        #expect(try decode(socket.next()).generation == 3)
        #expect(try preview.client.request("/en/guide/added.html").status == 200)

        // handbook.yml.
        try preview.edit("handbook.yml", "languages:\n  - code: en\n    title: Renamed Preview\n  - code: de\n    title: Vorschau\n")
        #expect(try decode(socket.next()).generation == 4)
        #expect(try preview.client.request("/en/guide/page.html").text.contains("Renamed Preview"))

        // A theme override, added and then edited.
        try preview.edit("theme/style.css", "body { color: red; }")
        #expect(try decode(socket.next()).generation == 5)
        try preview.edit("theme/style.css", "body { color: blue; }")
        #expect(try decode(socket.next()).generation == 6)
        #expect(try preview.client.request("/theme/style.css").text == "body { color: blue; }")
    }}

/// A content folder on disk, without a server.
final class Fixture: @unchecked Sendable {
    let root: String
    let content: String

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-incremental-\(UUID().uuidString)").path
        content = root + "/Content"
        for (path, text) in files { try RunningPreview.write(content + "/" + path, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func edit(_ path: String, _ text: String) throws { try RunningPreview.write(content + "/" + path, text) }
}
