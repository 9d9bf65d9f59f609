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
        let order = edition.readingOrder
        var targets: [String: (anchor: String, title: String)] = [:]
        for entry in order {
            targets[Self.outputPath(entry.id, in: code)] = (Self.bookletAnchor(entry.id), entry.page.frontMatter.title)
        }
        let frozenTargets = targets
        let defaultLocale = site.config.defaultLanguage.locale
        let strings = edition.language.strings
        struct Job: Sendable { var entry: Entry; var shift: Int }
        let jobs = edition.sections.flatMap { section in
            [Job(entry: section.index, shift: 1)] + section.pages.map { Job(entry: $0, shift: 2) }
        }
        struct Chapter: Sendable { var anchor, title, description, body: String; var isFallback: Bool }
        let chapters = jobs.parallelMap { job -> Chapter in
            let id = job.entry.id
            let anchor = Self.bookletAnchor(id)
            let rebase = BodyRebase(
                from: Self.outputPath(id, in: code), to: path, idPrefix: anchor + ":", headingShift: job.shift,
                pageLink: { target, fragment in
                    guard let page = frozenTargets[target] else { return nil }
                    return ("#" + (page.anchor + (fragment.map { ":" + $0.removingPercentEncoding() } ?? "")).percentEncodedPath(),
                            page.title)
                })
            let page = job.entry.page
            return Chapter(anchor: anchor, title: page.frontMatter.title, description: page.frontMatter.description ?? "",
                           body: rebase.apply(TaskLists.label(page.bodyHTML)), isFallback: job.entry.isFallback)
        }.map { chapter -> [String: Any] in
            var context: [String: Any] = [
                "anchor": chapter.anchor, "href": chapter.anchor.percentEncodedPath(), "title": chapter.title,
                "description": chapter.description.isEmpty ? false : chapter.description,
                "body": chapter.body, "fallback": chapter.isFallback,
            ]
            if chapter.isFallback { context["contentLang"] = defaultLocale }
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
        context["nav"] = navigation(edition, current: nil, path: path)
        context["languages"] = site.editions.map { other -> [String: Any] in
            ["name": other.language.name, "locale": other.language.locale,
             "href": relativeURL(from: path, to: other.language.code + "/" + Self.printPath),
             "current": other.language == edition.language]
        }
        context["hasLanguages"] = site.editions.count > 1
        return theme.render("print", context)
    }

    /// The id of a page's chapter in the booklet: its path (`team-mistakes/no-blame`).
    static func bookletAnchor(_ id: PageID) -> String {
        id.path
    }
}

