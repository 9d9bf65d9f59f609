import CMarkGFM

/// A page's title: front matter's `title`, or the body's leading `# heading`.
///
/// Markdown written for a forge, a wiki or a README starts with `# Title` and
/// has no front matter; the page template shows the title as the page's
/// heading, so a leading heading that is the title is taken out of the body
/// rather than shown twice.
extension PageParser {
    func pageTitle(_ declared: String?, tree: MarkdownTree, path: String,
                   locate: (Int, Int) -> SourceLocation, diagnostics: inout [Diagnostic]) -> String? {
        let heading = leadingHeading(tree)
        let headingText = heading.map { plainText($0).trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        switch (declared, heading, headingText) {
        case let (nil, heading?, text?):
            tree.detach(heading)
            return text
        case (nil, _, _):
            diagnostics.append(.error(
                "the page has no title: start it with a line '# Title', or with front matter ('---', 'title: …', '---')",
                at: SourceLocation(path: path)))
            return nil
        case let (title?, heading?, text?):
            if Self.sameTitle(title, text) {
                tree.detach(heading)
            } else {
                diagnostics.append(.warning(
                    "the page starts with the heading '\(text)' as well as its title '\(title)', so it shows two top-level headings: remove one, or make this one '## \(text)'",
                    at: locate(heading.startLine, heading.startColumn)))
            }
            return title
        case let (title?, _, _):
            return title
        }
    }

    /// The first block, if it is a level-1 heading; comments before it do not count.
    private func leadingHeading(_ tree: MarkdownTree) -> MarkdownNode? {
        for node in tree.root.children {
            if node.type == CMARK_NODE_HTML_BLOCK, let literal = node.literal,
               literal.hasPrefix("<!--"), !literal.hasPrefix(DirectiveScanner.prefix) { continue }
            return node.type == CMARK_NODE_HEADING && node.headingLevel == 1 ? node : nil
        }
        return nil
    }

    /// Titles compared as a reader sees them: case and spacing do not count.
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        func folded(_ text: String) -> String {
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        return folded(a) == folded(b)
    }
}
