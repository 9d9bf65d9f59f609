import Foundation

/// `handbook translations diff`: what changed in an original since its
/// translation was made. The translation's `source:` is the fingerprint of the
/// original's body then; the original's history has that version, and the diff
/// runs from it to the file as it is now.
package struct TranslationDiff: Sendable {
    package struct Failure: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// `<language>/<page>` as given.
    package var page: String
    /// The original's file.
    package var original: String
    package var recordedSource: String
    package var currentSource: String
    /// The newest commit whose version of the original has the recorded fingerprint.
    package var foundCommit: String
    /// The original as that commit left it, and as it is now.
    package var oldText: String
    package var newText: String
    package var diff: LineDiff

    /// Finds the translation `spec` (`de/team-mistakes/email`) and the version of its original it was made from.
    package static func find(_ spec: String, site: Site, fileSystem: any FileSystem,
                            history: () throws(HistoryFailure) -> any VersionHistory) throws(Failure) -> TranslationDiff {
        let name = spec.hasSuffix(".md") ? String(spec.dropLast(3)) : spec
        guard let originals = site.editions.first else { throw Failure(description: "the handbook has no languages") }
        guard let slash = name.firstIndex(of: "/"),
              let edition = site.editions.first(where: { $0.language.code == name[..<slash] }) else {
            throw Failure(description: "'\(spec)' names no language of the handbook; write <language>/<page>, e.g. \(site.editions.dropFirst().first?.language.code ?? "de")/index")
        }
        let path = String(name[name.index(after: slash)...])
        guard edition.language != originals.language else {
            throw Failure(description: "'\(spec)' is an original (\(originals.language.code) is the default language); name one of its translations")
        }
        guard let entry = edition.readingOrder.first(where: { $0.id.path == path }) else {
            throw Failure(description: "'\(spec)' names no page; 'handbook translations' lists them")
        }
        guard !entry.isFallback else { throw Failure(description: "'\(spec)' is not translated yet: there is no translation to compare") }
        guard let source = originals.byID[entry.id]?.page else {
            throw Failure(description: "'\(spec)' has no original in \(originals.language.code)")
        }
        guard let recorded = entry.page.frontMatter.source else {
            throw Failure(description: "\(entry.page.sourcePath) records no 'source:', so the version it was translated from is unknown; once it matches the original, run 'handbook translations --mark-current \(name)'")
        }
        let newBytes: [UInt8]
        do { newBytes = try fileSystem.read(source.sourcePath) } catch {
            throw Failure(description: "cannot read \(source.sourcePath): \(error)")
        }
        let current = PageParser.fileFingerprint(newBytes)
        var found: (commit: String, bytes: [UInt8])?
        do {
            let history = try history()
            for commit in try history.commits(touching: source.sourcePath) {
                let bytes = try history.contents(of: source.sourcePath, at: commit)
                if PageParser.fileFingerprint(bytes) == recorded { found = (commit, bytes); break }
            }
            if found == nil {
                throw HistoryFailure("no version of \(source.sourcePath) in its git history has the fingerprint \(recorded) that \(entry.page.sourcePath) records (the original may have been changed and translated without a commit in between, or the history was rewritten); compare the pages by hand, then run 'handbook translations --mark-current \(name)'")
            }
        } catch {
            throw Failure(description: "cannot tell what changed in \(source.sourcePath): \(error)")
        }
        let oldText = String(decoding: found!.bytes, as: UTF8.self), newText = String(decoding: newBytes, as: UTF8.self)
        return TranslationDiff(
            page: name, original: source.sourcePath, recordedSource: recorded, currentSource: current,
            foundCommit: found!.commit, oldText: oldText, newText: newText, diff: LineDiff(old: oldText, new: newText))
    }

    /// The unified diff with a header naming both versions.
    package func unified() -> String {
        if recordedSource == currentSource {
            return "\(page) is current: its original's body has not changed since it was translated (source \(recordedSource)).\n"
                + diff.unified(from: "\(original) @ \(foundCommit.prefix(12))", to: "\(original) (now)")
        }
        return diff.unified(from: "\(original) @ \(foundCommit.prefix(12)) (source \(recordedSource))",
                            to: "\(original) (now, \(currentSource))")
    }

    package func json() throws -> String {
        struct Output: Encodable {
            var page: String, original: String, recordedSource: String, currentSource: String, foundCommit: String
            var hunks: [LineDiff.Hunk]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = Output(page: page, original: original, recordedSource: recordedSource, currentSource: currentSource,
                            foundCommit: foundCommit, hunks: diff.hunks)
        return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
    }
}

extension PageParser {
    /// The fingerprint of a whole file's body, as a parsed page's `bodyHash` is:
    /// front matter (and a byte-order mark) left out.
    static func fileFingerprint(_ bytes: [UInt8]) -> String {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        let offset = (try? FrontMatterParser.parse(text, path: "")).map(\.bodyOffset) ?? 0
        return fingerprint(bytes[(start + offset)...])
    }
}
