/// Which way a language's text runs: `dir` on `<html>` and wherever a page
/// quotes another language. It comes from the locale; `direction:` in a
/// language's entry of `handbook.yml` overrides it.
package enum TextDirection: String, Sendable, Hashable {
    case ltr, rtl

    /// Scripts written right to left (ISO 15924), for locales that name theirs (`pa-Arab`, `az-Arab`).
    static let rightToLeftScripts: Set<String> = [
        "arab", "aran", "hebr", "thaa", "syrc", "syre", "syrj", "syrn", "nkoo", "adlm", "rohg", "mand", "samr",
        "mend", "yezi", "armi", "avst", "phnx", "sogd", "chrs", "elym", "hatr", "khar", "mani", "nbat", "narb",
        "orkh", "palm", "phli", "phlp", "prti", "sarb",
    ]

    /// Languages whose usual script runs right to left (ISO 639 codes, with the retired `iw` and `ji`).
    static let rightToLeftLanguages: Set<String> = [
        "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc", "mzn",
        "nqo", "pnb", "prs", "ps", "sd", "sdh", "skr", "syr", "ug", "ur", "yi",
    ]

    /// The direction of a BCP 47 tag: its script subtag when it names one
    /// (`ku-Arab` is right to left, `uz-Latn` is not), else its language.
    package init(locale: String) {
        let subtags = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let language = subtags.first else { self = .ltr; return }
        if let script = subtags.dropFirst().first(where: { $0.count == 4 && $0.allSatisfy(\.isLetter) }) {
            self = Self.rightToLeftScripts.contains(script) ? .rtl : .ltr
        } else {
            self = Self.rightToLeftLanguages.contains(language) ? .rtl : .ltr
        }
    }
}
