import Foundation

/// What a path is, without following a final symbolic link.
package enum FileKind: Sendable, Equatable {
    case file
    case directory
    case symlink(destination: String)
}

/// The pipeline's only door to the disk. Every stage reads and writes through
/// it, so tests can build into a temporary folder or a `MemoryFileSystem`
/// and the preview server can watch the same view of the world.
package protocol FileSystem: Sendable {
    func kind(of path: String) -> FileKind?
    /// Names inside a directory, sorted, so every build sees the same order.
    func contents(of directory: String) throws -> [String]
    func read(_ path: String) throws -> [UInt8]
    func write(_ bytes: [UInt8], to path: String) throws
    func createDirectory(_ path: String) throws
    func remove(_ path: String) throws
    func move(_ source: String, to destination: String) throws
    /// The canonical absolute path with every symbolic link resolved.
    func resolve(_ path: String) -> String
}

extension FileSystem {
    package func exists(_ path: String) -> Bool { kind(of: path) != nil }

    package func isDirectory(_ path: String) -> Bool {
        if case .directory = kind(of: resolve(path)) { return true }
        return false
    }

    package func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}

/// The real disk, through Foundation and POSIX.
package struct LocalFileSystem: FileSystem {
    package init() {}

    package func kind(of path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK:
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
            return .symlink(destination: destination)
        default: return .file
        }
    }

    package func contents(of directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    package func read(_ path: String) throws -> [UInt8] {
        // Non-blocking open, then a check that it is a regular file: a FIFO or a
        // device named `page.md` would otherwise block or read forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, reason: errno == EACCES
                ? "the file is not readable (permission denied)" : "cannot open the file: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(path: path, reason: "not a regular file (a pipe, socket or device?)")
        }
        let data = try handle.readToEnd() ?? Data()
        return [UInt8](data)
    }

    /// Plain open/write/close. Not atomic on its own: the build writes into a
    /// fresh folder that is swapped in whole, and edits of content files write
    /// a temporary file and rename it (see `SourceRecord`).
    package func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(path: path, reason: "cannot write the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: "cannot write the file: \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    package func createDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    package func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    package func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw FileSystemError(path: source, reason: "cannot rename to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    package func resolve(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

}

package struct FileSystemError: Error, CustomStringConvertible, Sendable {
    package var path: String
    package var reason: String
    package var description: String { "\(path): \(reason)" }
}

/// Joins path components with exactly one slash between them.
func joinPath(_ parts: String...) -> String {
    joinPath(parts)
}

func joinPath(_ parts: [String]) -> String {
    var result = ""
    for part in parts where !part.isEmpty {
        if result.isEmpty { result = part; continue }
        if result.hasSuffix("/") { result.removeLast() }
        result += part.hasPrefix("/") ? part : "/" + part
    }
    return result
}
