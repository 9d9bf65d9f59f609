import ArgumentParser
import HandbookKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the handbook into the output folder.",
        discussion: """
            Problems are reported as path:line:column: error|warning: message.
            On any error nothing is written and the previous output stays as it was.
            """)

    @OptionGroup var folders: Folders

    func run() throws {
        let builder = Builder(content: folders.content, output: folders.output)
        do {
            let result = try builder.build()
            Console.report(result.warnings)
            let pages = result.site.editions.reduce(0) { $0 + $1.byID.count }
            Console.status("Built \(plural(pages, "page")) in \(plural(result.site.editions.count, "language")) into \(folders.output)/")
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
