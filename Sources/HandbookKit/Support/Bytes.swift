import Foundation

// Byte searches over UTF-8. Generated HTML and Markdown structure are ASCII,
// and on the build's hot paths the generic `String` searches (grapheme
// breaking, Foundation bridging) cost more than the work they serve.

extension UnsafeBufferPointer<UInt8> {
    /// The first `byte` at or after `start`, found with memchr.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The start of the first `needle` at or after `start`.
    func firstIndex(of needle: StaticString, from start: Int) -> Int? {
        firstIndex(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), from: start)
    }

    func firstIndex(of needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return start }
        var index = start
        while let candidate = firstIndex(of: first, from: index) {
            guard candidate + needle.count <= count else { return nil }
            if memcmp(baseAddress! + candidate, needle.baseAddress!, needle.count) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
    }

    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        return index + length <= count && memcmp(baseAddress! + index, prefix.utf8Start, length) == 0
    }

    /// Equal to an ASCII lower-case `word`, in any case.
    func equalsIgnoringASCIICase(_ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        for offset in 0..<count where self[offset] | 0x20 != word.utf8Start[offset] { return false }
        return true
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }

    /// HTML's ASCII white space: space, tab, line feed, form feed, carriage return.
    var isHTMLSpace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D
    }
}

extension String {
    /// A plain byte search, where Foundation's `contains` would be the cost of the page.
    func containsBytes(of needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { hay.firstIndex(of: $0, from: 0) != nil } }
    }
}
