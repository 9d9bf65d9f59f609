/// A JSON document with its keys in the order written, so a printed schema
/// reads top-down (`$schema`, `title`, `type`, then `properties`) and prints
/// the same bytes on every run.
package indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }

    /// The value of `key` in an object.
    package subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// Indented by two spaces, one key per line, ending in a newline.
    package func formatted() -> String {
        var text = ""
        write(to: &text, indent: "")
        return text + "\n"
    }

    private func write(to text: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .string(let string): text += Self.quoted(string)
        case .integer(let number): text += String(number)
        case .bool(let flag): text += flag ? "true" : "false"
        case .array(let items):
            // Short lists of plain values stay on one line: `"required": ["code", "title"]`.
            if items.allSatisfy({ if case .string = $0 { true } else { false } }), items.count <= 6 {
                text += "[" + items.map { item in var s = ""; item.write(to: &s, indent: ""); return s }
                    .joined(separator: ", ") + "]"
                return
            }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                item.write(to: &text, indent: inner)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (index, pair) in pairs.enumerated() {
                text += inner + Self.quoted(pair.key) + ": "
                pair.value.write(to: &text, indent: inner)
                text += index == pairs.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    static func quoted(_ string: String) -> String { doubleQuoted(string) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .integer(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
