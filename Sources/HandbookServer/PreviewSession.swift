import HandbookKit

/// What `serve` remembers between rebuilds, so that a save re-reads one file:
/// the last load, every page's parse, and the last assembled site. It runs the
/// build's own stages (`Builder.load`, `parse`, `checked`, `assemble`,
/// `outputs`) and only decides what to reuse. `LiveSite`, an actor, owns it,
/// so none of this needs a lock; the parallel parse reads a copy of the cache.
///
/// When the watcher's changed paths are all pages or copied files the last
/// load found, nothing else is read: the tree and theme are the last ones,
/// every other page's parse comes from the cache, and when no edit can change
/// the site's order or break a link, the last assembled site is patched
/// (`Site.replacing`) instead of assembled again. On a 10,000-page handbook
/// this is the difference between reading 64 MB and reading one file.
/// Anything else (a file added or removed, `handbook.yml`, the theme, a
/// folder, a symbolic link) loads everything again, still reusing every parse
/// whose bytes, settings and link guesses are unchanged.
struct PreviewSession {
    let builder: Builder
    private var parses = ParseCache()
    private var last: Last?
    private var assembly: Assembly?

    /// The last load, with what a rebuild from changed paths needs to find a page in it.
    private struct Last {
        var loaded: Builder.Loaded
        /// The pages' and copied files' paths: a change to anything else needs a new load.
        var sources: Set<String>
        /// Where each page is in `loaded.tree.pages`, by path.
        var pageIndex: [String: Int]
        /// Counts loads, so an assembly is only reused on the tree it was made from.
        var generation: Int
    }

    /// The last site that assembled without errors, and its diagnostics.
    private struct Assembly {
        var site: Site
        var diagnostics: [Diagnostic]
        var generation: Int
    }

    init(builder: Builder) {
        self.builder = builder
    }

    /// A rebuild. `changed`, from the watcher, names the only paths that changed
    /// since the last one; nil (the first build) reads everything.
    mutating func plan(changed: Set<String>? = nil) throws(BuildFailed) -> Builder.Plan {
        if let changed, let last,
           changed.allSatisfy({ last.sources.contains($0) && builder.fileSystem.kind(of: $0) == .file }) {
            return try replan(changed, last: last)
        }
        return try planAfterLoading()
    }

    /// A page as the parallel parse found it.
    private enum Looked: Sendable {
        case kept((Page?, [Diagnostic]))
        case parsed((Page?, [Diagnostic]), bytes: [UInt8], settings: Builder.ParseSettings)
        case unreadable([Diagnostic])

        var result: (Page?, [Diagnostic]) {
            switch self {
            case .kept(let result), .parsed(let result, _, _): result
            case .unreadable(let diagnostics): (nil, diagnostics)
            }
        }
    }

