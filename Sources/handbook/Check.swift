import ArgumentParser
import Foundation
import HandbookKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the handbook before publishing, without writing anything.",
        discussion: """
            Reports everything 'build' would, plus links that only work because a page
            falls back to the default language, missing and outdated translations,
            and translations whose comparisons, scripts or placeholders differ from
            the original. Exits with status 1 when there are errors.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var folder: ContentFolder

    @Option(help: "text for people, json for editors and CI annotators.")
    var format: Format = .text

    func run() throws {
        let report = Checker(builder: Builder(content: folder.content, output: "Output")).run()
        switch format {
        case .text:
            Console.report(report.diagnostics, summary: false)
            let line = "Checked \(plural(report.pages, "page")) in \(plural(report.languages, "language")): \(plural(report.errors, "error")), \(plural(report.warnings, "warning"))."
            if report.errors > 0 { Console.error(line) } else { Console.status(line) }
        case .json:
            Console.status(try json(report))
        }
        if report.errors > 0 { throw ExitCode.failure }
    }

    private func json(_ report: Checker.Report) throws -> String {
        struct Item: Encodable {
            var path: String, line: Int, column: Int, severity: String, message: String
        }
        struct Output: Encodable {
            var diagnostics: [Item]
            var errors: Int, warnings: Int, pages: Int, languages: Int
        }
        let output = Output(
            diagnostics: report.diagnostics.map {
                Item(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                     severity: $0.severity.rawValue, message: $0.message)
            },
            errors: report.errors, warnings: report.warnings, pages: report.pages, languages: report.languages)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which translations are current, outdated or missing; record them as current; show what changed.",
        subcommands: [TranslationStatusCommand.self, TranslationDiffCommand.self, TranslationExportCommand.self, TranslationImportCommand.self],
        defaultSubcommand: TranslationStatusCommand.self)
}

struct TranslationStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which translations are current, outdated or missing; record them as current (the default).",
        discussion: """
            A translation records the version of the original it was made from as
            'source:' in its front matter. When the original changes, the translation
            shows as outdated here and in 'handbook check'. Once a translator has
            caught up, record it:

              handbook translations --mark-current de/team-mistakes/no-blame
              handbook translations --mark-current nl        (every Dutch page)
              handbook translations --mark-current all

            'handbook translations diff de/PAGE' shows what changed in the original.
            """)

    @OptionGroup var folder: ContentFolder

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Record these translations as up to date: <language>/<page>, a language, or all.", valueName: "page"))
    var markCurrent: [String] = []

    func run() throws {
        let builder = Builder(content: folder.content, output: "Output")
        let site = try renderedSite(builder)
        if !markCurrent.isEmpty {
            do {
                let changed = try SourceRecord.markCurrent(markCurrent, site: site, fileSystem: builder.fileSystem)
                for path in changed { Console.status("recorded \(path)") }
                Console.status("\(plural(changed.count, "translation")) marked current.")
            } catch {
                Console.error("error: \(error)")
                throw ExitCode.failure
            }
            return
        }
        Console.status(TranslationTable(site: site).formatted(), terminator: "")
    }
}

/// The site the translation commands look at; a handbook that does not build is reported and ends the command.
func renderedSite(_ builder: Builder) throws -> Site {
    do {
        return try builder.render().site
    } catch {
        Console.report(error.diagnostics)
        throw ExitCode.failure
    }
}

struct TranslationDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the original since a translation was made.",
        discussion: """
            Finds, in the git history of the original, the version whose fingerprint is
            the translation's recorded 'source:', and prints a line diff of the
            original's Markdown from that version to the file as it is now:

              handbook translations diff de/team-mistakes/email
              handbook translations diff de/team-mistakes/email --format json

            Without git, outside a repository, or when no version has the recorded
            fingerprint, it says so and exits with status 1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var folder: ContentFolder

    @Argument(help: ArgumentHelp("The translation: <language>/<page>.", valueName: "page"))
    var page: String

    @Option(help: "text (a unified diff) or json for editors.")
    var format: Format = .text

    func run() throws {
        let builder = Builder(content: folder.content, output: "Output")
        let site = try renderedSite(builder)
        do {
            let diff = try TranslationDiff.find(page, site: site, fileSystem: builder.fileSystem) { () throws(HistoryFailure) in
                try GitHistory()
            }
            Console.status(format == .json ? try diff.json() : diff.unified(), terminator: "")
        } catch let failure as TranslationDiff.Failure {
            Console.error("error: \(failure)")
            throw ExitCode.failure
        }
    }
}

