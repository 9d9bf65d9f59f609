/// Plain text as the search index keeps it.
extension String {
    /// The text with runs of white space folded, cut at a word boundary after at most `limit` characters
    /// (Unicode scalars). A run that holds a line break becomes one line break, which marks a block
    /// boundary for the snippets; any other run, one space. One pass over the UTF-8 bytes: the index
    /// holds 4,000 characters of every page.
    func foldedExcerpt(limit: Int) -> String {
        var text = self
        return text.withUTF8 { input in
            var result: [UInt8] = []
            result.reserveCapacity(min(input.count, limit * 2))
            var count = 0
            var pendingSpace = false
            var pendingBreak = false
            var lastSpace: Int?
            var index = 0
            while index < input.count {
                let width = input.whitespaceWidth(at: index)
                if width > 0 {
                    pendingSpace = !result.isEmpty
                    pendingBreak = pendingBreak || input[index] == UInt8(ascii: "\n")
                    index += width
                    continue
                }
                if pendingSpace {
                    if count + 1 >= limit { break }
                    lastSpace = result.count
                    result.append(UInt8(ascii: pendingBreak ? "\n" : " "))
                    count += 1
                    pendingSpace = false
                }
                pendingBreak = false
                if count >= limit {
                    if let lastSpace { result.removeSubrange(lastSpace...) }
                    break
                }
                // One scalar: a lead byte and its continuation bytes.
                repeat {
                    result.append(input[index])
                    index += 1
                } while index < input.count && input[index] & 0xC0 == 0x80
                count += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The length in bytes of the white-space character at `index` (Unicode's
    /// White_Space property, as `Character.isWhitespace`), or 0.
    func whitespaceWidth(at index: Int) -> Int {
        let byte = self[index]
        if byte < 0x80 { return (0x09...0x0D).contains(byte) || byte == 0x20 ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < count ? self[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0  // U+0085, U+00A0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            if next(1) == 0x80 { return (0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2)) ? 3 : 0 }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0  // U+205F
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }
}
