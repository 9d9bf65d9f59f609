/// A small tokenizer for the generated HTML, enough to find what would run
/// script in a browser: event-handler attributes and `javascript:` addresses.
enum HTMLScan {
    static func count(_ needle: String, in bytes: [UInt8]) -> Int {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return 0 }
        var found = 0
        var index = 0
        while index + pattern.count <= bytes.count {
            var match = true
            for offset in 0..<pattern.count where lower(bytes[index + offset]) != pattern[offset] {
                match = false
                break
            }
            if match { found += 1; index += pattern.count } else { index += 1 }
        }
        return found
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// The first tag attribute that could run script, described, or nil.
    static func unsafeMarkup(in bytes: [UInt8]) -> String? {
        var index = 0
        let count = bytes.count
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= count else { return false }
            for offset in 0..<pattern.count where lower(bytes[position + offset]) != pattern[offset] { return false }
            return true
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts("<!--", at: index) {
                index += 4
                while index < count && !starts("-->", at: index) { index += 1 }
                index += 3
                continue
            }
            guard index + 1 < count, isLetter(bytes[index + 1]) else { index += 1; continue }
            // Tag name.
            var position = index + 1
            var name: [UInt8] = []
            while position < count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
                  bytes[position] != UInt8(ascii: "/") {
                name.append(lower(bytes[position]))
                position += 1
            }
            // Attributes.
            while position < count, bytes[position] != UInt8(ascii: ">") {
                if isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1; continue }
                var attribute: [UInt8] = []
                while position < count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
                      bytes[position] != UInt8(ascii: ">") {
                    attribute.append(lower(bytes[position]))
                    position += 1
                }
                while position < count, isSpace(bytes[position]) { position += 1 }
                var value: [UInt8] = []
                if position < count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < count, isSpace(bytes[position]) { position += 1 }
                    if position < count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                        let quote = bytes[position]
                        position += 1
                        while position < count, bytes[position] != quote { value.append(bytes[position]); position += 1 }
                        position += 1
                    } else {
                        while position < count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                            value.append(bytes[position])
                            position += 1
                        }
                    }
                }
                let attributeName = String(decoding: attribute, as: UTF8.self)
                if attributeName.hasPrefix("on") {
                    return "event-handler attribute '\(attributeName)' on <\(String(decoding: name, as: UTF8.self))>"
                }
                if ["href", "src", "action", "formaction", "xlink:href", "poster", "data"].contains(attributeName) {
                    let address = normalizedAddress(value)
                    let isImage = attributeName == "src" && address.hasPrefix("data:image/")
                    for scheme in ["javascript:", "vbscript:", "data:"] where address.hasPrefix(scheme) && !isImage {
                        return "\(attributeName)=\"\(String(decoding: value, as: UTF8.self))\" on <\(String(decoding: name, as: UTF8.self))>"
                    }
                }
            }
            index = position + 1
            // Script and style contents are raw text: skip to their end tag.
            for raw in ["script", "style"] where name == Array(raw.utf8) {
                while index < count && !starts("</\(raw)", at: index) { index += 1 }
            }
        }
        return nil
    }

    /// An attribute value as a browser reads the address: entities decoded, tabs
    /// and line breaks removed, leading spaces and controls dropped, lower case.
    static func normalizedAddress(_ value: [UInt8]) -> String {
        var text = String(decoding: value, as: UTF8.self)
        text = decodeEntities(text)
        let scalars = text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var result = String(String.UnicodeScalarView(scalars))
        while let first = result.unicodeScalars.first, first.value <= 0x20 { result.unicodeScalars.removeFirst() }
        return result.lowercased()
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "colon": ":", "tab": "\t", "newline": "\n", "quot": "\"",
                                       "apos": "'", "lt": "<", "gt": ">", "sol": "/", "lpar": "(", "rpar": ")"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let body = after.prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }.prefix(12)
            var replacement: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if body.hasPrefix("#") {
                replacement = UInt32(body.dropFirst(1)).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[body.lowercased()]
            }
            if let replacement {
                result += replacement
                rest = after.dropFirst(body.count)
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
