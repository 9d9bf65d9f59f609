import Foundation
import HandbookKit
import Yams

/// A YAML document as an editor's schema validator sees it: scalars typed by
/// YAML's resolver (`3` is an integer, `true` a boolean, `"3"` text).
indirect enum YAMLInstance {
    case string(String), integer(Int), number(Double), bool(Bool), null
    case array([YAMLInstance])
    case object([String: YAMLInstance])

    /// Yams' default constructor types the scalars, as an editor's YAML parser does.
    init(_ value: Any) {
        switch value {
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .integer(int)
        case let double as Double: self = .number(double)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(YAMLInstance.init))
        case let mapping as [AnyHashable: Any]:
            self = .object(Dictionary(mapping.map { ("\($0.key.base)", YAMLInstance($0.value)) }, uniquingKeysWith: { a, _ in a }))
        default: self = .null
        }
    }

    static func parse(_ yaml: String) throws -> YAMLInstance? {
        try Yams.load(yaml: yaml).map(YAMLInstance.init)
    }

    var typeNames: Set<String> {
        switch self {
        case .string: ["string"]
        case .integer: ["integer", "number"]
        case .number: ["number"]
        case .bool: ["boolean"]
        case .null: ["null"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }
}

/// The subset of JSON Schema 2020-12 that `HandbookSchema` emits, checked
/// strictly: a keyword outside it is itself a problem, so the schemas cannot
/// grow a rule this check silently passes.
struct SchemaCheck {
    static let annotations: Set<String> = ["$schema", "title", "description", "$defs"]
    static let keywords: Set<String> = [
        "type", "enum", "not", "pattern", "minItems", "required", "properties", "additionalProperties", "items", "$ref",
    ]

    let root: JSONValue

    /// Problems of `instance` against `schema`, as `path: problem`; empty when valid.
    func problems(_ instance: YAMLInstance, against schema: JSONValue? = nil, at path: String = "") -> [String] {
        let schema = schema ?? root
        if case .bool(let allowed) = schema { return allowed ? [] : ["\(path): not allowed"] }
        guard case let .object(pairs) = schema else { return ["\(path): schema is not an object"] }
        var problems: [String] = []
        for (keyword, value) in pairs {
            if Self.annotations.contains(keyword) { continue }
            guard Self.keywords.contains(keyword) else {
                problems.append("\(path): unsupported keyword \(keyword)")
                continue
            }
            switch (keyword, value, instance) {
            case ("$ref", .string(let reference), _):
                let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
                guard let target = root["$defs"]?[name] else { problems.append("\(path): unknown $ref \(reference)"); continue }
                problems += self.problems(instance, against: target, at: path)
            case ("type", _, _):
                let names: [String] = switch value {
                case .string(let name): [name]
                case .array(let items): items.compactMap { if case .string(let name) = $0 { name } else { nil } }
                default: []
                }
                if instance.typeNames.isDisjoint(with: names) { problems.append("\(path): not of type \(names)") }
            case ("enum", .array(let allowed), _):
                if !allowed.contains(where: { Self.equal(instance, $0) }) { problems.append("\(path): not one of \(allowed)") }
            case ("not", _, _):
                if self.problems(instance, against: value, at: path).isEmpty { problems.append("\(path): matches 'not'") }
            case ("pattern", .string(let pattern), .string(let string)):
                let regex = try! NSRegularExpression(pattern: pattern)
                if regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil {
                    problems.append("\(path): '\(string)' does not match \(pattern)")
                }
            case ("minItems", .integer(let minimum), .array(let items)):
                if items.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
            case ("required", .array(let names), .object(let members)):
                for case .string(let name) in names where members[name] == nil { problems.append("\(path): '\(name)' is required") }
            case ("properties", .object(let properties), .object(let members)):
                for (name, rule) in properties {
                    if let member = members[name] { problems += self.problems(member, against: rule, at: path + "/" + name) }
                }
            case ("additionalProperties", _, .object(let members)):
                var known: Set<String> = []
                if case let .object(properties)? = schema["properties"] { known = Set(properties.map(\.key)) }
                for (name, member) in members where !known.contains(name) {
                    problems += self.problems(member, against: value, at: path + "/" + name)
                }
            case ("items", _, .array(let items)):
                for (index, item) in items.enumerated() { problems += self.problems(item, against: value, at: "\(path)/\(index)") }
            default:
                break  // the keyword does not apply to this kind of value
            }
        }
        return problems
    }

    static func equal(_ instance: YAMLInstance, _ value: JSONValue) -> Bool {
        switch (instance, value) {
        case let (.string(a), .string(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        default: false
        }
    }
}
