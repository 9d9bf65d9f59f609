import CMarkGFM

/// `handbook import`: reads a Jekyll, MkDocs, mdBook, Hugo or plain Markdown
/// site and writes a new content folder in this project's format. What it
/// cannot map is a located warning in the report, never silently lost.
package struct Importer: Sendable {
    package var fileSystem: any FileSystem
    package var source: String
    package var format: ImportFormat?
    package var content: String

    package init(fileSystem: any FileSystem = LocalFileSystem(), source: String, format: ImportFormat? = nil, content: String) {
        self.fileSystem = fileSystem
        self.source = source
        self.format = format
        self.content = content
    }

    package struct Failed: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// Reads the source, writes the content folder, and says what it did.
    package func run() throws(Failed) -> ImportReport {
        guard fileSystem.isDirectory(source) else { throw Failed(description: "\(source) is not a folder") }
        let writer = ContentWriter(fileSystem: fileSystem, content: content)
        if let refusal = writer.refusal() { throw Failed(description: refusal) }
        let files = SourceFiles(fileSystem: fileSystem, root: source)
        let format = self.format ?? ImportFormat.guess(source, fileSystem: fileSystem)
        let site: SourceSite
        switch format {
        case .jekyll: site = JekyllReader(files: files).read()
        case .mkdocs: site = MkDocsReader(files: files).read()
        case .mdbook: site = MdBookReader(files: files).read()
        case .hugo: site = HugoReader(files: files).read()
        case .markdown: site = MarkdownFolderReader(files: files).read()
        }
        guard !site.documents.isEmpty else {
            throw Failed(description: "no Markdown pages found in \(source) (read as \(format.rawValue)); nothing was written")
        }
        var mapping = ImportMapping(site: site, content: content)
        let imported = mapping.run()
        do {
            try writer.write(imported)
        } catch {
            throw Failed(description: "cannot write \(content): \(readFailure(error))")
        }
        return mapping.report(imported, format: format)
    }
}

/// The steps between reading and writing: titles, placement, links, assets.
struct ImportMapping {
    let site: SourceSite
    let content: String
    var notes: [Diagnostic]
    var linksRewritten = 0
    var assets: [String: String] = [:]  // source relative → destination under the content folder
    var rawHTMLFiles: [SourceLocation] = []
    var templates = 0
    var created: [String] = []
    var sections = 0

    init(site: SourceSite, content: String) {
        self.site = site
        self.content = content
        notes = site.notes
    }

    /// A source page made ready: pre-passed, its H1 title taken out.
    private struct Prepared {
        var document: SourceDocument
        var title: String
        var body: String
        var sourceLines: [Int]
        var anchors: Set<String>

        func location(_ line: Int, _ column: Int) -> SourceLocation {
            let bodyLine = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : line
            return SourceLocation(path: document.path, line: document.bodyFirstLine + bodyLine - 1, column: column)
        }
    }

