import Foundation
@testable import HandbookKit

/// A handbook in a temporary folder, written from a dictionary of files.
/// Tests build real trees on the real disk: no mocks of the world needed.
final class Fixture {
    let root: String
    var content: String { root + "/Content" }
    var output: String { root + "/Output" }

    static let config = """
        languages:
          - code: en
            title: Test Handbook
          - code: de
            title: Test-Handbuch
        """

    /// A small valid handbook: home and one section in en and de.
    static let minimal: [String: String] = [
        "handbook.yml": config,
        "en/index.md": "---\ntitle: Home\n---\n\nWelcome. See [the guide](guide/index.md).\n",
        "en/guide/index.md": "---\ntitle: Guide\norder: 1\n---\n\n## Start here\n\nText.\n\n## Then this\n\nMore.\n",
        "en/guide/page.md": "---\ntitle: A page\norder: 1\n---\n\nBack [home](../index.md).\n",
        "de/index.md": "---\ntitle: Start\n---\n\nWillkommen. Siehe [den Leitfaden](guide/index.md).\n",
        "de/guide/index.md": "---\ntitle: Leitfaden\norder: 1\n---\n\n## Hier beginnen\n\nText.\n",
        "de/guide/page.md": "---\ntitle: Eine Seite\norder: 1\n---\n\nZurück [nach Hause](../index.md).\n",
    ]

    init(_ files: [String: String] = Fixture.minimal) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("handbook-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: content + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    var builder: Builder { Builder(content: content, output: output, projectRoot: root) }

    /// Builds and returns the diagnostics (errors from a failed build included).
    @discardableResult
    func build() -> (ok: Bool, diagnostics: [Diagnostic]) {
        do {
            return (true, try builder.build().warnings)
        } catch {
            return (false, error.diagnostics)
        }
    }

    func read(_ outputPath: String) -> String? {
        try? String(contentsOfFile: output + "/" + outputPath, encoding: .utf8)
    }

    /// Every file under the output folder with its bytes, for before/after comparisons.
    func snapshot() -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: output) else { return [:] }
        while let path = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: output + "/" + path) { result[path] = data }
        }
        return result
    }
}
