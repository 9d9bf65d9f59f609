import CMarkGFM
import Foundation

/// A page cut into the pieces a translator translates: its title and
/// description, then every heading, paragraph (in lists, quotes, callouts,
/// comparison sides and scripts alike) and directive title, in reading order.
/// cmark-gfm finds the blocks and their lines; the directives are found as the
/// parser finds them. The same cut of an original and of its translation lines
/// up unit by unit when both have the same structure.
struct TranslationUnits {
    enum Kind: String, Sendable, Equatable {
        case title, description, heading, paragraph, compare, script, choice
    }

    struct Unit: Sendable, Equatable {
        var kind: Kind
        var text: String
        /// The file's line where the unit starts (1-based).
        var line: Int
        /// The file's lines the unit covers, and what stays of them around the text.
        var firstLine: Int, lastLine: Int
        /// Before the text on its first line (`## `, `> - `, `:::script `, `title: `).
        var lead: String
        /// Before the text on each later line (the quote's `> ` or the list's indent).
        var continuation: [String]
        /// After the text on its last line (a setext heading's underline, kept as a line).
        var trailingLines: [String] = []
    }

    var units: [Unit]
    /// The file's lines, without their ends.
    var lines: [String]
    var newline: String
    var hasBOM: Bool
    /// The file's lines of front matter, closing `---` included; 0 without front matter.
    var frontMatterLines: Int
    /// Blocks that are not units (tables, raw HTML), by line and what they are: `import` writes the
    /// original's over them, so both commands say where they are.
    var notUnits: [(line: Int, what: String)] = []

