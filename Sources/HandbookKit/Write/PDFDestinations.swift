/// Reads back, from a PDF that Chromium printed, the page each named
/// destination is on: Chromium writes one for every element a link of the
/// document points to, so the booklet's contents list (links to each part and
/// page) gives the page of every part and page. Chromium's PDF library (Skia)
/// writes a classic cross-reference table, plain dictionaries and a `/Dests`
/// dictionary in the catalog; a file laid out otherwise gives nil, and the
/// booklet is then printed without page numbers rather than with wrong ones.
enum PDFDestinations {
    /// The page (from 1) of each named destination, by its name.
    static func pages(in pdf: [UInt8]) -> [String: Int]? {
        let file = File(bytes: pdf)
        guard let offsets = file.crossReferences(), let trailer = file.trailer(),
              let root = Tokens(trailer).reference(after: "Root"),
              let catalog = file.object(root, offsets: offsets) else { return nil }
        let catalogTokens = Tokens(catalog)
        guard let pagesRoot = catalogTokens.reference(after: "Pages"),
              let destsReference = catalogTokens.reference(after: "Dests"),
              let dests = file.object(destsReference, offsets: offsets) else { return nil }
        // The page tree, depth first, gives each page object its number.
        var pageNumbers: [Int: Int] = [:]
        var visited: Set<Int> = []
        func walk(_ node: Int) -> Bool {
            guard visited.insert(node).inserted, let body = file.object(node, offsets: offsets) else { return false }
            let tokens = Tokens(body)
            switch tokens.name(after: "Type") {
            case "Page":
                pageNumbers[node] = pageNumbers.count + 1
                return true
            case "Pages":
                return tokens.references(inArrayAfter: "Kids").allSatisfy(walk)
            default:
                return false
            }
        }
        guard walk(pagesRoot) else { return nil }
        var result: [String: Int] = [:]
        let tokens = Tokens(dests).all
        var index = 0
        // `<< /name [page 0 R /XYZ x y zoom] … >>`
        while index + 4 < tokens.count {
            if case .name(let name) = tokens[index], case .open = tokens[index + 1],
               case .number(let object) = tokens[index + 2], case .number = tokens[index + 3],
               case .keyword("R") = tokens[index + 4], let page = pageNumbers[object] {
                result[name] = page
                index += 5
            } else {
                index += 1
            }
        }
        return result
    }

    private struct File {
        var bytes: [UInt8]

        /// Byte offset of each object, from the table `startxref` points to.
        func crossReferences() -> [Int: Int]? {
            guard let start = lastIndex(of: "startxref") else { return nil }
            var cursor = start + 9
            guard let offset = number(at: &cursor), offset < bytes.count, matches("xref", at: offset) else { return nil }
            cursor = offset + 4
            var offsets: [Int: Int] = [:]
            while true {
                skipSpace(&cursor)
                guard let first = number(at: &cursor), let count = number(at: &cursor) else { break }
                for object in first..<(first + count) {
                    skipSpace(&cursor)
                    guard let at = number(at: &cursor), number(at: &cursor) != nil else { return nil }
                    skipSpace(&cursor)
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "n") { offsets[object] = at }
                    cursor += 1
                }
            }
            return offsets.isEmpty ? nil : offsets
        }

        func trailer() -> ArraySlice<UInt8>? {
            guard let start = lastIndex(of: "trailer"), let end = lastIndex(of: "startxref"), start < end else { return nil }
            return bytes[(start + 7)..<end]
        }

        /// The text of object `number` between `obj` and `endobj` (or its stream).
        func object(_ number: Int, offsets: [Int: Int]) -> ArraySlice<UInt8>? {
            guard let offset = offsets[number], offset < bytes.count,
                  let open = firstIndex(of: "obj", from: offset), open < offset + 32 else { return nil }
            let end = [firstIndex(of: "endobj", from: open), firstIndex(of: "stream", from: open)]
                .compactMap { $0 }.min() ?? bytes.count
            return bytes[(open + 3)..<end]
        }

        private func matches(_ word: String, at index: Int) -> Bool {
            let word = Array(word.utf8)
            return index + word.count <= bytes.count && Array(bytes[index..<(index + word.count)]) == word
        }