    mutating func run() -> ImportedContent {
        let defaultLanguage = site.defaultLanguage
        var prepared: [Prepared] = []
        var seen: Set<String> = []
        for document in site.documents {
            guard seen.insert(document.language + "/" + document.key).inserted else {
                notes.append(.warning("not imported: another file is already this page in \(document.language)", at: SourceLocation(path: document.path)))
                continue
            }
            prepared.append(prepare(document))
        }
        let defaults = Dictionary(prepared.filter { $0.document.language == defaultLanguage }.map { ($0.document.key, $0) },
                                  uniquingKeysWith: { a, _ in a })
        // Translations that are no translations: marked untranslated, or the original copied word for word.
        prepared.removeAll { page in
            let document = page.document
            guard document.language != defaultLanguage else { return false }
            if document.untranslated {
                notes.append(.warning("not written: marked 'untranslated: true'; \(document.language) readers get the \(defaultLanguage) page with a notice",
                    at: SourceLocation(path: document.path)))
                return true
            }
            if let original = defaults[document.key], original.body.trimmingWhitespace() == page.body.trimmingWhitespace() {
                notes.append(.warning("not written: a copy of \(original.document.relative), not a translation; \(document.language) readers get the original with a notice",
                    at: SourceLocation(path: document.path)))
                return true
            }
            return false
        }
        let titles = Dictionary(prepared.map { ($0.document.key, $0.title) }, uniquingKeysWith: { a, _ in a })
            .merging(defaults.mapValues(\.title), uniquingKeysWith: { _, b in b })
        let rank: (String) -> Int? = { [site] key in
            let document = site.documents.first { $0.key == key && $0.language == site.defaultLanguage } ?? site.documents.first { $0.key == key }
            guard let document else { return nil }
            switch site.format {
            case .hugo: return HugoReader.rank(document)
            case .jekyll: return JekyllReader.rank(document)
            default: return document.frontMatter.int("order")
            }
        }
        let linkOrder = site.format == .markdown ? MarkdownFolderReader.linkOrder(site) : [:]
        let plan = ImportPlan(site, rank: { linkOrder[$0] ?? rank($0) }, title: { titles[$0] ?? FolderNavigation.humanized(lastComponent($0)) })
        notes += plan.notes
        sections = plan.sections

        var written: [String: Prepared] = [:]  // "language/key"
        for page in prepared { written[page.document.language + "/" + page.document.key] = page }
        let index = LinkIndex(site)
        var pages: [ImportedContent.Page] = []
        for page in prepared {
            guard let placement = plan.placements[page.document.key] else { continue }
            let document = page.document
            let own = document.language + "/" + placement.id.sourcePath
            let result = PageRewriter.rewrite(page.body) { url, isImage, line, column in
                decide(url, isImage: isImage, at: page.location(line, column), page: page, own: own,
                       index: index, plan: plan, written: written)
            }
            if let (line, column) = result.rawHTML { rawHTMLFiles.append(page.location(line, column)) }
            for (line, column, tag) in result.templates {
                templates += 1
                notes.append(.warning("template syntax left as it is: \(tag); the build shows it as text, so replace it with Markdown",
                    at: page.location(line, column)))
            }
            var title = page.title
            if title == FolderNavigation.humanized(lastComponent(document.key)), let navTitle = placement.navTitle { title = navTitle }
            pages.append(ImportedContent.Page(
                language: document.language, id: placement.id, title: title,
                description: document.frontMatter.string("description"), order: placement.order,
                body: result.text, source: document.path))
        }
        pages += createdPages(plan, pages: pages)

        var languages: [ImportedContent.Language] = []
        // A source without a site title (a plain folder) is named by its home page.
        let home = { (code: String) in pages.first { $0.language == code && $0.id.path == "index" && $0.source != nil }?.title }
        let fallbackTitle = site.titles[defaultLanguage] ?? home(defaultLanguage) ?? FolderNavigation.humanized(lastComponent(site.root))
        for code in site.languages where code == defaultLanguage || pages.contains(where: { $0.language == code }) {
            languages.append(.init(code: code, title: site.titles[code] ?? home(code) ?? fallbackTitle, name: site.names[code]))
        }
        let assetList = assets.sorted { $0.value < $1.value }.map { (source: joinPath(site.root, $0.key), destination: $0.value) }
        return ImportedContent(languages: languages, rawHTML: !rawHTMLFiles.isEmpty, pages: pages, assets: assetList,
                               origin: "\(site.format.rawValue) site \(site.root)")
    }

