/// Text as a double-quoted string that reads the same as JSON and as YAML
/// (YAML's double-quoted scalars are a superset of JSON strings): quotes,
/// backslashes and line breaks escaped, and every control character as
/// `\uXXXX`, which JSON allows and YAML requires for C1 controls and DEL.
/// Safe for any title in front matter: colons, `#`, a leading `-`.
func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.properties.generalCategory == .control {
                result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
