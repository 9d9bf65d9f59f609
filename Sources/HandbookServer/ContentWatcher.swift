import HandbookKit

/// Notices changes under the content folder by polling modification times
/// (nanosecond resolution on Linux) and the set of files.
///
/// Why polling: inotify misses changes on network drives, in containers with
/// bind mounts and under editors that save by renaming a new file over the
/// old one unless every directory is re-watched; a poll of a few thousand
/// `stat` calls every 100 ms costs little and sees all of them the same way.
struct ContentWatcher: Sendable {
    let fileSystem: any FileSystem
    let root: String
    var interval: Duration = .milliseconds(100)

    /// Modification time by path.
    typealias Snapshot = [String: Double]

    /// Calls `onChange` (never concurrently) each time the tree differs from the last look.
    func run(onChange: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = snapshot()
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
            guard visited.insert(fileSystem.resolve(folder)).inserted,
                  let names = try? fileSystem.contents(of: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                if fileSystem.isDirectory(path) {
                    pending.append(path)
                } else if let modified = fileSystem.modificationTime(of: path) {
                    result[path] = modified
                }
            }
        }
        return result
    }
}
