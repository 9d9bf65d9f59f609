import Mustache

/// One entry of a language menu (`languages` in the templates).
struct LanguageLink: MustacheParent {
    var language: Language
    var href: String
    var current: Bool
    /// The JSON of `data-anchors`: where each section of this page lies in the other language's.
    var anchors: String?
    /// A line in that language under its name (the language chooser, the not-found page).
    var prompt: String?

    func child(named name: String) -> Any? {
        switch name {
        case "name": language.name
        case "locale": language.locale
        case "code": language.code
        case "dir": language.direction.rawValue
        case "href": href
        case "current": current
        case "anchors": anchors.map { $0 as Any } ?? false
        case "prompt": prompt
        default: nil
        }
    }
}

extension PageRenderer {
    /// Every language of the site, the one of `current` marked, each leading from
    /// `path` to the output path `target` names for it: the one builder of every
    /// language menu (pages, practice, print, not-found, the chooser).
    func languageLinks(from path: String, current: Language?, to target: (Edition) -> String,
                       anchors: (Edition) -> String? = { _ in nil },
                       prompt: ((Language) -> String)? = nil) -> [LanguageLink] {
        site.editions.map { other in
            LanguageLink(language: other.language, href: relativeURL(from: path, to: target(other)),
                         current: other.language == current, anchors: anchors(other),
                         prompt: prompt?(other.language))
        }
    }
}
