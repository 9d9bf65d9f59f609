import Foundation

/// Stage 1: finds every file of the handbook and reads `handbook.yml`.
/// It refuses what could make a build unpredictable or unsafe: symbolic links
/// leaving `Content/`, loops, names that collide on case-insensitive disks,
/// and language folders that `handbook.yml` does not know.
package struct ContentLoader {
    package static let assetsFolder = "assets"
    package static let themeFolder = "theme"
    /// Files beside `handbook.yml` that belong to the authors, not the site:
    /// the folder's README (in a language folder a README.md would be a page)
    /// and the schema file editors read (`# yaml-language-server: $schema=…`).
    static let authorFiles: Set<String> = ["README.md", HandbookSchema.configFileName]

    let fileSystem: any FileSystem
    let root: String

    package init(fileSystem: any FileSystem, root: String) {
        self.fileSystem = fileSystem
        self.root = root
    }

    /// The tree and what the load found wrong with it. Problems that leave
    /// the tree usable (a missing home page, a second index) are returned
    /// for the builder to report with the parse stage's; the rest are thrown.
    package func load() throws(BuildFailed) -> (ContentTree, [Diagnostic]) {
        guard fileSystem.isDirectory(root) else {
            throw BuildFailed([.error("content folder not found", at: SourceLocation(path: root))])
        }
        let configPath = joinPath(root, SiteConfigLoader.fileName)
        let configText: String
        do {
            guard let text = String(validating: try fileSystem.read(configPath), as: UTF8.self) else {
                throw BuildFailed([.error("handbook.yml is not valid UTF-8", at: SourceLocation(path: configPath))])
            }
            configText = text
        } catch let failure as BuildFailed {
            throw failure
        } catch {
            throw BuildFailed([.error(
                fileSystem.exists(configPath)
                    ? "cannot read handbook.yml: \(readFailure(error))"
                    : "handbook.yml is missing; every handbook needs one listing its languages",
                at: SourceLocation(path: configPath))])
        }
        let config: SiteConfig
        var diagnostics: [Diagnostic]
        let codeLocations: [String: SourceLocation]
        do {
            (config, diagnostics, codeLocations) = try SiteConfigLoader.load(text: configText, path: configPath)
        } catch {
            throw BuildFailed([error])
        }

        var walker = Walker(fileSystem: fileSystem, rootResolved: fileSystem.resolve(root))
        var pages: [SourceFile] = []
        var files: [StaticFile] = []
        // Page sources by path relative to the content root, for the parse stage's links.
        var pageSources: Set<String> = []
        // Errors after which the tree can still be parsed, to report with the parse stage's.
        var parseable: [Diagnostic] = []
        var theme: [String: String] = [:]
        let entries = (try? fileSystem.contents(of: root)) ?? []
        for language in config.languages where !entries.contains(language.code) {
            diagnostics.append(.error(
                "language '\(language.code)' is listed in handbook.yml but has no folder \(joinPath(root, language.code))/",
                at: codeLocations[language.code] ?? SourceLocation(path: configPath)))
        }
        for name in entries where !name.hasPrefix(".") && name != SiteConfigLoader.fileName {
            let path = joinPath(root, name)
            if Self.authorFiles.contains(name), fileSystem.kind(of: path) == .file { continue }
            if let problem = walker.nameProblem(name, path: path) {
                diagnostics.append(.error(problem, at: SourceLocation(path: path)))
                continue
            }
            let isDirectory = walker.checkedKind(path, diagnostics: &diagnostics) == .directory
            if let language = config.language(name), isDirectory {
                let found = walker.files(under: path, relative: "", diagnostics: &diagnostics)
                let markdown = Set(found.lazy.filter { $0.relative.hasSuffix(".md") }.map(\.relative))
                for file in found {
                    guard file.relative.hasSuffix(".md") else {
                        files.append(StaticFile(source: file.path, destination: joinPath(language.code, file.relative)))
                        continue
                    }
                    let id = LinkResolver.pageID(file.relative)
                    if id.path != file.relative.dropLast(3), markdown.contains(id.sourcePath) {
                        let index = String(file.path.dropLast(ContentIndex.readme.count)) + "index.md"
                        parseable.append(.error(
                            "\(file.path) and \(index) are both this folder's index page; keep one (a README.md is the index only where there is no index.md)",
                            at: SourceLocation(path: file.path)))
                        continue
                    }
                    pages.append(SourceFile(language: language.code, id: id, path: file.path))
                    pageSources.insert(language.code + "/" + file.relative)
                }
            } else if name == Self.assetsFolder, isDirectory {
                for file in walker.files(under: path, relative: "", diagnostics: &diagnostics) {
                    files.append(StaticFile(source: file.path, destination: joinPath(Self.assetsFolder, file.relative)))
                }
            } else if name == Self.themeFolder, isDirectory {
                for file in walker.files(under: path, relative: "", diagnostics: &diagnostics) {
                    theme[file.relative] = file.path
                }
            } else if isDirectory {
                diagnostics.append(.error(
                    "folder '\(name)' is not a language in handbook.yml (languages: \(config.languages.map(\.code).joined(separator: ", ")))",
                    at: SourceLocation(path: path)))
            } else {
                diagnostics.append(.warning("ignored: only handbook.yml, README.md, \(HandbookSchema.configFileName) and folders belong at the top of the content folder",
                    at: SourceLocation(path: path)))
            }
        }
        diagnostics += Self.outputCollisions(config: config, pages: pages, files: files)
        // Missing home and landing pages need no parsing: found here, they are
        // reported with the parse stage's problems instead of a run later.
        parseable += ContentStructure(config: config, root: root, pages: pages, codeLocations: codeLocations).problems()
        if diagnostics.hasErrors { throw BuildFailed(diagnostics + parseable) }
        let index = ContentIndex(pages: pageSources, files: Set(files.map(\.destination)),
                                 defaultLanguage: config.defaultLanguage.code)
        let tree = ContentTree(root: root, config: config, pages: pages, files: files, theme: theme, index: index)
        return (tree, diagnostics + parseable)
    }
}

