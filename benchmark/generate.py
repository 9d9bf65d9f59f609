#!/usr/bin/env python3
"""Writes a synthetic handbook in the real content format, for the benchmark.

    benchmark/generate.py --pages 1000 --seed 1 --out /tmp/handbook-bench/1000

N pages per language in en, de, nl and pt, in sections of 20 pages (each with
its landing page), plus each language's home page: about 4,200 files for
N = 1000. Every page has front matter (title, description, order only) and
about 6 KB of prose: h2/h3 headings, paragraphs with emphasis and inline code,
lists, a GFM table on about a third of the pages, about three relative links
to other pages (some to a heading), and on average one comparison and one
script per page. The same pages exist in every language, so the build warns
about nothing. The output depends only on --pages, --seed and --html.

With --html, handbook.yml sets raw_html: true and each page also holds raw HTML
as pages brought from Jekyll or a wiki do: two `<aside markdown="1">` pull
quotes, a `<div>` block and inline `<kbd>`/`<span>` tags in a few paragraphs,
for comparing the cost of raw HTML with the same build without it.

Python 3 standard library only.
"""

import argparse
import os
import random
import shutil
import sys

LANGUAGES = ["en", "de", "nl", "pt"]
SECTION_SIZE = 20
PAGE_BYTES = 5300

HANDBOOK_YML = """\
# A synthetic handbook written by benchmark/generate.py.
languages:
  - code: en
    title: Synthetic Handbook
  - code: de
    title: Synthetisches Handbuch
  - code: nl
    title: Synthetisch handboek
  - code: pt
    locale: pt-BR
    title: Manual sintético
"""

