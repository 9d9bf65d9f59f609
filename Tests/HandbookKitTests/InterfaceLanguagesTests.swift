import Foundation
import Testing
@testable import HandbookKit

/// The shipped interface languages: complete, with the English placeholders, plural
/// forms in the categories each language has, and a handbook in each builds clean.
@Suite struct InterfaceLanguagesTests {
    static let added = ["fr", "es", "it", "pl", "sv", "tr", "ja", "zh", "ar", "he"]
    static let all = ["en", "de", "nl", "pt"] + added

    /// CLDR's plural categories for whole numbers (Intl.PluralRules in the browser).
    static let pluralCategories: [String: Set<String>] = [
        "en": ["one", "other"], "de": ["one", "other"], "nl": ["one", "other"], "pt": ["one", "many", "other"],
        "fr": ["one", "many", "other"], "es": ["one", "many", "other"], "it": ["one", "many", "other"],
        "pl": ["one", "few", "many", "other"], "sv": ["one", "other"], "tr": ["one", "other"],
        "ja": ["other"], "zh": ["other"], "ar": ["zero", "one", "two", "few", "many", "other"],
        "he": ["one", "two", "other"],
    ]

    @Test(arguments: all) func everyKeyHasAValueAndNoOtherKeyIsThere(code: String) throws {
        let strings = try #require(InterfaceStrings.builtin(for: code))
        for key in InterfaceStrings.keys {
            #expect(!strings[key].trimmingCharacters(in: .whitespaces).isEmpty, "\(code) has no '\(key)'")
        }
        #expect(Set(strings.values.keys) == Set(InterfaceStrings.keys), "\(code) has keys the theme does not know")
        #expect(InterfaceStrings.builtinName(for: code) != nil, "\(code) has no name of its own")
    }

    @Test(arguments: all) func placeholdersMatchTheEnglishOnesKeyByKey(code: String) throws {
        let strings = try #require(InterfaceStrings.builtin(for: code))
        for key in InterfaceStrings.keys {
            let english = Set(InterfaceStrings.english[key].interfacePlaceholders)
            let value = strings[key]
            guard let forms = PluralForms(value) else {
                #expect(Set(value.interfacePlaceholders) == english, "\(code) '\(key)': \(value)")
                continue
            }
            #expect(forms.problem == nil, "\(code) '\(key)': \(forms.problem ?? "")")
            // Every number but the ones a form spells out ("نتيجتان", "שתי תוצאות") shows in `other`.
            #expect(Set(forms.text("other")?.interfacePlaceholders ?? []) == english, "\(code) '\(key)' other: \(value)")
            for form in forms.forms {
                #expect(Set(form.text.interfacePlaceholders).isSubset(of: english), "\(code) '\(key)' \(form.category)")
                #expect(Self.pluralCategories[code]?.contains(form.category) == true,
                        "\(code) has no plural category '\(form.category)' ('\(key)')")
            }
            #expect(!english.isEmpty, "\(code) '\(key)' has plural forms but counts nothing")
        }
    }

    @Test func pluralFormsAreReadOnlyWhenEveryPartNamesACategory() {
        #expect(PluralForms("{n} results") == nil)
        #expect(PluralForms("Note: one | two") == nil)
        let forms = PluralForms("one: {n} wynik | few: {n} wyniki | other: {n} wyników")
        #expect(forms?.forms.map(\.category) == ["one", "few", "other"])
        #expect(forms?.text("few") == "{n} wyniki")
        #expect(forms?.problem == nil)
        #expect(PluralForms("one: {n} wynik | few: {n} wyniki")?.problem != nil)
        #expect(PluralForms("one: a | one: b | other: c")?.problem != nil)
    }

    @Test(arguments: added) func aHandbookInTheLanguageBuildsWithoutAWarning(code: String) throws {
        let fixture = try Fixture([
            "handbook.yml": "languages:\n  - code: \(code)\n    title: Handbook \(code)\n",
            "\(code)/index.md": "---\ntitle: Start\n---\n\nSee [the guide](guide/index.md).\n",
            "\(code)/guide/index.md": "---\ntitle: Guide\norder: 1\n---\n\n## One\n\nText.\n\n## Two\n\n> [!TIP]\n> More.\n",
        ])
        let (ok, diagnostics) = fixture.build()
        #expect(ok)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let page = try #require(fixture.read("\(code)/guide/index.html"))
        let strings = try #require(InterfaceStrings.builtin(for: code))
        let direction = ["ar", "he"].contains(code) ? "rtl" : "ltr"
        #expect(page.contains("<html lang=\"\(code)\" dir=\"\(direction)\">"))
        #expect(page.contains(strings["on_this_page"].escapedForHTMLTest))
        #expect(page.contains(strings["callout_tip"].escapedForHTMLTest))
        // The counted strings reach the browser whole, plural forms and all.
        #expect(page.contains("data-results=\"\(strings["search_results"].escapedForHTMLTest)\""))
    }

    @Test func chineseCodesFindSimplifiedChineseButNotTheTraditionalScript() throws {
        for code in ["zh", "zh-hans", "zh-cn", "zh-Hans-CN", "zh_CN"] {
            #expect(InterfaceStrings.builtin(for: code)?["search"] == "搜索", "\(code)")
            #expect(InterfaceStrings.builtinName(for: code) == "简体中文", "\(code)")
        }
        for code in ["zh-hant", "zh-tw", "zh-Hant-HK"] {
            #expect(InterfaceStrings.builtin(for: code) == nil, "\(code)")
        }
        #expect(InterfaceStrings.builtin(for: "pt-br")?["search"] == "Buscar")
        #expect(InterfaceStrings.builtin(for: "xx") == nil)
    }

    @Test func aTraditionalChineseHandbookIsStillWarnedAbout() throws {
        let fixture = try Fixture([
            "handbook.yml": "languages:\n  - code: zh-tw\n    title: 手冊\n",
            "zh-tw/index.md": "---\ntitle: 首頁\n---\n\n文字。\n",
        ])
        let (_, diagnostics) = fixture.build()
        #expect(diagnostics.contains { $0.message.contains("no built-in interface strings for 'zh-tw'") })
    }

    @Test func pluralFormsWithoutOtherInAnOverrideAreWarnedAboutAtTheirLine() throws {
        let fixture = try Fixture([
            "handbook.yml": """
                languages:
                  - code: pl
                    title: Podręcznik
                    strings:
                      search_results: "one: {n} wynik | few: {n} wyniki"
                      fill_in_count: "one: {filled} z {total} | few: {filled} z {total} | other: {filled} z {total}"
                """,
            "pl/index.md": "---\ntitle: Start\n---\n\nTekst.\n",
        ])
        let (ok, diagnostics) = fixture.build()
        #expect(ok)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        let warning = try #require(diagnostics.first)
        #expect(warning.location.line == 5)
        #expect(warning.message.contains("'search_results'") && warning.message.contains("'other'"))
    }
}

private extension String {
    /// As Mustache writes a string into HTML.
    var escapedForHTMLTest: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
