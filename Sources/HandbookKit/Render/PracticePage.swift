/// `<language>/practice.html`: every comparison of the language, in reading
/// order, as a question. Both replies stand unlabelled in an order that looks
/// random but is the same on every build; the page's script reshuffles them
/// and keeps the score. Without scripts the answer is behind a "show" toggle.
///
/// Nothing is written twice: a reply is a side's `reply` and the answer shows
/// its `reason` ("Why it fails: …"), as the parser found them; a side of a
/// single block is all reply, and the answer has no reason.
extension PageRenderer {
    static let practicePath = "practice.html"

    func renderPractice(_ edition: Edition) -> String? {
        let code = edition.language.code
        guard practiceLanguages.contains(code) else { return nil }
        let path = code + "/" + Self.practicePath
        let strings = edition.language.strings
        var questions: [[String: Any]] = []
        for entry in edition.readingOrder {
            let source = Self.outputPath(entry.id, in: code)
            for comparison in entry.page.comparisons {
                let number = questions.count + 1
                let rebase = BodyRebase(from: source, to: path, idPrefix: "q\(number)-")
                let body = BodyRenderer(theme: theme, page: entry.page, site: site)
                func parts(_ side: Side) -> (reply: String, reason: String) { (body.html(side.reply), body.html(side.reason)) }
                var sides: [(better: Bool, kind: String, label: String, parts: (reply: String, reason: String))] = [
                    (false, "bad", strings["dont"], parts(comparison.bad)), (true, "good", strings["do"], parts(comparison.good)),
                ]
                if Self.stableCoin(entry.id.path + "#" + comparison.anchor) { sides.reverse() }
                let choices = zip(["A", "B"], sides).map { letter, side -> [String: Any] in
                    [
                        "letter": letter, "better": side.better, "kind": side.kind, "sideLabel": side.label,
                        "reply": rebase.apply(side.parts.reply), "reason": rebase.apply(side.parts.reason),
                        "hasReason": !side.parts.reason.isEmpty,
                        "choose": strings["practice_choose"].replacingAll("{letter}", with: letter),
                    ]
                }
                var question: [String: Any] = [
                    "number": number, "id": "q\(number)", "title": comparison.title, "choices": choices, "nextID": false,
                    "sourceTitle": entry.page.frontMatter.title,
                    "sourceHref": relativeURL(from: path, to: source) + "#" + comparison.anchor.percentEncodedPath(),
                ]
                if entry.isFallback {
                    question["contentLang"] = site.config.defaultLanguage.locale
                    question["contentDir"] = site.config.defaultLanguage.direction.rawValue
                }
                questions.append(question)
            }
        }
        // Each answer leads on to the next question, so a reader on a phone need not scroll to find it.
        for index in questions.indices.dropLast() { questions[index]["nextID"] = questions[index + 1]["id"] }
        var context = common(edition, path: path)
        context["pageTitle"] = strings["practice_title"]
        context["isPractice"] = true
        context["questions"] = questions
        context["total"] = questions.count
        addNavigation(to: &context, edition, current: nil, path: path)
        // The end of the reading path: back to its last page, on to print.
        if let last = edition.readingOrder.last {
            context["previous"] = ["title": last.page.frontMatter.title, "href": relativeURL(from: path, to: Self.outputPath(last.id, in: code))]
        }
        context["next"] = ["title": strings["print"], "href": relativeURL(from: path, to: code + "/" + Self.printPath)]
        context["hasPager"] = true
        context["languages"] = languageLinks(from: path, current: edition.language, to: { other in
            other.language.code + "/" + (practiceLanguages.contains(other.language.code) ? Self.practicePath : "index.html")
        })
        context["hasLanguages"] = site.editions.count > 1
        return theme.render("practice", context)
    }

    /// Heads or tails from a name: an order that looks random and never changes between builds.
    static func stableCoin(_ name: String) -> Bool {
        (FNV1a.hash(name.utf8) >> 15) & 1 == 1
    }
}
