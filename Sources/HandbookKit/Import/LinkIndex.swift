import Foundation

/// Finds what a link written against the old site points at: a page (by
/// pairing key and language), a file, or nothing the import knows.
/// Links are tried as the source tool reads them: relative to the file
/// (`../guide/setup.md`), relative to the page's published URL (`../setup/`,
/// `setup.html`), from the site's root (`/guide/setup/`, after `baseurl`),
/// and as a forge address of the repository's own file.
struct LinkIndex {
    enum Target: Equatable {
        case page(key: String, language: String, anchor: String?)
        case anchor(String)
        case file(String)
        case external
        case unresolved
    }

    let site: SourceSite
    private var byRelative: [String: Int] = [:]
    private var byRelativeCanonical: [String: [Int]] = [:]
    private var byURL: [String: [Int]] = [:]

    init(_ site: SourceSite) {
        self.site = site
        for (index, document) in site.documents.enumerated() {
            byRelative[document.relative] = index
            byRelativeCanonical[canonicalURL(document.relative), default: []].append(index)
            for url in Set(document.urls) { byURL[url, default: []].append(index) }
        }
    }

    func resolve(_ url: String, from document: SourceDocument) -> Target {
        if url.hasPrefix(TemplatePrePass.hugoReference) {
            return hugoReference(String(url.dropFirst(TemplatePrePass.hugoReference.count)), from: document)
        }
        if url.hasPrefix("#") { return .anchor(String(url.dropFirst()).removingPercentEncoding ?? String(url.dropFirst())) }
        var written = url
        if LinkResolver.scheme(of: url) != nil {
            guard let path = ForgeURL.path(url) else { return .external }
            written = "/" + path
            let target = lookUp(written, from: document, rootBases: [""])
            return target == .unresolved ? .external : target
        }
        if url.hasPrefix("//") { return .external }
        return lookUp(written, from: document, rootBases: nil)
    }

    private func lookUp(_ written: String, from document: SourceDocument, rootBases: [String]?) -> Target {
        let (pathPart, anchor) = LinkResolver.splitFragment(written)
        let rawPath = pathPart.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let path = (rawPath.removingPercentEncoding ?? rawPath).precomposedStringWithCanonicalMapping
        if path.isEmpty { return anchor.map { .anchor($0) } ?? .unresolved }

        if path.hasPrefix("/") {
            var inside = String(path.dropFirst())
            if !site.basePath.isEmpty, inside == site.basePath || inside.hasPrefix(site.basePath + "/") {
                inside = String(inside.dropFirst(site.basePath.count)).trimmingCharacters(in: "/")
            }
            for root in rootBases ?? site.staticRoots {
                if let found = inFiles(joinPath(root, inside), anchor: anchor, from: document) { return found }
            }
            return inURLs(inside, anchor: anchor, from: document) ?? .unresolved
        }
        let fileBase = folder(of: document.relative)
        let pageURL = document.urls.first ?? canonicalURL(document.relative)
        let pretty = document.key == "index" || document.key.hasSuffix("/index") ? pageURL : site.prettyURLs ? pageURL : folder(of: pageURL)
        let other = pretty == pageURL ? folder(of: pageURL) : pageURL
        let isFile = SourceFiles.isMarkdown(path) || site.files.contains(LinkResolver.normalize(joinPath(fileBase, path)) ?? "")
        let attempts: [(base: String, isFile: Bool)] = isFile
            ? [(fileBase, true), (pretty, false), (other, false)]
            : [(pretty, false), (fileBase, true), (other, false)]
        for (base, isFileBase) in attempts {
            guard let candidate = LinkResolver.normalize(joinPath(base, path).isEmpty ? "." : base + "/" + path) else { continue }
            let found = isFileBase ? inFiles(candidate, anchor: anchor, from: document) : inURLs(candidate, anchor: anchor, from: document)
            if let found { return found }
        }
        return .unresolved
    }

    /// A path relative to the source root: a page's file, a folder's index, or a file.
    private func inFiles(_ candidate: String, anchor: String?, from document: SourceDocument) -> Target? {
        let candidate = LinkResolver.normalize(candidate) ?? candidate
        if let index = byRelative[candidate] { return page(index, anchor: anchor, from: document) }
        if site.files.contains(candidate) { return .file(candidate) }
        if let indices = byRelativeCanonical[canonicalURL(candidate)] { return page(best(indices, for: document), anchor: anchor, from: document) }
        return nil
    }

    private func inURLs(_ candidate: String, anchor: String?, from document: SourceDocument) -> Target? {
        guard let indices = byURL[canonicalURL(candidate)] ?? byRelativeCanonical[canonicalURL(candidate)] else { return nil }
        return page(best(indices, for: document), anchor: anchor, from: document)
    }

    private func best(_ indices: [Int], for document: SourceDocument) -> Int {
        indices.first { site.documents[$0].language == document.language }
            ?? indices.first { site.documents[$0].language == site.defaultLanguage } ?? indices[0]
    }

    /// A translation that links to the original's file means its own language's version (mkdocs-static-i18n does the same).
    private func page(_ index: Int, anchor: String?, from document: SourceDocument) -> Target {
        let target = site.documents[index]
        let language = target.language == site.defaultLanguage ? document.language : target.language
        return .page(key: target.key, language: language, anchor: anchor)
    }

    /// Hugo's `ref`/`relref`: a content path from the content folder, from the page's folder, or a unique name.
    private func hugoReference(_ reference: String, from document: SourceDocument) -> Target {
        let (pathPart, anchor) = LinkResolver.splitFragment(reference)
        if pathPart.isEmpty { return anchor.map { .anchor($0) } ?? .unresolved }
        let trimmed = pathPart.trimmingCharacters(in: "/")
        let key = pageKey(SourceFiles.isMarkdown(trimmed) ? trimmed : trimmed + ".md")
        var candidates = [key]
        if key.hasSuffix("/index") { candidates.append(folder(of: key)) }
        if !pathPart.hasPrefix("/") { candidates = candidates.map { joinPath(folder(of: document.key), $0) } + candidates }
        for candidate in candidates {
            let matches = site.documents.indices.filter { site.documents[$0].key == candidate }
            if !matches.isEmpty { return page(best(matches, for: document), anchor: anchor, from: document) }
        }
        let suffix = site.documents.indices.filter { site.documents[$0].key.hasSuffix("/" + key) }
        if Set(suffix.map { site.documents[$0].key }).count == 1 { return page(best(suffix, for: document), anchor: anchor, from: document) }
        return .unresolved
    }
}
