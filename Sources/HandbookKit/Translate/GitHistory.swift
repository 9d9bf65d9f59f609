import Foundation

/// Earlier versions of a file, for finding the original a translation was made from.
/// A seam so the search can be tested on any history; the real one is git's.
package protocol VersionHistory: Sendable {
    /// The commits that changed `path`, newest first.
    func commits(touching path: String) throws(HistoryFailure) -> [String]
    /// The file's bytes as `commit` left it.
    func contents(of path: String, at commit: String) throws(HistoryFailure) -> [UInt8]
}

package struct HistoryFailure: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// The history git keeps, read by running `git` (found on `PATH`) through `Process`.
package struct GitHistory: VersionHistory {
    package var executable: String

    /// Finds `git` on `PATH`; without one there is no history to read.
    package init(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(HistoryFailure) {
        let candidates = (path ?? "").split(separator: ":").map { String($0) + "/git" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw HistoryFailure("git is not installed (no 'git' on PATH): the earlier versions of the original cannot be read; install git (apt-get install git)")
        }
        executable = found
    }

    package func commits(touching path: String) throws(HistoryFailure) -> [String] {
        let (directory, name) = Self.split(path)
        let inside = try run(["rev-parse", "--is-inside-work-tree"], in: directory)
        guard inside.status == 0 else {
            throw HistoryFailure("\(directory) is not inside a git repository, so the earlier versions of \(path) are unknown; keep the content in git to compare versions")
        }
        let log = try run(["log", "--format=%H", "--", name], in: directory)
        guard log.status == 0 else { throw HistoryFailure("git log failed for \(path): \(log.errors)") }
        return String(decoding: log.output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    package func contents(of path: String, at commit: String) throws(HistoryFailure) -> [UInt8] {
        let (directory, name) = Self.split(path)
        // `./name` is relative to the directory git runs in, not to the repository's top.
        let show = try run(["show", "\(commit):./\(name)"], in: directory)
        guard show.status == 0 else { throw HistoryFailure("git show \(commit) failed for \(path): \(show.errors)") }
        return show.output
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }

    private func run(_ arguments: [String], in directory: String) throws(HistoryFailure) -> (status: Int32, output: [UInt8], errors: String) {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw HistoryFailure("\(directory) does not exist")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", directory] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw HistoryFailure("cannot run \(executable): \(error)")
        }
        // Standard output first, to its end: a large `git show` would otherwise fill its pipe and never
        // finish. git's messages on standard error are a few lines, far below a pipe's buffer.
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        let errorBytes = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errorBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, Array(bytes), message)
    }
}
