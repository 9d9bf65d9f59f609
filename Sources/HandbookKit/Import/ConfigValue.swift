import TOMLKit
import Yams

/// A value of a source's configuration or front matter, whatever it was
/// written in (YAML or TOML): the readers only ever ask for text,
/// numbers, flags, lists and tables, so one small shape serves them all.
indirect enum ConfigValue {
    case text(String)
    case list([ConfigValue])
    case table([(key: String, value: ConfigValue)])

    var string: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    var int: Int? {
        guard let text = string?.trimmingWhitespace() else { return nil }
        return Int(text) ?? Double(text).flatMap { $0.isFinite ? Int($0) : nil }
    }

    var bool: Bool? {
        switch string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    var items: [ConfigValue] {
        if case .list(let items) = self { return items }
        return []
    }

    var entries: [(key: String, value: ConfigValue)] {
        if case .table(let entries) = self { return entries }
        return []
    }

    subscript(key: String) -> ConfigValue? {
        entries.first { $0.key == key }?.value
    }

    /// A path of keys: `value["languages", "de", "title"]`.
    subscript(path: String...) -> ConfigValue? {
        var value: ConfigValue? = self
        for key in path { value = value?[key] }
        return value
    }
}

/// Where reading a configuration or front matter failed.
struct ConfigError: Error {
    var message: String
    var line: Int
    var column: Int
}

enum ConfigParser {
    /// YAML through Yams' composer only: tags it cannot construct, such as
    /// MkDocs' `!!python/name:…` and `!ENV`, stay plain scalars instead of failing.
    static func yaml(_ text: String) throws(ConfigError) -> ConfigValue? {
        do {
            return try Yams.compose(yaml: text).map(convert)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw ConfigError(message: problem, line: mark.line, column: mark.column)
            default:
                throw ConfigError(message: "\(error)", line: 1, column: 1)
            }
        } catch {
            throw ConfigError(message: "\(error)", line: 1, column: 1)
        }
    }

    private static func convert(_ node: Node) -> ConfigValue {
        switch node {
        case .scalar(let scalar): return .text(scalar.string)
        case .sequence(let sequence): return .list(sequence.map(convert))
        case .mapping(let mapping):
            return .table(mapping.map { (key: $0.key.scalar?.string ?? "", value: convert($0.value)) })
        case .alias: return .text("")
        }
    }

    static func toml(_ text: String) throws(ConfigError) -> ConfigValue {
        do {
            return convert(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            throw ConfigError(message: error.description, line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw ConfigError(message: "\(error)", line: 1, column: 1)
        }
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        if let table = value.table {
            return .table(table.keys.sorted().compactMap { key in table[key].map { (key: key, value: convert($0)) } })
        }
        if let array = value.array { return .list(array.map { convert($0) }) }
        if let string = value.string { return .text(string) }
        if let int = value.int { return .text(String(int)) }
        if let bool = value.bool { return .text(bool ? "true" : "false") }
        if let double = value.double { return .text(String(double)) }
        return .text(value.tomlValue.debugDescription)
    }
}
