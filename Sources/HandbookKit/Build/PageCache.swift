import Foundation

/// Remembers each page's parse by its bytes and the settings it was parsed
/// with, so `serve` re-parses only the files a change touched. A parse that
/// resolved a link by looking for a file (`page/`, `/guide/page`) is reused
/// only while what it found still holds, so adding a file re-parses the pages
/// that guessed about it and no others. Pages are parsed on several threads
/// at once, hence the lock.
public final class PageCache: @unchecked Sendable {
    struct Settings: Hashable {
        var rawHTML: Bool
        var languages: Set<String>
        var ignoredKeys: Set<String>
        var strings: InterfaceStrings
    }

    private struct Entry {
        var bytes: [UInt8]
        var settings: Settings
        var result: (Page?, [Diagnostic])
        /// The page's guesses, kept beside it: checking them must not copy the page.
        var guesses: LinkGuesses?
        /// The content's paths when parsed: a failed parse keeps no guesses, so it
        /// is reused only while the paths are the same. Failures are few.
        var contentSignature: Int

        func holds(in content: ContentIndex) -> Bool {
            guesses.map { $0.hold(in: content) } ?? (contentSignature == content.signature)
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Paths parsed again or forgotten since `assembly` was made.
    private var changedSinceAssembly: Set<String> = []
    /// The last tree, theme and assembled site, for `Builder.plan(changed:)`.
    private var kept: Kept?
    private var keptAssembly: Assembly?

    public init() {}

    func result(for path: String, bytes: [UInt8], settings: Settings, content: ContentIndex) -> (Page?, [Diagnostic])? {
        lock.withLock {
            guard let entry = entries[path], entry.settings == settings, entry.bytes == bytes, entry.holds(in: content)
            else { return nil }
            return entry.result
        }
    }

    func store(_ result: (Page?, [Diagnostic]), for path: String, bytes: [UInt8], settings: Settings, content: ContentIndex) {
        lock.withLock {
            entries[path] = Entry(bytes: bytes, settings: settings, result: result, guesses: result.0?.linkGuesses,
                                  contentSignature: content.signature)
            changedSinceAssembly.insert(path)
        }
    }

    /// Forgets files that are gone, so a long session does not keep them.
    func keep(only paths: Set<String>) {
        lock.withLock {
            guard entries.count != paths.count || !entries.keys.allSatisfy(paths.contains) else { return }
            entries = entries.filter { paths.contains($0.key) }
        }
    }
}

// What `Builder.plan(changed:)` needs besides the parses (see IncrementalPlan.swift).
extension PageCache {
    /// The parse kept for a file the watcher says is unchanged since it was read.
    func result(for path: String, settings: Settings, content: ContentIndex) -> (Page?, [Diagnostic])? {
        lock.withLock {
            guard let entry = entries[path], entry.settings == settings, entry.holds(in: content) else { return nil }
            return entry.result
        }
    }

    /// The diagnostics of a parse kept for a file the watcher says is unchanged.
    func diagnostics(for path: String, settings: Settings, content: ContentIndex) -> [Diagnostic]? {
        lock.withLock {
            guard let entry = entries[path], entry.settings == settings, entry.holds(in: content) else { return nil }
            return entry.result.1
        }
    }

    /// Drops the parses of changed files, so none of them is taken for its old text.
    func forget(_ paths: Set<String>) {
        lock.withLock {
            for path in paths where entries.removeValue(forKey: path) != nil { changedSinceAssembly.insert(path) }
        }
    }

    /// The last loaded tree and the theme made from it.
    struct Kept {
        var tree: ContentTree
        var loadWarnings: [Diagnostic]
        var theme: Theme
        /// The pages' and copied files' paths: a change to anything else needs a new load.
        var sources: Set<String>
        /// Where each page is in `tree.pages`, by path.
        var pageIndex: [String: Int]
        /// Counts loads, so an assembly is only reused on the tree it was made from.
        var generation: Int
    }

    /// The last site that assembled without errors, and its diagnostics.
    struct Assembly {
        var site: Site
        var diagnostics: [Diagnostic]
        var generation: Int
    }

    var keptTree: Kept? { lock.withLock { kept } }

    func forgetTree() {
        lock.withLock { kept = nil }
    }

    func keep(_ tree: ContentTree, loadWarnings: [Diagnostic], theme: Theme) {
        let pageIndex = Dictionary(tree.pages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        let sources = Set(pageIndex.keys).union(tree.files.map(\.source))
        lock.withLock {
            kept = Kept(tree: tree, loadWarnings: loadWarnings, theme: theme, sources: sources, pageIndex: pageIndex,
                        generation: (kept?.generation ?? 0) + 1)
        }
    }

    /// The last assembly, with the paths whose parses changed since.
    var assembly: (Assembly, changed: Set<String>)? {
        lock.withLock { keptAssembly.map { ($0, changedSinceAssembly) } }
    }

    func keep(_ site: Site, diagnostics: [Diagnostic]) {
        lock.withLock {
            keptAssembly = Assembly(site: site, diagnostics: diagnostics, generation: kept?.generation ?? 0)
            changedSinceAssembly = []
        }
    }
}
