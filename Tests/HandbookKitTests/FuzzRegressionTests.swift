import Foundation
import Testing
@testable import HandbookFuzzing

/// Replays every seed of the fuzz corpus and every input that ever crashed the
/// fuzzer (`Tests/fuzz/crashers/`) through the same harness, without
/// sanitizers: none may crash, hang or break an invariant. `scripts/fuzz`
/// replays them under AddressSanitizer too, before it starts fuzzing.
@Suite struct FuzzRegressionTests {
    static func inputs(_ folder: String) -> [String] {
        let path = Paths.packageRoot + "/Tests/fuzz/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    @Test(arguments: inputs("crashers") + inputs("corpus"))
    func replays(path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let outcome = FuzzHarness.run(Array(bytes))
        #expect(outcome.violation == nil, "\(URL(fileURLWithPath: path).lastPathComponent): \(outcome.violation ?? "")")
    }

    @Test func thereAreCrashersToReplay() {
        #expect(!Self.inputs("crashers").isEmpty)
        #expect(Self.inputs("corpus").count >= 20)
    }

    @Test(arguments: ["multi-page", "compare-with-script", "gfm", "frontmatter-crlf-bom"])
    func validSeedsBuildInTheHarness(name: String) throws {
        let seed = try #require(FileManager.default.contents(atPath: Paths.packageRoot + "/Tests/fuzz/corpus/" + name))
        let outcome = FuzzHarness.run(Array(seed))
        #expect(outcome.built, "\(outcome.diagnostics)")
    }

    @Test(arguments: [
        ("<p><img src=x onerror=alert(1)></p>", "event-handler attribute 'onerror' on <img>"),
        ("<a href=\" jav&#x61;script:alert(1)\">x</a>", "href=\" jav&#x61;script:alert(1)\" on <a>"),
        ("<a href=\"java\tscript:x\">x</a>", "href=\"java\tscript:x\" on <a>"),
        ("<a href=\"data:text/html,x\">x</a>", "href=\"data:text/html,x\" on <a>"),
    ])
    func theOracleSeesScriptInHTML(html: String, problem: String) {
        #expect(HTMLScan.unsafeMarkup(in: Array(html.utf8)) == problem)
    }

    @Test(arguments: [
        "<p>on=1 onerror=alert(1) &lt;img src=x onerror=alert(1)&gt;</p>",
        "<img src=\"data:image/png;base64,AA\" alt=\"x\" /><a href=\"javascript.html\">x</a>",
        "<!-- <a onclick=x> --><script>var a = '<b onclick=1>';</script>",
    ])
    func theOracleLetsTextAndSafeMarkupPass(html: String) {
        #expect(HTMLScan.unsafeMarkup(in: Array(html.utf8)) == nil)
    }
}