# Per language: sentences of prose, words for titles and headings, the words
# around comparisons and scripts, and table headers.
TEXT = {
    "en": {
        "sentences": [
            "When a client is upset, the first thing they need is to feel heard.",
            "A short call usually does more than a long email, because the client can hear that you mean it.",
            "Say what went wrong in one or two plain sentences, without softening it.",
            "Avoid the word but: it cancels everything you said before it.",
            "Name the fix and the new date before the client has to ask for them.",
            "If you do not know the answer yet, say when you will know it, and keep that promise.",
            "Write down what you agreed while it is fresh, and send it the same day.",
            "A mistake handled well can leave the client trusting you more than before.",
            "Speak for the team: we missed it, we are sorry, we are fixing it.",
            "Keep the apology about the client, not about how bad you feel.",
            "Check in a week later, even when everything is back on track.",
            "The client remembers how you made them feel far longer than the mistake itself.",
            "Prepare the call with a colleague who can play the client for five minutes.",
            "Give the client a real choice where there is one, and explain the trade-off.",
            "Small promises kept on time rebuild trust faster than one grand gesture.",
            "Do not guess at causes in front of the client; find out first, then explain.",
            "Thank the client for telling you; many unhappy clients simply leave.",
            "Close the loop inside the team too, so the same slip does not happen twice.",
        ],
        "words": ["apology", "deadline", "follow-up", "trust", "client call", "feedback", "escalation",
                  "handover", "estimate", "report", "meeting", "invoice", "delay", "promise", "review"],
        "title": ["Handling the {w}", "Before the {w}", "After a missed {w}", "The {w} checklist",
                  "Owning the {w}", "When the {w} slips", "Talking about the {w}", "Repairing the {w}"],
        "heading": ["What the client hears", "Why {w} matters", "Before you start", "What to say first",
                    "Common mistakes", "A better way", "When it goes wrong", "After the call",
                    "Questions to ask", "Keeping your word", "The next step", "Working as a team"],
        "why_bad": "Why it fails:", "why_good": "Why it works:",
        "compare": ["Blaming the {w}", "Promising too much", "Explaining too long", "Saying sorry for the {w}"],
        "script": ["Voicemail about the {w}", "Email after the {w}", "Opening the call"],
        "script_lines": ["Hi [Client name], this is [Your name] from [Your company].",
                         "I am calling about [Project], because we missed [What went wrong].",
                         "We will have it ready by [New date], and I will update you every [Interval].",
                         "You can reach me on [Phone number] any time before [Time]."],
        "quotes_bad": ["\"That was not my part, someone else forgot it.\"", "\"These things happen, it is not a big deal.\""],
        "quotes_good": ["\"We missed it, and I am sorry. Here is how we will fix it.\"", "\"You are right to be annoyed, and we will sort it out today.\""],
        "table": ["Situation", "Say", "Avoid"],
        "cells": ["late delivery", "wrong figures", "missed call", "we are on it", "here is the new date",
                  "I will call you at four", "it was not us", "calm down", "as I said"],
        "see": ["See", "Read more in", "Compare", "Then go on to"],
    },
    "de": {
        "sentences": [
            "Wenn ein Kunde verärgert ist, möchte er vor allem gehört werden.",
            "Ein kurzer Anruf bewirkt meist mehr als eine lange E-Mail, weil der Kunde hört, dass Sie es ernst meinen.",
            "Sagen Sie in ein, zwei klaren Sätzen, was schiefgelaufen ist, ohne es zu beschönigen.",
            "Vermeiden Sie das Wort aber: Es entwertet alles, was Sie davor gesagt haben.",
            "Nennen Sie die Lösung und den neuen Termin, bevor der Kunde danach fragen muss.",
            "Wenn Sie die Antwort noch nicht kennen, sagen Sie, wann Sie sie kennen werden, und halten Sie das ein.",
            "Schreiben Sie auf, was Sie vereinbart haben, und schicken Sie es noch am selben Tag.",
            "Ein gut behandelter Fehler kann das Vertrauen des Kunden sogar stärken.",
            "Sprechen Sie für das Team: Wir haben es übersehen, es tut uns leid, wir beheben es.",
            "Die Entschuldigung handelt vom Kunden, nicht davon, wie schlecht Sie sich fühlen.",
            "Melden Sie sich eine Woche später noch einmal, auch wenn alles wieder läuft.",
            "Der Kunde erinnert sich länger an das Gefühl als an den Fehler selbst.",
            "Üben Sie das Gespräch fünf Minuten lang mit einer Kollegin, die den Kunden spielt.",
            "Geben Sie dem Kunden eine echte Wahl, wo es eine gibt, und erklären Sie die Folgen.",
            "Kleine Zusagen, pünktlich eingehalten, stellen Vertrauen schneller her als eine große Geste.",
            "Raten Sie vor dem Kunden nicht über Ursachen; klären Sie sie zuerst und erklären Sie dann.",
            "Danken Sie dem Kunden für den Hinweis; viele unzufriedene Kunden gehen einfach.",
            "Schließen Sie den Kreis auch im Team, damit derselbe Fehler nicht zweimal passiert.",
        ],
        "words": ["Entschuldigung", "Frist", "Nachfassen", "Vertrauen", "Kundengespräch", "Rückmeldung",
                  "Eskalation", "Übergabe", "Schätzung", "Bericht", "Besprechung", "Rechnung", "Verzögerung",
                  "Zusage", "Prüfung"],
        "title": ["Umgang mit der {w}", "Vor dem {w}", "Nach einer verpassten {w}", "Die Checkliste zur {w}",
                  "Verantwortung für die {w}", "Wenn die {w} rutscht", "Über die {w} sprechen", "Die {w} reparieren"],
        "heading": ["Was der Kunde hört", "Warum {w} wichtig ist", "Bevor Sie anfangen", "Was Sie zuerst sagen",
                    "Häufige Fehler", "Ein besserer Weg", "Wenn es schiefgeht", "Nach dem Gespräch",
                    "Fragen, die Sie stellen können", "Wort halten", "Der nächste Schritt", "Als Team arbeiten"],
        "why_bad": "Warum es scheitert:", "why_good": "Warum es wirkt:",
        "compare": ["Die {w} abschieben", "Zu viel versprechen", "Zu lange erklären", "Entschuldigung für die {w}"],
        "script": ["Mailbox-Nachricht zur {w}", "E-Mail nach der {w}", "Das Gespräch eröffnen"],
        "script_lines": ["Guten Tag [Name des Kunden], hier ist [Ihr Name] von [Ihre Firma].",
                         "Ich rufe wegen [Projekt] an, denn uns ist [Was schiefging] passiert.",
                         "Bis [Neuer Termin] ist es fertig, und ich melde mich alle [Abstand].",
                         "Sie erreichen mich unter [Telefonnummer] bis [Uhrzeit]."],
        "quotes_bad": ["„Das war nicht mein Teil, jemand anderes hat es vergessen.“", "„So etwas passiert eben, das ist nicht schlimm.“"],
        "quotes_good": ["„Wir haben es versäumt, und es tut mir leid. So beheben wir es.“", "„Ihr Ärger ist berechtigt, und wir klären das noch heute.“"],
        "table": ["Situation", "Sagen", "Vermeiden"],
        "cells": ["späte Lieferung", "falsche Zahlen", "verpasster Anruf", "wir kümmern uns", "hier ist der neue Termin",
                  "ich rufe um vier an", "das waren nicht wir", "beruhigen Sie sich", "wie gesagt"],
        "see": ["Siehe", "Mehr dazu in", "Vergleichen Sie", "Weiter geht es mit"],
    },
    "nl": {
        "sentences": [
            "Als een klant boos is, wil die zich vooral gehoord voelen.",
            "Een kort telefoontje doet meestal meer dan een lange e-mail, omdat de klant hoort dat u het meent.",
            "Zeg in een of twee heldere zinnen wat er misging, zonder het mooier te maken.",
            "Vermijd het woord maar: het maakt alles wat u ervoor zei ongedaan.",
            "Noem de oplossing en de nieuwe datum voordat de klant erom hoeft te vragen.",
            "Weet u het antwoord nog niet, zeg dan wanneer u het weet, en houd u daaraan.",
            "Schrijf op wat u hebt afgesproken en stuur het dezelfde dag nog.",
            "Een goed afgehandelde fout kan het vertrouwen van de klant zelfs vergroten.",
            "Spreek namens het team: wij hebben het gemist, het spijt ons, wij lossen het op.",
            "Het excuus gaat over de klant, niet over hoe vervelend u het zelf vindt.",
            "Neem een week later opnieuw contact op, ook als alles weer loopt.",
            "De klant onthoudt het gevoel veel langer dan de fout zelf.",
            "Oefen het gesprek vijf minuten met een collega die de klant speelt.",
            "Geef de klant een echte keuze waar die er is, en leg de gevolgen uit.",
            "Kleine beloften die u op tijd nakomt, herstellen vertrouwen sneller dan één groot gebaar.",
            "Gok niet naar oorzaken waar de klant bij is; zoek het eerst uit en leg het dan uit.",
            "Bedank de klant voor de melding; veel ontevreden klanten vertrekken gewoon.",
            "Rond het ook binnen het team af, zodat dezelfde fout niet twee keer gebeurt.",
        ],
        "words": ["excuus", "deadline", "opvolging", "vertrouwen", "klantgesprek", "feedback", "escalatie",
                  "overdracht", "schatting", "rapport", "vergadering", "factuur", "vertraging", "belofte",
                  "controle"],
        "title": ["Omgaan met de {w}", "Voor de {w}", "Na een gemiste {w}", "De checklist voor de {w}",
                  "Verantwoordelijkheid voor de {w}", "Als de {w} uitloopt", "Praten over de {w}", "De {w} herstellen"],
        "heading": ["Wat de klant hoort", "Waarom {w} ertoe doet", "Voordat u begint", "Wat u eerst zegt",
                    "Veelgemaakte fouten", "Een betere aanpak", "Als het misgaat", "Na het gesprek",
                    "Vragen om te stellen", "Woord houden", "De volgende stap", "Samenwerken als team"],
        "why_bad": "Waarom het misgaat:", "why_good": "Waarom het werkt:",
        "compare": ["De {w} afschuiven", "Te veel beloven", "Te lang uitleggen", "Sorry zeggen voor de {w}"],
        "script": ["Voicemail over de {w}", "E-mail na de {w}", "Het gesprek openen"],
        "script_lines": ["Goedemiddag [Naam klant], u spreekt met [Uw naam] van [Uw bedrijf].",
                         "Ik bel over [Project], want bij ons ging [Wat misging] fout.",
                         "Op [Nieuwe datum] is het klaar, en ik houd u elke [Interval] op de hoogte.",
                         "U kunt mij bellen op [Telefoonnummer] tot [Tijdstip]."],
        "quotes_bad": ["\"Dat was mijn deel niet, iemand anders is het vergeten.\"", "\"Zoiets gebeurt nu eenmaal, het is niet erg.\""],
        "quotes_good": ["\"Wij hebben het gemist en het spijt me. Zo lossen we het op.\"", "\"U bent terecht geïrriteerd, en we regelen het vandaag nog.\""],
        "table": ["Situatie", "Zeg", "Vermijd"],
        "cells": ["late levering", "verkeerde cijfers", "gemist gesprek", "we pakken het op", "dit is de nieuwe datum",
                  "ik bel u om vier uur", "het lag niet aan ons", "rustig maar", "zoals ik al zei"],
        "see": ["Zie", "Lees verder in", "Vergelijk", "Ga daarna verder met"],
    },
    "pt": {
        "sentences": [
            "Quando um cliente está chateado, ele precisa antes de tudo se sentir ouvido.",
            "Uma ligação curta costuma fazer mais do que um e-mail longo, porque o cliente percebe que você está sendo sincero.",
            "Diga o que deu errado em uma ou duas frases simples, sem amenizar.",
            "Evite a palavra mas: ela anula tudo o que você disse antes.",
            "Apresente a solução e a nova data antes que o cliente precise perguntar.",
            "Se ainda não sabe a resposta, diga quando vai saber, e cumpra essa promessa.",
            "Anote o que foi combinado enquanto está fresco e envie no mesmo dia.",
            "Um erro bem conduzido pode deixar o cliente confiando ainda mais em você.",
            "Fale pela equipe: nós erramos, pedimos desculpas, estamos corrigindo.",
            "O pedido de desculpas é sobre o cliente, não sobre como você se sente mal.",
            "Entre em contato uma semana depois, mesmo quando tudo já voltou ao normal.",
            "O cliente lembra da sensação por muito mais tempo do que do próprio erro.",
            "Ensaie a conversa por cinco minutos com um colega que faça o papel do cliente.",
            "Dê ao cliente uma escolha real quando houver uma, e explique as consequências.",
            "Pequenas promessas cumpridas no prazo recuperam a confiança mais rápido do que um grande gesto.",
            "Não tente adivinhar causas na frente do cliente; descubra primeiro e explique depois.",
            "Agradeça ao cliente por avisar; muitos clientes insatisfeitos simplesmente vão embora.",
            "Feche o ciclo também dentro da equipe, para que o mesmo deslize não aconteça duas vezes.",
        ],
        "words": ["desculpa", "prazo", "acompanhamento", "confiança", "ligação", "retorno", "escalonamento",
                  "transição", "estimativa", "relatório", "reunião", "fatura", "atraso", "promessa", "revisão"],
        "title": ["Como lidar com o {w}", "Antes do {w}", "Depois de perder o {w}", "A lista do {w}",
                  "Assumindo o {w}", "Quando o {w} escorrega", "Falando sobre o {w}", "Consertando o {w}"],
        "heading": ["O que o cliente ouve", "Por que o {w} importa", "Antes de começar", "O que dizer primeiro",
                    "Erros comuns", "Um caminho melhor", "Quando dá errado", "Depois da ligação",
                    "Perguntas a fazer", "Cumprindo a palavra", "O próximo passo", "Trabalhando em equipe"],
        "why_bad": "Por que não funciona:", "why_good": "Por que funciona:",
        "compare": ["Culpar o {w}", "Prometer demais", "Explicar demais", "Pedir desculpas pelo {w}"],
        "script": ["Recado sobre o {w}", "E-mail depois do {w}", "Abrindo a ligação"],
        "script_lines": ["Olá, [Nome do cliente], aqui é [Seu nome], da [Sua empresa].",
                         "Estou ligando sobre o [Projeto], porque tivemos um problema: [O que deu errado].",
                         "Vamos entregar até [Nova data], e eu dou notícias a cada [Intervalo].",
                         "Você pode me ligar no [Telefone] até [Horário]."],
        "quotes_bad": ["“Essa parte não era minha, outra pessoa esqueceu.”", "“Essas coisas acontecem, não é nada demais.”"],
        "quotes_good": ["“Nós erramos, e peço desculpas. Veja como vamos resolver.”", "“Você tem razão de estar irritado, e vamos resolver isso hoje.”"],
        "table": ["Situação", "Diga", "Evite"],
        "cells": ["entrega atrasada", "números errados", "ligação perdida", "estamos cuidando disso", "esta é a nova data",
                  "ligo às quatro", "não foi culpa nossa", "calma", "como eu disse"],
        "see": ["Veja", "Leia mais em", "Compare com", "Depois siga para"],
    },
}


