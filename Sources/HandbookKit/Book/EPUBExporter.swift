import Foundation

/// `handbook epub`: an EPUB 3 of each language, written into the built site as
/// `<language>/handbook-<language>.epub`, beside the booklet the PDF is printed
/// from. The chapters come from the content through the same pipeline as the
/// site (load, parse, assemble), so a content error stops it as it stops a build.
package struct EPUBExporter: Sendable {
    package var fileSystem: any FileSystem
    package var content: String
    package var output: String
    /// The book's date (`dcterms:modified` and every ZIP entry's date).
    package var date: Date

    package init(fileSystem: any FileSystem = LocalFileSystem(), content: String, output: String,
                date: Date = EPUBExporter.date()) {
        self.fileSystem = fileSystem
        self.content = content
        self.output = output
        self.date = date
    }

    package static func fileName(_ language: String) -> String { "handbook-\(language).epub" }

    /// `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention),
    /// else 1980-01-01, the first date ZIP can hold: the same content always
    /// makes the same file, whenever and wherever it is made.
    package static func date(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds >= 315_532_800 {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: 315_532_800)
    }

    package struct Books: Sendable {
        /// Each language's EPUB file, in the order of `handbook.yml`.
        package var books: [(language: String, bytes: [UInt8])]
        /// The content's warnings, as a build reports them, and what the books could not hold.
        package var warnings: [Diagnostic]
    }

    /// Loads and checks the content and makes the book of each language of
    /// `languages` (every language when it is empty), without writing anything.
    package func books(languages: [String] = []) throws(BuildFailed) -> Books {
        let plan = try Builder(fileSystem: fileSystem, content: content, output: output).plan()
        let site = plan.site
        let known = site.editions.map(\.language.code)
        let unknown = languages.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw BuildFailed(unknown.map {
                .error("no language '\($0)' in this handbook (languages: \(known.joined(separator: ", ")))",
                       at: SourceLocation(path: site.config.path))
            })
        }
        var warnings = plan.warnings
        var books: [(String, [UInt8])] = []
        let fileSystem = self.fileSystem
        for edition in site.editions where languages.isEmpty || languages.contains(edition.language.code) {
            let book = Book(edition, site: site, theme: plan.theme, date: date) { try fileSystem.read($0.source) }
            warnings += book.warnings
            do {
                books.append((edition.language.code, try BookArchive.zip(book.files, date: date)))
            } catch {
                warnings.append(.error("cannot make the EPUB: \(error)", at: SourceLocation(path: site.config.path)))
            }
        }
        if warnings.hasErrors { throw BuildFailed(warnings) }
        return Books(books: books, warnings: warnings)
    }

    /// Makes the books and writes each into its language's folder of the built
    /// site; returns the paths written and the warnings. A book replaces the
    /// previous one only when it is complete.
    package func export(languages: [String] = []) throws(BuildFailed) -> (written: [String], warnings: [Diagnostic]) {
        let made = try books(languages: languages)
        let missing = made.books.filter { !fileSystem.isDirectory(output + "/" + $0.language) }
        guard missing.isEmpty else {
            throw BuildFailed(made.warnings + missing.map {
                .error("\(output)/\($0.language)/ does not exist: run 'handbook build --output \(output)' first; the books go into the built site",
                       at: SourceLocation(path: output))
            })
        }
        var written: [String] = []
        for (language, bytes) in made.books {
            let path = output + "/" + language + "/" + Self.fileName(language)
            let partial = output + "/" + language + "/." + Self.fileName(language) + ".tmp"
            do {
                try fileSystem.write(bytes, to: partial)
                try fileSystem.move(partial, to: path)
            } catch {
                try? fileSystem.remove(partial)
                throw BuildFailed(made.warnings + [.error("cannot write the EPUB: \(readFailure(error))", at: SourceLocation(path: path))])
            }
            written.append(path)
        }
        return (written, made.warnings)
    }
}
