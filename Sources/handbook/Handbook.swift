import ArgumentParser
import HandbookKit

@main
struct Handbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Render a multilingual training handbook from Markdown into a static website.",
        discussion: """
            Write pages as Markdown under Content/<language>/, then run 'handbook build'.
            The site lands in Output/: open Output/index.html in a browser, or publish
            the folder on any static host.
            """,
        subcommands: [Build.self, PDF.self],
        defaultSubcommand: nil)
}

/// Options every command that reads the handbook shares.
struct Folders: ParsableArguments {
    @Option(name: .long, help: "The folder with handbook.yml and one folder per language.")
    var content = "Content"

    @Option(name: .long, help: "The folder the site is written to. It is replaced as a whole on success.")
    var output = "Output"
}
