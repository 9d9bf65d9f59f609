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
        subcommands: [TranslationStatusCommand.self, TranslationDiffCommand.self],
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
