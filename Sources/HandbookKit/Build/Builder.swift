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
package struct Builder: Sendable {
    package var fileSystem: any FileSystem
    package var content: String
    package var output: String
    package var projectRoot: String

    package init(fileSystem: any FileSystem = LocalFileSystem(), content: String, output: String, projectRoot: String = ".") {
        self.fileSystem = fileSystem
        self.content = content
        self.output = output
        self.projectRoot = projectRoot
    }

    package struct Result: Sendable {
        package var site: Site
        package var files: [OutputFile]
        package var warnings: [Diagnostic]
    }

    /// A checked site whose files are named but not made yet.
    package struct Plan: Sendable {
        package var site: Site
        package var outputs: [PlannedFile]
        package var warnings: [Diagnostic]
        /// What drew the pages; the books (EPUB) draw their chapters with it too.
        package var theme: Theme

        package init(site: Site, outputs: [PlannedFile], warnings: [Diagnostic], theme: Theme) {
            self.site = site
            self.outputs = outputs
            self.warnings = warnings
            self.theme = theme
        }
    }

    /// Loads, parses, checks and renders, without touching the output folder.
    package func render() throws(BuildFailed) -> Result {
        let plan = try self.plan()
        var diagnostics = plan.warnings
        let made = plan.outputs.parallelMap { planned -> (OutputFile?, Diagnostic?) in
            do {
                return (OutputFile(path: planned.path, bytes: try planned.make()), nil)
            } catch {
                return (nil, .error("cannot read the file: \(readFailure(error))", at: SourceLocation(path: planned.source ?? planned.path)))
            }
        }
        diagnostics += made.compactMap(\.1)
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }
        return Result(site: plan.site, files: made.compactMap(\.0), warnings: diagnostics)
    }

    /// Loads, parses and checks; names every file of the site without making it.
    /// The preview server makes only the files a browser asks for (and keeps
    /// parses between its rebuilds: `PreviewSession`, with these same stages).
    package func plan() throws(BuildFailed) -> Plan {
        let loaded = try load()
        let parsed = loaded.tree.pages.parallelMap { source -> (Page?, [Diagnostic]) in
            switch read(source) {
            case .success(let bytes): parse(source, bytes: bytes, in: loaded)
            case .failure(let failure): (nil, failure.diagnostics)
            }
        }
        let diagnostics = try checked(loaded.warnings + parsed.flatMap(\.1), config: loaded.tree.config)
        let (site, siteDiagnostics) = try assemble(parsed.compactMap(\.0), in: loaded, after: diagnostics)
        return Plan(site: site, outputs: outputs(site, theme: loaded.theme, files: loaded.tree.files),
                    warnings: diagnostics + siteDiagnostics, theme: loaded.theme)
    }

    // MARK: The stages, each a pure function of what it is given.

    /// What the load stage found: the files, the configuration, the theme.
    package struct Loaded: Sendable {
        package var tree: ContentTree
        package var warnings: [Diagnostic]
        package var theme: Theme
        package var parser: PageParser
    }

    /// Finds the files, reads `handbook.yml` and the theme.
    package func load() throws(BuildFailed) -> Loaded {
        let (tree, warnings) = try ContentLoader(fileSystem: fileSystem, root: content).load()
        let theme: Theme
        do {
            theme = try Theme.load(overrides: tree.theme, fileSystem: fileSystem)
        } catch {
            throw BuildFailed(warnings + error.diagnostics)
        }
        let config = tree.config
        let parser = PageParser(languages: Set(config.languages.map(\.code)), rawHTML: config.rawHTML,
                                ignoredKeys: config.ignoredKeys, content: tree.index)
        return Loaded(tree: tree, warnings: warnings, theme: theme, parser: parser)
    }

    /// A page's bytes, or the error that says why they cannot be read.
    package func read(_ source: SourceFile) -> Swift.Result<[UInt8], BuildFailed> {
        do {
            return .success(try fileSystem.read(source.path))
        } catch {
            return .failure(BuildFailed([.error("cannot read the file: \(readFailure(error))", at: SourceLocation(path: source.path))]))
        }
    }

    /// What a page's parse depends on besides its bytes and the content's
    /// paths: a parse made with other settings is not reused.
    package struct ParseSettings: Hashable, Sendable {
        var rawHTML: Bool
        var languages: Set<String>
        var ignoredKeys: Set<String>
    }

    /// No interface string is among them: a parse holds no chrome, so an edited
    /// string in `handbook.yml` re-renders pages without parsing them again.
    package func parseSettings(in loaded: Loaded) -> ParseSettings {
        ParseSettings(rawHTML: loaded.parser.rawHTML, languages: loaded.parser.languages,
                      ignoredKeys: loaded.parser.ignoredKeys)
    }

    /// Front matter, directives, cmark-gfm, anchors, placeholders, links.
    package func parse(_ source: SourceFile, bytes: [UInt8], in loaded: Loaded) -> (Page?, [Diagnostic]) {
        loaded.parser.parse(source, bytes: bytes)
    }

    /// The diagnostics of load and parse with their summaries; thrown when one is an error.
    package func checked(_ diagnostics: [Diagnostic], config: SiteConfig) throws(BuildFailed) -> [Diagnostic] {
        let all = diagnostics + Summary.unknownKeys(diagnostics, config: config) + Summary.unrendered(diagnostics, config: config)
        if all.hasErrors { throw BuildFailed(all) }
        return all
    }

    /// Editions, section order, fallbacks, link and anchor checks; thrown with
    /// the earlier diagnostics when one is an error.
    package func assemble(_ pages: [Page], in loaded: Loaded, after earlier: [Diagnostic]) throws(BuildFailed)
        -> (Site, [Diagnostic]) {
        let (site, siteDiagnostics) = SiteAssembler.assemble(
            config: loaded.tree.config, pages: pages, files: loaded.tree.files, contentRoot: content)
        let diagnostics = siteDiagnostics + Self.generatedFileConflicts(site)
        if diagnostics.hasErrors { throw BuildFailed(earlier + diagnostics) }
        return (site, diagnostics)
    }

    /// Every file of a checked site, named with the recipe that makes it.
    package func outputs(_ site: Site, theme: Theme, files: [StaticFile]) -> [PlannedFile] {
        let fileSystem = self.fileSystem
        var outputs = plan(site, theme: theme)
        for file in files {
            outputs.append(PlannedFile(path: file.destination, source: file.source) { try fileSystem.read(file.source) })
        }
        return outputs
    }

    /// Renders and writes the site; returns the warnings of a successful build.
    @discardableResult
    package func build() throws(BuildFailed) -> Plan {
        let writer = OutputWriter(fileSystem: fileSystem, output: output)
        try writer.checkSafety(content: content, projectRoot: projectRoot)
        let plan = try self.plan()
        do {
            // Each file is made and written at once, on every core: the site is never whole in memory.
            try writer.write(plan.outputs)
        } catch {
            throw BuildFailed(plan.warnings + error.diagnostics)
        }
        return plan
    }

    private func plan(_ site: Site, theme: Theme) -> [PlannedFile] {
        let renderer = PageRenderer(site: site, theme: theme)
        var files: [PlannedFile] = []
        for edition in site.editions {
            // An edition's whole-edition files go before its pages: each costs as much as
            // hundreds of pages, so one core makes it while the other starts on the pages.
            // Last in line they would leave a core idle; all at the front, two of them
            // would be in memory at once.
            let code = edition.language.code
            files.append(PlannedFile(path: code + "/" + PageRenderer.printPath) { Array(renderer.renderPrint(edition).utf8) })
            files.append(PlannedFile(path: code + "/" + SearchIndex.fileName) {
                SearchIndex.render(edition, hasPractice: renderer.practiceLanguages.contains(code))
            })
            if renderer.practiceLanguages.contains(code) {
                files.append(PlannedFile(path: code + "/" + PageRenderer.practicePath) {
                    Array((renderer.renderPractice(edition) ?? "").utf8)
                })
            }
            files.append(PlannedFile(path: code + "/404.html") { Array(renderer.renderNotFound(edition).utf8) })
            let order = edition.readingOrder
            // One closure per edition, so each page's recipe holds a position, not a copy of its page.
            let page: @Sendable (Int) -> [UInt8] = { position in
                Array(renderer.render(order[position], in: edition, position: position, readingOrder: order).utf8)
            }
            for position in order.indices {
                files.append(PlannedFile(path: PageRenderer.outputPath(order[position].id, in: code)) { page(position) })
            }
        }
        files.append(PlannedFile(path: "index.html") { Array(renderer.renderLanguageChooser().utf8) })
        // Static hosts (GitHub Pages, Netlify) serve the root's 404.html for any missing address.
        files.append(PlannedFile(path: "404.html") { Array(renderer.renderNotFound(nil).utf8) })
        files.append(PlannedFile(path: "sitemap.xml") { Array(Sitemap.render(site).utf8) })
        for (name, bytes) in theme.files.sorted(by: { $0.key < $1.key }) {
            files.append(PlannedFile(path: "theme/" + name) { bytes })
        }
        return files
    }

    /// The files the render stage makes in each language folder, beside the pages
    /// (and at the root: `index.html`, `404.html`, `sitemap.xml`, where content cannot go).
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

/// Why a file could not be read, without repeating its path (the diagnostic has it).
func readFailure(_ error: any Error) -> String {
    (error as? FileSystemError)?.reason ?? "\(error)"
}
