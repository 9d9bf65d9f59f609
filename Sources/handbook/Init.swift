import ArgumentParser
import HandbookKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new handbook: configuration, a home page per language, one section with an example page.",
        discussion: """
            Writes a handbook that builds and checks with no warning: handbook.yml (with the
            schema editors read), a README.md for authors, and in each language a home page
            and one section whose page shows a comparison, a script and a callout. Starter
            text ships in en, de, nl and pt; the translations record the original's version,
            so 'handbook translations' shows them current until the original changes.
            A .gitignore beside the folder keeps Output/ out of git. The folder must not
            exist or be empty.
            """)

    @Argument(help: "The content folder to create.")
    var folder = "Content"

    @Option(help: ArgumentHelp("Language codes, the default first, like en,de,nl,pt.", valueName: "codes"))
    var languages = Scaffold.defaultLanguages.joined(separator: ",")

    @Option(help: "The site title, in every language (default: a starter title per language).")
    var title: String?

    func run() throws {
        let scaffold = Scaffold(folder: folder, languages: languages.split(separator: ",").map(String.init), title: title)
        do {
            let report = try scaffold.run()
            for path in report.written { Console.status("created \(path)") }
            for note in report.notes { Console.warn("note: \(note)") }
            let option = folder == "Content" ? "" : " --content \(folder)"
            Console.status("Started a handbook in \(folder)/. Next: handbook serve\(option)   (then edit the pages; see \(folder)/README.md)")
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
