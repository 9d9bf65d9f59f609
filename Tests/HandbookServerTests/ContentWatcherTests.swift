import Foundation
import Testing
@testable import HandbookServer

/// A watcher running on a temporary folder, collecting what it reports.
final class WatchedFolder: @unchecked Sendable {
    let root: String
    let watcher: ContentWatcher
    private let lock = NSLock()
    private var reports: [Set<String>] = []
    private var task: Task<Void, Never>?

    init(useInotify: Bool) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-watch-\(UUID().uuidString)").path
        try RunningPreview.write(root + "/en/index.md", "home")
        try RunningPreview.write(root + "/en/guide/page.md", "page")
        watcher = ContentWatcher(root: root, useInotify: useInotify, interval: .milliseconds(20))
        task = Task { [watcher, self] in
            await watcher.run { changed in self.lock.withLock { self.reports.append(changed) } }
        }
    }

    deinit {
        task?.cancel()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Every path reported once `path` has been (or after 5 seconds).
    func changes(until path: String) async -> Set<String> {
        for _ in 0..<500 {
            let seen = lock.withLock { reports.reduce(into: Set<String>()) { $0.formUnion($1) } }
            if seen.contains(root + "/" + path) {
                lock.withLock { reports = [] }
                return seen
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return []
    }
}

@Suite(.serialized) struct ContentWatcherTests {
    @Test(arguments: [true, false])
    func reportsWhichPathsChanged(useInotify: Bool) async throws {
        let folder = try WatchedFolder(useInotify: useInotify)
        let root = folder.root
        #expect(await folder.watcher.trusted == useInotify)

        try RunningPreview.write(root + "/en/guide/page.md", "edited in place")
        #expect(await folder.changes(until: "en/guide/page.md") == [root + "/en/guide/page.md"])

        // An editor that saves by writing a new file and renaming it over the old one.
        try RunningPreview.write(root + "/en/.index.md.swp", "saved by rename")
        #expect(rename(root + "/en/.index.md.swp", root + "/en/index.md") == 0)
        #expect(await folder.changes(until: "en/index.md") == [root + "/en/index.md"])

        try RunningPreview.write(root + "/en/guide/new.md", "added")
        #expect(await folder.changes(until: "en/guide/new.md") == [root + "/en/guide/new.md"])

        try FileManager.default.removeItem(atPath: root + "/en/guide/page.md")
        #expect(await folder.changes(until: "en/guide/page.md") == [root + "/en/guide/page.md"])

        // A folder renamed: everything under the old and the new name.
        #expect(rename(root + "/en/guide", root + "/en/manual") == 0)
        let moved = await folder.changes(until: "en/manual/new.md")
        #expect(moved.isSuperset(of: [root + "/en/guide/new.md", root + "/en/manual/new.md"]))

        // Edits inside the renamed folder are still seen, under its new name.
        try RunningPreview.write(root + "/en/manual/new.md", "edited after the move")
        #expect(await folder.changes(until: "en/manual/new.md") == [root + "/en/manual/new.md"])
        if useInotify { #expect(await folder.watcher.trusted, "inotify saw every change") }
    }

    @Test func hiddenFilesAreNotChanges() async throws {
        let folder = try WatchedFolder(useInotify: true)
        try RunningPreview.write(folder.root + "/en/.draft.md", "hidden")
        try RunningPreview.write(folder.root + "/en/index.md", "visible")
        #expect(await folder.changes(until: "en/index.md") == [folder.root + "/en/index.md"])
    }
}
