/// `serve`'s rebuild after a save. The watcher says which paths changed; when
/// they are all pages or copied files the last load found, nothing else is
/// read: the tree and theme are the last ones, every other page's parse comes
/// from the cache, and when no edit can change the site's order or break a
/// link the last assembled site is patched instead of assembled again. On a
/// 10,000-page handbook this is the difference between reading 64 MB and
/// reading one file. Anything else (a file added or removed, `handbook.yml`,
/// the theme, a folder, a symbolic link) takes the full `plan()`.
extension Builder {
    public func plan(changed: Set<String>) throws(BuildFailed) -> Plan {
        guard let cache, let kept = cache.keptTree,
              changed.allSatisfy({ kept.sources.contains($0) && fileSystem.kind(of: $0) == .file }) else {
            return try plan()
        }
        // Forgotten first: a file that cannot be read now must not pass for its old text.
        cache.forget(changed)
        let tree = kept.tree, config = tree.config
        let parser = PageParser(languages: Set(config.languages.map(\.code)), rawHTML: config.rawHTML,
                                ignoredKeys: config.ignoredKeys, content: tree.index)
        // Only the diagnostics of unchanged pages are copied out of the cache: copying
        // 10,000 parsed pages costs more than the rest of a rebuild together.
        var pageDiagnostics: [[Diagnostic]] = []
        pageDiagnostics.reserveCapacity(tree.pages.count)
        var missing: [Int] = []
        for (index, source) in tree.pages.enumerated() {
            if let kept = cache.diagnostics(for: source.path, settings: settings(source, config: config, parser: parser),
                                            content: parser.content) {
                pageDiagnostics.append(kept)
            } else {
                pageDiagnostics.append([])
                missing.append(index)
            }
        }
        let fresh = missing.map { tree.pages[$0] }.parallelMap { parse($0, config: config, parser: parser, bytes: nil) }
        for (index, result) in zip(missing, fresh) { pageDiagnostics[index] = result.1 }

        var diagnostics = kept.loadWarnings + pageDiagnostics.joined()
        diagnostics += Summary.unknownKeys(diagnostics, config: config) + Summary.unrendered(diagnostics, config: config)
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }

        let site: Site
        if let (last, since) = cache.assembly, last.generation == kept.generation,
           let patched = last.site.replacing(pages(at: since, kept: kept, config: config, parser: parser)) {
            site = patched
            diagnostics += last.diagnostics
            cache.keep(site, diagnostics: last.diagnostics)
        } else {
            let pages = tree.pages.compactMap {
                cache.result(for: $0.path, settings: settings($0, config: config, parser: parser), content: parser.content)?.0
            }
            let (assembled, siteDiagnostics) = SiteAssembler.assemble(
                config: config, pages: pages, files: tree.files, contentRoot: content)
            let conflicts = Self.generatedFileConflicts(assembled)
            diagnostics += siteDiagnostics + conflicts
            if diagnostics.hasErrors { throw BuildFailed(diagnostics) }
            site = assembled
            cache.keep(site, diagnostics: siteDiagnostics + conflicts)
        }
        return Plan(site: site, outputs: outputs(site, theme: kept.theme, files: tree.files), warnings: diagnostics)
    }

    /// The settings a page is parsed with; a parse made with others is not reused.
    func settings(_ source: SourceFile, config: SiteConfig, parser: PageParser) -> PageCache.Settings {
        PageCache.Settings(rawHTML: parser.rawHTML, languages: parser.languages, ignoredKeys: parser.ignoredKeys,
                           strings: config.language(source.language)?.strings ?? .english)
    }

    /// Reads (unless given the bytes) and parses one page, through the cache.
    func parse(_ source: SourceFile, config: SiteConfig, parser: PageParser, bytes given: [UInt8]?) -> (Page?, [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try given ?? fileSystem.read(source.path)
        } catch {
            cache?.forget([source.path])
            return (nil, [.error("cannot read the file: \(readFailure(error))", at: SourceLocation(path: source.path))])
        }
        let settings = settings(source, config: config, parser: parser)
        if let cached = cache?.result(for: source.path, bytes: bytes, settings: settings, content: parser.content) {
            return cached
        }
        let result = parser.parse(source, bytes: bytes, strings: settings.strings)
        cache?.store(result, for: source.path, bytes: bytes, settings: settings, content: parser.content)
        return result
    }

    /// The parsed pages at these paths; nil if one is missing (it did not parse).
    private func pages(at paths: Set<String>, kept: PageCache.Kept, config: SiteConfig, parser: PageParser) -> [Page]? {
        var pages: [Page] = []
        for path in paths {
            // A copied file, not a page: nothing to replace.
            guard let index = kept.pageIndex[path] else { continue }
            let source = kept.tree.pages[index]
            guard let page = cache?.result(for: path, settings: settings(source, config: config, parser: parser),
                                           content: parser.content)?.0 else { return nil }
            pages.append(page)
        }
        return pages
    }
}