def slugify(text):
    """The anchor handbook gives a heading (Sources/HandbookKit/Support/HTML.swift)."""
    slug, pending = "", False
    for ch in text.lower():
        if ch.isalpha() or ch.isnumeric():
            if pending and slug:
                slug += "-"
            pending = False
            slug += ch
        elif ch in "'’":
            continue
        else:
            pending = True
    return slug or "section"


class Plan:
    """Every page's path, title and first heading, known before any body is written,
    so links (with anchors) always point at something that exists."""

    def __init__(self, pages, seed):
        self.seed = seed
        self.sections = (pages + SECTION_SIZE - 1) // SECTION_SIZE
        self.paths = ["index"]
        for s in range(1, self.sections + 1):
            folder = f"section-{s:03d}"
            self.paths.append(f"{folder}/index")
            count = min(SECTION_SIZE, pages - (s - 1) * SECTION_SIZE)
            self.paths += [f"{folder}/page-{p:02d}" for p in range(1, count + 1)]
        self.titles = {}
        self.first_heading = {}
        for lang in LANGUAGES:
            text = TEXT[lang]
            for path in self.paths:
                rng = random.Random(f"{seed}:{lang}:{path}:plan")
                self.titles[lang, path] = rng.choice(text["title"]).format(w=rng.choice(text["words"]))
                self.first_heading[lang, path] = rng.choice(text["heading"]).format(w=rng.choice(text["words"]))


