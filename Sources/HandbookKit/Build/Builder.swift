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
    /// Parses kept from earlier builds (the preview server's); nil builds from scratch.
    public var cache: PageCache?

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
        let fileSystem = self.fileSystem, cache = self.cache
        let parsed = tree.pages.parallelMap { source -> (Page?, [Diagnostic]) in
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.read(source.path)
            } catch {
                return (nil, [.error("cannot read the file: \(error)", at: SourceLocation(path: source.path))])
            }
            let strings = config.language(source.language)?.strings ?? .english
            let settings = PageCache.Settings(rawHTML: parser.rawHTML, languages: parser.languages, strings: strings)
            if let cached = cache?.result(for: source.path, bytes: bytes, settings: settings) { return cached }
            let result = parser.parse(source, bytes: bytes, strings: strings)
            cache?.store(result, for: source.path, bytes: bytes, settings: settings)
            return result
        }
        cache?.keep(only: Set(tree.pages.map(\.path)))
        diagnostics += parsed.flatMap(\.1)
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }

        let (site, siteDiagnostics) = SiteAssembler.assemble(
            config: config, pages: parsed.compactMap(\.0), files: tree.files, contentRoot: content)
        diagnostics += siteDiagnostics
        diagnostics += Self.generatedFileConflicts(site)
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }

        var files = render(site, theme: theme)
        for file in tree.files {
            do {
                files.append(OutputFile(path: file.destination, bytes: try fileSystem.read(file.source)))
            } catch {
                diagnostics.append(.error("cannot read the file: \(error)", at: SourceLocation(path: file.source)))
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
            let code = edition.language.code
            files.append(OutputFile(path: code + "/404.html", text: renderer.renderNotFound(edition)))
            files.append(OutputFile(path: code + "/" + SearchIndex.fileName, text: SearchIndex.render(edition)))
            files.append(OutputFile(path: code + "/" + PageRenderer.printPath, text: renderer.renderPrint(edition)))
            if let practice = renderer.renderPractice(edition) {
                files.append(OutputFile(path: code + "/" + PageRenderer.practicePath, text: practice))
            }
        }
        files.append(OutputFile(path: "index.html", text: renderer.renderLanguageChooser()))
        files.append(OutputFile(path: "sitemap.xml", text: Sitemap.render(site)))
        for (name, bytes) in theme.files.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "theme/" + name, bytes: bytes))
        }
        return files
    }

    /// The files the render stage makes in each language folder, beside the pages.
    static let generatedFiles = ["404.html", PageRenderer.printPath, PageRenderer.practicePath, SearchIndex.fileName]

    /// A page or file of the content that would be overwritten by a generated one.
    static func generatedFileConflicts(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let files = Dictionary(site.files.map { ($0.destination, $0.source) }, uniquingKeysWith: { a, _ in a })
        for edition in site.editions {
            for name in generatedFiles {
                let output = edition.language.code + "/" + name
                let page = name.hasSuffix(".html") ? edition.byID[PageID(String(name.dropLast(5)))] : nil
                let source = page.flatMap { $0.isFallback ? nil : $0.page.sourcePath } ?? files[output]
                if let source {
                    diagnostics.append(.error("'\(name)' is made by the build in every language folder; rename this file",
                                              at: SourceLocation(path: source)))
                }
            }
        }
        return diagnostics
    }
}