    init(file bytes: [UInt8]) {
        hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes[(hasBOM ? 3 : 0)...], as: UTF8.self)
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let header = try? FrontMatterParser.parse(text, path: "")
        let bodyFirstLine = header?.bodyFirstLine ?? 1
        frontMatterLines = bodyFirstLine - 1
        var units: [Unit] = []
        for key in [Kind.title, .description] {
            let prefix = key.rawValue + ":"
            guard frontMatterLines > 0, let index = lines[0..<frontMatterLines].firstIndex(where: { $0.hasPrefix(prefix) }),
                  let value = key == .title ? header?.header.title : header?.header.description,
                  !value.isEmpty else { continue }
            // A folded or continued value spans the indented lines after its key.
            var last = index
            while last + 1 < frontMatterLines - 1, lines[last + 1].first == " " || lines[last + 1].first == "\t" { last += 1 }
            units.append(Unit(kind: key, text: value, line: index + 1, firstLine: index + 1, lastLine: last + 1,
                              lead: prefix + " ", continuation: []))
        }
        let body = Array(text.utf8)[(header?.bodyOffset ?? 0)...]
        let (markdown, directives) = DirectiveScanner.scan(body)
        let tree = markdown.withUnsafeBytes { MarkdownTree(markdown: $0, rawHTML: true) }
        let offset = bodyFirstLine - 1
        var blocks: [Unit] = []
        for directive in directives {
            let kind: Kind, title: String
            switch directive.kind {
            case .compare(let text): (kind, title) = (.compare, text)
            case .script(let text): (kind, title) = (.script, text)
            case .choice(let text): (kind, title) = (.choice, text)
            default: continue
            }
            let written = directive.original
            guard !title.isEmpty, let range = written.range(of: title, options: .backwards) else { continue }
            let line = directive.bodyLine + offset
            blocks.append(Unit(kind: kind, text: title, line: line, firstLine: line, lastLine: line,
                               lead: String(written[..<range.lowerBound]), continuation: []))
        }
        for node in tree.root.descendants() {
            switch node.type {
            case CMARK_NODE_PARAGRAPH:
                if let unit = Self.paragraph(node, lines: lines, offset: offset) { blocks.append(unit) }
            case CMARK_NODE_HEADING:
                if let unit = Self.heading(node, lines: lines, offset: offset) { blocks.append(unit) }
            case CMARK_NODE_HTML_BLOCK where !(node.literal ?? "").hasPrefix(DirectiveScanner.prefix):
                notUnits.append((node.startLine + offset, "raw HTML block"))
            default:
                if node.typeName == "table" { notUnits.append((node.startLine + offset, "table")) }
            }
        }
        blocks.sort { $0.firstLine < $1.firstLine }
        self.units = units + blocks
    }

    private static func paragraph(_ node: MarkdownNode, lines: [String], offset: Int) -> Unit? {
        var first = node.startLine + offset, column = node.startColumn
        let last = node.endLine + offset
        guard first >= 1, last <= lines.count, first <= last else { return nil }
        var lead = String(decoding: Array(lines[first - 1].utf8).prefix(column - 1), as: UTF8.self)
        var start = String(decoding: Array(lines[first - 1].utf8).dropFirst(column - 1), as: UTF8.self)
        // A callout's `[!NOTE]` line is its kind, not text to translate.
        if node.parent?.type == CMARK_NODE_BLOCK_QUOTE, start.trimmingWhitespace().range(of: #"^\[![A-Za-z]+\]$"#, options: .regularExpression) != nil {
            guard first < last else { return nil }
            first += 1
            (lead, start) = split(lines[first - 1], width: column - 1)
            column = lead.utf8.count + 1
        }
        var text = [start]
        var continuation: [String] = []
        if first < last {
            for line in lines[first..<last] {
                let (prefix, rest) = split(line, width: column - 1)
                continuation.append(prefix)
                text.append(rest)
            }
        }
        let joined = text.map { $0.trimmingWhitespace() }.joined(separator: "\n")
        guard !joined.isEmpty else { return nil }
        return Unit(kind: .paragraph, text: joined, line: first, firstLine: first, lastLine: last,
                    lead: lead, continuation: continuation)
    }

    private static func heading(_ node: MarkdownNode, lines: [String], offset: Int) -> Unit? {
        let first = node.startLine + offset, last = node.endLine + offset
        guard first >= 1, last <= lines.count else { return nil }
        let line = lines[first - 1]
        if first == last, let hashes = line.firstIndex(where: { $0 != "#" && $0 != " " && $0 != "\t" }),
           line.trimmingWhitespace().hasPrefix("#") {
            // ATX: `## Text ##`; the closing hashes are not text either.
            var text = String(line[hashes...]).trimmingWhitespace()
            if let close = text.range(of: #"\s+#+$"#, options: .regularExpression) { text.removeSubrange(close) }
            guard !text.isEmpty else { return nil }
            return Unit(kind: .heading, text: text, line: first, firstLine: first, lastLine: last,
                        lead: String(line[..<hashes]), continuation: [])
        }
        // Setext: text lines, then the underline, kept as it was.
        guard first < last else { return nil }
        let text = lines[(first - 1)..<(last - 1)].map { $0.trimmingWhitespace() }.joined(separator: "\n")
        return Unit(kind: .heading, text: text, line: first, firstLine: first, lastLine: last - 1,
                    lead: "", continuation: Array(repeating: "", count: max(0, last - first - 1)),
                    trailingLines: [lines[last - 1]])
    }

    /// A later line of a block: the quote markers and indent of its container (at most `width` bytes of them), then the text.
    private static func split(_ line: String, width: Int) -> (String, String) {
        let bytes = Array(line.utf8)
        var count = 0
        while count < min(width, bytes.count), [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "\t")].contains(bytes[count]) {
            count += 1
        }
        return (String(decoding: bytes[..<count], as: UTF8.self), String(decoding: bytes[count...], as: UTF8.self))
    }

    /// The file with each unit's text replaced by `translations[i]` (nil keeps it);
    /// everything else (front matter keys, markers, directives, code) as the file has it.
    func replacing(_ translations: [String?]) -> String {
        var output: [String] = []
        var index = 0  // next line of the file (0-based)
        for (unit, translation) in zip(units, translations) {
            while index < unit.firstLine - 1 { output.append(lines[index]); index += 1 }
            // An unchanged unit keeps its lines exactly as written (a YAML value's own quoting included).
            guard let translation, translation != unit.text else { continue }
            if unit.kind == .title || unit.kind == .description {
                output.append(unit.lead + Self.yamlQuoted(translation))
            } else {
                let parts = translation.components(separatedBy: "\n")
                let more = unit.continuation.last ?? String(unit.lead.map { $0 == ">" ? ">" : $0 == "\t" ? "\t" : " " })
                for (n, part) in parts.enumerated() {
                    output.append((n == 0 ? unit.lead : n - 1 < unit.continuation.count ? unit.continuation[n - 1] : more) + part)
                }
                output += unit.trailingLines
            }
            index = unit.lastLine + unit.trailingLines.count
        }
        while index < lines.count { output.append(lines[index]); index += 1 }
        return (hasBOM ? "\u{FEFF}" : "") + output.joined(separator: newline)
    }

    /// A YAML double-quoted scalar: always valid, whatever the text holds.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
