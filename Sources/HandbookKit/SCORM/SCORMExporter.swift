import Foundation

/// `handbook scorm`: a SCORM 1.2 package of each language of a built site,
/// written into it as `<language>/handbook-<language>-scorm.zip`, for a
/// company's learning management system. The parts and pages come from the
/// content (so it must be the content the site was built from); the files
/// are the built site's own, so the package shows what the site shows.
package struct SCORMExporter: Sendable {
    package var fileSystem: any FileSystem
    package var content: String
    package var output: String
    /// The practice score, in percent, that passes (`adlcp:masteryscore`).
    package var mastery: Int
    /// Every ZIP entry's date.
    package var date: Date

    package static let defaultMastery = 80

    package init(fileSystem: any FileSystem = LocalFileSystem(), content: String, output: String,
                mastery: Int = SCORMExporter.defaultMastery, date: Date = EPUBExporter.date()) {
        self.fileSystem = fileSystem
        self.content = content
        self.output = output
        self.mastery = mastery
        self.date = date
    }

    package static func fileName(_ language: String) -> String { "handbook-\(language)-scorm.zip" }

    package struct Packages: Sendable {
        /// Each language's ZIP file, in the order of `handbook.yml`.
        package var packages: [(language: String, bytes: [UInt8])]
        package var warnings: [Diagnostic]
    }

    /// Makes the package of each language of `languages` (every language when
    /// it is empty) from the built site, without writing anything.
    package func packages(languages: [String] = []) throws(BuildFailed) -> Packages {
        guard (0...100).contains(mastery) else {
            throw BuildFailed([.error("the mastery score must be a percentage from 0 to 100, not \(mastery)", at: SourceLocation(path: output))])
        }
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
        var packages: [(String, [UInt8])] = []
        var errors: [Diagnostic] = []
        for edition in site.editions where languages.isEmpty || languages.contains(edition.language.code) {
            do throws(BuildFailed) {
                let package = try SCORMPackage(edition, site: site, output: output, mastery: mastery, fileSystem: fileSystem)
                warnings += package.warnings
                packages.append((edition.language.code, try Self.zip(package.files, date: date)))
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty || warnings.hasErrors { throw BuildFailed(warnings + errors) }
        return Packages(packages: packages, warnings: warnings)
    }

    static func zip(_ files: [Book.File], date: Date) throws(BuildFailed) -> [UInt8] {
        do {
            return try BookArchive.zipInPathOrder(files, date: date)
        } catch {
            throw BuildFailed([.error("cannot make the SCORM package: \(error)", at: SourceLocation(path: SCORMPackage.manifestPath))])
        }
    }

    /// Makes the packages and writes each into its language's folder of the
    /// built site; a package replaces the previous one only when it is complete.
    package func export(languages: [String] = []) throws(BuildFailed) -> (written: [String], warnings: [Diagnostic]) {
        let made = try packages(languages: languages)
        var written: [String] = []
        for (language, bytes) in made.packages {
            let path = output + "/" + language + "/" + Self.fileName(language)
            let partial = output + "/" + language + "/." + Self.fileName(language) + ".tmp"
            do {
                try fileSystem.write(bytes, to: partial)
                try fileSystem.move(partial, to: path)
            } catch {
                try? fileSystem.remove(partial)
                throw BuildFailed(made.warnings + [.error("cannot write the SCORM package: \(readFailure(error))", at: SourceLocation(path: path))])
            }
            written.append(path)
        }
        return (written, made.warnings)
    }
}
