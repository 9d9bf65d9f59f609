/// A source page's front matter, in YAML (`---`, every tool) or TOML
/// (`+++`, Hugo), as keys and values in the order written.
struct SourceFrontMatter {
    var entries: [(key: String, value: ConfigValue)] = []

    subscript(key: String) -> ConfigValue? { entries.first { $0.key == key }?.value }
    func string(_ key: String) -> String? { self[key]?.string }
    func int(_ key: String) -> Int? { self[key]?.int }
    func bool(_ key: String) -> Bool? { self[key]?.bool }
    var keys: [String] { entries.map(\.key) }

    /// Splits a file into front matter and body. A page without front matter
    /// is all body; front matter that does not parse is reported and dropped
    /// (with the body kept), since the importer must still bring the text over.
    static func split(_ text: String, path: String) -> (SourceFrontMatter, body: String, bodyFirstLine: Int, Diagnostic?) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first?.trimmingWhitespace(), first == "---" || first == "+++" else {
            return (SourceFrontMatter(), text, 1, nil)
        }
        let closers: Set<String> = first == "---" ? ["---", "..."] : ["+++"]
        guard let end = lines.indices.dropFirst().first(where: { closers.contains(lines[$0].trimmingWhitespace()) }) else {
            return (SourceFrontMatter(), text, 1, .warning(
                "front matter is not closed; the whole file was imported as the page's text", at: SourceLocation(path: path)))
        }
        let header = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        do {
            let value = first == "---" ? try ConfigParser.yaml(header) : try ConfigParser.toml(header)
            guard let value else { return (SourceFrontMatter(), body, end + 2, nil) }
            guard case .table(let entries) = value else {
                return (SourceFrontMatter(), body, end + 2, .warning(
                    "front matter is not a mapping of keys to values; it was dropped", at: SourceLocation(path: path, line: 2)))
            }
            return (SourceFrontMatter(entries: entries), body, end + 2, nil)
        } catch {
            return (SourceFrontMatter(), body, end + 2, .warning(
                "front matter cannot be read (\(error.message)); it was dropped and the page's text imported",
                at: SourceLocation(path: path, line: error.line + 1, column: error.column)))
        }
    }
}
