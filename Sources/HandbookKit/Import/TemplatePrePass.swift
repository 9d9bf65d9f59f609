/// Line-level changes made to a source page before cmark reads it, outside
/// fenced code: template tags that stand for a link to a page become a plain
/// URL the link rewriter can follow (`{% link x.md %}`, `{% post_url … %}`,
/// `{{ site.baseurl }}`, `{{ '/x/' | relative_url }}`, `{{< ref "x" >}}`);
/// a `:::` block of another tool, which would be an unknown directive here, is
/// written as code. (kramdown's `<aside markdown="1">` is left as written: the
/// build renders the Markdown inside it.)
struct TemplatePrePass {
    static let hugoReference = "import-ref:"

    var escapedDirectives: [Int] = []
    /// For each line of the output (0-based), the body line (1-based) it came from.
    var sourceLines: [Int] = []

    mutating func run(_ body: String) -> String {
        var output: [String] = []
        var fence: String?
        var directives: [Bool] = []  // open `:::` blocks: true for this project's own
        sourceLines = []
        var number = 0
        func emit(_ text: String) {
            output.append(text)
            sourceLines.append(number)
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            number += 1
            let trimmed = line.drop { $0 == " " }
            if let marker = fence {
                if trimmed.hasPrefix(marker) { fence = nil }
                emit(line)
                continue
            }
            if line.count - trimmed.count <= 3, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                emit(line)
                continue
            }
            var line = Self.replacingLinkTags(line)
            if line.hasPrefix(":::") {
                // This project's own directives stay; any other `:::` block (an
                // admonition of another tool) would be an unknown directive, so
                // its opening and closing lines become inline code.
                let name = line.dropFirst(3).prefix { !$0.isWhitespace }.lowercased()
                var escape = false
                switch name {
                case "compare", "script": directives.append(true)
                case "bad", "good": break
                case "": escape = directives.popLast() == false
                default:
                    directives.append(false)
                    escape = true
                }
                if escape {
                    escapedDirectives.append(number)
                    line = "`` " + line + " ``"
                }
            }
            emit(line)
        }
        return output.joined(separator: "\n")
    }

    static func replacingLinkTags(_ line: String) -> String {
        guard line.contains("{%") || line.contains("{{") else { return line }
        var line = line
        line.replace(/\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}(?=\/|\{[%{])/, with: "")
        line.replace(/\{%-?\s*link\s+([^\s%]+)\s*-?%\}/) { "/" + $0.1 }
        line.replace(/\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}/) { "/_posts/" + $0.1 + ".md" }
        line.replace(/\{\{-?\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/) { String($0.1) }
        line.replace(/\{\{[<%]\s*(?:relref|ref)\s+"([^"]+)"\s*[>%]\}\}/) { hugoReference + $0.1 }
        return line
    }
}