def relative(from_path, to_path):
    """Relative link from one page file to another, both as paths without `.md`."""
    from_parts = from_path.split("/")[:-1]
    to_parts = to_path.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) + ".md"


class PageWriter:
    html = False

    def __init__(self, plan, lang, path):
        self.plan, self.lang, self.path = plan, lang, path
        self.text = TEXT[lang]
        self.rng = random.Random(f"{plan.seed}:{lang}:{path}:body")
        self.headings = {plan.first_heading[lang, path]}
        self.anchors = {slugify(plan.first_heading[lang, path])}

    def word(self):
        return self.rng.choice(self.text["words"])

    def sentence(self):
        s = self.rng.choice(self.text["sentences"])
        roll = self.rng.random()
        words = s.split(" ")
        if roll < 0.25 and len(words) > 4:
            i = self.rng.randrange(1, len(words) - 2)
            words[i] = f"*{words[i]}*" if words[i][-1].isalnum() else words[i]
        elif roll < 0.4 and len(words) > 5:
            i = self.rng.randrange(0, len(words) - 3)
            words[i] = f"**{words[i]} {words[i + 1]}**"
            del words[i + 1]
        elif roll < 0.45:
            words.insert(self.rng.randrange(1, len(words)), f"`{self.word()}`")
        return " ".join(words)

    def paragraph(self, sentences=None):
        n = sentences or self.rng.randint(2, 5)
        return " ".join(self.sentence() for _ in range(n))

    def link(self):
        target = self.rng.choice(self.plan.paths)
        while target == self.path:
            target = self.rng.choice(self.plan.paths)
        url = relative(self.path, target)
        if self.rng.random() < 0.25:
            url += "#" + slugify(self.plan.first_heading[self.lang, target])
        return f"{self.rng.choice(self.text['see'])} [{self.plan.titles[self.lang, target]}]({url})."

    def heading(self):
        for _ in range(50):
            text = self.rng.choice(self.text["heading"]).format(w=self.word())
            if text not in self.headings and slugify(text) not in self.anchors:
                break
        else:
            text = f"{text} {len(self.headings)}"
        self.headings.add(text)
        self.anchors.add(slugify(text))
        return text

    def unique_title(self, choices):
        """A comparison or script title whose anchor is new on this page."""
        for n in range(2, 100):
            text = self.rng.choice(choices).format(w=self.word())
            if slugify(text) not in self.anchors:
                break
            text = f"{text} {n}"
            if slugify(text) not in self.anchors:
                break
        self.anchors.add(slugify(text))
        return text

    def bullet_list(self):
        ordered = self.rng.random() < 0.4
        items = []
        for i in range(self.rng.randint(3, 6)):
            marker = f"{i + 1}." if ordered else "-"
            items.append(f"{marker} {self.sentence()}")
        return "\n".join(items)

    def table(self):
        header = self.text["table"]
        rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for _ in range(self.rng.randint(4, 8)):
            rows.append("| " + " | ".join(self.rng.choice(self.text["cells"]) for _ in header) + " |")
        return "\n".join(rows)

    def comparison(self):
        t = self.text
        return "\n".join([
            f":::compare {self.unique_title(t['compare'])}",
            ":::bad",
            self.rng.choice(t["quotes_bad"]),
            "",
            f"{t['why_bad']} {self.sentence()}",
            ":::good",
            self.rng.choice(t["quotes_good"]),
            "",
            f"{t['why_good']} {self.sentence()}",
            ":::",
        ])

    def script(self):
        lines = self.text["script_lines"]
        body = [lines[0], "", " ".join(lines[1:3]), "", lines[3]]
        return "\n".join([f":::script {self.unique_title(self.text['script'])}"] + body + [":::"])

    def count(self, weights):
        """A count drawn from weights for 0, 1, 2, …"""
        return self.rng.choices(range(len(weights)), weights)[0]

    def body(self):
        rng = self.rng
        # Average one comparison and one script, about three links, a table on a third of the pages,
        # each placed in one of the page's first sections.
        extras = ["compare"] * self.count([3, 4, 3]) + ["script"] * self.count([3, 4, 3])
        extras += ["link"] * self.count([0, 0, 3, 4, 3]) + (["table"] if rng.random() < 1 / 3 else [])
        if self.html:
            extras += ["aside", "aside", "div", "inline", "inline", "inline"]
        placed = {}
        for kind in extras:
            placed.setdefault(rng.randrange(6), []).append(kind)
        blocks = [self.paragraph()]
        size = len(blocks[0].encode())
        section = 0
        while size < PAGE_BYTES or placed:
            if section == 0:
                heading = f"## {self.plan.first_heading[self.lang, self.path]}"
            else:
                heading = ("### " if rng.random() < 0.3 else "## ") + self.heading()
            content = []
            for _ in range(rng.randint(1, 3)):
                content.append(self.paragraph() if rng.random() < 0.65 else self.bullet_list())
            for kind in placed.pop(section, []):
                content.insert(rng.randrange(len(content) + 1), self.extra(kind))
            blocks += [heading] + content
            size += sum(len(b.encode()) + 2 for b in [heading] + content)
            section += 1
        return "\n\n".join(blocks) + "\n"

    def extra(self, kind):
        if kind == "link":
            return self.paragraph(self.rng.randint(1, 3)) + " " + self.link()
        if kind == "aside":
            return '<aside class="pull-quote" markdown="1">\n' + self.paragraph(2) + "\n\n" + self.paragraph(1) + "\n</aside>"
        if kind == "div":
            return '<div class="note">\n' + self.paragraph(2) + "\n</div>"
        if kind == "inline":
            return self.paragraph(1) + " Press <kbd>Ctrl</kbd> and <span class=\"term\">" + self.word() + "</span>. " + self.paragraph(1)
        return {"compare": self.comparison, "script": self.script, "table": self.table}[kind]()

    def page(self, order):
        description = self.sentence().replace("*", "").replace("`", "")
        title = self.plan.titles[self.lang, self.path].replace('"', "'")
        return f'---\ntitle: "{title}"\ndescription: "{description.replace(chr(34), chr(39))}"\norder: {order}\n---\n\n' + self.body()


def generate(pages, seed, out, html=False):
    plan = Plan(pages, seed)
    PageWriter.html = html
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "handbook.yml"), "w", encoding="utf-8") as f:
        f.write(HANDBOOK_YML + ("raw_html: true\n" if html else ""))
    total = 0
    for lang in LANGUAGES:
        for path in plan.paths:
            name = path.split("/")[-1]
            order = 0 if name == "index" and "/" not in path else (
                int(path.split("/")[0][-3:]) if name == "index" else int(name[-2:]))
            text = PageWriter(plan, lang, path).page(order)
            file = os.path.join(out, lang, path + ".md")
            os.makedirs(os.path.dirname(file), exist_ok=True)
            with open(file, "w", encoding="utf-8") as f:
                f.write(text)
            total += len(text.encode())
    return len(plan.paths) * len(LANGUAGES), total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="pages per language (sections of 20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="folder to write; replaced if it exists")
    parser.add_argument("--html", action="store_true", help="raw HTML in every page, and raw_html: true")
    args = parser.parse_args()
    count, size = generate(args.pages, args.seed, args.out, args.html)
    print(f"{count} pages, {size / 1e6:.1f} MB of Markdown in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
