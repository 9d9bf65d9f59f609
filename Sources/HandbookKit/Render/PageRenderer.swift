/// Stage 4: fills the theme's templates for each page of each edition.
/// The contexts are plain dictionaries, so a theme author sees exactly the
/// names documented in the README and nothing else.
package struct PageRenderer: Sendable {
    let site: Site
    let theme: Theme
    /// Languages with at least one comparison, which get a practice page.
    let practiceLanguages: Set<String>
    /// Each edition's sidebar, by language code, made with the edition's first page:
    /// a rebuild in the preview server should not wait for sidebars nobody has asked for yet.
    private var navigations: [String: Once<Navigation>] = [:]

    package init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        practiceLanguages = Set(site.editions.filter(Self.hasPractice).map(\.language.code))
        for edition in site.editions {
            navigations[edition.language.code] = Once { [self] in
                Navigation(edition, original: site.config.defaultLanguage) { section, path in
                    theme.render("nav-section", common(edition, path: path).merging(section) { $1 })
                }
            }
        }
    }

    /// A language with at least one comparison gets a practice page.
    static func hasPractice(_ edition: Edition) -> Bool {
        edition.byID.values.contains { !$0.page.comparisons.isEmpty }
    }

    static func outputPath(_ id: PageID, in language: String) -> String {
        language + "/" + id.outputPath
    }

    package func render(_ entry: Entry, in edition: Edition, position: Int, readingOrder: [Entry]) -> String {
        let language = edition.language
        let path = Self.outputPath(entry.id, in: language.code)
        func href(_ id: PageID, _ code: String = language.code) -> String {
            relativeURL(from: path, to: Self.outputPath(id, in: code))
        }
        var context = common(edition, path: path)
        let page = entry.page
        context["pageTitle"] = page.frontMatter.title
        context["description"] = page.frontMatter.description.map { $0 as Any } ?? false
        context["body"] = BodyRenderer(theme: theme, page: page, site: site).html(page.body)
        context["fallback"] = entry.isFallback
        context["contentLang"] = site.config.defaultLanguage.locale
        context["contentDir"] = site.config.defaultLanguage.direction.rawValue
        context["outdated"] = outdatedNotice(entry, in: edition, path: path)

        context["languages"] = languageLinks(
            from: path, current: language,
            to: { Self.outputPath($0.byID[entry.id] != nil ? entry.id : PageID("index"), in: $0.language.code) },
            // The browser adds the reader's section (#anchor) when the target page has its counterpart.
            anchors: { other in
                guard other.language != language, let target = other.byID[entry.id] else { return nil }
                let json = Wayfinding.json(Wayfinding.anchorMap(from: page, to: target.page))
                return json.isEmpty ? nil : json
            })
        context["hasLanguages"] = site.editions.count > 1
        let translations = site.editions.filter { $0.byID[entry.id].map { !$0.isFallback } ?? false }
        context["alternates"] = translations.count > 1
            ? translations.map { ["locale": $0.language.locale, "href": absolute(href(entry.id, $0.language.code), from: path)] }
            : []
        if translations.count > 1, let original = site.editions.first, original.byID[entry.id] != nil {
            context["xDefault"] = absolute(href(entry.id, original.language.code), from: path)
        }

        addNavigation(to: &context, edition, current: entry.id, path: path)
        context["place"] = false
        if let place = Wayfinding.place(of: entry.id, in: edition) {
            let step = place.step.map { n in
                language.strings["step_of"].replacingPlaceholders(["n": String(n), "total": String(place.steps)])
            }
            context["place"] = ["section": place.section.index.page.frontMatter.title,
                                "sectionHref": href(place.section.index.id),
                                "step": step.map { $0 as Any } ?? false]
        }
        context["toc"] = page.headings.map { ["text": $0.text, "anchor": $0.anchor, "level": $0.level] }
        context["hasToc"] = page.headings.count >= 2
        let previous = position > 0 ? readingOrder[position - 1] : nil
        let next = position + 1 < readingOrder.count ? readingOrder[position + 1] : nil
        // A neighbour not translated yet shows the original's title: quoted in its language.
        let quoted: [String: Any] = ["lang": site.config.defaultLanguage.locale, "dir": site.config.defaultLanguage.direction.rawValue]
        if let previous {
            context["previous"] = ["title": previous.page.frontMatter.title, "href": href(previous.id),
                                   "quoted": previous.isFallback ? quoted : false as Any]
        }
        if let next {
            context["next"] = ["title": next.page.frontMatter.title, "href": href(next.id),
                               "quoted": next.isFallback ? quoted : false as Any]
        } else if practiceLanguages.contains(language.code) {
            // The reading path ends in the practice, which leads on to print.
            context["next"] = ["title": language.strings["practice_title"], "href": relativeURL(from: path, to: language.code + "/" + Self.practicePath),
                               "quoted": false]
        }
        context["hasPager"] = previous != nil || context["next"] != nil
        context["start"] = false
        if entry.id == PageID("index"), let start = HomeStart(
            edition, path: path, practiceHref: context["practiceHref"] as? String, printHref: relativeURL(from: path, to: language.code + "/" + Self.printPath)) {
            context["start"] = start.context(language)
        }
        context["hasScripts"] = !page.scripts.isEmpty
        context["hasTaskList"] = page.hasTaskList
        return theme.render("page", context)
    }

    /// A language's not-found page (`<lang>/404.html`), or with `edition` nil the
    /// site's own (`404.html`, which GitHub Pages and Netlify look for), in the
    /// default language and offering every language.
    package func renderNotFound(_ edition: Edition?) -> String {
        guard let shown = edition ?? site.editions.first else { return "" }
        let folder = edition.map { $0.language.code + "/" } ?? ""
        let path = folder + "404.html"
        var context = common(shown, path: path)
        context["pageTitle"] = shown.language.strings["not_found_title"]
        context["languages"] = languageLinks(
            from: path, current: shown.language, to: { $0.language.code + (edition == nil ? "/index.html" : "/404.html") },
            prompt: { $0.strings["not_found_home"] })
        context["isRoot"] = edition == nil
        context["hasLanguages"] = site.editions.count > 1 && edition != nil
        context["offersLanguages"] = site.editions.count > 1 && edition == nil
        // A host serves its 404 page at any depth: with a base address every link is absolute;
        // without one a script finds the site's root from the address (see `NotFoundBase`).
        if let base = site.config.baseURL {
            context["base"] = base + folder
            context["findBase"] = false
        } else {
            context["base"] = false
            context["findBase"] = NotFoundBase.script(folder: folder, languages: site.editions.map(\.language.code))
        }
        return theme.render("not-found", context)
    }

    package func renderLanguageChooser() -> String {
        let first = site.config.defaultLanguage
        return theme.render("language-chooser", [
            "lang": first.locale, "dir": first.direction.rawValue, "siteTitle": first.title, "defaultLocale": first.locale,
            "languages": languageLinks(from: "index.html", current: nil, to: { $0.language.code + "/index.html" },
                                       prompt: { $0.strings["choose_language"] }),
        ])
    }

    /// The sidebar: `sectionsBefore`, `currentSection` and `sectionsAfter` for the
    /// built-in theme, `nav` (the same sections) for themes that write the list
    /// themselves, and `earlierSections` / `laterSections` beyond the listed ones.
    func addNavigation(to context: inout [String: Any], _ edition: Edition, current: PageID?, path: String) {
        guard let sidebar = navigations[edition.language.code]?.get().sidebar(at: path, current: current) else { return }
        context["hasMenu"] = true
        context["sectionsBefore"] = sidebar.before
        context["currentSection"] = sidebar.current.map { $0 as Any } ?? false
        context["sectionsAfter"] = sidebar.after
        context["nav"] = sidebar.all
        context["earlierSections"] = sidebar.earlier.map { $0 as Any } ?? false
        context["laterSections"] = sidebar.later.map { $0 as Any } ?? false
    }

    func common(_ edition: Edition, path: String) -> [String: Any] {
        let language = edition.language
        let code = language.code
        return [
            "lang": language.locale,
            "dir": language.direction.rawValue,
            "langCode": code,
            // The language menu's button names it on every page (practice and print included).
            "currentLanguage": ["name": language.name, "locale": language.locale, "code": code],
            "siteTitle": language.title,
            "root": rootPrefix(of: path),
            "home": relativeURL(from: path, to: code + "/index.html"),
            "strings": language.strings.values,
            "xDefault": false,
            "searchIndex": relativeURL(from: path, to: code + "/" + SearchIndex.fileName),
            "practiceHref": practiceLanguages.contains(code) ? relativeURL(from: path, to: code + "/" + Self.practicePath) : false,
            "printHref": relativeURL(from: path, to: code + "/" + Self.printPath),
            "isPractice": false, "isPrint": false,
        ]
    }

    /// hreflang wants absolute addresses; without `base_url` the relative one is the best there is.
    func absolute(_ relative: String, from path: String) -> String {
        guard let base = site.config.baseURL else { return relative }
        return base + (LinkResolver.normalize(path.split(separator: "/").dropLast().joined(separator: "/") + "/" + relative) ?? relative)
    }
}
