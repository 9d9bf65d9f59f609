/// Writes `source: <hash>` into a translation's front matter once a
/// translator has caught up with the original, keeping the rest of the file
/// exactly as it was (line endings included).
package enum SourceRecord {
    package struct Failure: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// Records the original's current version in every translation that
    /// `selection` names: `all`, a language code, or `<language>/<page>`.
    /// Returns the files that changed.
    package static func markCurrent(_ selection: [String], site: Site, fileSystem: any FileSystem) throws -> [String] {
        guard let original = site.editions.first else { return [] }
        var targets: [(Entry, Page)] = []
        for item in selection {
            let spec = item.hasSuffix(".md") ? String(item.dropLast(3)) : item
            var matched = false
            for edition in site.editions.dropFirst() {
                for entry in edition.readingOrder where !entry.isFallback {
                    let name = edition.language.code + "/" + entry.id.path
                    guard spec == "all" || spec == edition.language.code || spec == name,
                          let source = original.byID[entry.id]?.page else { continue }
                    targets.append((entry, source))
                    matched = true
                }
            }
            if !matched {
                throw Failure(description: "'\(item)' names no translated page; use all, a language code or <language>/<page>")
            }
        }
        var changed: [String] = []
        for (entry, source) in targets where entry.page.frontMatter.source != source.bodyHash {
            let path = entry.page.sourcePath
            let text = String(decoding: try fileSystem.read(path), as: UTF8.self)
            // A temporary file renamed over the page: a crash never leaves it half written.
            let temporary = path + ".handbook-tmp"
            try fileSystem.write(try record(source.bodyHash, in: text, path: path), to: temporary)
            try fileSystem.move(temporary, to: path)
            changed.append(path)
        }
        return changed
    }

    /// The text with its front matter's `source:` line set to `hash`.
    static func record(_ hash: String, in text: String, path: String) throws -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        let bom = lines.first?.hasPrefix("\u{FEFF}") == true
        let line = "source: \(hash)"
        guard (bom ? String(lines[0].dropFirst()) : lines[0]).trimmingWhitespace() == "---" else {
            // A page titled by its '# heading' has no front matter yet: give it one holding only the record.
            var body = text
            if bom { body.removeFirst() }
            return (bom ? "\u{FEFF}" : "") + ["---", line, "---", ""].joined(separator: newline) + body
        }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingWhitespace()) })
        else { throw Failure(description: "\(path): front matter is not closed") }
        if let existing = lines[1..<close].firstIndex(where: { $0.hasPrefix("source:") }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: close)
        }
        return lines.joined(separator: newline)
    }
}
