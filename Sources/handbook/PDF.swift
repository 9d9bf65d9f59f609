import ArgumentParser
import HandbookKit

struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each language's booklet of a built site to a PDF, with headless Chromium.",
        discussion: """
            Run it after 'handbook build': it prints <output>/<language>/print.html to
            <output>/<language>/handbook-<language>.pdf, with page numbers in the footer,
            bookmarks of the parts and pages, the title and language in its metadata, and
            the contents list numbered (from a second printing that must confirm the numbers).
            The next build replaces the output folder, PDFs included. Without Chromium it
            makes nothing, says so and exits with 0.
            """)

    @Option(name: .long, help: "The built site.")
    var output = "Output"

    @Option(name: .long, help: "The Chromium or Chrome program (default: the first of chromium, chromium-browser, google-chrome on PATH).")
    var chromium: String?

    @Option(name: .long, help: "Paper size: a4 or letter.")
    var paper: PDFExporter.Paper = .a4

    @Option(name: .long, parsing: .upToNextOption, help: "Only these languages (default: every language of the site).")
    var language: [String] = []

    func run() throws {
        guard let browser = chromium ?? PDFExporter.findChromium() else {
            Console.warn("warning: Chromium was not found, so no PDF was made. Install it (Debian and Ubuntu: apt-get install chromium) or pass --chromium PATH.")
            return
        }
        let exporter = PDFExporter(output: output, chromium: browser, paper: paper)
        let available = exporter.languages()
        guard !available.isEmpty else {
            Console.warn("error: \(output)/ holds no booklet (<language>/print.html); run 'handbook build' first.")
            throw ExitCode.failure
        }
        for code in language where !available.contains(code) {
            throw ValidationError("no booklet for '\(code)' in \(output)/ (languages: \(available.joined(separator: ", ")))")
        }
        for code in language.isEmpty ? available : language {
            do {
                let exported = try exporter.export(code)
                Console.status("Wrote \(exported.path)")
                if !exported.numberedContents {
                    Console.warn("warning: \(exported.path): the contents list has no page numbers: two printings did not agree on them, or this Chromium does not write the destinations they are read from")
                }
            } catch {
                Console.warn("error: \(error)")
                throw ExitCode.failure
            }
        }
    }
}

/// `--paper a4` or `--paper letter`, in any case; argument-parser names the choices when another is given.
extension PDFExporter.Paper: ExpressibleByArgument {
    package init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
