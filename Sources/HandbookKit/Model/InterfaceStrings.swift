/// The words of the theme itself, shipped for en, de, nl and pt; each can be
/// overridden per language under `strings:` in `handbook.yml`.
public struct InterfaceStrings: Sendable, Hashable {
    public private(set) var values: [String: String]

    /// Every key a theme may use. `handbook.yml` may override only these.
    public static let keys: [String] = [
        "dont", "do", "on_this_page", "previous", "next", "contents", "language",
        "skip_to_content", "script", "fallback_notice", "not_found_title",
        "not_found_text", "not_found_home", "choose_language", "menu",
    ]

    public subscript(key: String) -> String { values[key] ?? "" }

    public mutating func override(_ key: String, with value: String) {
        values[key] = value
    }

    /// The built-in strings for a language code, or nil when none ship for it.
    public static func builtin(for code: String) -> InterfaceStrings? {
        builtins[code.lowercased()].map { InterfaceStrings(values: $0) }
    }

    public static let english = InterfaceStrings(values: builtins["en"]!)

    public static let builtinNames: [String: String] = [
        "en": "English", "de": "Deutsch", "nl": "Nederlands", "pt": "Português",
    ]

    private static let builtins: [String: [String: String]] = [
        "en": [
            "dont": "Don't", "do": "Do", "on_this_page": "On this page",
            "previous": "Previous", "next": "Next", "contents": "Contents", "language": "Language",
            "skip_to_content": "Skip to content", "script": "Script",
            "fallback_notice": "This page has not been translated into English yet. You are reading the original.",
            "not_found_title": "Page not found",
            "not_found_text": "There is no page at this address. It may have moved, or the link may be mistyped.",
            "not_found_home": "Go to the start page", "choose_language": "Choose your language",
            "menu": "Menu",
        ],
        "de": [
            "dont": "So nicht", "do": "So besser", "on_this_page": "Auf dieser Seite",
            "previous": "Zurück", "next": "Weiter", "contents": "Inhalt", "language": "Sprache",
            "skip_to_content": "Zum Inhalt springen", "script": "Vorlage",
            "fallback_notice": "Diese Seite ist noch nicht ins Deutsche übersetzt. Sie lesen die Originalfassung.",
            "not_found_title": "Seite nicht gefunden",
            "not_found_text": "Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben oder der Link ist fehlerhaft.",
            "not_found_home": "Zur Startseite", "choose_language": "Sprache wählen",
            "menu": "Menü",
        ],
        "nl": [
            "dont": "Niet zo", "do": "Wel zo", "on_this_page": "Op deze pagina",
            "previous": "Vorige", "next": "Volgende", "contents": "Inhoud", "language": "Taal",
            "skip_to_content": "Naar de inhoud", "script": "Script",
            "fallback_notice": "Deze pagina is nog niet in het Nederlands vertaald. U leest de oorspronkelijke versie.",
            "not_found_title": "Pagina niet gevonden",
            "not_found_text": "Op dit adres staat geen pagina. Misschien is die verplaatst of klopt de link niet.",
            "not_found_home": "Naar de startpagina", "choose_language": "Kies uw taal",
            "menu": "Menu",
        ],
        "pt": [
            "dont": "Não faça", "do": "Faça", "on_this_page": "Nesta página",
            "previous": "Anterior", "next": "Próxima", "contents": "Conteúdo", "language": "Idioma",
            "skip_to_content": "Pular para o conteúdo", "script": "Roteiro",
            "fallback_notice": "Esta página ainda não foi traduzida para o português. Você está lendo a versão original.",
            "not_found_title": "Página não encontrada",
            "not_found_text": "Não há nenhuma página neste endereço. Ela pode ter mudado de lugar ou o link pode estar errado.",
            "not_found_home": "Ir para a página inicial", "choose_language": "Escolha seu idioma",
            "menu": "Menu",
        ],
    ]
}
