import Foundation

/// Remembers each page's parse by its bytes and the settings it was parsed
/// with, so `serve` re-parses only the files a change touched. Pages are
/// parsed on several threads at once, hence the lock.
public final class PageCache: @unchecked Sendable {
    struct Settings: Hashable {
        var rawHTML: Bool
        var languages: Set<String>
        var strings: InterfaceStrings
    }

    private struct Entry {
        var bytes: [UInt8]
        var settings: Settings
        var result: (Page?, [Diagnostic])
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    func result(for path: String, bytes: [UInt8], settings: Settings) -> (Page?, [Diagnostic])? {
        lock.withLock {
            guard let entry = entries[path], entry.settings == settings, entry.bytes == bytes else { return nil }
            return entry.result
        }
    }

    func store(_ result: (Page?, [Diagnostic]), for path: String, bytes: [UInt8], settings: Settings) {
        lock.withLock { entries[path] = Entry(bytes: bytes, settings: settings, result: result) }
    }

    /// Forgets files that are gone, so a long session does not keep them.
    func keep(only paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}
