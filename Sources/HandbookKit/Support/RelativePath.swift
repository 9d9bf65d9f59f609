/// The relative URL from one output file to another, both given relative to
/// the output root (`en/team-mistakes/no-blame.html` → `de/index.html` gives
/// `../../de/index.html`). Every link the site writes is relative, so the
/// folder works under any path of a static host and straight from disk.
func relativeURL(from source: String, to target: String) -> String {
    let from = source.split(separator: "/").dropLast()
    let to = target.split(separator: "/")
    var common = 0
    while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...].map(String.init)).joined(separator: "/").percentEncodedPath()
}

/// The prefix that leads from a file back to the output root: "" or "../../".
func rootPrefix(of path: String) -> String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
}

extension String {
    /// Escapes what may not stand raw in a URL path (spaces, `#`, `?`, non-ASCII).
    func percentEncodedPath() -> String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
