import CMarkGFM
import Foundation

/// Stage 2: one Markdown file to a `Page`: front matter, directives, cmark-gfm,
/// heading anchors, placeholders and link rewriting, then the body's HTML.
/// Pages are independent of each other here, so the builder runs this stage
/// on every core; links are only recorded, and checked once all pages exist.
package struct PageParser: Sendable {
    package var languages: Set<String>
    package var rawHTML: Bool
    /// Front-matter keys of other tools, accepted and dropped (`ignore_keys:`).
    package var ignoredKeys: Set<String>
    /// Every page and file the load found, for links not written as `.md` files.
    package var content: ContentIndex

    package init(languages: Set<String>, rawHTML: Bool, ignoredKeys: Set<String> = [], content: ContentIndex = ContentIndex()) {
        self.languages = languages
        self.rawHTML = rawHTML
        self.ignoredKeys = ignoredKeys
        self.content = content
    }

    /// The largest page accepted, in bytes. The whole shipped handbook is far
    /// smaller; a page this big is a mistake (a pasted log, a generated file),
    /// and refusing it keeps time and memory of a build bounded.
    package static let maximumPageBytes = 4 << 20

    package func parse(_ source: SourceFile, bytes: [UInt8]) -> (Page?, [Diagnostic]) {
        let path = source.path
        if bytes.count > Self.maximumPageBytes {
            let size = Double(bytes.count) / Double(1 << 20)
            return (nil, [.error(
                "the page is \((size * 10).rounded() / 10) MB; a page may be at most \(Self.maximumPageBytes >> 20) MB: split it into several pages",
                at: SourceLocation(path: path))])
        }
        // Text checks first: cmark would accept anything, but an editor must hear
        // about a file that is not text before its page quietly turns to mojibake.
        if let (line, column) = Self.firstInvalidUTF8(bytes) {
            return (nil, [.error("the file is not valid UTF-8 text (is it binary, or saved in another encoding?)",
                at: SourceLocation(path: path, line: line, column: column))])
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // byte-order mark
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return (nil, [.error("the file is empty: a page starts with its title, as a line '# Title' or as front matter ('---', 'title: …', '---')",
                at: SourceLocation(path: path))])
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)

        let header: FrontMatterParser.Result
        do {
            header = try FrontMatterParser.parse(text, path: path, ignoredKeys: ignoredKeys)
        } catch {
            return (nil, [error])
        }
        let bodyFirstLine = header.bodyFirstLine
        let locate = { (line: Int, column: Int) in
            SourceLocation(path: path, line: line + bodyFirstLine - 1, column: column)
        }
        let body = bytes[(start + header.bodyOffset)...]
        if let slow = SlowMarkdown.check(body) {
            return (nil, [.error(slow.message, at: locate(slow.line, slow.column))])
        }
        let (readable, controls) = Self.replacingControlCharacters(body)
        let (withDirectives, directiveLines) = DirectiveScanner.scan(readable[...])
        let (markdown, elementLines) = MarkdownInHTML.scan(withDirectives)
        let tree = markdown.withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: rawHTML) }
        var diagnostics = header.diagnostics + controls.map { control in
            Diagnostic.warning(
                "control character U+\(String(format: "%04X", control.byte)) cannot appear in a web page and is shown as \u{FFFD}: delete it (it often comes with text pasted from a terminal or a PDF)",
                at: locate(control.line, control.column))
        }
        let directives = Dictionary(directiveLines.map { ($0.bodyLine, $0) }, uniquingKeysWith: { a, _ in a })
        let elements = Dictionary(elementLines.map { ($0.bodyLine, $0) }, uniquingKeysWith: { a, _ in a })

        restoreDirectivesInLiterals(tree, directives, elements)
        diagnostics += misplacedDirectives(tree, locate)
        let title = pageTitle(header.header.title, tree: tree, path: path, locate: locate, diagnostics: &diagnostics)
        var markers = BodyMarkers()
        diagnostics += Callouts.apply(to: tree, markdown: markdown, markers: &markers, locate: locate)
        var anchors = AnchorSet()
        let headings = anchorHeadings(tree, anchors: &anchors)

        var assembler = DirectiveAssembler(tree: tree, anchors: anchors, markers: markers, locate: locate)
        assembler.assemble(directives)
        diagnostics += assembler.diagnostics
        diagnostics += MarkdownInHTML.assemble(tree, elements, rawHTML: rawHTML, locate: locate)
        diagnostics += Unrendered.rawHTML(in: tree, kept: rawHTML, locate: locate)
        diagnostics += Unrendered.foreignTemplates(in: tree, locate: locate)

        var scripts: [Script] = []
        for (script, body) in assembler.scripts {
            var script = script
            script.placeholders = Placeholders.markUp(in: body, locate: locate, diagnostics: &diagnostics)
            scripts.append(script)
        }

        let (links, linkGuesses) = rewriteLinks(tree, source: source, locate: locate, diagnostics: &diagnostics)

        markers = assembler.markers
        for side in assembler.comparisons.flatMap({ [$0.bad, $0.good] }).compactMap({ $0 }) {
            markReason(in: side, markers: &markers)
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let frontMatter = FrontMatter(
            title: title ?? "", description: header.header.description,
            order: header.header.order, source: header.header.source, keywords: header.header.keywords,
            steps: source.id.isIndex ? header.header.steps : nil)
        if header.header.steps != nil, !source.id.isIndex {
            diagnostics.append(.warning(
                "'steps' numbers the pages of a section and is read only in its index.md; move it there",
                at: header.header.stepsLocation ?? SourceLocation(path: path)))
        }
        let plain = plainText(tree.root)
        let html = TaskLists.label(tree.html())
        let (blocks, comparisons) = markers.split(html, comparisons: assembler.comparisons.map(\.0))
        let page = Page(
            id: source.id, language: source.language, sourcePath: path,
            frontMatter: frontMatter, body: blocks, hasTaskList: TaskLists.present(in: html),
            headings: headings.filter { $0.level == 2 || $0.level == 3 },
            anchors: assembler.anchors.used, comparisons: comparisons, scripts: scripts,
            links: links, linkGuesses: linkGuesses, searchText: plain.foldedExcerpt(limit: Page.searchTextLimit), bodyHash: Self.fingerprint(body),
            wordCount: ReadingTime.words(in: plain))
        return (page, diagnostics)
    }

    /// A directive or element line inside a fenced code or HTML block is text: put it back.
    private func restoreDirectivesInLiterals(_ tree: MarkdownTree, _ directives: [Int: DirectiveLine],
                                             _ elements: [Int: MarkdownInHTML.Line]) {
        guard !directives.isEmpty || !elements.isEmpty else { return }
        for node in tree.root.descendants()
        where node.type == CMARK_NODE_CODE_BLOCK || node.type == CMARK_NODE_HTML_BLOCK {
            if !elements.isEmpty, let literal = node.literal, literal.contains(MarkdownInHTML.prefix),
               MarkdownInHTML.sentinelLine(node).map({ literal.trimmingWhitespace() == MarkdownInHTML.sentinel($0) }) != true {
                node.literal = MarkdownInHTML.restore(in: literal, elements)
            }
            guard let literal = node.literal, literal.contains(DirectiveScanner.prefix) else { continue }
            // A marker of its own is one line; anything longer holds a directive line as text.
            let isMarker = node.type == CMARK_NODE_HTML_BLOCK && node.parent == tree.root
                && DirectiveAssembler.sentinelLine(node).map { literal.trimmingWhitespace() == DirectiveScanner.sentinel($0) } == true
            if isMarker { continue }
            node.literal = DirectiveScanner.restore(in: literal, directives)
        }
    }

    /// `:::` written inside a list or quote is read as text; say so rather than render it.
    private func misplacedDirectives(_ tree: MarkdownTree, _ locate: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for node in tree.root.descendants() where node.type == CMARK_NODE_TEXT {
            guard let text = node.literal, text.hasPrefix(":::") else { continue }
            let previous = previousSibling(node)
            guard previous == nil || previous?.type == CMARK_NODE_SOFTBREAK || previous?.type == CMARK_NODE_LINEBREAK
            else { continue }
            found.append(.error(
                "directive '\(text.prefix(30))' must start at the beginning of a line, outside lists and block quotes",
                at: locate(node.startLine, node.startColumn)))
        }
        return found
    }

    private func previousSibling(_ node: MarkdownNode) -> MarkdownNode? {
        MarkdownNode(cmark_node_previous(node.pointer))
    }

    /// Gives every heading a unique id, by replacing it with a raw block that
    /// writes `<hN id="…">` around the same inline children.
    private func anchorHeadings(_ tree: MarkdownTree, anchors: inout AnchorSet) -> [Heading] {
        var headings: [Heading] = []
        for node in tree.root.descendants() where node.type == CMARK_NODE_HEADING {
            let level = node.headingLevel
            let text = plainText(node).trimmingWhitespace()
            let anchor = anchors.claim(text)
            headings.append(Heading(level: level, text: text, anchor: anchor))
            // An empty raw block holding a raw inline: cmark writes no line breaks
            // inside it, so the output is the heading's own, plus the id.
            let block = MarkdownNode.raw(block: true, enter: "", exit: "")
            let heading = MarkdownNode.raw(block: false, enter: "<h\(level) id=\"\(anchor)\">", exit: "</h\(level)>")
            block.append(heading)
            node.insertBefore(block)
            for child in node.children { heading.append(child) }
            tree.detach(node)  // its children still point into its text buffer
        }
        return headings
    }

    /// Rewrites every link and image to the URL the site needs; returns the
    /// internal ones, to check once all pages exist, and what was looked up.
    private func rewriteLinks(_ tree: MarkdownTree, source: SourceFile, locate: (Int, Int) -> SourceLocation,
                              diagnostics: inout [Diagnostic]) -> ([InternalLink], LinkGuesses) {
        // A page's folder is its source's: a `README.md` index lies where `index.md` would.
        var resolver = LinkResolver(pageFolder: joinPath(source.language, source.id.section), languages: languages,
                                    content: content)
        var links: [InternalLink] = []
        for node in tree.root.descendants() where node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE {
            guard let url = node.url, !url.isEmpty else { continue }
            let location = locate(node.startLine, node.startColumn)
            switch resolver.resolve(url, isImage: node.type == CMARK_NODE_IMAGE) {
            case .external:
                break
            case let .page(language, id, anchor, rewritten, advice):
                node.url = rewritten
                if let advice { diagnostics.append(.warning(advice, at: location)) }
                links.append(InternalLink(
                    language: language, target: id, anchor: anchor, location: location, written: url))
            case .anchorOnly(let anchor):
                links.append(InternalLink(
                    language: source.language, target: source.id, anchor: anchor, location: location, written: url))
            case let .file(path, rewritten, advice):
                node.url = rewritten
                if let advice { diagnostics.append(.warning(advice, at: location)) }
                links.append(InternalLink(language: source.language, file: path, location: location, written: url))
            case let .refused(message, severity):
                node.url = ""
                diagnostics.append(Diagnostic(severity, message, at: location))
            }
        }
        return (links, resolver.guesses)
    }

    /// A side's reason is its last paragraph, when the side has more than one
    /// block ("Why it fails: …"): the practice page shows it only with the answer.
    private func markReason(in side: MarkdownNode, markers: inout BodyMarkers) {
        let children = side.children
        guard children.count > 1, let last = children.last, last.type == CMARK_NODE_PARAGRAPH else { return }
        let reason = markers.node(for: .reason)
        last.insertBefore(reason)
        reason.append(last)
    }

    func plainText(_ node: MarkdownNode) -> String {
        var text = ""
        for child in node.descendants() {
            let type = child.type
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                text += child.literal ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_CUSTOM_BLOCK || type == CMARK_NODE_ITEM {
                // A block boundary (headings, once anchored, are custom blocks): search snippets
                // show it, so a heading does not run into the paragraph after it.
                text += "\n"
            }
        }
        return text
    }

    /// FNV-1a over the body without carriage returns and without the blanks at
    /// its end, so an editor that only switches to CRLF or adds a final newline
    /// does not make every translation look outdated. 48 bits, 12 hex digits.
    static func fingerprint(_ body: ArraySlice<UInt8>) -> String {
        var hash = FNV1a()
        var pendingBlanks: [UInt8] = []
        for byte in body where byte != UInt8(ascii: "\r") {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                pendingBlanks.append(byte)
                continue
            }
            for blank in pendingBlanks { hash.add(blank) }
            pendingBlanks.removeAll(keepingCapacity: true)
            hash.add(byte)
        }
        let hex = String(hash.value & 0xFFFF_FFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// The body with each C0 control character other than tab, line feed, form
    /// feed and carriage return replaced by U+FFFD, as HTML requires, and where
    /// each one stood. They also mark the blocks the theme draws (`BodyMarkers`),
    /// so none may reach cmark from the author.
    static func replacingControlCharacters(_ body: ArraySlice<UInt8>) -> ([UInt8], [(line: Int, column: Int, byte: UInt8)]) {
        func isControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D }
        guard body.contains(where: isControl) else { return (Array(body), []) }
        var result: [UInt8] = []
        var found: [(line: Int, column: Int, byte: UInt8)] = []
        var line = 1, column = 1
        for byte in body {
            if isControl(byte) {
                found.append((line, column, byte))
                result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                result.append(byte)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return (result, found)
    }

    /// Line and column (in bytes) of the first byte that breaks UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1, lineStart = 0, index = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            let before = index
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += String(scalar).utf8.count
                if scalar == "\n" { line += 1; lineStart = index }
            case .emptyInput:
                return nil
            case .error:
                return (line, before - lineStart + 1)
            }
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