        private func firstIndex(of word: String, from start: Int) -> Int? {
            let first = word.utf8.first!
            var index = start
            while index < bytes.count {
                if bytes[index] == first, matches(word, at: index) { return index }
                index += 1
            }
            return nil
        }

        private func lastIndex(of word: String) -> Int? {
            var index = bytes.count - word.utf8.count
            while index >= 0 {
                if matches(word, at: index) { return index }
                index -= 1
            }
            return nil
        }

        private func skipSpace(_ cursor: inout Int) {
            while cursor < bytes.count, Tokens.isSpace(bytes[cursor]) { cursor += 1 }
        }

        private func number(at cursor: inout Int) -> Int? {
            skipSpace(&cursor)
            var value = 0
            let start = cursor
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            return cursor > start ? value : nil
        }
    }

    /// The tokens of a PDF dictionary: names, numbers, keywords and brackets;
    /// strings are skipped.
    struct Tokens {
        enum Token: Equatable {
            case name(String)
            case number(Int)
            case keyword(String)
            case open, close, other
        }

        var all: [Token] = []

        init(_ text: ArraySlice<UInt8>) {
            let text = Array(text)
            var index = 0
            while index < text.count {
                let byte = text[index]
                if Self.isSpace(byte) {
                    index += 1
                } else if byte == UInt8(ascii: "/") {
                    var name: [UInt8] = []
                    index += 1
                    while index < text.count, !Self.isSpace(text[index]), !Self.isDelimiter(text[index]) {
                        // `#2F` is the byte 0x2F.
                        if text[index] == UInt8(ascii: "#"), index + 2 < text.count,
                           let value = UInt8(String(decoding: text[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                            name.append(value)
                            index += 3
                        } else {
                            name.append(text[index])
                            index += 1
                        }
                    }
                    all.append(.name(String(decoding: name, as: UTF8.self)))
                } else if byte == UInt8(ascii: "[") {
                    all.append(.open); index += 1
                } else if byte == UInt8(ascii: "]") {
                    all.append(.close); index += 1
                } else if byte == UInt8(ascii: "(") {
                    // A literal string, with nested parentheses and escapes.
                    var depth = 0
                    while index < text.count {
                        if text[index] == UInt8(ascii: "\\") { index += 2; continue }
                        if text[index] == UInt8(ascii: "(") { depth += 1 }
                        if text[index] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { index += 1; break } }
                        index += 1
                    }
                    all.append(.other)
                } else if Self.isDelimiter(byte) {
                    all.append(.other); index += 1
                } else {
                    var word: [UInt8] = []
                    while index < text.count, !Self.isSpace(text[index]), !Self.isDelimiter(text[index]) {
                        word.append(text[index])
                        index += 1
                    }
                    let text = String(decoding: word, as: UTF8.self)
                    all.append(Int(text).map(Token.number) ?? .keyword(text))
                }
            }
        }

        /// `/key N 0 R`: the object number N.
        func reference(after key: String) -> Int? {
            guard let at = all.firstIndex(of: .name(key)), at + 3 < all.count,
                  case .number(let object) = all[at + 1], case .number = all[at + 2],
                  case .keyword("R") = all[at + 3] else { return nil }
            return object
        }

        /// `/key /Value`: the name Value.
        func name(after key: String) -> String? {
            guard let at = all.firstIndex(of: .name(key)), at + 1 < all.count, case .name(let value) = all[at + 1] else { return nil }
            return value
        }

        /// `/key [a 0 R b 0 R …]`: the object numbers in order.
        func references(inArrayAfter key: String) -> [Int] {
            guard let at = all.firstIndex(of: .name(key)), at + 1 < all.count, all[at + 1] == .open else { return [] }
            var result: [Int] = []
            var index = at + 2
            while index + 2 < all.count, all[index] != .close {
                if case .number(let object) = all[index], case .number = all[index + 1], case .keyword("R") = all[index + 2] {
                    result.append(object)
                    index += 3
                } else {
                    index += 1
                }
            }
            return result
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            "()<>[]{}/%".utf8.contains(byte)
        }
    }
}
