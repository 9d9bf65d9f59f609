/// Finds text that would make cmark-gfm take minutes, before it parses the page.
///
/// Debian's cmark-gfm (0.29.0.gfm.6) has three quadratic paths that later
/// upstream releases fixed; a page of a few hundred kilobytes, or a table of a
/// few kilobytes, is enough to stall a build on them:
///
/// - `www.` autolinks run together without spaces (`www.a_www.a_…`): each one
///   scans to the end of the run;
/// - links inside many unclosed image brackets (`![[]()![[]()…`): each link
///   walks every image opener below it;
/// - a table whose delimiter row has thousands of columns: every row is padded
///   to that many cells, so the output grows with columns × rows.
///
/// Each check is a linear scan with a cost estimate that is an upper bound of
/// the parser's work; no real page comes near the limits (a 2,000-row table of
/// 20 columns is fine), so what they refuse is machine-made or hostile.
enum SlowMarkdown {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// Characters scanned by run-together `www.` addresses, per page (about 0.1 s).
    static let autolinkScanLimit = 30_000_000
    /// Image openers walked by links, per page (about 0.3 s).
    static let bracketWalkLimit = 10_000_000
    /// Cells a table may have beyond the bytes it is written with.
    static let paddedCellLimit = 200_000

    static func check(_ body: ArraySlice<UInt8>) -> Finding? {
        let lines = splitLines(body)
        return autolinks(body, lines) ?? brackets(body, lines) ?? tables(body, lines)
    }

    private static func splitLines(_ body: ArraySlice<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = body.startIndex
        for index in body.indices where body[index] == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        if start < body.endIndex { lines.append(start..<body.endIndex) }
        return lines
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func isBlank(_ body: ArraySlice<UInt8>, _ line: Range<Int>) -> Bool {
        body[line].allSatisfy(isSpace)
    }

    private static func autolinks(_ body: ArraySlice<UInt8>, _ lines: [Range<Int>]) -> Finding? {
        let www = Array("www.".utf8)
        var cost = 0
        for (number, line) in lines.enumerated() {
            var index = line.lowerBound
            while index < line.upperBound {
                // One run: up to the next space or `<`, where the parser's scan stops.
                let start = index
                var matches = 0
                while index < line.upperBound, !isSpace(body[index]), body[index] != UInt8(ascii: "<") {
                    if body[index] == UInt8(ascii: "w"), index + 4 <= line.upperBound,
                       body[index..<index + 4].elementsEqual(www) {
                        matches += 1
                    }
                    index += 1
                }
                cost += matches * (index - start)
                if cost > autolinkScanLimit {
                    return Finding(line: number + 1, column: start - line.lowerBound + 1, message:
                        "this text runs \(matches) 'www.' addresses together without spaces, which makes the Markdown parser take minutes; put spaces between them or write them as `code`")
                }
                index += 1
            }
        }
        return nil
    }

    private static func brackets(_ body: ArraySlice<UInt8>, _ lines: [Range<Int>]) -> Finding? {
        var stack: [Bool] = []  // true for an image opener `![`
        var images = 0
        var cost = 0
        for (number, line) in lines.enumerated() {
            if isBlank(body, line) {  // a paragraph ends; so does the parser's bracket list
                stack.removeAll(keepingCapacity: true)
                images = 0
                continue
            }
            var index = line.lowerBound
            while index < line.upperBound {
                let byte = body[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "!"), index + 1 < line.upperBound, body[index + 1] == UInt8(ascii: "[") {
                    stack.append(true)
                    images += 1
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "[") {
                    stack.append(false)
                } else if byte == UInt8(ascii: "]"), let isImage = stack.popLast() {
                    if isImage {
                        images -= 1
                    } else if index + 1 < body.endIndex, body[index + 1] == UInt8(ascii: "(") || body[index + 1] == UInt8(ascii: "[") {
                        cost += images
                        if cost > bracketWalkLimit {
                            return Finding(line: number + 1, column: index - line.lowerBound + 1, message:
                                "this paragraph has links inside \(images) unclosed '![', which makes the Markdown parser take minutes; close the image brackets or split the paragraph")
                        }
                    }
                }
                index += 1
            }
        }
        return nil
    }

    private static func tables(_ body: ArraySlice<UInt8>, _ lines: [Range<Int>]) -> Finding? {
        for (number, line) in lines.enumerated() {
            guard number > 0, let columns = delimiterRowColumns(body[line]), columns > 1 else { continue }
            var rows = 0
            var bytes = lines[number - 1].count + line.count
            var next = number + 1
            while next < lines.count, !isBlank(body, lines[next]) {
                rows += 1
                bytes += lines[next].count
                next += 1
            }
            let cells = columns * (rows + 1)
            if cells > paddedCellLimit && cells > bytes {
                return Finding(line: number + 1, column: 1, message:
                    "this table has \(columns) columns and \(rows) rows: the Markdown parser would pad it to \(cells) cells and take minutes; give it fewer columns")
            }
        }
        return nil
    }

    /// The number of columns if the line can be a table's delimiter row
    /// (`|---|:--:|`, possibly inside quotes and list items), else nil.
    static func delimiterRowColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var rest = line[...]
        // Container markers: `>`, and list markers followed by a space.
        while let first = rest.first {
            if isSpace(first) || first == UInt8(ascii: ">") {
                rest = rest.dropFirst()
            } else if (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")),
                      rest.count > 1, isSpace(rest[rest.startIndex + 1]) {
                rest = rest.dropFirst(2)
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
                let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                let after = rest.dropFirst(digits.count)
                guard let marker = after.first, marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")"),
                      after.count > 1, isSpace(after[after.startIndex + 1]) else { return nil }
                rest = after.dropFirst(2)
            } else {
                break
            }
        }
        guard rest.contains(UInt8(ascii: "|")), rest.contains(UInt8(ascii: "-")) else { return nil }
        var columns = 0
        var inColumn = false
        for byte in rest {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if !inColumn { columns += 1; inColumn = true }
            case UInt8(ascii: "|"):
                inColumn = false
            case _ where isSpace(byte):
                continue
            default:
                return nil
            }
        }
        return columns
    }
}
