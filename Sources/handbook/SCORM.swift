import ArgumentParser
import HandbookKit

struct SCORM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorm",
        abstract: "Write a SCORM 1.2 package of each language into the built site, for a learning management system.",
        discussion: """
            Run it after 'handbook build': it writes <output>/<language>/handbook-<language>-scorm.zip,
            the built site of that language as one SCO, to upload to Moodle, Cornerstone, Docebo,
            TalentLMS and other LMSs. It reports completion (every page opened), the practice score
            (passed or failed against --mastery), the time spent, and keeps the reader's place and
            progress. The same site makes the same file; its date is SOURCE_DATE_EPOCH when set.
            The next build replaces the output folder.
            """)

    @OptionGroup var folders: Folders

    @Option(name: .long, parsing: .upToNextOption, help: "Only these languages (default: every language of the handbook).")
    var language: [String] = []

    @Option(name: .long, help: "The practice score, in percent, that passes.")
    var mastery = SCORMExporter.defaultMastery

    func validate() throws {
        guard (0...100).contains(mastery) else { throw ValidationError("--mastery is a percentage: 0 to 100, not \(mastery)") }
    }

    func run() throws {
        let exporter = SCORMExporter(content: folders.content, output: folders.output, mastery: mastery)
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
