/// The words of the handbook `handbook init` writes, in each language that
/// ships interface strings. The pages are small on purpose: a home page, one
/// section and one page that shows a comparison, a script and a callout, so a
/// new author sees each construct once, in source and on the site, and then
/// replaces it.
///
/// Every language holds the same blocks in the same order, and each script the
/// same number of placeholders, so `handbook check`'s parity rule holds.
struct StarterText: Sendable {
    /// The site title in `handbook.yml` when `--title` gives none.
    var siteTitle: String
    var homeTitle: String
    var homeBody: String
    var sectionTitle: String
    var sectionBody: String
    var pageTitle: String
    var pageDescription: String
    /// The example page's Markdown after its front matter.
    var pageBody: String

    /// The section folder and the example page's file, the same in every
    /// language (the same relative path is the same page).
    static let section = "basics"
    static let page = "unknown-answer"

    static func builtin(for code: String) -> StarterText? {
        switch code.lowercased() {
        case "en": english
        case "de": german
        case "nl": dutch
        case "pt": portuguese
        default: nil
        }
    }

    static let english = StarterText(
        siteTitle: "Our Handbook",
        homeTitle: "Welcome",
        homeBody: """
            This handbook is where our team writes down how we work with clients:
            what to say, what to avoid, and replies you can adapt.

            Start with [the basics](\(section)/index.md).
            """,
        sectionTitle: "Basics",
        sectionBody: """
            The everyday situations every new team member meets first.

            - [When you don't know the answer yet](\(page).md)
            """,
        pageTitle: "When you don't know the answer yet",
        pageDescription: "Buy time honestly instead of guessing.",
        pageBody: """
            A client asks something you cannot answer on the spot. Say so, and say
            when they will hear from you.

            :::compare A question you can't answer yet
            :::bad
            "No idea, that's not my area."

            Why it fails: the client is left with nothing, not even a next step.
            :::good
            "Good question. I'll check with our specialist and reply by Thursday."

            Why it works: it is honest and promises a concrete next step.
            :::

            ## What to write

            :::script Holding reply
            Hi [Client name], thanks for your question about [topic]. I'm checking
            with [colleague] and will get back to you by [day].
            :::

            > [!TIP]
            > Promise a day you can keep. An early answer beats a late one.
            """)

    static let german = StarterText(
        siteTitle: "Unser Handbuch",
        homeTitle: "Willkommen",
        homeBody: """
            In diesem Handbuch halten wir fest, wie wir mit unseren Kunden arbeiten:
            was wir sagen, was wir besser lassen, und Antworten zum Anpassen.

            Beginnen Sie mit den [Grundlagen](\(section)/index.md).
            """,
        sectionTitle: "Grundlagen",
        sectionBody: """
            Die Situationen aus dem Alltag, die jedem neuen Teammitglied zuerst begegnen.

            - [Wenn Sie die Antwort noch nicht wissen](\(page).md)
            """,
        pageTitle: "Wenn Sie die Antwort noch nicht wissen",
        pageDescription: "Ehrlich Zeit gewinnen, statt zu raten.",
        pageBody: """
            Ein Kunde fragt etwas, das Sie nicht sofort beantworten können. Sagen Sie
            das offen, und sagen Sie, wann er von Ihnen hört.

            :::compare Eine Frage, die Sie noch nicht beantworten können
            :::bad
            „Keine Ahnung, dafür bin ich nicht zuständig.“

            Warum es nicht funktioniert: Der Kunde steht mit leeren Händen da, ohne einen nächsten Schritt.
            :::good
            „Gute Frage. Ich kläre das mit unserer Fachkollegin und melde mich bis Donnerstag.“

            Warum es funktioniert: Es ist ehrlich und verspricht einen konkreten nächsten Schritt.
            :::

            ## Was Sie schreiben

            :::script Zwischenbescheid
            Guten Tag [Name des Kunden], vielen Dank für Ihre Frage zu [Thema]. Ich
            kläre das gerade mit [Kollegin oder Kollege] und melde mich bis [Tag] bei Ihnen.
            :::

            > [!TIP]
            > Versprechen Sie nur einen Termin, den Sie halten können. Lieber früher antworten als zu spät.
            """)

    static let dutch = StarterText(
        siteTitle: "Ons handboek",
        homeTitle: "Welkom",
        homeBody: """
            In dit handboek leggen we vast hoe we met klanten werken: wat we zeggen,
            wat we beter niet zeggen, en antwoorden die je zelf kunt aanpassen.

            Begin bij [de basis](\(section)/index.md).
            """,
        sectionTitle: "De basis",
        sectionBody: """
            De dagelijkse situaties waar elk nieuw teamlid als eerste mee te maken krijgt.

            - [Als je het antwoord nog niet weet](\(page).md)
            """,
        pageTitle: "Als je het antwoord nog niet weet",
        pageDescription: "Eerlijk tijd winnen in plaats van gokken.",
        pageBody: """
            Een klant vraagt iets wat je niet meteen kunt beantwoorden. Zeg dat
            eerlijk, en zeg wanneer de klant van je hoort.

            :::compare Een vraag die je nog niet kunt beantwoorden
            :::bad
            ‘Geen idee, daar ga ik niet over.’

            Waarom het misgaat: de klant blijft met lege handen achter, zonder volgende stap.
            :::good
            ‘Goede vraag. Ik zoek het uit met onze specialist en laat het je uiterlijk donderdag weten.’

            Waarom het werkt: het is eerlijk en belooft een concrete volgende stap.
            :::

            ## Wat je schrijft

            :::script Tussenbericht
            Beste [naam klant], bedankt voor je vraag over [onderwerp]. Ik zoek het
            uit met [collega] en laat uiterlijk [dag] van me horen.
            :::

            > [!TIP]
            > Beloof alleen een dag die je kunt waarmaken. Liever vroeg antwoorden dan te laat.
            """)

    static let portuguese = StarterText(
        siteTitle: "Nosso manual",
        homeTitle: "Boas-vindas",
        homeBody: """
            Neste manual registramos como trabalhamos com os clientes: o que dizer,
            o que evitar e respostas prontas para adaptar.

            Comece pelo [básico](\(section)/index.md).
            """,
        sectionTitle: "O básico",
        sectionBody: """
            As situações do dia a dia que toda pessoa nova na equipe encontra primeiro.

            - [Quando você ainda não sabe a resposta](\(page).md)
            """,
        pageTitle: "Quando você ainda não sabe a resposta",
        pageDescription: "Ganhe tempo com honestidade em vez de chutar.",
        pageBody: """
            Um cliente pergunta algo que você não consegue responder na hora. Diga isso
            com franqueza e diga quando ele vai ter uma resposta.

            :::compare Uma pergunta que você ainda não sabe responder
            :::bad
            “Não faço ideia, isso não é comigo.”

            Por que não funciona: o cliente fica sem nada, nem mesmo um próximo passo.
            :::good
            “Boa pergunta. Vou confirmar com a nossa especialista e te respondo até quinta-feira.”

            Por que funciona: é honesto e promete um próximo passo concreto.
            :::

            ## O que escrever

            :::script Resposta provisória
            Olá, [nome do cliente], agradeço a sua pergunta sobre [assunto]. Estou
            verificando com [colega] e retorno até [dia].
            :::

            > [!TIP]
            > Prometa só um prazo que você consegue cumprir. Responder antes é melhor do que responder tarde.
            """)
}
