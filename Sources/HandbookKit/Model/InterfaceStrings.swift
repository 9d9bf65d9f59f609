/// The words of the theme itself, shipped for en, de, nl, pt, fr, es, it, pl, sv,
/// tr, ja, zh, ar and he; each can be overridden per language under `strings:`
/// in `handbook.yml`. A counted string may hold one form per plural category
/// (`PluralForms`), which the browser picks with `Intl.PluralRules`.
package struct InterfaceStrings: Sendable, Hashable {
    package private(set) var values: [String: String]

    /// Every key a theme may use. `handbook.yml` may override only these.
    package static let keys: [String] = [
        "dont", "do", "on_this_page", "previous", "next", "contents", "language",
        "skip_to_content", "script", "fallback_notice", "outdated_notice", "not_found_title",
        "not_found_text", "not_found_home", "choose_language", "menu", "earlier_sections", "later_sections",
        // The reader's tools: search, scripts, practice, print.
        "search", "search_results", "search_one_result", "search_no_results", "search_hint", "search_browse",
        "search_terms_practice", "search_terms_print",
        "copy", "copied", "copy_failed", "fill_in", "fill_in_note", "fill_in_clear",
        "fill_in_count", "placeholder_hint", "copy_blanks", "copy_anyway", "choice_chosen",
        "checklist_reset", "checklist_note", "print_page",
        "practice", "practice_title", "practice_intro", "practice_reply", "practice_choose",
        "practice_answer", "practice_chosen", "practice_right", "practice_wrong", "practice_from", "practice_score",
        "practice_result", "practice_again",
        "practice_progress", "practice_next", "practice_review", "practice_all_right", "practice_retry",
        "print", "print_title", "print_intro", "print_button",
        // The kinds of callout, from GitHub's alert syntax (`> [!NOTE]`).
        "callout_note", "callout_tip", "callout_important", "callout_warning", "callout_caution",
        // Where the reader is, and the colour scheme.
        "step_of", "theme", "theme_auto", "theme_light", "theme_dark",
        // The home page's start: where to begin, how long it takes, read → practise → print.
        "start_title", "start_button", "start_time", "reading_time", "reading_time_one",
        "start_read", "start_practise", "start_practice_link", "start_print", "start_print_all",
        // Reading progress: pages read, marked in the sidebar and counted on the home page.
        "progress_read", "progress_mark", "progress_marked", "progress_unmarked", "progress_count",
        "progress_part", "progress_continue", "progress_done", "progress_reset", "progress_reset_done",
    ]

    package subscript(key: String) -> String { values[key] ?? "" }

    package mutating func override(_ key: String, with value: String) {
        values[key] = value
    }

    /// The built-in strings for a language code, or nil when none ship for it.
    package static func builtin(for code: String) -> InterfaceStrings? {
        builtinCode(for: code).flatMap { builtins[$0] }.map { InterfaceStrings(values: $0) }
    }

    /// The language's own name, for a code with built-in strings.
    package static func builtinName(for code: String) -> String? {
        builtinCode(for: code).flatMap { builtinNames[$0] }
    }

    /// The shipped language a code stands for: itself, else its first part
    /// (`pt-br`, `fr_ca`, `zh-hans`, `zh-cn`), but never simplified Chinese for
    /// the traditional script (`zh-hant`, `zh-tw`, `zh-hk`, `zh-mo`).
    static func builtinCode(for code: String) -> String? {
        let code = code.lowercased().replacingOccurrences(of: "_", with: "-")
        if builtins[code] != nil { return code }
        let parts = code.split(separator: "-").map(String.init)
        guard let first = parts.first, builtins[first] != nil else { return nil }
        if first == "zh", parts.dropFirst().contains(where: { ["hant", "tw", "hk", "mo"].contains($0) }) { return nil }
        return first
    }

    package static let english = InterfaceStrings(values: builtins["en"]!)

    package static let builtinNames: [String: String] = [
        "en": "English", "de": "Deutsch", "nl": "Nederlands", "pt": "Português",
        "fr": "Français", "es": "Español", "it": "Italiano", "pl": "Polski", "sv": "Svenska", "tr": "Türkçe",
        "ja": "日本語", "zh": "简体中文", "ar": "العربية", "he": "עברית",
    ]

    /// The shipped languages' codes, in no particular order.
    static var builtinCodes: [String] { Array(builtins.keys) }

    private static let builtins = firstBuiltins.merging(latinBuiltins) { a, _ in a }
        .merging(otherScriptBuiltins) { a, _ in a }

    private static let firstBuiltins: [String: [String: String]] = [
        "en": [
            "search_hint": "Press / to search", "search_browse": "Or start from one of the parts:",
            "search_terms_practice": "practice quiz exercise test yourself training",
            "search_terms_print": "print booklet PDF download paper offline",
            "step_of": "Step {n} of {total}", "theme": "Colour scheme", "theme_auto": "Match the system", "theme_light": "Light", "theme_dark": "Dark",
            "dont": "Don't", "do": "Do", "on_this_page": "On this page",
            "previous": "Previous", "next": "Next", "contents": "Contents", "language": "Language",
            "skip_to_content": "Skip to content", "script": "Script",
            "outdated_notice": "This translation may be out of date: the original has changed since it was translated. Read the original ({language}).",
            "fallback_notice": "This page has not been translated into English yet. You are reading the original.",
            "not_found_title": "Page not found",
            "not_found_text": "There is no page at this address. It may have moved, or the link may be mistyped.",
            "not_found_home": "Go to the start page", "choose_language": "Choose your language",
            "menu": "Menu", "earlier_sections": "Earlier sections", "later_sections": "Later sections",
            "search": "Search", "search_results": "{n} results", "search_one_result": "1 result",
            "search_no_results": "Nothing found. Try another word.",
            "copy": "Copy text", "copied": "Copied",
            "copy_failed": "Copying did not work: select the text and copy it yourself.",
            "fill_in": "Fill in the placeholders",
            "fill_in_note": "What you type fills every matching placeholder on the page. It is kept in this browser only and never sent anywhere.",
            "fill_in_clear": "Clear",
            "fill_in_count": "{filled} of {total} filled", "placeholder_hint": "Opens its field in the fill-in panel",
            "copy_blanks": "{n} still empty: {names}", "copy_anyway": "Copy anyway", "choice_chosen": "Chosen",
            "checklist_reset": "Reset the checklist", "checklist_note": "Your ticks are kept in this browser only.",
            "print_page": "Print this page",
            "practice": "Practice", "practice_title": "Practice: which reply is better?",
            "practice_intro": "Each situation has two replies, in random order. Decide which one you would rather hear as the client, then check the answer and the reason.",
            "practice_reply": "Reply", "practice_choose": "Choose reply {letter}", "practice_answer": "Show the answer", "practice_chosen": "Your choice",
            "practice_right": "Right: this is the better reply.", "practice_wrong": "Not quite: the other reply is better.",
            "practice_from": "More on this:", "practice_score": "{right} of {answered} right",
            "practice_result": "Finished: you picked the better reply {right} times out of {total}.",
            "practice_again": "Start again",
            "practice_progress": "{answered} of {total} answered", "practice_next": "Next question",
            "practice_review": "Worth reading again:", "practice_all_right": "You picked the better reply every time.",
            "practice_retry": "Retry the ones I missed",
            "start_title": "Start here", "start_button": "Start reading", "start_time": "{pages} pages, {time} of reading",
            "reading_time": "about {n} minutes", "reading_time_one": "about a minute",
            "start_read": "Read the parts in order", "start_practise": "Practise what you read",
            "start_practice_link": "Test yourself on {n} situations", "start_print": "Print the checklist",
            "start_print_all": "The whole handbook as a booklet",
            "print": "Print the handbook", "print_title": "The whole handbook",
            "print_intro": "Every page in reading order, to print or to save as a PDF. Each part starts on a new sheet.",
            "print_button": "Print or save as PDF",
            "callout_note": "Note", "callout_tip": "Tip", "callout_important": "Important",
            "callout_warning": "Warning", "callout_caution": "Caution",
            "progress_read": "read", "progress_mark": "Mark as read", "progress_marked": "This page is marked as read.", "progress_unmarked": "This page is no longer marked as read.", "progress_count": "{read} of {total} pages read",
            "progress_part": "{read} of {total} read", "progress_continue": "Continue with {title}", "progress_done": "You have read every page.", "progress_reset": "Reset reading progress", "progress_reset_done": "Reading progress reset: no page is marked as read.",
        ],
        "de": [
            "search_hint": "Mit / direkt zur Suche", "search_browse": "Oder beginnen Sie mit einem der Teile:",
            "search_terms_practice": "Übung üben Quiz Test Training selbst testen",
            "search_terms_print": "drucken Druck Broschüre PDF herunterladen Papier offline",
            "step_of": "Schritt {n} von {total}", "theme": "Farbschema", "theme_auto": "Wie das System", "theme_light": "Hell", "theme_dark": "Dunkel",
            "dont": "So nicht", "do": "So besser", "on_this_page": "Auf dieser Seite",
            "previous": "Zurück", "next": "Weiter", "contents": "Inhalt", "language": "Sprache",
            "skip_to_content": "Zum Inhalt springen", "script": "Vorlage",
            "outdated_notice": "Diese Übersetzung ist womöglich nicht mehr aktuell: Das Original wurde seither geändert. Zum Original ({language}).",
            "fallback_notice": "Diese Seite ist noch nicht ins Deutsche übersetzt. Sie lesen die Originalfassung.",
            "not_found_title": "Seite nicht gefunden",
            "not_found_text": "Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben oder der Link ist fehlerhaft.",
            "not_found_home": "Zur Startseite", "choose_language": "Sprache wählen",
            "menu": "Menü", "earlier_sections": "Frühere Abschnitte", "later_sections": "Weitere Abschnitte",
            "search": "Suchen", "search_results": "{n} Treffer", "search_one_result": "1 Treffer",
            "search_no_results": "Nichts gefunden. Versuchen Sie es mit einem anderen Wort.",
            "copy": "Text kopieren", "copied": "Kopiert",
            "copy_failed": "Das Kopieren hat nicht geklappt: Markieren Sie den Text und kopieren Sie ihn selbst.",
            "fill_in": "Platzhalter ausfüllen",
            "fill_in_note": "Was Sie hier eingeben, erscheint in allen passenden Platzhaltern der Seite. Es bleibt nur in diesem Browser gespeichert und wird nirgendwohin gesendet.",
            "fill_in_clear": "Leeren",
            "fill_in_count": "{filled} von {total} ausgefüllt", "placeholder_hint": "Öffnet das passende Feld zum Ausfüllen",
            "copy_blanks": "Noch {n} leer: {names}", "copy_anyway": "Trotzdem kopieren", "choice_chosen": "Gewählt",
            "checklist_reset": "Checkliste zurücksetzen", "checklist_note": "Ihre Häkchen werden nur in diesem Browser gespeichert.",
            "print_page": "Diese Seite drucken",
            "practice": "Üben", "practice_title": "Üben: Welche Antwort ist besser?",
            "practice_intro": "Zu jeder Situation gibt es zwei Antworten in zufälliger Reihenfolge. Entscheiden Sie, welche Sie als Kunde lieber hören würden, und sehen Sie sich dann die Auflösung mit Begründung an.",
            "practice_reply": "Antwort", "practice_choose": "Antwort {letter} wählen", "practice_answer": "Auflösung zeigen", "practice_chosen": "Ihre Wahl",
            "practice_right": "Richtig: Das ist die bessere Antwort.", "practice_wrong": "Nicht ganz: Die andere Antwort ist besser.",
            "practice_from": "Mehr dazu:", "practice_score": "{right} von {answered} richtig",
            "practice_result": "Geschafft: Sie haben {right}-mal von {total} die bessere Antwort gewählt.",
            "practice_again": "Noch einmal",
            "practice_progress": "{answered} von {total} beantwortet", "practice_next": "Nächste Frage",
            "practice_review": "Zum Nachlesen:", "practice_all_right": "Sie haben jedes Mal die bessere Antwort gewählt.",
            "practice_retry": "Die falsch beantworteten wiederholen",
            "start_title": "Hier beginnen", "start_button": "Mit dem Lesen beginnen", "start_time": "{pages} Seiten, {time} Lesezeit",
            "reading_time": "etwa {n} Minuten", "reading_time_one": "etwa eine Minute",
            "start_read": "Lesen Sie die Teile der Reihe nach", "start_practise": "Üben Sie das Gelesene",
            "start_practice_link": "Testen Sie sich an {n} Situationen", "start_print": "Drucken Sie die Checkliste aus",
            "start_print_all": "Das ganze Handbuch als Heft",
            "print": "Handbuch drucken", "print_title": "Das ganze Handbuch",
            "print_intro": "Alle Seiten in Lesereihenfolge, zum Drucken oder zum Speichern als PDF. Jeder Teil beginnt auf einem neuen Blatt.",
            "print_button": "Drucken oder als PDF speichern",
            "callout_note": "Hinweis", "callout_tip": "Tipp", "callout_important": "Wichtig",
            "callout_warning": "Warnung", "callout_caution": "Vorsicht",
            "progress_read": "gelesen", "progress_mark": "Als gelesen markieren", "progress_marked": "Diese Seite ist als gelesen markiert.", "progress_unmarked": "Diese Seite ist nicht mehr als gelesen markiert.", "progress_count": "{read} von {total} Seiten gelesen",
            "progress_part": "{read} von {total} gelesen", "progress_continue": "Weiter mit {title}", "progress_done": "Sie haben alle Seiten gelesen.", "progress_reset": "Lesefortschritt zurücksetzen", "progress_reset_done": "Lesefortschritt zurückgesetzt: Keine Seite ist mehr als gelesen markiert.",
        ],
        "nl": [
            "search_hint": "Druk op / om te zoeken", "search_browse": "Of begin bij een van de delen:",
            "search_terms_practice": "oefenen oefening quiz toets test training",
            "search_terms_print": "afdrukken printen boekje pdf downloaden papier offline",
            "step_of": "Stap {n} van {total}", "theme": "Kleurenschema", "theme_auto": "Zoals het systeem", "theme_light": "Licht", "theme_dark": "Donker",
            "dont": "Niet zo", "do": "Wel zo", "on_this_page": "Op deze pagina",
            "previous": "Vorige", "next": "Volgende", "contents": "Inhoud", "language": "Taal",
            "skip_to_content": "Naar de inhoud", "script": "Script",
            "outdated_notice": "Deze vertaling is mogelijk verouderd: het origineel is sindsdien gewijzigd. Naar het origineel ({language}).",
            "fallback_notice": "Deze pagina is nog niet in het Nederlands vertaald. U leest de oorspronkelijke versie.",
            "not_found_title": "Pagina niet gevonden",
            "not_found_text": "Op dit adres staat geen pagina. Misschien is die verplaatst of klopt de link niet.",
            "not_found_home": "Naar de startpagina", "choose_language": "Kies uw taal",
            "menu": "Menu", "earlier_sections": "Eerdere onderdelen", "later_sections": "Latere onderdelen",
            "search": "Zoeken", "search_results": "{n} resultaten", "search_one_result": "1 resultaat",
            "search_no_results": "Niets gevonden. Probeer een ander woord.",
            "copy": "Tekst kopiëren", "copied": "Gekopieerd",
            "copy_failed": "Kopiëren is niet gelukt: selecteer de tekst en kopieer die zelf.",
            "fill_in": "Invulvelden invullen",
            "fill_in_note": "Wat u hier typt, komt in elk bijbehorend invulveld op de pagina. Het blijft alleen in deze browser bewaard en wordt nergens naartoe gestuurd.",
            "fill_in_clear": "Wissen",
            "fill_in_count": "{filled} van {total} ingevuld", "placeholder_hint": "Opent het bijbehorende invulveld",
            "copy_blanks": "Nog {n} leeg: {names}", "copy_anyway": "Toch kopiëren", "choice_chosen": "Gekozen",
            "checklist_reset": "Checklist leegmaken", "checklist_note": "Uw vinkjes worden alleen in deze browser bewaard.",
            "print_page": "Deze pagina afdrukken",
            "practice": "Oefenen", "practice_title": "Oefenen: welk antwoord is beter?",
            "practice_intro": "Bij elke situatie horen twee antwoorden, in willekeurige volgorde. Bepaal welk antwoord u als klant liever zou horen en bekijk daarna het juiste antwoord en de uitleg.",
            "practice_reply": "Antwoord", "practice_choose": "Antwoord {letter} kiezen", "practice_answer": "Toon het antwoord", "practice_chosen": "Uw keuze",
            "practice_right": "Goed: dit is het betere antwoord.", "practice_wrong": "Niet helemaal: het andere antwoord is beter.",
            "practice_from": "Meer hierover:", "practice_score": "{right} van {answered} goed",
            "practice_result": "Klaar: u koos {right} van de {total} keer het betere antwoord.",
            "practice_again": "Opnieuw beginnen",
            "practice_progress": "{answered} van {total} beantwoord", "practice_next": "Volgende vraag",
            "practice_review": "Om na te lezen:", "practice_all_right": "U koos elke keer het betere antwoord.",
            "practice_retry": "De gemiste opnieuw proberen",
            "start_title": "Hier beginnen", "start_button": "Begin met lezen", "start_time": "{pages} pagina's, {time} leestijd",
            "reading_time": "ongeveer {n} minuten", "reading_time_one": "ongeveer een minuut",
            "start_read": "Lees de delen op volgorde", "start_practise": "Oefen wat u gelezen hebt",
            "start_practice_link": "Test uzelf met {n} situaties", "start_print": "Druk de checklist af",
            "start_print_all": "Het hele handboek als boekje",
            "print": "Handboek afdrukken", "print_title": "Het hele handboek",
            "print_intro": "Alle pagina's op volgorde, om af te drukken of als pdf op te slaan. Elk deel begint op een nieuw vel.",
            "print_button": "Afdrukken of opslaan als pdf",
            "callout_note": "Opmerking", "callout_tip": "Tip", "callout_important": "Belangrijk",
            "callout_warning": "Waarschuwing", "callout_caution": "Let op",
            "progress_read": "gelezen", "progress_mark": "Markeren als gelezen", "progress_marked": "Deze pagina is gemarkeerd als gelezen.", "progress_unmarked": "Deze pagina is niet meer gemarkeerd als gelezen.", "progress_count": "{read} van {total} pagina's gelezen",
            "progress_part": "{read} van {total} gelezen", "progress_continue": "Verder met {title}", "progress_done": "U hebt alle pagina's gelezen.", "progress_reset": "Leesvoortgang wissen", "progress_reset_done": "Leesvoortgang gewist: geen enkele pagina is nog gemarkeerd als gelezen.",
        ],
        "pt": [
            "search_hint": "Pressione / para buscar", "search_browse": "Ou comece por uma das partes:",
            "search_terms_practice": "praticar prática exercício quiz teste treino",
            "search_terms_print": "imprimir impressão livreto PDF baixar papel offline",
            "step_of": "Passo {n} de {total}", "theme": "Esquema de cores", "theme_auto": "Igual ao sistema", "theme_light": "Claro", "theme_dark": "Escuro",
            "dont": "Não faça", "do": "Faça", "on_this_page": "Nesta página",
            "previous": "Anterior", "next": "Próxima", "contents": "Conteúdo", "language": "Idioma",
            "skip_to_content": "Pular para o conteúdo", "script": "Roteiro",
            "outdated_notice": "Esta tradução pode estar desatualizada: o original mudou desde que foi traduzido. Ler o original ({language}).",
            "fallback_notice": "Esta página ainda não foi traduzida para o português. Você está lendo a versão original.",
            "not_found_title": "Página não encontrada",
            "not_found_text": "Não há nenhuma página neste endereço. Ela pode ter mudado de lugar ou o link pode estar errado.",
            "not_found_home": "Ir para a página inicial", "choose_language": "Escolha seu idioma",
            "menu": "Menu", "earlier_sections": "Seções anteriores", "later_sections": "Seções seguintes",
            "search": "Buscar", "search_results": "{n} resultados", "search_one_result": "1 resultado",
            "search_no_results": "Nada encontrado. Tente outra palavra.",
            "copy": "Copiar texto", "copied": "Copiado",
            "copy_failed": "Não foi possível copiar: selecione o texto e copie você mesmo.",
            "fill_in": "Preencher os campos",
            "fill_in_note": "O que você digitar aqui preenche todos os campos iguais da página. Fica guardado só neste navegador e nunca é enviado para lugar nenhum.",
            "fill_in_clear": "Limpar",
            "fill_in_count": "{filled} de {total} preenchidos", "placeholder_hint": "Abre o campo correspondente para preencher",
            "copy_blanks": "{n} ainda em branco: {names}", "copy_anyway": "Copiar mesmo assim", "choice_chosen": "Escolhida",
            "checklist_reset": "Recomeçar a lista", "checklist_note": "Suas marcações ficam salvas só neste navegador.",
            "print_page": "Imprimir esta página",
            "practice": "Praticar", "practice_title": "Pratique: qual resposta é melhor?",
            "practice_intro": "Cada situação tem duas respostas, em ordem aleatória. Decida qual você preferiria ouvir se fosse o cliente e depois confira a resposta certa e o motivo.",
            "practice_reply": "Resposta", "practice_choose": "Escolher a resposta {letter}", "practice_answer": "Mostrar a resposta", "practice_chosen": "Sua escolha",
            "practice_right": "Certo: esta é a melhor resposta.", "practice_wrong": "Não foi dessa vez: a outra resposta é melhor.",
            "practice_from": "Saiba mais:", "practice_score": "{right} de {answered} certas",
            "practice_result": "Pronto: você escolheu a melhor resposta {right} de {total} vezes.",
            "practice_again": "Recomeçar",
            "practice_progress": "{answered} de {total} respondidas", "practice_next": "Próxima pergunta",
            "practice_review": "Vale a pena reler:", "practice_all_right": "Você escolheu a melhor resposta todas as vezes.",
            "practice_retry": "Refazer as que errei",
            "start_title": "Comece aqui", "start_button": "Começar a leitura", "start_time": "{pages} páginas, {time} de leitura",
            "reading_time": "cerca de {n} minutos", "reading_time_one": "cerca de um minuto",
            "start_read": "Leia as partes em ordem", "start_practise": "Pratique o que leu",
            "start_practice_link": "Teste-se em {n} situações", "start_print": "Imprima o checklist",
            "start_print_all": "O manual completo em livreto",
            "print": "Imprimir o manual", "print_title": "O manual completo",
            "print_intro": "Todas as páginas na ordem de leitura, para imprimir ou salvar como PDF. Cada parte começa em uma nova folha.",
            "print_button": "Imprimir ou salvar como PDF",
            "callout_note": "Nota", "callout_tip": "Dica", "callout_important": "Importante",
            "callout_warning": "Aviso", "callout_caution": "Cuidado",
            "progress_read": "lida", "progress_mark": "Marcar como lida", "progress_marked": "Esta página está marcada como lida.", "progress_unmarked": "Esta página não está mais marcada como lida.", "progress_count": "{read} de {total} páginas lidas",
            "progress_part": "{read} de {total} lidas", "progress_continue": "Continuar com {title}", "progress_done": "Você leu todas as páginas.", "progress_reset": "Zerar o progresso de leitura", "progress_reset_done": "Progresso de leitura zerado: nenhuma página está marcada como lida.",
        ],
    ]
}
