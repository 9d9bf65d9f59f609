import Mustache

/// Draws a page's body: cmark's HTML as it is, and each comparison, script,
/// choice and callout through the theme's partial of that name, labelled in the
/// language of the page's text (a page standing in from another language keeps
/// that language's labels, like its words).
struct BodyRenderer {
    let theme: Theme
    let strings: InterfaceStrings

    /// For `page`, in the language its text is written in.
    init(theme: Theme, page: Page, site: Site) {
        self.init(theme: theme, strings: site.config.language(page.language)?.strings ?? .english)
    }

    init(theme: Theme, strings: InterfaceStrings) {
        self.theme = theme
        self.strings = strings
    }

    func html(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { append(block, to: &out) }
        return out
    }

    private func append(_ block: Block, to out: inout String) {
        switch block {
        case .html(let html):
            out += html
        case .comparison(let comparison):
            out += theme.render("comparison", ComparisonView(
                title: comparison.title, anchor: comparison.anchor, sides: side(comparison.bad) + side(comparison.good)))
        case .script(let script):
            out += theme.render("script", ScriptView(
                title: script.title, anchor: script.anchor, label: strings["script"], content: html(script.body)))
        case .choice(let choice):
            out += theme.render("choice", ChoiceView(
                prompt: choice.prompt, alternatives: choice.alternatives, content: html(choice.body)))
        case .callout(let kind, let body):
            out += theme.render("callout", LabelledView(kind: kind.rawValue, label: strings[kind.stringKey], content: html(body)))
        }
    }

    private func side(_ side: Side) -> String {
        theme.render("comparison-side", LabelledView(
            kind: side.kind.rawValue, label: strings[side.kind == .bad ? "dont" : "do"], content: html(side.blocks)))
    }
}

// The partials' contexts: the names each partial may use (README, "Themes"),
// and nothing else. `content` and `sides` are HTML the build made (`{{{…}}}`).

struct ComparisonView: MustacheParent {
    var title, anchor, sides: String
    func child(named name: String) -> Any? {
        switch name { case "title": title; case "anchor": anchor; case "sides": sides; default: nil }
    }
}

struct ScriptView: MustacheParent {
    var title, anchor, label, content: String
    func child(named name: String) -> Any? {
        switch name { case "title": title; case "anchor": anchor; case "label": label; case "content": content; default: nil }
    }
}

struct ChoiceView: MustacheParent {
    var prompt: String
    /// Set only on a well-formed choice, the kind the reader's tools turn into a pick.
    var alternatives: Int?
    var content: String
    func child(named name: String) -> Any? {
        switch name {
        case "prompt": prompt
        case "alternatives": alternatives.map { $0 as Any } ?? false
        case "content": content
        default: nil
        }
    }
}

/// A comparison's side (`kind` bad or good) or a callout (`kind` note, tip, …).
struct LabelledView: MustacheParent {
    var kind, label, content: String
    func child(named name: String) -> Any? {
        switch name { case "kind": kind; case "label": label; case "content": content; default: nil }
    }
}