extension ContentLoader {
    /// Two sources of one output file would silently replace each other; so would
    /// two output paths that differ only by case on a case-insensitive disk.
    static func outputCollisions(config: SiteConfig, pages: [SourceFile], files: [StaticFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Output path, case-folded (String keys also meet across Unicode forms) → (path, what writes it).
        var claimed: [String: (output: String, source: String)] = [:]
        for language in config.languages {
            claimed[(language.code + "/404.html").lowercased()] = (language.code + "/404.html", "the generated not-found page")
        }
        claimed["404.html"] = ("404.html", "the generated not-found page of the site's root")
        func claim(_ output: String, source: String) {
            let key = output.lowercased()
            guard let other = claimed[key] else {
                claimed[key] = (output, source)
                return
            }
            let message = other.output == output
                ? "this file and \(other.source) would both be written to \(output); rename one"
                : "this file would be written to \(output) and \(other.source) to \(other.output), which collide on macOS and Windows; rename one"
            diagnostics.append(.error(message, at: SourceLocation(path: source)))
        }
        for page in pages { claim(page.language + "/" + page.id.outputPath, source: page.path) }
        for file in files { claim(file.destination, source: file.source) }
        return diagnostics
    }
}

/// Walks folders in sorted order, following symbolic links only inside the content root.
private struct Walker {
    let fileSystem: any FileSystem
    let rootResolved: String
    var visited: Set<String> = []

    struct Found { var path: String; var relative: String }

    enum Kind { case file, directory }

    /// The kind of a path after following a permitted symbolic link; nil (with a
    /// diagnostic) for a link that leaves the content folder or cannot be resolved.
    func checkedKind(_ path: String, diagnostics: inout [Diagnostic]) -> Kind? {
        switch fileSystem.kind(of: path) {
        case .directory: return .directory
        case .file: return .file
        case .symlink(let destination):
            let resolved = fileSystem.resolve(path)
            guard fileSystem.exists(resolved), resolved != path else {
                diagnostics.append(.error("symbolic link to '\(destination)' cannot be followed (broken or a loop)",
                    at: SourceLocation(path: path)))
                return nil
            }
            guard resolved == rootResolved || resolved.hasPrefix(rootResolved + "/") else {
                diagnostics.append(.error("symbolic link points outside the content folder ('\(destination)'); refused",
                    at: SourceLocation(path: path)))
                return nil
            }
            return fileSystem.isDirectory(resolved) ? .directory : .file
        case nil:
            diagnostics.append(.error("cannot read this path", at: SourceLocation(path: path)))
            return nil
        }
    }

    /// Why a file or folder name cannot be published, if it cannot.
    func nameProblem(_ name: String, path: String) -> String? {
        if name.unicodeScalars.contains("\u{FFFD}") && !fileSystem.exists(path) {
            return "the name is not valid UTF-8 text; rename it"
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the name contains a control character (a line break or tab?); rename it"
        }
        return nil
    }

    mutating func files(under directory: String, relative: String, diagnostics: inout [Diagnostic]) -> [Found] {
        let resolved = fileSystem.resolve(directory)
        guard visited.insert(resolved).inserted else {
            diagnostics.append(.error("folder is reached twice through symbolic links (a loop); refused",
                at: SourceLocation(path: directory)))
            return []
        }
        defer { visited.remove(resolved) }
        guard let names = try? fileSystem.contents(of: directory) else {
            diagnostics.append(.error("cannot list this folder (permission denied?)", at: SourceLocation(path: directory)))
            return []
        }
        var found: [Found] = []
        var seenFolded: [String: String] = [:]
        for name in names where !name.hasPrefix(".") {
            let path = joinPath(directory, name)
            if let problem = nameProblem(name, path: path) {
                diagnostics.append(.error(problem, at: SourceLocation(path: path)))
                continue
            }
            // String keys compare by canonical equivalence, so this also finds one
            // name written twice with composed and decomposed accents.
            if let other = seenFolded[name.lowercased()] {
                diagnostics.append(.error(name == other
                    ? "'\(name)' and '\(other)' are the same name in two Unicode forms (composed and decomposed accents); keep one"
                    : "'\(name)' and '\(other)' differ only by case; they would collide on macOS and Windows",
                    at: SourceLocation(path: path)))
                continue
            }
            seenFolded[name.lowercased()] = name
            // Pages and output files are named in the composed form (NFC), whatever the disk holds.
            let published = name.precomposedStringWithCanonicalMapping
            let rel = relative.isEmpty ? published : relative + "/" + published
            switch checkedKind(path, diagnostics: &diagnostics) {
            case .directory: found += files(under: path, relative: rel, diagnostics: &diagnostics)
            case .file: found.append(Found(path: path, relative: rel))
            case nil: break
            }
        }
        return found
    }
}
