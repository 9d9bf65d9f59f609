/// A page's body as the parser leaves it: the author's Markdown already
/// rendered by cmark-gfm, and between it the blocks whose chrome the theme
/// draws in the language being rendered (the `comparison`, `comparison-side`,
/// `script`, `choice` and `callout` partials). No interface text is in here, so
/// a parse serves every language and every theme.
package indirect enum Block: Sendable, Equatable {
    /// HTML that cmark-gfm rendered from the author's Markdown.
    case html(String)
    case comparison(Comparison)
    case script(ScriptBlock)
    case choice(Choice)
    case callout(CalloutKind, body: [Block])
}

/// One side of a comparison: the reply, and the reason after it ("Why it
/// fails: …"), which the practice page shows only with the answer. A side of a
/// single block, or one that does not end in a paragraph, is all reply.
package struct Side: Sendable, Equatable {
    package enum Kind: String, Sendable { case bad, good }
    package var kind: Kind
    package var reply: [Block]
    package var reason: [Block]

    /// Reply and reason as the page shows them, one after the other.
    package var blocks: [Block] { reply + reason }
}

/// The text of a `:::script` as blocks; its title and placeholders are in `Script`.
package struct ScriptBlock: Sendable, Equatable {
    package var title: String
    package var anchor: String
    package var body: [Block]
}

/// A `:::choice` inside a script: a prompt for the reader (never copied) and
/// its alternatives. `alternatives` is nil when the choice is not one list of
/// two or more items: it is then shown as written and copied whole.
package struct Choice: Sendable, Equatable {
    package var prompt: String
    package var alternatives: Int?
    package var body: [Block]
}

/// GitHub's alert kinds, which forges render too: `[!NOTE]` … `[!CAUTION]`.
package enum CalloutKind: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution

    var marker: String { "[!\(rawValue.uppercased())]" }
    /// The interface string that labels it in words.
    var stringKey: String { "callout_\(rawValue)" }
}
