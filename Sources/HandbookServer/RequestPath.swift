/// Turns the path of a request into the name of a file of the site, or
/// refuses it. The site is served from memory, so no request can reach the
/// disk at all; this still refuses every spelling of a way out (`..`,
/// `%2e%2e`, `..%2f`, backslashes, NUL, double encoding) rather than
/// normalising it, so a probe gets a plain 400 and never a surprise.
enum RequestPath {
    enum Outcome: Equatable {
        /// A file name relative to the site root, e.g. `en/index.html`.
        case file(String)
        case badRequest
    }

    static func resolve(_ rawPath: String) -> Outcome {
        guard rawPath.hasPrefix("/") else { return .badRequest }
        guard let decoded = percentDecode(rawPath) else { return .badRequest }
        // Decoding twice must change nothing: `%252e` is refused, not served as `%2e`.
        if decoded.contains("%") && percentDecode(decoded) != decoded { return .badRequest }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if segment == "." || segment == ".." { return .badRequest }
            if segment.contains(where: { $0 == "\\" || $0 == "\0" || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) {
                return .badRequest
            }
            if segment.isEmpty { continue }
            segments.append(segment)
        }
        var path = segments.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { path += path.isEmpty ? "index.html" : "/index.html" }
        return .file(path)
    }

    /// Percent-decodes a path as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Protection from DNS rebinding: a page on an attacker's domain that
/// resolves to 127.0.0.1 sends its own domain in `Host`, so only IP
/// addresses and `localhost` names are answered; while the server listens
/// on loopback only, the address must be a loopback one too.
enum HostCheck {
    static func allows(_ header: String?, loopbackOnly: Bool) -> Bool {
        guard let header, !header.isEmpty else { return false }
        let host = hostName(header).lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if let octets = ipv4(host) { return !loopbackOnly || octets[0] == 127 }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            let inner = host.dropFirst().dropLast()
            guard inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }), inner.contains(":") else { return false }
            return !loopbackOnly || inner == "::1"
        }
        return false
    }

    /// The host part of a `Host` header, without its port.
    static func hostName(_ header: String) -> String {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
            return String(header[...close])
        }
        return String(header.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part -> Int? in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = Int(part), value <= 255
            else { return nil }
            return value
        }
        return octets.count == 4 ? octets : nil
    }
}
