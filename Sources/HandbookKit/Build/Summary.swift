/// One line for what many files share. A handbook brought in from another
/// tool has the same foreign keys in every file: the author needs to hear
/// "lang (49 files), image (49)" once, with the one-line fix, besides the
/// located errors that an editor jumps through.
enum Summary {
    static func unknownKeys(_ diagnostics: [Diagnostic], config: SiteConfig) -> [Diagnostic] {
        var files: [String: Set<String>] = [:]
        for diagnostic in diagnostics {
            guard case .unknownKey(let key)? = diagnostic.topic else { continue }
            files[key, default: []].insert(diagnostic.location.path)
        }
        let total = files.values.reduce(0) { $0 + $1.count }
        guard total > 1 else { return [] }
        let keys = files.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
        let counts = keys.enumerated().map { index, entry in
            "\(entry.key) (\(entry.value.count)\(index == 0 ? entry.value.count == 1 ? " file" : " files" : ""))"
        }
        let list = keys.map(\.key).joined(separator: ", ")
        let fix = config.ignoreKeysLocation == nil
            ? "if other tools need them, add 'ignore_keys: [\(list)]' to \(SiteConfigLoader.fileName) to accept and ignore them"
            : "if other tools need them, add them to 'ignore_keys' here to accept and ignore them"
        return [.error("unknown front-matter keys: \(counts.joined(separator: ", ")); \(fix)",
                       at: config.ignoreKeysLocation ?? SourceLocation(path: config.path))]
    }
}
