import HandbookKit

/// One fuzz input run through the whole page pipeline, in memory: front matter,
/// directives, cmark-gfm, anchors, placeholders, link rewriting and checking,
/// and the theme's templates. Shared by the libFuzzer target (`HandbookFuzz`)
/// and by the test suite, which replays the corpus and every input that ever
/// crashed the fuzzer.
///
/// The input is up to four pages separated by a line `%%%%`, so links between
/// pages, anchors and fallbacks get exercised: `en/index.md`, `en/guide/index.md`,
/// `en/guide/page.md`, `de/index.md`. A missing piece is a small valid page.
/// An input that starts with `raw\n` turns on `raw_html` (then the author may
/// write any HTML, so only the crash and diagnostic checks apply).
public enum FuzzHarness {
    public static let separator: [UInt8] = Array("\n%%%%\n".utf8)
    public static let pagePaths = ["en/index.md", "en/guide/index.md", "en/guide/page.md", "de/index.md"]
    static let defaults = [
        "---\ntitle: Home\n---\n\nSee [the guide](guide/index.md#start).\n",
        "---\ntitle: Guide\norder: 1\n---\n\n## Start\n\nText.\n",
        "---\ntitle: Page\norder: 2\n---\n\nBack [home](../index.md).\n",
        "---\ntitle: Start\n---\n\nWillkommen.\n",
    ]

    /// What one run found. `violation` is set when an invariant broke: the fuzz
    /// target turns it into a crash so libFuzzer keeps the input.
    public struct Outcome: Sendable {
        public var built: Bool
        public var diagnostics: [String]
        public var violation: String?
    }

    public static func run(_ input: [UInt8]) -> Outcome {
        var bytes = input[...]
        var rawHTML = false
        if bytes.starts(with: Array("raw\n".utf8)) {
            rawHTML = true
            bytes = bytes.dropFirst(4)
        }
        var files: [String: [UInt8]] = [
            "Content/handbook.yml": Array("""
                languages:
                  - code: en
                    title: Fuzz
                  - code: de
                    title: Fuzz-Handbuch
                raw_html: \(rawHTML)

                """.utf8),
        ]
        let pieces = split(bytes, on: separator, limit: pagePaths.count)
        for (index, path) in pagePaths.enumerated() {
            files["Content/" + path] = index < pieces.count ? Array(pieces[index]) : Array(defaults[index].utf8)
        }
        let fileSystem = MemoryFileSystem(files: files)
        let builder = Builder(fileSystem: fileSystem, content: "Content", output: "Output", projectRoot: ".")
        do {
            let result = try builder.render()
            let violation = check(result.files, rawHTML: rawHTML) ?? checkDiagnostics(result.warnings)
            return Outcome(built: true, diagnostics: result.warnings.map(\.description), violation: violation)
        } catch {
            let violation = error.diagnostics.contains { $0.severity == .error }
                ? checkDiagnostics(error.diagnostics) : "the build failed without an error diagnostic"
            return Outcome(built: false, diagnostics: error.diagnostics.map(\.description), violation: violation)
        }
    }

    /// Splits on `separator`; the last piece keeps any further separators.
    static func split(_ bytes: ArraySlice<UInt8>, on separator: [UInt8], limit: Int) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index + separator.count <= bytes.endIndex, pieces.count < limit - 1 {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                pieces.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[start...])
        return pieces
    }

    /// Every diagnostic is one `path:line:column: severity: message` line.
    static func checkDiagnostics(_ diagnostics: [Diagnostic]) -> String? {
        for diagnostic in diagnostics {
            let text = diagnostic.description
            if text.contains("\n") || text.contains("\r") { return "diagnostic spans lines: \(text)" }
            if diagnostic.location.path.isEmpty || diagnostic.message.isEmpty { return "diagnostic without path or message: \(text)" }
        }
        return nil
    }

    /// The number of `<script` in each kind of file of a site built from the default pages.
    static let baselineScripts: [String: Int] = {
        var files: [String: [UInt8]] = ["Content/handbook.yml": Array("languages:\n  - code: en\n    title: Fuzz\n  - code: de\n    title: F\n".utf8)]
        for (index, path) in pagePaths.enumerated() { files["Content/" + path] = Array(defaults[index].utf8) }
        let builder = Builder(fileSystem: MemoryFileSystem(files: files), content: "Content", output: "Output", projectRoot: ".")
        var counts: [String: Int] = [:]
        guard let result = try? builder.render() else { return counts }
        for file in result.files where file.path.hasSuffix(".html") {
            counts[kind(of: file.path)] = HTMLScan.count("<script", in: file.bytes) - contentsScripts(in: file.bytes)
        }
        return counts
    }()

    static func kind(of path: String) -> String {
        if path == "index.html" { return "chooser" }
        if path.hasSuffix("404.html") { return "not-found" }
        return "page"
    }

    /// The "On this page" list comes with a script that folds it on small screens, so a
    /// page with headings has one script more. Author text cannot write this markup:
    /// without raw HTML every `<` of it is escaped.
    static func contentsScripts(in bytes: [UInt8]) -> Int {
        HTMLScan.count("<nav class=\"toc\"", in: bytes) > 0 ? 1 : 0
    }

    /// Nothing leaks: no event-handler attribute, no script address, no script
    /// element the theme did not write, and no file outside the output folder.
    static func check(_ files: [OutputFile], rawHTML: Bool) -> String? {
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            if file.path.hasPrefix("/") || parts.contains("..") || parts.contains("") || parts.contains(".") {
                return "output path leaves the output folder: \(file.path)"
            }
            guard !rawHTML, file.path.hasSuffix(".html") else { continue }
            if let problem = HTMLScan.unsafeMarkup(in: file.bytes) { return "\(file.path): \(problem)" }
            let expected = (baselineScripts[kind(of: file.path)] ?? 0) + contentsScripts(in: file.bytes)
            let found = HTMLScan.count("<script", in: file.bytes)
            if found != expected { return "\(file.path): \(found) <script> elements, the theme writes \(expected)" }
        }
        return nil
    }
}
