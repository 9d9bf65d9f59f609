/// gettext's PO format, as translation tools (Poedit, Weblate, Crowdin) read
/// and write it: the entries of one language, each with its context, flags and
/// references, and a reader for the file a translator sends back.
struct PortableObject: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var context: String
        var source: String
        var translation: String
        var fuzzy: Bool
        var comments: [String] = []
        var references: [String] = []
        /// The line of the file where the entry starts, for messages.
        var line: Int = 0
    }

    var language: String
    var entries: [Entry]

    func text() -> String {
        var out = """
            msgid ""
            msgstr ""
            "Project-Id-Version: handbook\\n"
            "PO-Revision-Date: \\n"
            "Last-Translator: \\n"
            "Language-Team: \(language)\\n"
            "Language: \(language)\\n"
            "MIME-Version: 1.0\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Content-Transfer-Encoding: 8bit\\n"

            """
        for entry in entries {
            out += "\n"
            for comment in entry.comments { out += "#. \(comment)\n" }
            for reference in entry.references { out += "#: \(reference)\n" }
            if entry.fuzzy { out += "#, fuzzy\n" }
            out += "msgctxt " + Self.quoted(entry.context) + "\n"
            out += "msgid " + Self.quoted(entry.source) + "\n"
            out += "msgstr " + Self.quoted(entry.translation) + "\n"
        }
        return out
    }

    /// A string as PO writes it; text of several lines as one string per line, after an empty one.
    static func quoted(_ text: String) -> String {
        func escape(_ part: Substring) -> String {
            var out = "\""
            for character in part {
                switch character {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default: out.append(character)
                }
            }
            return out + "\""
        }
        guard text.contains("\n") else { return escape(Substring(text)) }
        var parts: [Substring] = []
        var rest = Substring(text)
        while let newline = rest.firstIndex(of: "\n") {
            parts.append(rest[...newline])
            rest = rest[rest.index(after: newline)...]
        }
        if !rest.isEmpty { parts.append(rest) }
        return "\"\"\n" + parts.map(escape).joined(separator: "\n")
    }

    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    /// Reads a PO file: entries with `msgctxt`, `msgid`, `msgstr`, the `fuzzy` flag and `#:` references.
    static func read(_ text: String, path: String) throws(Failure) -> PortableObject {
        var entries: [Entry] = []
        var language = ""
        var current = Entry(context: "", source: "", translation: "", fuzzy: false)
        var field: WritableKeyPath<Entry, String>?
        var started = false
        func finish() {
            defer { current = Entry(context: "", source: "", translation: "", fuzzy: false); field = nil; started = false }
            guard started else { return }
            if current.source.isEmpty && current.context.isEmpty {
                // The header: only its Language matters here.
                for line in current.translation.split(separator: "\n") where line.hasPrefix("Language:") {
                    language = line.dropFirst("Language:".count).trimmingWhitespace()
                }
            } else {
                entries.append(current)
            }
        }
        for (number, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { finish(); continue }
            if trimmed.hasPrefix("#") {
                if field == \Entry.translation { finish() }
                if trimmed.hasPrefix("#,") { current.fuzzy = current.fuzzy || trimmed.contains("fuzzy") }
                if trimmed.hasPrefix("#:") { current.references.append(trimmed.dropFirst(2).trimmingWhitespace()) }
                if current.line == 0 { current.line = number + 1 }
                continue
            }
            let keyword: WritableKeyPath<Entry, String>?
            var value = Substring(trimmed)
            if trimmed.hasPrefix("msgctxt ") { keyword = \Entry.context; value = value.dropFirst(8) }
            else if trimmed.hasPrefix("msgid_plural ") || trimmed.hasPrefix("msgstr[") {
                throw Failure(description: "\(path):\(number + 1): plural forms are not used by handbook files")
            } else if trimmed.hasPrefix("msgid ") { keyword = \Entry.source; value = value.dropFirst(6) }
            else if trimmed.hasPrefix("msgstr ") { keyword = \Entry.translation; value = value.dropFirst(7) }
            else if trimmed.hasPrefix("\"") { keyword = nil }
            else { throw Failure(description: "\(path):\(number + 1): not a PO line: \(trimmed)") }
            if let keyword {
                // A new msgctxt or msgid after a msgstr starts the next entry.
                if field == \Entry.translation && keyword != \Entry.translation { finish() }
                field = keyword
                started = true
                if current.line == 0 { current.line = number + 1 }
            }
            guard let field else { throw Failure(description: "\(path):\(number + 1): a string outside msgctxt, msgid or msgstr") }
            current[keyPath: field] += try unquote(value.trimmingWhitespace(), at: "\(path):\(number + 1)")
        }
        finish()
        return PortableObject(language: language, entries: entries)
    }

    private static func unquote(_ text: String, at place: String) throws(Failure) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else {
            throw Failure(description: "\(place): a PO string is written in double quotes")
        }
        var out = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
