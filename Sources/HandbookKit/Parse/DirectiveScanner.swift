/// A `:::` line of a page: the start or end of a comparison, one of its sides,
/// a script, or a choice of alternatives inside a script.
struct DirectiveLine {
    enum Kind: Equatable {
        case compare(title: String)
        case bad
        case good
        case script(title: String)
        case choice(prompt: String)
        case close
        case unknown(name: String)
    }

    var kind: Kind
    /// Line in the Markdown body (1-based), as cmark counts it.
    var bodyLine: Int
    /// The line as written, to put back if it turns out to sit in a code block.
    var original: String
    var sentinel: String { DirectiveScanner.sentinel(bodyLine) }
}

/// Finds directive lines and swaps each for a one-line HTML comment before
/// cmark parses the page.
///
/// Why a comment: an HTML block that opens with `<!--` may interrupt a
/// paragraph, a lazy list or quote continuation and a table, so after
/// parsing every directive stands as its own top-level block, at its own line,
/// with the Markdown around it parsed exactly as it would be without it. A
/// directive line that sits inside a fenced code block ends up in the code's
/// text, where `PageParser` puts the original line back: `:::` in code is text,
/// and no hand-written Markdown scanning is needed to know it.
enum DirectiveScanner {
    static let prefix = "<!--handbook:directive:"

    static func sentinel(_ line: Int) -> String { "\(prefix)\(line)-->" }

    static func scan(_ body: ArraySlice<UInt8>) -> (markdown: [UInt8], directives: [DirectiveLine]) {
        var directives: [DirectiveLine] = []
        var output: [UInt8] = []
        output.reserveCapacity(body.count + 64)
        var lineNumber = 1
        var lineStart = body.startIndex
        let colon = UInt8(ascii: ":")
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            var contentEnd = lineEnd
            if contentEnd > lineStart, body[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let isDirective = contentEnd - lineStart >= 3
                && body[lineStart] == colon && body[lineStart + 1] == colon && body[lineStart + 2] == colon
            if isDirective {
                let text = String(decoding: body[lineStart..<contentEnd], as: UTF8.self)
                directives.append(DirectiveLine(kind: kind(of: text), bodyLine: lineNumber, original: text))
                output += sentinel(lineNumber).utf8
                output += body[contentEnd..<lineEnd]  // keep a CR so line endings stay as written
            } else {
                output += body[lineStart..<lineEnd]
            }
            if lineEnd < body.endIndex { output.append(UInt8(ascii: "\n")) }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return (output, directives)
    }

    /// The text of a code or HTML block with each directive line put back as written.
    static func restore(in literal: String, _ directives: [Int: DirectiveLine]) -> String {
        restoreSentinels(in: literal, prefix: prefix) { directives[$0]?.original }
    }

    private static func kind(of line: String) -> DirectiveLine.Kind {
        let rest = line.dropFirst(3)
        let name = rest.prefix { !$0.isWhitespace }
        let title = rest.dropFirst(name.count).trimmingWhitespace()
        switch name {
        case "" where title.isEmpty: return .close
        case "compare": return .compare(title: title)
        case "script": return .script(title: title)
        case "choice": return .choice(prompt: title)
        case "bad" where title.isEmpty: return .bad
        case "good" where title.isEmpty: return .good
        default: return .unknown(name: rest.trimmingWhitespace())
        }
    }
}

/// A code or HTML block's text with each `<prefix>N-->` sentinel that stands for
/// a known line put back as that line, in one pass over the text. The line
/// pre-passes (directives, Markdown in HTML) swap whole lines for sentinels
/// before cmark parses; where a line turns out to be inside code, it is text.
func restoreSentinels(in literal: String, prefix: String, original: (Int) -> String?) -> String {
    var result = ""
    var rest = literal[...]
    while let found = rest.range(of: prefix) {
        result += rest[..<found.lowerBound]
        let afterPrefix = rest[found.upperBound...]
        let digits = afterPrefix.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = afterPrefix.dropFirst(digits.count)
        if let number = Int(digits), let line = original(number), afterDigits.hasPrefix("-->") {
            result += line
            rest = afterDigits.dropFirst(3)
        } else {
            result += rest[found]
            rest = afterPrefix
        }
    }
    return result + rest
}
