import HandbookKit

/// Each page's last parse, by path, with what it was parsed from: its bytes,
/// the settings, and what resolving its links looked up. A parse that
/// resolved a link by looking for a file (`page/`, `/guide/page`) is reused
/// only while what it found still holds, so adding a file re-parses the pages
/// that guessed about it and no others. A value: `PreviewSession` owns it, and
/// the parallel parse reads a copy of it.
struct ParseCache: Sendable {
    private struct Entry: Sendable {
        var bytes: [UInt8]
        var settings: Builder.ParseSettings
        var result: (Page?, [Diagnostic])
        /// The page's guesses, kept beside it: checking them must not copy the page.
        var guesses: LinkGuesses?
        /// The content's paths when parsed: a failed parse keeps no guesses, so it
        /// is reused only while the paths are the same. Failures are few.
        var contentSignature: Int

        func holds(_ settings: Builder.ParseSettings, in content: ContentIndex) -> Bool {
            self.settings == settings && (guesses.map { $0.hold(in: content) } ?? (contentSignature == content.signature))
        }
    }

    private var entries: [String: Entry] = [:]
    /// Paths parsed again or forgotten since the session's last assembly.
    private(set) var changedSinceAssembly: Set<String> = []

    /// The parse of these bytes, if it still holds.
    func result(for path: String, bytes: [UInt8], settings: Builder.ParseSettings, content: ContentIndex)
        -> (Page?, [Diagnostic])? {
        guard let entry = entries[path], entry.bytes == bytes, entry.holds(settings, in: content) else { return nil }
        return entry.result
    }

    /// The parse kept for a file the watcher says is unchanged since it was read.
    func result(for path: String, settings: Builder.ParseSettings, content: ContentIndex) -> (Page?, [Diagnostic])? {
        guard let entry = entries[path], entry.holds(settings, in: content) else { return nil }
        return entry.result
    }

    /// Only the diagnostics: copying 10,000 parsed pages out costs more than the rest of a rebuild.
    func diagnostics(for path: String, settings: Builder.ParseSettings, content: ContentIndex) -> [Diagnostic]? {
        guard let entry = entries[path], entry.holds(settings, in: content) else { return nil }
        return entry.result.1
    }

    mutating func store(_ result: (Page?, [Diagnostic]), for path: String, bytes: [UInt8],
                        settings: Builder.ParseSettings, content: ContentIndex) {
        entries[path] = Entry(bytes: bytes, settings: settings, result: result, guesses: result.0?.linkGuesses,
                              contentSignature: content.signature)
        changedSinceAssembly.insert(path)
    }

    /// Drops the parses of changed files, so none of them is taken for its old text.
    mutating func forget(_ paths: Set<String>) {
        for path in paths where entries.removeValue(forKey: path) != nil { changedSinceAssembly.insert(path) }
    }

    /// Forgets files that are gone, so a long session does not keep them.
    mutating func keep(only paths: Set<String>) {
        guard entries.count != paths.count || !entries.keys.allSatisfy(paths.contains) else { return }
        entries = entries.filter { paths.contains($0.key) }
    }

    mutating func assembled() {
        changedSinceAssembly = []
    }
}
