import Mustache

/// `<language>/print.html`: the whole handbook on one page, in reading order,
/// to print as a booklet or save as a PDF. Each section is a part (a new
/// sheet in print) and each page a chapter. Links between pages become links
/// inside the booklet, ids are prefixed by the page's path so that pages do
/// not clash, and headings move down under the part and page titles.
extension PageRenderer {
    static let printPath = "print.html"

    func renderPrint(_ edition: Edition) -> String {
        let code = edition.language.code
        let path = code + "/" + Self.printPath
        let targets = Self.movedTargets(edition)
        let defaultLocale = site.config.defaultLanguage.locale
        let strings = edition.language.strings
        struct Job { var entry: Entry; var shift: Int }
        let jobs = edition.sections.flatMap { section in
            [Job(entry: section.index, shift: 1)] + section.pages.map { Job(entry: $0, shift: 2) }
        }
        let chapters = jobs.map { job -> [String: Any] in
            let id = job.entry.id
            let anchor = Self.bookletAnchor(id)
            let page = job.entry.page
            let body = RebasedBody(page: page, site: site, theme: theme, rebase: BodyRebase(
                from: Self.outputPath(id, in: code), to: path, idPrefix: anchor + ":", headingShift: job.shift,
                pageLink: { target, fragment in
                    guard let entry = targets[target] else { return nil }
                    let anchor = Self.bookletAnchor(entry.id)
                    return ("#" + (anchor + (fragment.map { ":" + $0.removingPercentEncoding() } ?? "")).percentEncodedPath(),
                            entry.page.frontMatter.title)
                }))
            var context: [String: Any] = [
                "anchor": anchor, "href": anchor.percentEncodedPath(), "title": page.frontMatter.title,
                "description": page.frontMatter.description.flatMap { $0.isEmpty ? nil : $0 as Any } ?? false,
                "body": body, "fallback": job.entry.isFallback,
                "outdated": outdatedNotice(job.entry, in: edition, path: path),
            ]
            // Set either way: a page must not take its part's language from the enclosing context.
            context["contentLang"] = job.entry.isFallback ? defaultLocale : false
            context["contentDir"] = job.entry.isFallback ? site.config.defaultLanguage.direction.rawValue : false
            return context
        }
        var parts: [[String: Any]] = []
        var index = 0
        for section in edition.sections {
            var part = chapters[index]
            part["pages"] = Array(chapters[(index + 1)..<(index + 1 + section.pages.count)])
            part["hasPages"] = !section.pages.isEmpty
            parts.append(part)
            index += 1 + section.pages.count
        }
        var context = common(edition, path: path)
        context["pageTitle"] = strings["print_title"]
        context["isPrint"] = true
        context["parts"] = parts
        addNavigation(to: &context, edition, current: nil, path: path)
        context["languages"] = languageLinks(from: path, current: edition.language, to: { $0.language.code + "/" + Self.printPath })
        context["hasLanguages"] = site.editions.count > 1
        return theme.render("print", context)
    }

    /// The id of a page's chapter in the booklet: its path (`team-mistakes/no-blame`).
    static func bookletAnchor(_ id: PageID) -> String {
        id.path
    }
}

/// A page's body as the booklet shows it, rebased when the template writes it:
/// the booklet never holds a second copy of every body.
private struct RebasedBody: MustacheCustomRenderable {
    var page: Page
    var site: Site
    var theme: Theme
    var rebase: BodyRebase
    var renderText: String { PageRenderer.movedBody(page, site: site, theme: theme, rebase) }
    var isNull: Bool { false }
}
