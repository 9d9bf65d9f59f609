/// The whole pipeline, stage by stage:
///
///     ContentLoader   find files, read handbook.yml          (Load/)
///     PageParser      front matter, directives, cmark-gfm    (Parse/)  on every core
///     SiteAssembler   editions, order, fallbacks, links      (Build/)
///     PageRenderer    templates of the theme                 (Render/) on every core
///     OutputWriter    temp folder, then swap                 (Write/)
///
/// Each stage returns diagnostics as values; the build stops before writing
/// when any of them is an error, so the previous site stays as it was.
public struct Builder: Sendable {
    public var fileSystem: any FileSystem
    public var content: String
    public var output: String
    public var projectRoot: String

    public init(fileSystem: any FileSystem = LocalFileSystem(), content: String, output: String, projectRoot: String = ".") {
        self.fileSystem = fileSystem
        self.content = content
        self.output = output
        self.projectRoot = projectRoot
    }

    public struct Result: Sendable {
        public var site: Site
        public var files: [OutputFile]
        public var warnings: [Diagnostic]
    }

    /// Loads, parses, checks and renders, without touching the output folder.
    public func render() throws(BuildFailed) -> Result {
        let (tree, loadWarnings) = try ContentLoader(fileSystem: fileSystem, root: content).load()
        var diagnostics = loadWarnings
        let theme: Theme
        do {
            theme = try Theme.load(overrides: tree.theme, fileSystem: fileSystem)
        } catch {
            throw BuildFailed(diagnostics + error.diagnostics)
        }

        let config = tree.config
        let parser = PageParser(languages: Set(config.languages.map(\.code)), rawHTML: config.rawHTML)
        let fileSystem = self.fileSystem
        let parsed = tree.pages.parallelMap { source -> (Page?, [Diagnostic]) in
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.read(source.path)
            } catch {
                return (nil, [.error("cannot read the file: \(readFailure(error))", at: SourceLocation(path: source.path))])
            }
            let strings = config.language(source.language)?.strings ?? .english
            return parser.parse(source, bytes: bytes, strings: strings)
        }
        diagnostics += parsed.flatMap(\.1)
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }

        let (site, siteDiagnostics) = SiteAssembler.assemble(
            config: config, pages: parsed.compactMap(\.0), files: tree.files, contentRoot: content)
        diagnostics += siteDiagnostics
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }

        var files = render(site, theme: theme)
        for file in tree.files {
            do {
                files.append(OutputFile(path: file.destination, bytes: try fileSystem.read(file.source)))
            } catch {
                diagnostics.append(.error("cannot read the file: \(readFailure(error))", at: SourceLocation(path: file.source)))
            }
        }
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }
        return Result(site: site, files: files, warnings: diagnostics)
    }

    /// Renders and writes the site; returns the warnings of a successful build.
    @discardableResult
    public func build() throws(BuildFailed) -> Result {
        let writer = OutputWriter(fileSystem: fileSystem, output: output)
        try writer.checkSafety(content: content, projectRoot: projectRoot)
        let result = try render()
        do {
            try writer.write(result.files)
        } catch {
            throw BuildFailed(result.warnings + error.diagnostics)
        }
        return result
    }

    private func render(_ site: Site, theme: Theme) -> [OutputFile] {
        let renderer = PageRenderer(site: site, theme: theme)
        struct Job: Sendable { var edition: Edition; var position: Int }
        var jobs: [Job] = []
        var orders: [String: [Entry]] = [:]
        for edition in site.editions {
            let order = edition.readingOrder
            orders[edition.language.code] = order
            jobs += order.indices.map { Job(edition: edition, position: $0) }
        }
        let frozenOrders = orders
        var files = jobs.parallelMap { job -> OutputFile in
            let order = frozenOrders[job.edition.language.code]!
            let entry = order[job.position]
            let html = renderer.render(entry, in: job.edition, position: job.position, readingOrder: order)
            return OutputFile(path: PageRenderer.outputPath(entry.id, in: job.edition.language.code), text: html)
        }
        for edition in site.editions {
            files.append(OutputFile(path: edition.language.code + "/404.html", text: renderer.renderNotFound(edition)))
        }
        files.append(OutputFile(path: "index.html", text: renderer.renderLanguageChooser()))
        files.append(OutputFile(path: "sitemap.xml", text: Sitemap.render(site)))
        for (name, bytes) in theme.files.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "theme/" + name, bytes: bytes))
        }
        return files
    }
}

/// Why a file could not be read, without repeating its path (the diagnostic has it).
func readFailure(_ error: any Error) -> String {
    (error as? FileSystemError)?.reason ?? "\(error)"
}
