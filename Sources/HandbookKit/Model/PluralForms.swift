import Foundation

/// A counted interface string with one form per plural category, for languages
/// whose nouns change with the number (Polish 2 *wyniki*, 5 *wyników*; Arabic
/// has six forms). The value lists the forms by CLDR category, `other` last:
///
///     one: {n} wynik | few: {n} wyniki | many: {n} wyników | other: {n} wyników
///
/// The browser (`format` in `handbook.js`) picks the form with `Intl.PluralRules`
/// for the first number the form holds, and falls back to `other`. A value
/// without categories is one form for every number.
struct PluralForms: Equatable {
    static let categories = ["zero", "one", "two", "few", "many", "other"]

    /// The forms by category, in the order the value gives them.
    let forms: [(category: String, text: String)]

    static func == (a: PluralForms, b: PluralForms) -> Bool {
        a.forms.map(\.category) == b.forms.map(\.category) && a.forms.map(\.text) == b.forms.map(\.text)
    }

    /// The forms of a value, or nil when it is a plain string (any part does not
    /// start with a category and a colon).
    init?(_ value: String) {
        var forms: [(String, String)] = []
        for part in value.split(separator: "|", omittingEmptySubsequences: false) {
            let part = part.trimmingCharacters(in: .whitespaces)
            guard let colon = part.firstIndex(of: ":") else { return nil }
            let category = String(part[..<colon])
            guard Self.categories.contains(category) else { return nil }
            forms.append((category, part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        self.forms = forms
    }

    func text(_ category: String) -> String? { forms.first { $0.category == category }?.text }

    /// What is wrong with the forms, said so that the author can fix it; nil when nothing is.
    var problem: String? {
        let categories = forms.map(\.category)
        if Set(categories).count != categories.count {
            return "a plural category appears twice; give each of \(Self.categories.joined(separator: ", ")) at most once"
        }
        if categories.last != "other" {
            return "plural forms need 'other' last, the form for any number the others do not cover"
        }
        return nil
    }
}

extension String {
    /// The `{name}` placeholders of an interface string, in order of appearance.
    var interfacePlaceholders: [String] {
        var names: [String] = [], rest = self[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.append(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}

extension PluralForms {
    /// CLDR's cardinal plural category of a whole number, for the languages that
    /// ship strings (and English's rule for any other): what the browser's
    /// `Intl.PluralRules` says, for the strings the build fills in itself.
    static func category(of n: Int, locale: String) -> String {
        let language = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        let n = abs(n), last = n % 10, lastTwo = n % 100
        switch language {
        case "ja", "zh":
            return "other"
        case "fr", "pt":
            return n <= 1 ? "one" : "other"
        case "pl":
            if n == 1 { return "one" }
            return (2...4).contains(last) && !(12...14).contains(lastTwo) ? "few" : "many"
        case "ar":
            switch n {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            default: return (3...10).contains(lastTwo) ? "few" : (11...99).contains(lastTwo) ? "many" : "other"
            }
        case "he":
            return n == 1 ? "one" : n == 2 ? "two" : "other"
        default:
            return n == 1 ? "one" : "other"
        }
    }
}

extension InterfaceStrings {
    /// A counted string as it reads for `count`: the form of the number's plural
    /// category when the value lists forms, else the value itself.
    func counted(_ key: String, _ count: Int, locale: String) -> String {
        let value = self[key]
        guard let forms = PluralForms(value) else { return value }
        return forms.text(PluralForms.category(of: count, locale: locale)) ?? forms.text("other") ?? value
    }
}
