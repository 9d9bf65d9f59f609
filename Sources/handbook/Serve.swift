import ArgumentParser
import Dispatch
import Foundation
import HandbookKit
import HandbookServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the handbook in a browser; pages reload as you save.",
        discussion: """
            Builds the handbook into memory and serves it at http://127.0.0.1:4000/.
            Edit any file under the content folder and open pages reload; a mistake
            shows on the page with its path:line:column until you fix it, while the
            last good version stays served. Output/ is not touched: publish with
            'handbook build'. Stop with Ctrl-C.
            """)

    @OptionGroup var folder: ContentFolder

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 4000

    @Option(help: ArgumentHelp(
        "The address to listen on. The default answers this computer only; 0.0.0.0 opens the preview to your network.",
        valueName: "address"))
    var host = "127.0.0.1"

    func run() async throws {
        let options = PreviewServer.Options(host: host, port: port)
        if !options.isLoopback {
            Console.warn("warning: listening on \(host) makes the preview reachable from other computers on your network")
        }
        let server = PreviewServer(builder: Builder(content: folder.content, output: "Output"), options: options)
        let task = Task {
            try await server.run { event in
                switch event {
                case .listening(let url):
                    Console.status("Serving \(folder.content)/ at \(url)  (Ctrl-C to stop)")
                case .built(let state, let duration):
                    Console.report(state.diagnostics, summary: false)
                    let ms = Int((duration / .milliseconds(1)).rounded())
                    if state.failed {
                        Console.status("Build failed (\(ms) ms); still serving the last good version. Fix the file and save.")
                    } else {
                        Console.status("Built in \(ms) ms; open pages reload.")
                    }
                }
            }
        }
        // Ctrl-C and `kill` stop the server cleanly instead of killing it mid-response.
        let signals = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await task.value
        } catch {
            // After Ctrl-C, whatever the server says while closing is part of stopping.
            guard task.isCancelled else {
                Console.error("error: \((error as? PreviewServer.StartError)?.description ?? "\(error)")")
                throw ExitCode.failure
            }
        }
        Console.status("Stopped.")
    }
}
