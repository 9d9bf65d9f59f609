import FlyingFox
import FlyingSocks
import Foundation
import HandbookKit

/// `handbook serve`: builds the handbook into memory, serves it over HTTP,
/// rebuilds when the content changes and tells open pages to reload.
/// `Output/` is never touched: publishing stays `handbook build`'s job.
package struct PreviewServer: Sendable {
    package struct Options: Sendable {
        package var host: String
        package var port: UInt16
        package init(host: String = "127.0.0.1", port: UInt16 = 4000) {
            self.host = host
            self.port = port
        }

        package var isLoopback: Bool {
            host == "localhost" || host == "::1" || HostCheck.ipv4(host)?.first == 127
        }
    }

    package enum Event: Sendable {
        case listening(URL)
        case built(LiveSite.State, Duration)
    }

    package struct StartError: Error, CustomStringConvertible {
        package var description: String
    }

    let builder: Builder
    let options: Options
    package let site: LiveSite

    package init(builder: Builder, options: Options) {
        self.builder = builder
        self.options = options
        self.site = LiveSite(builder: builder)
    }

    /// Runs until the task is cancelled (Ctrl-C in the command).
    package func run(events: @escaping @Sendable (Event) -> Void) async throws {
        let clock = ContinuousClock()
        let first = clock.now
        // The watcher takes its first look before the first build reads anything,
        // so an edit made during that build is reported afterwards.
        let watcher = ContentWatcher(root: builder.content)
        events(.built(await site.rebuild(), clock.now - first))

        let address: any SocketAddress
        do {
            address = options.host.contains(":")
                ? try sockaddr_in6.inet6(ip6: options.host == "localhost" ? "::1" : options.host, port: options.port)
                : try sockaddr_in.inet(ip4: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        } catch {
            throw StartError(description: "'\(options.host)' is not an IP address to listen on (try 127.0.0.1)")
        }
        let handler = PreviewHandler(site: site, loopbackOnly: options.isLoopback)
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: handler)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await server.run()
                } catch let error as SocketError where !Task.isCancelled {
                    if case .failed(_, let code, _) = error, code == EADDRINUSE {
                        throw StartError(description:
                            "port \(options.port) is already in use; stop the other server or choose another with --port")
                    }
                    throw StartError(description: "cannot listen on \(options.host):\(options.port): \(error.localizedDescription)")
                }
            }
            // Listening and watching wait for the server; if it cannot start, its error comes first.
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                let port = await server.listeningPort ?? options.port
                let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
                events(.listening(URL(string: "http://\(shownHost):\(port)/")!))
                await watcher.run { changed in
                    let start = clock.now
                    let state = await site.rebuild(changed: changed)
                    events(.built(state, clock.now - start))
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}

extension HTTPServer {
    var listeningPort: UInt16? {
        switch listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: port
        default: nil
        }
    }
}

/// Answers every request: the Host check first, then live reload, then the site's files.
struct PreviewHandler: HTTPHandler {
    let site: LiveSite
    let loopbackOnly: Bool

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard HostCheck.allows(request.headers[.host], loopbackOnly: loopbackOnly) else {
            return text(.forbidden, "Forbidden: this preview answers only to localhost and IP addresses.\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "Only GET and HEAD are served.\n")
        }
        if request.path == LiveReload.eventsPath {
            // A page elsewhere on the web may not listen in on the build.
            if let origin = request.headers[HTTPHeader("Origin")],
               origin != "http://" + (request.headers[.host] ?? "") {
                return text(.forbidden, "Forbidden origin.\n")
            }
            let websocket = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadMessages(site: site)))
            return try await websocket.handleRequest(request)
        }
        switch RequestPath.resolve(request.target.path()) {
        case .badRequest:
            return text(.badRequest, "Bad request path.\n")
        case .file(let path):
            return await serve(path, request: request)
        }
    }

    private func serve(_ path: String, request: HTTPRequest) async -> HTTPResponse {
        if path == LiveReload.scriptPath {
            return respond(request, Array(LiveReload.script.utf8), type: MediaType.of(path), etag: nil)
        }
        let state = await site.state
        let generation = state.generation
        if generation == 0 {
            // Nothing has built yet: show why, and reload once it does.
            let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head>"
                + "<body><h1>The handbook does not build yet</h1><p>Fix these problems and save; this page reloads.</p><pre>"
                + state.diagnostics.map { escapeHTML($0.description) }.joined(separator: "\n") + "</pre></body></html>"
            var response = respond(request, LiveReload.inject(into: Array(page.utf8), generation: 0),
                type: MediaType.of("index.html"), etag: nil)
            response.statusCode = .internalServerError
            return response
        }
        guard let file = await site.file(path) else {
            if await site.file(path + "/index.html") != nil {
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: request.target.path() + "/"]))
            }
            if let notFound = await site.notFoundPage(for: path) {
                var response = respond(request, LiveReload.inject(into: notFound.bytes, generation: generation),
                    type: MediaType.of("404.html"), etag: nil)
                response.statusCode = .notFound
                return response
            }
            return text(.notFound, "Not found.\n")
        }
        let isHTML = path.hasSuffix(".html")
        // A page carries the build it came from, so its tag changes with every build.
        let etag = isHTML ? String(file.etag.dropLast()) + "-\(generation)\"" : file.etag
        if request.headers[.ifNoneMatch] == etag {
            return HTTPResponse(statusCode: .notModified, headers: HTTPHeaders([.eTag: etag]))
        }
        let body = isHTML ? LiveReload.inject(into: file.bytes, generation: generation) : file.bytes
        return respond(request, body, type: MediaType.of(path), etag: etag)
    }

    private func respond(_ request: HTTPRequest, _ body: [UInt8], type: String, etag: String?) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: type,
            .cacheControl: "no-cache",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if let etag { headers[.eTag] = etag }
        let data = request.method == .HEAD ? Data() : Data(body)
        if request.method == .HEAD { headers[.contentLength] = String(body.count) }
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8"]), body: Data(message.utf8))
    }
}
