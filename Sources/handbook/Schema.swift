import ArgumentParser
import HandbookKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of handbook.yml (config) or of a page's front matter (page).",
        discussion: """
            For editors: VS Code's YAML extension and other yaml-language-server editors read
            the first line 'handbook init' writes into handbook.yml,
              # yaml-language-server: $schema=handbook.schema.json
            and then complete and check every key. To refresh that file after an upgrade:
              handbook schema config > Content/handbook.schema.json
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case config, page
    }

    @Argument(help: "config (handbook.yml) or page (front matter).")
    var kind: Kind

    @Option(help: "For page: the content folder whose handbook.yml lists ignore_keys to accept.")
    var content: String?

    func run() throws {
        switch kind {
        case .config:
            Console.status(HandbookSchema.config().formatted(), terminator: "")
        case .page:
            var ignored: Set<String> = []
            if let content {
                do {
                    ignored = try HandbookSchema.ignoredKeys(content: content)
                } catch {
                    Console.report(error.diagnostics)
                    throw ExitCode.failure
                }
            }
            Console.status(HandbookSchema.page(ignoredKeys: ignored).formatted(), terminator: "")
        }
    }
}
