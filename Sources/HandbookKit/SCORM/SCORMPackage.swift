import Foundation

/// One language of a built site as the files of a SCORM 1.2 package: the
/// language's folder and the theme as the build wrote them (so the package
/// mirrors the site and its relative links work unchanged), any file of the
/// output a page refers to, the launch page and its script, and the manifest
/// that lists them all. Nothing leads out: a link to another language or
/// outside the site becomes text, another language's `<link>` goes.
struct SCORMPackage {
    static let manifestPath = "imsmanifest.xml"
    static let launchPath = "scorm.html"
    static let scriptPath = "scorm.js"

    var files: [Book.File]
    var warnings: [Diagnostic]

    /// - Parameters:
    ///   - output: the built site's folder, read through `fileSystem`.
    ///   - mastery: the score, 0 to 100, that passes the practice.
    init(_ edition: Edition, site: Site, output: String, mastery: Int, fileSystem: any FileSystem) throws(BuildFailed) {
        let language = edition.language
        let code = language.code
        let at = SourceLocation(path: output + "/" + code)
        let pages = edition.readingOrder.map { PageRenderer.outputPath($0.id, in: code) }
        let notBuilt = pages.filter { !fileSystem.exists(output + "/" + $0) }
        guard notBuilt.isEmpty else {
            throw BuildFailed([.error("\(output)/ holds no built \(notBuilt.first!)\(notBuilt.count > 1 ? " (and \(notBuilt.count - 1) more pages)" : ""): run 'handbook build --output \(output)' first; the package is made from the built site", at: at)])
        }
        let exports: Set<String> = [EPUBExporter.fileName(code), PDFExporter.fileName(code), SCORMExporter.fileName(code)]
        var paths: [String] = []
        func walk(_ folder: String) throws {
            for name in try fileSystem.contents(of: output + "/" + folder) where !name.hasPrefix(".") {
                let path = folder + "/" + name
                if fileSystem.isDirectory(output + "/" + path) {
                    try walk(path)
                } else if !(folder == code && exports.contains(name)) {
                    paths.append(path)
                }
            }
        }
        var bytes: [String: [UInt8]] = [:]
        do {
            try walk(code)
            if fileSystem.isDirectory(output + "/theme") { try walk("theme") }
            for path in paths { bytes[path] = try fileSystem.read(output + "/" + path) }
        } catch {
            throw BuildFailed([.error("cannot read the built site for the SCORM package: \(readFailure(error))", at: at)])
        }
        // A page may show a file from outside its language's folder (an image shared by the languages).
        var warnings: [Diagnostic] = []
        for path in paths where path.hasSuffix(".html") {
            for reference in PackageLinks.references(bytes[path]!, at: path) {
                guard let target = reference.path, bytes[target] == nil, !target.hasSuffix(".html"), !target.hasPrefix("/"),
                      !target.hasPrefix("../"), fileSystem.kind(of: output + "/" + target) == .file,
                      let file = try? fileSystem.read(output + "/" + target) else { continue }
                bytes[target] = file
            }
        }
        var files: [Book.File] = []
        for (path, content) in bytes.sorted(by: { $0.key < $1.key }) {
            guard path.hasSuffix(".html") else { files.append(Book.File(path: path, bytes: content)); continue }
            let (rewritten, unlinked) = PackageLinks.rewrite(content, at: path) { bytes[$0] != nil }
            for href in unlinked {
                warnings.append(.warning("the SCORM package shows the link '\(href.removingPercentEncoding ?? href)' as text: it leads out of the \(language.name) package (to another language or outside the site); link to a page of this language to keep it a link", at: SourceLocation(path: output + "/" + path)))
            }
            for reference in PackageLinks.references(rewritten, at: path) {
                guard let target = reference.path, bytes[target] == nil else { continue }
                warnings.append(.warning("the SCORM package's \(path) refers to '\(reference.value)', which is not in the built site", at: SourceLocation(path: output + "/" + path)))
            }
            files.append(Book.File(path: path, bytes: rewritten))
        }

        let practice = code + "/" + PageRenderer.practicePath
        let launch = SCORMTemplates.render(.launch, [
            "lang": language.locale, "dir": language.direction.rawValue, "title": language.title,
            "start": pages[0], "startHref": pages[0].percentEncodedPath(),
            "pages": Self.json(pages), "practice": bytes[practice] != nil ? practice : "", "mastery": mastery,
        ])
        files.append(Book.File(path: Self.launchPath, bytes: Array(launch.utf8)))
        files.append(Book.File(path: Self.scriptPath, bytes: Array(SCORMRuntime.script.utf8)))
        files.sort { $0.path < $1.path }
        let identifier = Book.identifier(title: language.title, locale: language.locale)
            .replacingOccurrences(of: "urn:uuid:", with: "")
        let manifest = SCORMTemplates.render(.manifest, [
            "identifier": "handbook-" + identifier, "organization": "organization-" + code.lowercased(),
            "item": "item-" + code.lowercased(), "resource": "sco-" + code.lowercased(),
            "title": language.title, "mastery": mastery, "launch": Self.launchPath,
            "files": files.map { $0.path.percentEncodedPath() },
        ])
        files.append(Book.File(path: Self.manifestPath, bytes: Array(manifest.utf8)))
        self.files = files
        self.warnings = warnings
    }

    /// A list of paths as JSON, for the launch page's attribute.
    static func json(_ strings: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: strings, options: [.withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
