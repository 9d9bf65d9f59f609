import HandbookKit

/// Notices changes under the content folder by polling modification times
/// (nanosecond resolution on Linux) and the set of files.
///
/// Why polling: inotify misses changes on network drives, in containers with
/// bind mounts and under editors that save by renaming a new file over the
/// old one unless every directory is re-watched; a poll of one `lstat` per
/// file every 50 ms costs little and sees all of them the same way.
struct ContentWatcher: Sendable {
    let fileSystem: any FileSystem
    let root: String
    var interval: Duration = .milliseconds(50)

    /// Modification time by path.
    typealias Snapshot = [String: Double]

    /// Calls `onChange` (never concurrently) each time the tree differs from the last look.
    func run(onChange: @Sendable () async -> Void) async {
        let clock = ContinuousClock()
        var last = snapshot()
        var cost = Duration.zero
        while !Task.isCancelled {
            // On a very large tree a look costs real time; waiting twice that keeps
            // the watcher to a third of a core however many files there are.
            try? await Task.sleep(for: max(interval, cost * 2))
            let start = clock.now
            let current = snapshot()
            cost = clock.now - start
            if current != last {
                last = current
                await onChange()
            }
        }
    }

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        var pending = [root]
        var visited: Set<String> = []
        while let folder = pending.popLast() {
            guard visited.insert(folder).inserted, let names = try? fileSystem.contents(of: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                switch fileSystem.kind(of: path) {
                case .directory: pending.append(path)
                case .file, .symlink: result[path] = fileSystem.modificationTime(of: path) ?? -1
                case nil: continue
                }
            }
        }
        return result
    }
}
