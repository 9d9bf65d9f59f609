import CMarkGFM

/// What cmark reads but the page will not show as the author meant: raw HTML
/// that safe mode drops (a block takes its words with it), tags that the GFM
/// tag filter disarms, and other tools' template syntax that prints as text.
/// Content brought in from Jekyll, Hugo or a wiki is full of these, and a
/// build that says nothing about them loses words silently.
enum Unrendered {
    static func rawHTML(in tree: MarkdownTree, kept: Bool, locate: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        var found: [(MarkdownNode, String)] = []
        for node in tree.root.descendants() {
            let isBlock = node.type == CMARK_NODE_HTML_BLOCK
            guard isBlock || node.type == CMARK_NODE_HTML_INLINE, let literal = node.literal else { continue }
            let html = literal.trimmingWhitespace()
            // Comments show nothing either way; closing tags go with their opening tag.
            if html.hasPrefix("<!--") || html.hasPrefix("</") { continue }
            if kept {
                if let tag = disarmedTag(in: html) {
                    found.append((node, "'<\(tag)>' is shown as text, not run: pages never embed scripts, styles or frames (GitHub's tag filter); remove it, or link to what it embeds"))
                }
            } else if isBlock {
                let words = wordCount(html)
                let what = words == 0 ? "" : " with the \(words) word\(words == 1 ? "" : "s") in it"
                found.append((node, "raw HTML block '\(snippet(html))' dropped\(what): write it in Markdown, or set 'raw_html: true' in handbook.yml to keep HTML"))
            } else {
                found.append((node, "raw HTML '\(snippet(html))' dropped (the text around it is kept): write it in Markdown, or set 'raw_html: true' in handbook.yml to keep HTML"))
            }
        }
        return found.enumerated().map { index, entry in
            let count = found.count > 1 ? " [\(index + 1) of \(found.count) on this page]" : ""
            var warning = Diagnostic.warning(entry.1 + count, at: locate(entry.0.startLine, entry.0.startColumn))
            warning.topic = .rawHTML
            return warning
        }
    }

    /// `{% … %}`, `{{ … }}` and Hugo's `{{< … >}}` outside code: Jekyll's,
    /// Hugo's and other tools' templates, which this tool does not run.
    static func foreignTemplates(in tree: MarkdownTree, locate: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var run: [MarkdownNode] = []
        func flush() {
            defer { run.removeAll() }
            guard !run.isEmpty else { return }
            // cmark splits text at `[`, `!` and the like: look across the pieces of one run.
            var text = ""
            var starts: [(offset: Int, node: MarkdownNode)] = []
            for node in run {
                starts.append((text.utf8.count, node))
                text += node.literal ?? ""
            }
            for (offset, written) in templateTags(in: text) {
                let owner = starts.last { $0.offset <= offset } ?? starts[0]
                var warning = Diagnostic.warning(message(for: written),
                    at: locate(owner.node.startLine, owner.node.startColumn + offset - owner.offset))
                warning.topic = .foreignTemplate
                diagnostics.append(warning)
            }
        }
        for node in tree.root.descendants() {
            if node.type == CMARK_NODE_TEXT, let literal = node.literal,
               literal.utf8.contains(UInt8(ascii: "{")) || literal.utf8.contains(UInt8(ascii: "}")) || !run.isEmpty {
                run.append(node)
            } else if node.type != CMARK_NODE_TEXT {
                flush()
            }
        }
        flush()
        return diagnostics
    }

    /// Each `{%…%}` or `{{…}}` in the text, with its UTF-8 offset.
    static func templateTags(in text: String) -> [(Int, String)] {
        let bytes = Array(text.utf8)
        var tags: [(Int, String)] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "%") || bytes[index + 1] == UInt8(ascii: "{")
            else { index += 1; continue }
            let closer: [UInt8] = bytes[index + 1] == UInt8(ascii: "%") ? Array("%}".utf8) : Array("}}".utf8)
            // A tag is short: an opener with no closer within a few hundred bytes is just braces.
            let limit = min(bytes.count - 1, index + 300)
            var end = index + 2
            while end < limit, !(bytes[end] == closer[0] && bytes[end + 1] == closer[1]) { end += 1 }
            guard end < limit else { index += 2; continue }
            tags.append((index, String(decoding: bytes[index...(end + 1)], as: UTF8.self)))
            index = end + 2
        }
        return tags
    }

    private static func message(for tag: String) -> String {
        let shown = "'\(snippet(tag))'"
        let inner = tag.dropFirst(2).drop { " <%-".contains($0) }
        let word = inner.prefix { $0.isLetter || $0 == "_" }.lowercased()
        let hugo = tag.hasPrefix("{{<") || tag.hasPrefix("{{%")
        let kind = hugo ? "Hugo shortcode" : tag.hasPrefix("{%") ? "Liquid tag" : "template variable"
        let advice: String
        switch word {
        case "include", "include_relative", "partial":
            advice = "paste the included text here"
        case "link", "post_url", "ref", "relref":
            advice = "write a Markdown link to the page's .md file, e.g. [the guide](guide.md)"
        case "raw", "endraw":
            advice = "remove it: nothing here is a template"
        case "highlight", "endhighlight":
            advice = "use a fenced code block (```language) instead"
        default:
            advice = "replace it with the text it stands for, or put it in `backticks` if it is meant as text"
        }
        return "\(kind) \(shown) is shown as text, since handbook does not run other tools' templates: \(advice)"
    }

    /// The tags that GitHub's tag filter writes as text even in raw HTML.
    static let disarmed: Set<String> = ["script", "style", "iframe", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"]

    /// The first opening tag in the HTML that the tag filter disarms, read byte by byte:
    /// this runs on every raw HTML node of a page.
    static func disarmedTag(in html: String) -> String? {
        let bytes = Array(html.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var end = open + 1
            while end < bytes.count, bytes[end].isASCIIAlphanumeric { end += 1 }
            let boundary = end == bytes.count || bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/") || bytes[end].isHTMLSpace
            if end > open + 1, end - open <= 10, boundary {
                let name = String(decoding: bytes[(open + 1)..<end], as: UTF8.self).lowercased()
                if disarmed.contains(name) { return name }
            }
            index = open + 1
        }
        return nil
    }

    /// The start of a construct, on one line, for a message.
    static func snippet(_ text: String, limit: Int = 50) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        let trimmed = line.trimmingWhitespace()
        let cut = trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
        return text.contains("\n") && !cut.hasSuffix("…") ? cut + " …" : cut
    }

    /// Words of text between the tags of an HTML block: what the reader loses with it.
    static func wordCount(_ html: String) -> Int {
        var words = 0, inTag = false, inWord = false
        for character in html {
            if character == "<" { inTag = true; inWord = false; continue }
            if character == ">" { inTag = false; continue }
            if inTag { continue }
            if character.isLetter || character.isNumber {
                if !inWord { words += 1 }
                inWord = true
            } else if character.isWhitespace {
                inWord = false
            }
        }
        return words
    }
}
