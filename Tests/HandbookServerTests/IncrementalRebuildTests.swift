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
        var builder = Builder(content: preview.content, output: preview.root + "/Output")
        builder.cache = PageCache()
        _ = try builder.plan()
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
            let incremental = try builder.plan(changed: [preview.content + "/" + path])
            let full = try Builder(content: preview.content, output: preview.root + "/Output").plan()
            #expect(try made(incremental) == made(full), "after editing \(path)")
            #expect(incremental.warnings.map(\.description).sorted() == full.warnings.map(\.description).sorted())
        }
    }

    @Test func editsThatBreakLinksFailWithoutAFullLoad() throws {
        let preview = try Fixture(files: Self.files)
        var builder = Builder(content: preview.content, output: preview.root + "/Output")
        builder.cache = PageCache()
        _ = try builder.plan()
        func failure(_ path: String, _ text: String) -> [String] {
            try? preview.edit(path, text)
            do {
                _ = try builder.plan(changed: [preview.content + "/" + path])
                return []
            } catch {
                return error.diagnostics.filter { $0.severity == .error }.map(\.message)
            }
        }
        // The anchor another page links to is gone.
        #expect(failure("en/guide/index.md", "---\ntitle: Guide\n---\n\nText.\n").contains { $0.contains("points to '#first'") })
        try preview.edit("en/guide/index.md", Self.files["en/guide/index.md"]!)
        _ = try builder.plan(changed: [preview.content + "/en/guide/index.md"])
        // A new link to nowhere.
        #expect(failure("en/guide/other.md", "---\ntitle: Other\n---\n\n[x](missing.md)\n").contains { $0.contains("missing.md") })
        try preview.edit("en/guide/other.md", Self.files["en/guide/other.md"]!)
        _ = try builder.plan(changed: [preview.content + "/en/guide/other.md"])
        // A page linked to is deleted: not a known file any more, so a full plan.
        try FileManager.default.removeItem(atPath: preview.content + "/en/guide/page.md")
        #expect(throws: BuildFailed.self) { try builder.plan(changed: [preview.content + "/en/guide/page.md"]) }
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
