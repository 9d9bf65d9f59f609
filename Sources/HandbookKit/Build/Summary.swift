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

    /// Raw HTML and other tools' templates across the handbook: the per-page
    /// warnings say where, this says how much and the one switch that keeps HTML.
    static func unrendered(_ diagnostics: [Diagnostic], config: SiteConfig) -> [Diagnostic] {
        var html: [String: Int] = [:], templates: [String: Int] = [:]
        for diagnostic in diagnostics {
            switch diagnostic.topic {
            case .rawHTML?: html[diagnostic.location.path, default: 0] += 1
            case .foreignTemplate?: templates[diagnostic.location.path, default: 0] += 1
            default: break
            }
        }
        func places(_ counts: [String: Int]) -> String {
            let total = counts.values.reduce(0, +)
            return "\(total) place\(total == 1 ? "" : "s") on \(counts.count) page\(counts.count == 1 ? "" : "s")"
        }
        var summary: [Diagnostic] = []
        let location = SourceLocation(path: config.path)
        if html.count > 1 {
            summary.append(.warning(config.rawHTML
                ? "raw HTML that pages never show (scripts, styles, frames) in \(places(html)), each warned at its place"
                : "raw HTML dropped in \(places(html)), each warned at its place: set 'raw_html: true' here to keep HTML from a trusted source",
                at: location))
        }
        if templates.count > 1 {
            summary.append(.warning(
                "other tools' template syntax ({% … %}, {{ … }}) shown as text in \(places(templates)), each warned at its place", at: location))
        }
        return summary
    }
}
