import Foundation
import Testing
@testable import HandbookKit

/// The project's root and the shared folder beside it, found from this file.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let shared = packageRoot + "/../shared"
    /// The `handbook` command of this build: SwiftPM puts the products beside
    /// the test bundle it runs (`.build/<triple>/<configuration>/`), whatever
    /// the configuration or `--scratch-path`.
    static let binary: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On Linux the runner is the `.xctest` executable; elsewhere a bundle's inner executable.
        while folder.pathComponents.count > 1, folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("handbook").path
    }()
    static func sharedHas(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: shared + "/" + path)
    }
}

/// One example of the GFM spec: the Markdown between the fence and `.`.
struct SpecExample: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var markdown: String
    var testDescription: String { "\(file):\(line)" }

    static func load() -> [SpecExample] {
        var examples: [SpecExample] = []
        for file in ["spec.txt", "extensions.txt"] {
            guard let text = try? String(contentsOfFile: Paths.shared + "/gfm-spec/" + file, encoding: .utf8) else { continue }
            let fence = String(repeating: "`", count: 32)
            var lines = text.components(separatedBy: "\n").enumerated().makeIterator()
            while let (number, line) = lines.next() {
                guard line.hasPrefix(fence + " example"), !line.hasSuffix("disabled") else { continue }
                var markdown: [String] = []
                while let (_, body) = lines.next(), body != "." { markdown.append(body) }
                let source = markdown.map { $0 + "\n" }.joined().replacingAll("→", with: "\t")
                examples.append(SpecExample(file: file, line: number + 1, markdown: source))
            }
        }
        return examples
    }
}

/// The directive layer, anchors and link rewriting must not change what
/// standard Markdown means: every spec example run through the page pipeline
/// renders as cmark-gfm alone renders it, with the same options and extensions.
@Suite(.enabled(if: Paths.sharedHas("gfm-spec/spec.txt"), "../shared/gfm-spec is absent: conformance skipped"))
struct ConformanceTests {
    static let examples = SpecExample.load()

    @Test func specExamplesAreAllRead() {
        #expect(Self.examples.count > 650)
    }

    @Test(arguments: examples)
    func pipelineRendersLikeCmarkGFM(example: SpecExample) throws {
        let reference = Array(example.markdown.utf8).withUnsafeBytes {
            MarkdownTree(markdown: $0, rawHTML: false).html()
        }
        let markdown = "---\ntitle: Example\n---\n" + example.markdown
        let (page, diagnostics) = parsePage(markdown)
        if let html = page?.bodyHTML {
            #expect(Self.withoutEnrichments(html) == Self.expectedRewrites(reference))
            return
        }
        // Links to `/url` or `foo` that lead nowhere are errors by design, and this
        // handbook has no such page or file: the example must fail for its links
        // alone, and in a handbook that has them it must read as cmark-gfm reads
        // it, up to the addresses, which `/url` and `foo` links are rewritten to.
        #expect(diagnostics.filter { $0.severity == .error }.allSatisfy { $0.message.hasPrefix("link '") }, "\(diagnostics)")
        let (answered, again) = parsePage(markdown, content: Self.contentAnswering(example.markdown))
        let html = try #require(answered?.bodyHTML, "\(again)")
        #expect(Self.withoutAddresses(Self.withoutEnrichments(html)) == Self.withoutAddresses(Self.expectedRewrites(reference)))
    }

    /// A content holding every page and file the example's links look for.
    static func contentAnswering(_ markdown: String) -> ContentIndex {
        var pages: Set<String> = [], files: Set<String> = []
        let tree = Array(markdown.utf8).withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: false) }
        for node in tree.root.descendants() where node.typeName == "link" || node.typeName == "image" {
            var resolver = LinkResolver(pageFolder: "en", languages: ["en", "de"])
            _ = resolver.resolve(node.url ?? "", isImage: node.typeName == "image")
            for query in resolver.guesses.answers.keys {
                switch query {
                case .page(let path): pages.insert(path)
                case .file(let path): files.insert(path)
                case .folder: break
                }
            }
        }
        return ContentIndex(pages: pages, files: files, defaultLanguage: "en")
    }

    static func withoutAddresses(_ html: String) -> String {
        html.replacingOccurrences(of: #"(href|src)="[^"]*""#, with: "$1=\"\"", options: .regularExpression)
    }

    /// The pipeline gives headings an id on purpose; take it away to compare.
    /// Heading ids, and the labels round a task item's box and text (`TaskLists`).
    static func withoutEnrichments(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
            .replacingOccurrences(of: "<label>", with: "").replacingOccurrences(of: "</label>", with: "")
    }

    /// The pipeline turns relative links to `.md` files into links to `.html` pages.
    /// Task list boxes are tickable: `disabled` goes.
    static func expectedRewrites(_ html: String) -> String {
        html.replacingOccurrences(of: #"<input type="checkbox"( checked="")? disabled="" />"#, with: #"<input type="checkbox"$1 />"#,
                                  options: .regularExpression)
            .replacingOccurrences(
            of: ##"href="((?![a-zA-Z][a-zA-Z0-9+.-]*:|/)[^"#?]*)\.md([#?"])"##, with: "href=\"$1.html$2",
            options: .regularExpression)
    }
}
