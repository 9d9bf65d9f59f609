import HandbookKit

/// A read-only handbook held in memory, so a fuzz run never touches the disk.
struct MemoryFileSystem: FileSystem {
    struct ReadOnly: Error {}

    let files: [String: [UInt8]]
    let folders: Set<String>

    init(files: [String: [UInt8]]) {
        self.files = files
        var folders: Set<String> = []
        for path in files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        self.folders = folders
    }

    func kind(of path: String) -> FileKind? {
        if files[path] != nil { return .file }
        if folders.contains(path) { return .directory }
        return nil
    }

    func contents(of directory: String) throws -> [String] {
        var names: Set<String> = []
        let prefix = directory + "/"
        for path in files.keys where path.hasPrefix(prefix) {
            names.insert(String(path.dropFirst(prefix.count).split(separator: "/")[0]))
        }
        return names.sorted()
    }

    func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw ReadOnly() }
        return bytes
    }

    func write(_ bytes: [UInt8], to path: String) throws { throw ReadOnly() }
    func createDirectory(_ path: String) throws { throw ReadOnly() }
    func remove(_ path: String) throws { throw ReadOnly() }
    func move(_ source: String, to destination: String) throws { throw ReadOnly() }
    func resolve(_ path: String) -> String { path }
}