    private mutating func planAfterLoading() throws(BuildFailed) -> Builder.Plan {
        // Until this load succeeds, the last one says nothing about the disk.
        let generation = (last?.generation ?? 0) + 1
        last = nil
        let loaded = try builder.load()
        let tree = loaded.tree
        let pageIndex = Dictionary(tree.pages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        last = Last(loaded: loaded, sources: Set(pageIndex.keys).union(tree.files.map(\.source)),
                    pageIndex: pageIndex, generation: generation)

        let (builder, cache) = (self.builder, parses)
        let looked = tree.pages.parallelMap { source -> Looked in
            switch builder.read(source) {
            case .failure(let failure):
                return .unreadable(failure.diagnostics)
            case .success(let bytes):
                let settings = builder.parseSettings(in: loaded)
                if let kept = cache.result(for: source.path, bytes: bytes, settings: settings, content: tree.index) {
                    return .kept(kept)
                }
                return .parsed(builder.parse(source, bytes: bytes, in: loaded), bytes: bytes, settings: settings)
            }
        }
        for (source, page) in zip(tree.pages, looked) {
            switch page {
            case .kept: break
            case .parsed(let result, let bytes, let settings):
                parses.store(result, for: source.path, bytes: bytes, settings: settings, content: tree.index)
            case .unreadable: parses.forget([source.path])
            }
        }
        parses.keep(only: Set(pageIndex.keys))

        let diagnostics = try builder.checked(loaded.warnings + looked.flatMap(\.result.1), config: tree.config)
        let (site, siteDiagnostics) = try builder.assemble(looked.compactMap(\.result.0), in: loaded, after: diagnostics)
        return finish(site, diagnostics, siteDiagnostics, last: last!)
    }

    private mutating func replan(_ changed: Set<String>, last: Last) throws(BuildFailed) -> Builder.Plan {
        // Forgotten first: a file that cannot be read now must not pass for its old text.
        parses.forget(changed)
        let loaded = last.loaded, tree = loaded.tree
        var pageDiagnostics: [[Diagnostic]] = []
        pageDiagnostics.reserveCapacity(tree.pages.count)
        var missing: [Int] = []
        for (index, source) in tree.pages.enumerated() {
            if let kept = parses.diagnostics(for: source.path, settings: builder.parseSettings(in: loaded),
                                             content: tree.index) {
                pageDiagnostics.append(kept)
            } else {
                pageDiagnostics.append([])
                missing.append(index)
            }
        }
        let builder = self.builder
        let fresh = missing.map { tree.pages[$0] }.parallelMap { source -> Looked in
            switch builder.read(source) {
            case .failure(let failure): .unreadable(failure.diagnostics)
            case .success(let bytes):
                .parsed(builder.parse(source, bytes: bytes, in: loaded), bytes: bytes,
                        settings: builder.parseSettings(in: loaded))
            }
        }
        for (index, page) in zip(missing, fresh) {
            let path = tree.pages[index].path
            pageDiagnostics[index] = page.result.1
            switch page {
            case .parsed(let result, let bytes, let settings):
                parses.store(result, for: path, bytes: bytes, settings: settings, content: tree.index)
            case .unreadable, .kept: parses.forget([path])
            }
        }
        let diagnostics = try builder.checked(loaded.warnings + pageDiagnostics.joined(), config: tree.config)

        if let assembly, assembly.generation == last.generation,
           let patched = assembly.site.replacing(pages(at: parses.changedSinceAssembly, last: last)) {
            return finish(patched, diagnostics, assembly.diagnostics, last: last)
        }
        let pages = tree.pages.compactMap {
            parses.result(for: $0.path, settings: builder.parseSettings(in: loaded), content: tree.index)?.0
        }
        let (site, siteDiagnostics) = try builder.assemble(pages, in: loaded, after: diagnostics)
        return finish(site, diagnostics, siteDiagnostics, last: last)
    }

    /// Keeps the assembled site for the next save, and names its files.
    private mutating func finish(_ site: Site, _ diagnostics: [Diagnostic], _ siteDiagnostics: [Diagnostic],
                                 last: Last) -> Builder.Plan {
        assembly = Assembly(site: site, diagnostics: siteDiagnostics, generation: last.generation)
        parses.assembled()
        let outputs = builder.outputs(site, theme: last.loaded.theme, files: last.loaded.tree.files)
        return Builder.Plan(site: site, outputs: outputs, warnings: diagnostics + siteDiagnostics,
                            theme: last.loaded.theme)
    }

    /// The parsed pages at these paths; nil if one is missing (it did not parse).
    private func pages(at paths: Set<String>, last: Last) -> [Page]? {
        var pages: [Page] = []
        for path in paths {
            // A copied file, not a page: nothing to replace.
            guard last.pageIndex[path] != nil else { continue }
            guard let page = parses.result(for: path, settings: builder.parseSettings(in: last.loaded),
                                           content: last.loaded.tree.index)?.0 else { return nil }
            pages.append(page)
        }
        return pages
    }
}
