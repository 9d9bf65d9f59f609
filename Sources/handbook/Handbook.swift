import ArgumentParser
import HandbookKit

@main
struct Handbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Render a multilingual training handbook from Markdown into a static website.",
        discussion: """
            Start with 'handbook init', which writes a small handbook into Content/.
            Write pages as Markdown under Content/<language>/, then run 'handbook build'.
            The site lands in Output/: open Output/index.html in a browser, or publish
            the folder on any static host.
            """,
        version: Version.current,
        subcommands: [Init.self, Build.self, Serve.self, Check.self, Translations.self, PDF.self, EPUB.self, SCORM.self, Import.self, Schema.self])

    static func main() async {
        MemoryTuning.apply()
        await main(nil)
    }
}

/// The content folder, which every command reads.
struct ContentFolder: ParsableArguments {
    @Option(name: .long, help: "The folder with handbook.yml and one folder per language.")
    var content = "Content"
}

/// Content and output folders, for the commands that write the site.
struct Folders: ParsableArguments {
    @OptionGroup var source: ContentFolder
    var content: String { source.content }

    @Option(name: .long, help: "The folder the site is written to. It is replaced as a whole on success.")
    var output = "Output"
}
