import Mustache

/// How every template escapes `{{name}}`: by Unicode scalar, with the build's
/// one escaper.
///
/// swift-mustache's own HTML escaping looks each `Character` up in a table, so
/// a quote fused with a combining mark (`"` + U+0301 is one Character) matches
/// nothing and passes through raw, which would let a title break out of an
/// attribute. Rather than alter author text to split such clusters, each
/// template is compiled with a pragma that selects this content type; a theme's
/// own templates get it too, so `{{title}}` is safe in any theme.
enum AttributeSafeHTML: MustacheContentType {
    case instance

    static let name = "HANDBOOK_HTML"

    /// Put before a template's first line, on a line of its own, so it is a
    /// standalone tag that leaves no blank line behind. Error lines are one more
    /// than the author's; `Theme.load` subtracts it.
    static let pragma: String = {
        MustacheContentTypes.register(AttributeSafeHTML.instance, named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()

    func escapeText(_ text: String) -> String { escapeHTML(text) }
}
