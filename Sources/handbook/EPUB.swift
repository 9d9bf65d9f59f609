import ArgumentParser
import HandbookKit

struct EPUB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epub",
        abstract: "Write an EPUB 3 of each language into the built site, for e-readers.",
        discussion: """
            Run it after 'handbook build': it writes <output>/<language>/handbook-<language>.epub,
            made from the content like the site (a chapter per page, the parts and pages as its
            contents, links between pages inside the book). The same content makes the same file;
            its date is SOURCE_DATE_EPOCH when set. The next build replaces the output folder.
            """)

    @OptionGroup var folders: Folders

    @Option(name: .long, parsing: .upToNextOption, help: "Only these languages (default: every language of the handbook).")
    var language: [String] = []

    func run() throws {
        let exporter = EPUBExporter(content: folders.content, output: folders.output)
        do {
            let result = try exporter.export(languages: language)
            Console.report(result.warnings)
            for path in result.written { Console.status("Wrote \(path)") }
        } catch {
            Console.report(error.diagnostics, summary: false)
            throw ExitCode.failure
        }
    }
}
