import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServer

/// A running preview of a fixture handbook on an ephemeral loopback port.
final class RunningPreview: @unchecked Sendable {
    let root: String
    let content: String
    let server: PreviewServer
    private var task: Task<Void, Error>?
    private(set) var port: UInt16 = 0

    init(files: [String: String] = RunningPreview.files) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-serve-\(UUID().uuidString)").path
        content = root + "/Content"
        for (path, text) in files { try Self.write(content + "/" + path, text) }
        server = PreviewServer(builder: Builder(content: content, output: root + "/Output", projectRoot: root),
                               options: .init(host: "127.0.0.1", port: 0))
        let (listening, continuation) = AsyncStream.makeStream(of: UInt16.self)
        task = Task { [server] in
            try await server.run { event in
                if case .listening(let url) = event { continuation.yield(UInt16(url.port!)) }
            }
        }
        for await port in listening { self.port = port; break }
    }

    deinit {
        task?.cancel()
        try? FileManager.default.removeItem(atPath: root)
    }

    var client: RawClient { RawClient(port: port) }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func edit(_ path: String, _ text: String) throws { try Self.write(content + "/" + path, text) }

    static let files = [
        "handbook.yml": "languages:\n  - code: en\n    title: Preview\n  - code: de\n    title: Vorschau\n",
        "en/index.md": "---\ntitle: Home\n---\n\n## Welcome\n\nHello.\n",
        "de/index.md": "---\ntitle: Start\n---\n\n## Willkommen\n\nHallo.\n",
        "assets/note.txt": "plain",
    ]
}

struct Message: Decodable {
    var generation: Int
    var failed: Bool
    var diagnostics: [String]
}

func decode(_ text: String) throws -> Message {
    try JSONDecoder().decode(Message.self, from: Data(text.utf8))
}

