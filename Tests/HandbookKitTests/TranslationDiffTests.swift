import Foundation
import Testing
@testable import HandbookKit

/// `handbook translations diff` on a real git repository with a few commits.
@Suite struct TranslationDiffTests {
    func git(_ fixture: Fixture, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try GitHistory().executable)
        process.arguments = ["-C", fixture.root, "-c", "user.name=Test", "-c", "user.email=test@example.com",
                             "-c", "commit.gpgsign=false"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    func site(_ fixture: Fixture) throws -> Site {
        try #require(Checker(builder: fixture.builder).run().site)
    }

    static let version1 = "---\ntitle: A page\norder: 1\n---\n\nBack [home](../index.md).\n\nFirst advice.\n\nSecond advice.\n"
    static let version2 = "---\ntitle: A page\norder: 1\n---\n\nBack [home](../index.md).\n\nFirst advice, reworded.\n\nSecond advice.\n"

    /// en/guide/page.md in three commits; the German page translated from the first.
    func history() throws -> Fixture {
        let fixture = try Fixture()
        try git(fixture, "init", "-q")
        try fixture.write("en/guide/page.md", Self.version1)
        try git(fixture, "add", "-A")
        try git(fixture, "commit", "-q", "-m", "one")
        let source = PageParser.fileFingerprint(Array(Self.version1.utf8))
        try fixture.write("de/guide/page.md", "---\ntitle: Eine Seite\norder: 1\nsource: \(source)\n---\n\nZurück [nach Hause](../index.md).\n")
        try git(fixture, "add", "-A")
        try git(fixture, "commit", "-q", "-m", "two")
        try fixture.write("en/guide/page.md", Self.version2)
        try git(fixture, "commit", "-q", "-am", "three")
        return fixture
    }

    @Test func findsTheTranslatedVersionAndDiffsItToNow() throws {
        let fixture = try history()
        // A change not yet committed counts too: the diff runs to the file on disk.
        try fixture.write("en/guide/page.md", Self.version2 + "\nThird advice.\n")
        let diff = try TranslationDiff.find("de/guide/page", site: try site(fixture), fileSystem: LocalFileSystem()) {
            () throws(HistoryFailure) in try GitHistory()
        }
        #expect(diff.recordedSource == PageParser.fileFingerprint(Array(Self.version1.utf8)))
        #expect(diff.recordedSource != diff.currentSource)
        #expect(diff.oldText == Self.version1)
        #expect(diff.diff.hunks.map(\.header) == ["@@ -5,6 +5,8 @@"])
        #expect(diff.diff.hunks.first?.lines == [
            " ", " Back [home](../index.md).", " ", "-First advice.", "+First advice, reworded.", " ",
            " Second advice.", "+", "+Third advice.",
        ])
        let text = diff.unified()
        #expect(text.hasPrefix("--- \(fixture.content)/en/guide/page.md @ \(diff.foundCommit.prefix(12)) (source \(diff.recordedSource))\n+++ "))
        let json = try JSONSerialization.jsonObject(with: Data(try diff.json().utf8)) as? [String: Any]
        #expect(json?["foundCommit"] as? String == diff.foundCommit)
        #expect((json?["hunks"] as? [[String: Any]])?.first?["oldStart"] as? Int == 5)
    }

    @Test func saysWhenNoVersionHasTheRecordedFingerprint() throws {
        let fixture = try history()
        try fixture.write("de/guide/page.md", "---\ntitle: Eine Seite\norder: 1\nsource: 0123456789ab\n---\n\nZurück [nach Hause](../index.md).\n")
        #expect {
            try TranslationDiff.find("de/guide/page", site: try site(fixture), fileSystem: LocalFileSystem()) {
                () throws(HistoryFailure) in try GitHistory()
            }
        } throws: { "\($0)".contains("no version of \(fixture.content)/en/guide/page.md in its git history has the fingerprint 0123456789ab") }
    }

    @Test func saysWhenTheContentIsNotInARepository() throws {
        let fixture = try Fixture()
        try fixture.write("de/guide/page.md", "---\ntitle: Eine Seite\nsource: 0123456789ab\n---\n\nZurück [nach Hause](../index.md).\n")
        #expect {
            try TranslationDiff.find("de/guide/page", site: try site(fixture), fileSystem: LocalFileSystem()) {
                () throws(HistoryFailure) in try GitHistory()
            }
        } throws: { "\($0)".contains("is not inside a git repository") }
    }

    @Test func saysWhenGitIsMissing() throws {
        #expect { try GitHistory(path: "/nonexistent") } throws: { "\($0)".contains("git is not installed") }
    }

    @Test func namesAnUntrackedTranslation() throws {
        let fixture = try history()
        try fixture.write("de/guide/page.md", "---\ntitle: Eine Seite\norder: 1\n---\n\nZurück [nach Hause](../index.md).\n")
        #expect {
            try TranslationDiff.find("de/guide/page", site: try site(fixture), fileSystem: LocalFileSystem()) {
                () throws(HistoryFailure) in try GitHistory()
            }
        } throws: { "\($0)".contains("records no 'source:'") }
    }

    @Test func unifiedDiffsCountLinesLikeDiff() {
        let diff = LineDiff(old: "a\nb\nc\n", new: "a\nc\nd\n")
        #expect(diff.unified(from: "old", to: "new") == "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n")
        #expect(LineDiff(old: "", new: "x\n").hunks.map(\.header) == ["@@ -0,0 +1,1 @@"])
        #expect(LineDiff(old: "same\n", new: "same\n").hunks.isEmpty)
    }
}
