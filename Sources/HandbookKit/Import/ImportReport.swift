/// What `handbook import` did, and what it could not map (as diagnostics
/// with the source file's path and, where it has one, line and column).
package struct ImportReport: Sendable {
    package struct LanguageCount: Sendable, Equatable {
        package var code: String
        package var pages: Int
    }

    package struct DroppedKey: Sendable, Equatable {
        package var key: String
        package var files: Int
    }

    package var format: ImportFormat
    package var source: String
    package var content: String
    /// Pages imported from the source, per language (created landing pages not counted).
    package var pages: [LanguageCount]
    package var sections: Int
    /// Landing and home pages the import wrote because the source has none.
    package var created: [String]
    package var assets: Int
    package var linksRewritten: Int
    /// Front-matter keys the content format has no place for, with how many files had them.
    package var droppedKeys: [DroppedKey]
    package var rawHTML: Bool
    package var templates: Int
    package var diagnostics: [Diagnostic]
    /// Each imported source file and the page it became, relative to the content folder.
    var written: [String: String] = [:]

    /// The summary, one line each, for people.
    package var summary: [String] {
        var lines = ["Imported \(format.rawValue) site \(source) into \(content)/:"]
        lines.append("  pages: " + pages.map { "\($0.code) \($0.pages)" }.joined(separator: ", "))
        lines.append("  sections: \(sections)")
        if !created.isEmpty { lines.append("  created (the source has no such page): " + created.joined(separator: ", ")) }
        lines.append("  assets copied: \(assets)")
        lines.append("  links rewritten: \(linksRewritten)")
        if !droppedKeys.isEmpty {
            let list = droppedKeys.enumerated().map { $0.offset == 0 ? "\($0.element.key) (\($0.element.files) file\($0.element.files == 1 ? "" : "s"))" : "\($0.element.key) (\($0.element.files))" }
            lines.append("  dropped keys: " + list.joined(separator: ", "))
        }
        if rawHTML { lines.append("  raw HTML kept: handbook.yml has raw_html: true") }
        if templates > 0 { lines.append("  template syntax left in pages: \(templates) (listed above)") }
        lines.append("  not mapped: \(diagnostics.count) (listed above)")
        lines.append("Next: handbook check --content \(content)")
        return lines
    }
}