@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithTypesTagsAndTheReloadScript() async throws {
        let preview = try await RunningPreview()
        let page = try preview.client.request("/en/index.html")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("<script src=\"/__handbook/live.js\" data-generation=\"1\"></script>\n</body>"))
        let etag = try #require(page.headers["etag"])
        #expect(try preview.client.request("/en/index.html", headers: ["If-None-Match": etag]).status == 304)
        #expect(try preview.client.request("/").text.contains("hreflang=\"de\""))
        #expect(try preview.client.request("/theme/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try preview.client.request("/assets/note.txt").text == "plain")
        #expect(try preview.client.request("/__handbook/live.js").text.contains("new WebSocket"))
        #expect(try preview.client.request("/en").status == 301)
        let missing = try preview.client.request("/de/nowhere.html")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Seite nicht gefunden"))
        // Outside every language folder: the root 404, which offers the languages.
        let outside = try preview.client.request("/old/wiki/page.html")
        #expect(outside.status == 404)
        #expect(outside.text.contains("class=\"language-list\""))
        #expect(try preview.client.request("/en/index.html", method: "HEAD").body.isEmpty)
        #expect(try preview.client.request("/en/index.html", method: "POST").status == 405)
        #expect(!FileManager.default.fileExists(atPath: preview.root + "/Output"), "serve never writes Output/")
    }

    @Test func anEditSendsTheReloadEvent() async throws {
        let preview = try await RunningPreview()
        let socket = try RawClient.Socket(client: preview.client, path: "/__handbook/events")
        #expect(try decode(socket.next()).generation == 1)
        let saved = ContinuousClock.now
        try preview.edit("en/index.md", "---\ntitle: Home\n---\n\nChanged.\n")
        let message = try decode(socket.next())
        #expect(message.generation == 2 && !message.failed)
        #expect(ContinuousClock.now - saved < .seconds(5))
        #expect(try preview.client.request("/en/index.html").text.contains("<p>Changed.</p>"))
    }

    @Test func aBrokenEditIsReportedAndTheLastGoodVersionStays() async throws {
        let preview = try await RunningPreview()
        let socket = try RawClient.Socket(client: preview.client, path: "/__handbook/events")
        _ = try socket.next()
        try preview.edit("en/index.md", "---\ntitle: Home\n---\n\n:::compare Unclosed\n")
        let broken = try decode(socket.next())
        #expect(broken.failed && broken.generation == 1)
        #expect(broken.diagnostics == [
            "\(preview.content)/en/index.md:5:1: error: ':::compare Unclosed' is never closed: add a line ':::' after its last line",
        ])
        #expect(try preview.client.request("/en/index.html").text.contains("Hello."), "last good version")
        try preview.edit("en/index.md", "---\ntitle: Home\n---\n\nFixed.\n")
        let fixed = try decode(socket.next())
        #expect(!fixed.failed && fixed.generation == 2)
    }

    @Test func aHandbookThatNeverBuiltShowsWhyAndRecovers() async throws {
        var files = RunningPreview.files
        files["en/index.md"] = "---\ntitle: <Home>\n---\n\n:::bad\n"
        let preview = try await RunningPreview(files: files)
        let page = try preview.client.request("/en/index.html")
        #expect(page.status == 500)
        #expect(page.text.contains("en/index.md:5:1: error: &#39;:::bad&#39;"))
        #expect(page.text.contains("data-generation=\"0\""))
        let socket = try RawClient.Socket(client: preview.client, path: "/__handbook/events")
        #expect(try decode(socket.next()).failed)
        try preview.edit("en/index.md", "---\ntitle: Home\n---\n\nFixed.\n")
        #expect(try decode(socket.next()).generation == 1)
        #expect(try preview.client.request("/en/index.html").status == 200)
    }

    /// A path with a dot segment, a backslash, a NUL or a bad escape is refused
    /// (400); `//etc/passwd` is an ordinary path that names no file here (404).
    @Test(arguments: [
        "/../../../etc/passwd", "/en/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
        "/%2E%2E%2F%2E%2E%2Fetc/passwd", "/en/..\\..\\etc\\passwd", "/en/%5c..%5c..%5cetc/passwd",
        "/en/index.html%00.css", "/%252e%252e/%252e%252e/etc/passwd", "/en/%c0%ae%c0%ae/etc/passwd",
        "/./en/index.html", "/en/%", "/en/%zz",
    ].map { ($0, 400) } + [("//etc/passwd", 404)])
    func traversalProbesNeverLeaveTheSite(target: String, status: Int) async throws {
        let preview = try await RunningPreview()
        let response = try preview.client.request(target)
        #expect(response.status == status, "\(target) gave \(response.status)")
        #expect(!response.text.contains("root:"))
    }

    @Test(arguments: [
        ("evil.example", 403), ("evil.example:4000", 403), ("127.0.0.1.nip.io", 403), ("10.0.0.7", 403),
        ("localhost", 200), ("localhost:4000", 200), ("127.0.0.1", 200), ("[::1]:4000", 200), ("handbook.localhost", 200),
    ])
    func onlyLoopbackHostsAreAnswered(host: String, status: Int) async throws {
        let preview = try await RunningPreview()
        #expect(try preview.client.request("/en/index.html", host: host).status == status)
    }

    @Test func holdsABurstOfConcurrentConnections() async throws {
        let preview = try await RunningPreview()
        let client = preview.client
        _ = try client.request("/en/index.html")
        let before = residentMegabytes()
        for _ in 0..<3 {
            // Real threads, not tasks: blocking sockets must not starve the server's own tasks.
            let statuses = await withCheckedContinuation { (done: CheckedContinuation<[Int], Never>) in
                let results = Results()
                let group = DispatchGroup()
                for _ in 0..<100 {
                    group.enter()
                    Thread.detachNewThread {
                        let mine = (0..<10).map { _ in (try? client.request("/en/index.html").status) ?? -1 }
                        results.append(mine)
                        group.leave()
                    }
                }
                group.notify(queue: .global()) { done.resume(returning: results.all) }
            }
            #expect(statuses.count == 1000 && statuses.allSatisfy { $0 == 200 }, "\(Set(statuses))")
        }
        #expect(try client.request("/de/index.html").status == 200, "still answering")
        #expect(residentMegabytes() - before < 64, "memory stays flat")
    }

    @Test func aPortInUseGivesAClearMessage() async throws {
        let preview = try await RunningPreview()
        let second = PreviewServer(
            builder: Builder(content: preview.content, output: preview.root + "/Output"),
            options: .init(host: "127.0.0.1", port: preview.port))
        await #expect {
            try await second.run { _ in }
        } throws: { error in
            "\(error)" == "port \(preview.port) is already in use; stop the other server or choose another with --port"
        }
    }
}

@Suite struct RequestPathTests {
    @Test func mapsPathsToFiles() {
        #expect(RequestPath.resolve("/") == .file("index.html"))
        #expect(RequestPath.resolve("/en/") == .file("en/index.html"))
        #expect(RequestPath.resolve("/en/a%20b.html") == .file("en/a b.html"))
        #expect(RequestPath.resolve("/pt/n%C3%A3o.html") == .file("pt/não.html"))
        #expect(RequestPath.resolve("/en/../x") == .badRequest)
        #expect(RequestPath.resolve("en/x") == .badRequest)
    }

    @Test func hostCheck() {
        #expect(HostCheck.allows("192.168.1.5:4000", loopbackOnly: false))
        #expect(!HostCheck.allows("192.168.1.5:4000", loopbackOnly: true))
        #expect(!HostCheck.allows(nil, loopbackOnly: true))
        #expect(!HostCheck.allows("localhost.evil.example", loopbackOnly: true))
    }
}

func residentMegabytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = Int(statm.split(separator: " ")[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// Statuses collected from many threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func append(_ more: [Int]) { lock.withLock { values += more } }
    var all: [Int] { lock.withLock { values } }
}
