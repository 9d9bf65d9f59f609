import Foundation

/// `handbook translations export` and `import`: one language's pages as a PO
/// file, one entry per unit of the original (`TranslationUnits`), and back.
package enum TranslationExchange {
    package struct Failure: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    package struct Selection: Sendable {
        package var pages: [String] = []
        package var outdated = false
        package var missing = false
        package init(pages: [String] = [], outdated: Bool = false, missing: Bool = false) {
            self.pages = pages
            self.outdated = outdated
            self.missing = missing
        }
    }

    /// The key of a unit in a PO file: the page, then `title`, `description` or the block's number.
    static func context(_ page: String, _ unit: TranslationUnits.Unit, index: Int) -> String {
        switch unit.kind {
        case .title, .description: "\(page)#\(unit.kind.rawValue)"
        default: "\(page)#\(index)"
        }
    }

    /// The PO file of `language`, and notes for the terminal (pages whose history was unreadable, and the like).
    package static func export(language: String, selection: Selection, site: Site, fileSystem: any FileSystem,
                              history: () throws(HistoryFailure) -> any VersionHistory) throws(Failure) -> (text: String, notes: [String]) {
        guard let originals = site.editions.first,
              let edition = site.editions.dropFirst().first(where: { $0.language.code == language }) else {
            throw Failure(description: "'\(language)' is not a translated language of this handbook; the languages are \(site.editions.dropFirst().map(\.language.code).joined(separator: ", "))")
        }
        let wanted = Set(selection.pages.map { page in
            var page = page.hasSuffix(".md") ? String(page.dropLast(3)) : page
            if page.hasPrefix(language + "/") { page.removeFirst(language.count + 1) }
            return page
        })
        let known = Set(originals.readingOrder.map(\.id.path))
        if let unknown = wanted.subtracting(known).sorted().first {
            throw Failure(description: "'\(unknown)' names no page of \(originals.language.code); 'handbook translations' lists them")
        }
        var entries: [PortableObject.Entry] = []
        var notes: [String] = []
        var cachedHistory: (any VersionHistory)?
        for original in originals.readingOrder where !original.isFallback {
            let id = original.id.path
            let entry = edition.byID[original.id]
            let status = TranslationStatus.of(entry, original: original.page)
            if !wanted.isEmpty, !wanted.contains(id) { continue }
            if selection.outdated || selection.missing {
                let outdated = selection.outdated && (status == .outdated || status == .untracked)
                guard outdated || (selection.missing && status == .missing) else { continue }
            }
            let originalBytes: [UInt8]
            do { originalBytes = try fileSystem.read(original.page.sourcePath) } catch {
                throw Failure(description: "cannot read \(original.page.sourcePath): \(error)")
            }
            let source = TranslationUnits(file: originalBytes)
            for block in source.notUnits {
                notes.append("\(original.page.sourcePath):\(block.line):1: warning: this \(block.what) is not in the file (only paragraphs, headings and titles are); translate it in \(language)/\(id).md itself, after any import, which writes the original's \(block.what) there")
            }
            var translations: [String?] = Array(repeating: nil, count: source.units.count)
            var fuzzy = Array(repeating: false, count: source.units.count)
            if let entry, !entry.isFallback, let bytes = try? fileSystem.read(entry.page.sourcePath) {
                let translated = TranslationUnits(file: bytes).units
                switch status {
                case .current:
                    translations = aligned(source.units, translated)
                case .outdated:
                    // The original as it was translated tells which of its blocks changed since.
                    do {
                        if cachedHistory == nil { cachedHistory = try history() }
                        let old = try TranslationDiff.version(of: original.page.sourcePath, recorded: entry.page.frontMatter.source ?? "",
                                                              history: cachedHistory!)
                        (translations, fuzzy) = carried(from: TranslationUnits(file: old).units, translated, to: source.units)
                    } catch {
                        notes.append("\(edition.language.code)/\(id): \(error.description); every translated unit is marked fuzzy")
                        translations = aligned(source.units, translated)
                        fuzzy = translations.map { $0 != nil }
                    }
                default:  // untracked: which version it translates is unknown
                    translations = aligned(source.units, translated)
                    fuzzy = translations.map { $0 != nil }
                }
            }
            for (index, unit) in source.units.enumerated() {
                entries.append(PortableObject.Entry(
                    context: context(id, unit, index: index), source: unit.text, translation: translations[index] ?? "",
                    fuzzy: fuzzy[index] && translations[index] != nil, comments: [unit.kind.rawValue],
                    references: ["\(original.page.sourcePath):\(unit.line)"]))
            }
        }
        return (PortableObject(language: language, entries: entries).text(), notes)
    }

    /// The translation's units where its blocks are the original's: the whole page when both have
    /// the same blocks (count and kinds in order); otherwise section by section, when both have the
    /// same headings and directives, for each section whose blocks match. The title and description
    /// by kind in any case.
    static func aligned(_ original: [TranslationUnits.Unit], _ translated: [TranslationUnits.Unit]) -> [String?] {
        if original.map(\.kind) == translated.map(\.kind) { return translated.map(\.text) }
        var result: [String?] = original.map { unit in
            guard unit.kind == .title || unit.kind == .description else { return nil }
            return translated.first { $0.kind == unit.kind }?.text
        }
        func sections(_ units: [TranslationUnits.Unit]) -> [[Int]] {
            var groups: [[Int]] = [[]]
            for (index, unit) in units.enumerated() where unit.kind != .title && unit.kind != .description {
                if [.heading, .compare, .script, .choice].contains(unit.kind) { groups.append([]) }
                groups[groups.count - 1].append(index)
            }
            return groups
        }
        let ours = sections(original), theirs = sections(translated)
        guard ours.count == theirs.count else { return result }
        for (mine, other) in zip(ours, theirs) {
            if mine.map({ original[$0].kind }) == other.map({ translated[$0].kind }) {
                for (a, b) in zip(mine, other) { result[a] = translated[b].text }
            } else if let a = mine.first, let b = other.first, original[a].kind != .paragraph, original[a].kind == translated[b].kind {
                result[a] = translated[b].text  // the section's heading still lines up when its text does not
            }
        }
        return result
    }

    /// Translations carried from the original as it was translated (`old`) to the original now: a
    /// block kept as it was keeps its translation; a changed block gets its old translation, fuzzy;
    /// a new block gets none.
    static func carried(from old: [TranslationUnits.Unit], _ translated: [TranslationUnits.Unit],
                        to now: [TranslationUnits.Unit]) -> ([String?], [Bool]) {
        let oldTranslations = aligned(old, translated)
        func key(_ unit: TranslationUnits.Unit) -> String { unit.kind.rawValue + "\u{0}" + unit.text }
        let changes = now.map(key).difference(from: old.map(key))
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in changes {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var translations: [String?] = Array(repeating: nil, count: now.count)
        var fuzzy = Array(repeating: false, count: now.count)
        var i = 0, j = 0
        var pendingRemoved: [Int] = []
        while i < old.count || j < now.count {
            if i < old.count, removed.contains(i) {
                pendingRemoved.append(i); i += 1
            } else if j < now.count, inserted.contains(j) {
                // A changed block: the removed block of the same kind just before it, if any.
                if let pair = pendingRemoved.firstIndex(where: { old[$0].kind == now[j].kind }) {
                    translations[j] = oldTranslations[pendingRemoved[pair]]
                    fuzzy[j] = true
                    pendingRemoved.removeSubrange(...pair)
                }
                j += 1
            } else {
                translations[j] = oldTranslations[i]
                pendingRemoved.removeAll()
                i += 1; j += 1
            }
        }
        return (translations, fuzzy)
    }
}

extension TranslationDiff {
    /// The bytes of the newest version of `path` in `history` whose body has the fingerprint `recorded`.
    static func version(of path: String, recorded: String, history: any VersionHistory) throws(HistoryFailure) -> [UInt8] {
        for commit in try history.commits(touching: path) {
            let bytes = try history.contents(of: path, at: commit)
            if PageParser.fileFingerprint(bytes) == recorded { return bytes }
        }
        throw HistoryFailure("no version of \(path) in its git history has the recorded fingerprint \(recorded)")
    }
}

extension TranslationExchange {
    package struct ImportResult: Sendable {
        /// Pages written, and those among them recorded as current.
        package var written: [String] = []
        package var current: [String] = []
        /// Pages left as they were, and why.
        package var skipped: [String] = []
        /// What was written untranslated (tables, raw HTML), located in the original.
        package var warnings: [String] = []
    }

    /// Writes the translations of a PO file made by `export` into the language's pages. Refuses the
    /// whole file when an original changed since the export: its units would not line up.
    package static func importFile(_ text: String, path: String, site: Site, fileSystem: any FileSystem) throws(Failure) -> ImportResult {
        let file: PortableObject
        do { file = try PortableObject.read(text, path: path) } catch { throw Failure(description: error.description) }
        guard let originals = site.editions.first,
              let edition = site.editions.dropFirst().first(where: { $0.language.code == file.language }) else {
            throw Failure(description: "\(path): its header names the language '\(file.language)', which is not a translated language of this handbook (\"Language: de\" in the header)")
        }
        // Group by page, in the file's order.
        var order: [String] = []
        var byPage: [String: [PortableObject.Entry]] = [:]
        for entry in file.entries {
            guard let hash = entry.context.lastIndex(of: "#") else {
                throw Failure(description: "\(path):\(entry.line): msgctxt '\(entry.context)' is not <page>#<unit>; export the file with 'handbook translations export'")
            }
            let page = String(entry.context[..<hash])
            if byPage[page] == nil { order.append(page) }
            byPage[page, default: []].append(entry)
        }
        // First every check, so a stale file changes nothing.
        var stale: [String] = []
        var plans: [(Entry, Entry?, TranslationUnits, [UInt8], [PortableObject.Entry])] = []
        for page in order {
            guard let original = originals.readingOrder.first(where: { $0.id.path == page && !$0.isFallback }) else {
                stale.append("\(page): the page no longer exists in \(originals.language.code)"); continue
            }
            let bytes: [UInt8]
            do { bytes = try fileSystem.read(original.page.sourcePath) } catch {
                throw Failure(description: "cannot read \(original.page.sourcePath): \(error)")
            }
            let units = TranslationUnits(file: bytes)
            let keys = units.units.enumerated().map { context(page, $1, index: $0) }
            let entries = byPage[page]!
            for entry in entries {
                guard let index = keys.firstIndex(of: entry.context) else {
                    stale.append("\(entry.context) (line \(entry.line)): no such unit in \(original.page.sourcePath) any more"); continue
                }
                if units.units[index].text != entry.source {
                    stale.append("\(entry.context) (line \(entry.line)): \(original.page.sourcePath):\(units.units[index].line) changed since the export")
                }
            }
            for key in keys where !entries.contains(where: { $0.context == key }) {
                stale.append("\(key): new in \(original.page.sourcePath) since the export")
            }
            plans.append((original, edition.byID[original.id].flatMap { $0.isFallback ? nil : $0 }, units, bytes, entries))
        }
        if !stale.isEmpty {
            throw Failure(description: "\(path) was exported from originals that have changed since; nothing was written. Re-export with 'handbook translations export \(file.language)' and carry the translations over (msgmerge does it). Units:\n  " + stale.joined(separator: "\n  "))
        }
        var result = ImportResult()
        for (original, existing, units, bytes, entries) in plans {
            let page = original.id.path
            let byKey = Dictionary(entries.map { ($0.context, $0) }, uniquingKeysWith: { a, _ in a })
            var existingTexts: [String?] = Array(repeating: nil, count: units.units.count)
            var existingBytes: [UInt8]?
            if let existing, let read = try? fileSystem.read(existing.page.sourcePath) {
                existingBytes = read
                existingTexts = aligned(units.units, TranslationUnits(file: read).units)
            }
            var texts: [String?] = []
            var done = true
            for (index, unit) in units.units.enumerated() {
                let entry = byKey[context(page, unit, index: index)]!
                let translation = entry.translation.trimmingWhitespace()
                if translation.isEmpty {
                    // Left empty: the page's own translation of it, if it has one.
                    texts.append(existingTexts[index])
                    if existing.map({ TranslationStatus.of($0, original: original.page) }) != .current { done = false }
                } else {
                    texts.append(translation)
                    if entry.fuzzy { done = false }
                }
            }
            let name = "\(file.language)/\(page)"
            if let missing = texts.firstIndex(where: { $0 == nil }) {
                result.skipped.append("\(name): unit \(context(page, units.units[missing], index: missing)) has no translation; the page is left as it was")
                continue
            }
            for block in units.notUnits {
                result.warnings.append("\(original.page.sourcePath):\(block.line):1: warning: the original's \(block.what) was written into \(name) untranslated (it is not in the file): translate it there")
            }
            var content = units.replacing(texts)
            // The translation's own front matter stays (order, keywords and the rest): only its title and description change.
            if let existingBytes {
                let own = TranslationUnits(file: existingBytes)
                let ownTexts = own.units.map { unit -> String? in
                    guard unit.kind == .title || unit.kind == .description else { return nil }
                    return zip(units.units, texts).first { $0.0.kind == unit.kind }?.1
                }
                var ownLines = own.replacing(ownTexts).components(separatedBy: own.newline)
                let newLines = content.components(separatedBy: units.newline)
                let ownFront = Self.frontMatterEnd(ownLines), newFront = Self.frontMatterEnd(newLines)
                ownLines = Array(ownLines[..<ownFront]) + Array(newLines[newFront...])
                content = ownLines.joined(separator: own.newline)
            }
            if done {
                do { content = try SourceRecord.record(PageParser.fileFingerprint(bytes), in: content, path: name) } catch {
                    throw Failure(description: "\(name): \(error)")
                }
            }
            let target: String
            if let existing { target = existing.page.sourcePath } else { target = try Self.translationPath(of: original, in: edition) }
            if let existingBytes, existingBytes == Array(content.utf8) { if done { result.current.append(target) }; continue }
            do {
                let folder = (target as NSString).deletingLastPathComponent
                if !fileSystem.isDirectory(folder) { try fileSystem.createDirectory(folder) }
                let temporary = target + ".handbook-tmp"
                try fileSystem.write(content, to: temporary)
                try fileSystem.move(temporary, to: target)
            } catch {
                throw Failure(description: "cannot write \(target): \(error)")
            }
            result.written.append(target)
            if done { result.current.append(target) }
        }
        return result
    }

    /// The index of the first line after the front matter (0 without one; a byte-order mark allowed).
    static func frontMatterEnd(_ lines: [String]) -> Int {
        guard let first = lines.first, first.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingWhitespace() == "---" else { return 0 }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingWhitespace()) }) else { return 0 }
        return close + 1
    }

    /// Where the translation of `original` belongs: its page path in the language's folder, as the
    /// language's other pages show it (`Content/de/a/b.md` for `Content/en/a/b.md`).
    static func translationPath(of original: Entry, in edition: Edition) throws(Failure) -> String {
        func folder(of entry: Entry) -> String? {
            let path = entry.page.sourcePath, tail = "/" + entry.id.path + ".md"
            return path.hasSuffix(tail) ? String(path.dropLast(tail.count)) : nil
        }
        let language = edition.readingOrder.lazy.filter { !$0.isFallback }.compactMap(folder).first
            ?? folder(of: original).map { ($0 as NSString).deletingLastPathComponent + "/" + edition.language.code }
        guard let language else {
            throw Failure(description: "cannot tell where \(edition.language.code)/\(original.id.path) belongs from \(original.page.sourcePath)")
        }
        return language + "/" + original.id.path + ".md"
    }
}
