import ArgumentParser
import HandbookKit

extension ImportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new content folder from a Jekyll, MkDocs, mdBook, Hugo or plain Markdown site.",
        discussion: """
            Writes a new folder (never over one that holds anything) in the content format:
            handbook.yml, one folder per language, sections one folder deep with index.md,
            front matter with title and order, links as relative .md paths, files in assets/.
            Without --from the kind of site is guessed: _config.yml (jekyll), mkdocs.yml,
            book.toml or src/SUMMARY.md (mdbook), a Hugo configuration beside content/ (hugo),
            else a plain folder of Markdown. What could not be mapped is listed as
            path:line:column: warning: message. Then run 'handbook check'.
            """)

    @Argument(help: "The folder of the site to import.")
    var source: String

    @Option(help: "The kind of site: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: guessed).")
    var from: ImportFormat?

    @Option(help: "The content folder to create; it must not exist or be empty.")
    var content = "Content"

    func run() throws {
        let importer = Importer(source: source, format: from, content: content)
        do {
            let report = try importer.run()
            Console.report(report.diagnostics, summary: false)
            for line in report.summary { Console.status(line) }
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
