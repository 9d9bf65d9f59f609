import Foundation
import Testing

/// The `handbook` command as a user runs it: exit status, messages on
/// standard error, and the previous output left alone after a failure.
@Suite struct CommandTests {
    static let binary = Paths.binary

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildSucceedsThenAFailedBuildExitsNonZeroAndKeepsTheSite() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let fixture = try Fixture()
        let ok = try run(["build", "--content", fixture.content, "--output", fixture.output])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Built 6 pages in 2 languages"))
        let before = fixture.snapshot()

        try fixture.write("de/guide/page.md", "---\ntitle: Seite\nordre: 2\n---\n\nText\n")
        let failed = try run(["build", "--content", fixture.content, "--output", fixture.output])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix(
            "\(fixture.content)/de/guide/page.md:3:1: error: unknown key 'ordre' in front matter (did you mean 'order'?)"))
        #expect(failed.stderr.contains("1 error, 0 warnings; nothing was written."))
        #expect(fixture.snapshot() == before)
    }

    @Test func checkExitsNonZeroOnErrorsAndSpeaksJSON() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let fixture = try Fixture()
        let clean = try run(["check", "--content", fixture.content])
        #expect(clean.status == 0)
        #expect(clean.stdout == "Checked 6 pages in 2 languages: 0 errors, 0 warnings.\n")
        try fixture.write("en/guide/page.md", "---\ntitle: T\n---\n\n[x](missing.md)\n")
        let broken = try run(["check", "--content", fixture.content, "--format", "json"])
        #expect(broken.status == 1)
        struct Report: Decodable {
            struct Item: Decodable { var path: String; var line: Int; var column: Int; var severity: String; var message: String }
            var diagnostics: [Item]
            var errors: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(broken.stdout.utf8))
        #expect(report.errors == 1)
        #expect(report.diagnostics.first?.path == fixture.content + "/en/guide/page.md")
        #expect(report.diagnostics.first?.line == 5 && report.diagnostics.first?.severity == "error")
        #expect(!FileManager.default.fileExists(atPath: fixture.output), "check writes nothing")
    }

    @Test func aFileWithHundredsOfProblemsPrintsFiftyAndACount() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let fixture = try Fixture()
        try fixture.write("en/guide/page.md", "---\ntitle: T\n---\n\n" + String(repeating: "[x](#nowhere) ", count: 500) + "\n")
        let failed = try run(["build", "--content", fixture.content, "--output", fixture.output])
        #expect(failed.status == 1)
        let lines = failed.stderr.split(separator: "\n")
        #expect(lines.count == 52)
        #expect(lines[50].hasSuffix("error: … and 450 more problems in this file, not shown"))
        #expect(lines[51] == "500 errors, 0 warnings; nothing was written.")
    }

    @Test func helpExplainsTheCommands() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let help = try run(["build", "--help"])
        #expect(help.stdout.contains("--content <content>"))
        #expect(help.stdout.contains("path:line:column"))
    }
}

extension CommandTests {
    /// Builds the minimal handbook, applies `change`, then runs `handbook build`
    /// again with file permissions in force: as root (which reads any file) the
    /// command runs as 'nobody' through setpriv. Checks the output is untouched.
    static func runAsUnprivileged(_ change: (Fixture) throws -> Void) throws -> (Fixture, Int32, String) {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first")
        let fixture = try Fixture()
        #expect(fixture.build().ok)
        let before = fixture.snapshot()
        try change(fixture)
        defer {  // let the fixture clean up after itself even when not root
            let restore = Process()
            restore.executableURL = URL(fileURLWithPath: "/bin/chmod")
            restore.arguments = ["-R", "u+rwX", fixture.root]
            try? restore.run()
            restore.waitUntilExit()
        }
        let process = Process()
        var arguments = ["build", "--content", fixture.content, "--output", fixture.output]
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
        }
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(fixture.snapshot() == before, "a failed build changed the output")
        return (fixture, process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}