struct TranslationExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one language's pages as a gettext PO file for translators.",
        discussion: """
            One entry per unit of each original (title, description, headings,
            paragraphs, list items, comparison sides, script text, callouts, and the
            titles of comparisons and scripts), in reading order, with the original's
            file and line. An entry carries the current translation when the
            translation's blocks line up with the original's; the units of an outdated
            page whose original changed since it was translated are marked fuzzy.

              handbook translations export de --output de.po
              handbook translations export de --outdated --missing
              handbook translations export de team-mistakes/email
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case po
    }

    @OptionGroup var folder: ContentFolder

    @Argument(help: "The language to export, e.g. de.")
    var language: String

    @Argument(help: ArgumentHelp("Only these pages (team-mistakes/email or de/team-mistakes/email).", valueName: "page"))
    var pages: [String] = []

    @Flag(help: "Only pages whose translation is outdated or records no source.")
    var outdated = false

    @Flag(help: "Only pages not translated yet (with --outdated: both).")
    var missing = false

    @Option(help: "The file format: po (gettext).")
    var format: Format = .po

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let builder = Builder(content: folder.content, output: "Output")
        let site = try renderedSite(builder)
        do {
            let (text, notes) = try TranslationExchange.export(
                language: language, selection: .init(pages: pages, outdated: outdated, missing: missing),
                site: site, fileSystem: builder.fileSystem) { () throws(HistoryFailure) in try GitHistory() }
            for note in notes { Console.warn("note: \(note)") }
            if let output {
                let temporary = output + ".handbook-tmp"
                try builder.fileSystem.write(text, to: temporary)
                try builder.fileSystem.move(temporary, to: output)
            } else {
                Console.status(text, terminator: "")
            }
        } catch let failure as TranslationExchange.Failure {
            Console.error("error: \(failure)")
            throw ExitCode.failure
        }
    }
}

struct TranslationImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of a PO file from 'translations export' into the pages.",
        discussion: """
            Each page is written as its original with every unit translated, keeping the
            translation's own front matter; a page whose units are all done (translated
            and not fuzzy) records the original's version as current. A unit left empty
            keeps the page's own translation of it; a page with none is left as it was.
            A file exported from originals that changed since is refused as a whole.

              handbook translations import de.po
            """)

    @OptionGroup var folder: ContentFolder

    @Argument(help: ArgumentHelp("The PO file.", valueName: "file"))
    var file: String

    func run() throws {
        let builder = Builder(content: folder.content, output: "Output")
        let site = try renderedSite(builder)
        do {
            let bytes = try builder.fileSystem.read(file)
            let result = try TranslationExchange.importFile(
                String(decoding: bytes, as: UTF8.self), path: file, site: site, fileSystem: builder.fileSystem)
            for path in result.written { Console.status("wrote \(path)\(result.current.contains(path) ? " (current)" : "")") }
            for note in result.skipped { Console.warn("skipped \(note)") }
            for warning in result.warnings { Console.warn(warning) }
            Console.status("\(plural(result.written.count, "page")) written, \(plural(result.current.count, "page")) current, \(plural(result.skipped.count, "page")) skipped.")
        } catch let failure as TranslationExchange.Failure {
            Console.error("error: \(failure)")
            throw ExitCode.failure
        }
    }
}