    /// The title (front matter, else the first `# heading`, taken out of the body, else the file name) and the pre-passed body.
    private mutating func prepare(_ document: SourceDocument) -> Prepared {
        var pass = TemplatePrePass()
        let passed = pass.run(document.body)
        for line in pass.escapedDirectives {
            notes.append(.warning("a ':::' block that is not a handbook directive (:::compare, :::script); its lines were written as code so they show as text",
                at: SourceLocation(path: document.path, line: document.bodyFirstLine + line - 1)))
        }
        var lines = passed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var sourceLines = pass.sourceLines
        let tree = Array(passed.utf8).withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: true) }
        var title = document.frontMatter.string("title")?.trimmingWhitespace()
        if title?.isEmpty == true { title = nil }
        if let first = tree.root.firstChild, first.type == CMARK_NODE_HEADING, first.headingLevel == 1 {
            let heading = inlineText(first)
            if title == nil || title == heading, !heading.isEmpty {
                title = heading
                let end = Int(cmark_node_get_end_line(first.pointer))
                let range = (first.startLine - 1)..<min(end, lines.count)
                lines.removeSubrange(range)
                sourceLines.removeSubrange(range)
            }
        }
        let body = lines.joined(separator: "\n")
        var anchors = AnchorSet()
        let bodyTree = Array(body.utf8).withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: true) }
        for node in bodyTree.root.descendants() where node.type == CMARK_NODE_HEADING { _ = anchors.claim(inlineText(node)) }
        let name = document.key.hasSuffix("index") && document.key != "index" ? lastComponent(folder(of: document.key)) : lastComponent(document.key)
        return Prepared(document: document, title: title ?? FolderNavigation.humanized(name == "index" ? lastComponent(site.root) : name),
                        body: body, sourceLines: sourceLines, anchors: anchors.used)
    }

    private mutating func decide(_ url: String, isImage: Bool, at location: SourceLocation, page: Prepared, own: String,
                                 index: LinkIndex, plan: ImportPlan, written: [String: Prepared]) -> PageRewriter.Decision {
        switch index.resolve(url, from: page.document) {
        case .external:
            return .keep
        case .anchor(let anchor):
            guard let fixed = Self.matching(anchor, in: page.anchors) else {
                notes.append(.warning("link '\(url)': this page has no heading for '#\(anchor)'; the link was removed and its text kept", at: location))
                return .unwrap
            }
            return count(.replace("#" + fixed), written: url)
        case let .page(key, language, anchor):
            guard let placement = plan.placements[key] else { return .keep }
            var target = language
            if written[target + "/" + key] == nil && target == site.defaultLanguage,
               let other = site.languages.first(where: { written[$0 + "/" + key] != nil }) { target = other }
            let page = written[target + "/" + key] ?? written[site.defaultLanguage + "/" + key]
            var fragment = ""
            if let anchor, !anchor.isEmpty {
                if let fixed = page.flatMap({ Self.matching(anchor, in: $0.anchors) }) {
                    fragment = "#" + fixed
                } else {
                    notes.append(.warning("link '\(url)': \(key) has no heading for '#\(anchor)'; the link now leads to the top of the page", at: location))
                }
            }
            return count(.replace(relativeURL(from: own, to: target + "/" + placement.id.sourcePath) + fragment), written: url)
        case .file(let relative):
            let destination = asset(relative)
            let fragment = LinkResolver.splitFragment(url).1.map { "#" + $0 } ?? ""
            return count(.replace(relativeURL(from: own, to: destination) + fragment), written: url)
        case .unresolved:
            if url.hasPrefix("/") {
                notes.append(.warning("link '\(url)' matches no page or file of the source; it was left as it is (the build warns about links from the root)", at: location))
                return .keep
            }
            notes.append(.warning("\(isImage ? "image" : "link") '\(url)' matches no page or file of the source; \(isImage ? "its alt text" : "its text") was kept without the link", at: location))
            return .unwrap
        }
    }

    /// A new destination, counted when it differs from what was written.
    private mutating func count(_ decision: PageRewriter.Decision, written: String) -> PageRewriter.Decision {
        guard decision != .replace(written) else { return .keep }
        linksRewritten += 1
        return decision
    }

    /// Where a source file lands: under `assets/`, without the source's docs folder.
    private mutating func asset(_ relative: String) -> String {
        if let known = assets[relative] { return known }
        var path = relative
        for root in site.staticRoots + ["assets"] where !root.isEmpty && path.hasPrefix(root + "/") {
            path = String(path.dropFirst(root.count + 1))
        }
        var destination = joinPath(ContentLoader.assetsFolder, path)
        var counter = 2
        while assets.values.contains(destination) {
            destination = joinPath(ContentLoader.assetsFolder, folder(of: path), "\(counter)-" + lastComponent(path))
            counter += 1
        }
        assets[relative] = destination
        return destination
    }

    /// An anchor as the build makes it: the same, or the heading whose anchor differs only in case and punctuation.
    static func matching(_ anchor: String, in anchors: Set<String>) -> String? {
        if anchors.contains(anchor) { return anchor }
        let folded = { (text: String) in String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }) }
        let wanted = folded(anchor)
        return anchors.sorted().first { folded($0) == wanted }
    }

    /// The home and landing pages the source lacks, in each language that has pages under them.
    private mutating func createdPages(_ plan: ImportPlan, pages: [ImportedContent.Page]) -> [ImportedContent.Page] {
        var result: [ImportedContent.Page] = []
        let byID = Dictionary(pages.map { ($0.language + "/" + $0.id.path, $0) }, uniquingKeysWith: { a, _ in a })
        let createdTitles = Dictionary(plan.created.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        for page in plan.created {
            for language in site.languages {
                let own = page.lists.filter { byID[language + "/" + $0.path] != nil || createdTitles[$0] != nil }
                guard language == site.defaultLanguage || own.contains(where: { byID[language + "/" + $0.path] != nil }) else { continue }
                let from = language + "/" + page.id.sourcePath
                let list = own.map { id in
                    let title = byID[language + "/" + id.path]?.title ?? createdTitles[id] ?? id.path
                    return "- [\(markdownEscaped(title))](\(relativeURL(from: from, to: language + "/" + id.sourcePath)))"
                }
                let title = page.id.path == "index" ? (site.titles[language] ?? page.title) : page.title
                result.append(.init(language: language, id: page.id, title: title, description: nil, order: page.order,
                                    body: list.joined(separator: "\n"), source: nil))
                created.append(joinPath(content, language, page.id.sourcePath))
            }
        }
        return result
    }

    func report(_ imported: ImportedContent, format: ImportFormat) -> ImportReport {
        var dropped: [String: Int] = [:]
        let kept: Set<String> = ["title", "description", "order"]  // written as they are (order as the new position)
        for document in site.documents { for key in Set(document.frontMatter.keys) where !kept.contains(key) { dropped[key, default: 0] += 1 } }
        let droppedKeys = dropped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ImportReport.DroppedKey(key: $0.key, files: $0.value) }
        var diagnostics = notes
        if let first = rawHTMLFiles.first {
            diagnostics.append(.warning("raw HTML in \(rawHTMLFiles.count) page\(rawHTMLFiles.count == 1 ? "" : "s"): handbook.yml says raw_html: true so it is kept; the build passes it through unchecked",
                at: first))
        }
        let perLanguage = imported.languages.map { language in
            ImportReport.LanguageCount(code: language.code, pages: imported.pages.filter { $0.language == language.code && $0.source != nil }.count)
        }
        return ImportReport(format: format, source: site.root, content: content, pages: perLanguage, sections: sections,
                            created: created, assets: imported.assets.count, linksRewritten: linksRewritten,
                            droppedKeys: droppedKeys, rawHTML: imported.rawHTML, templates: templates,
                            diagnostics: diagnostics.sortedForDisplay(),
                            written: Dictionary(imported.pages.compactMap { page in page.source.map { ($0, page.language + "/" + page.id.sourcePath) } },
                                                uniquingKeysWith: { a, _ in a }))
    }
}

/// A title inside a Markdown link's text: brackets and backslashes escaped.
func markdownEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
        if "\\[]*_`<".contains(character) { result.append("\\") }
        result.append(character)
    }
    return result
}
