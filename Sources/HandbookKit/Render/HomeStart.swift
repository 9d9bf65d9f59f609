import Foundation

/// The start block of a language's home page (`home-start.mustache`): where to
/// begin, how long each part takes and in all, and the path read → practise →
/// print the checklist. Built from the edition, so the times follow the pages'
/// words and nobody keeps them up to date by hand.
///
/// The page to print is the edition's **last page with a task list** in
/// reading order (`- [ ]`, the page that gets "Print this page"): the
/// shipped `checklist/` section, found by what it holds rather than by its
/// name. A handbook without one offers the print booklet in its place.
struct HomeStart {
    struct Link {
        var title: String
        var href: String
    }

    struct Part {
        var link: Link
        var minutes: Int
    }

    /// The page after the home page in reading order.
    var first: Link
    var pageCount: Int
    /// Rounded, for the whole reading order (home page included).
    var minutes: Int
    /// Each section but the language root, with its landing page and pages.
    var parts: [Part]
    var practice: (href: String, questions: Int)?
    var checklist: Link?
    var printHref: String
    /// Every page in reading order with the index of its part in `parts`
    /// (-1 for the home page and the language root's pages), for the reading
    /// progress that the script shows.
    var reading: [(link: Link, part: Int)]

    /// Nil for a handbook of one page, which has nowhere to start from.
    /// - Parameters:
    ///   - path: the output path of the home page, which the links are relative to.
    ///   - practiceHref: the language's practice page, when it has one.
    init?(_ edition: Edition, path: String, practiceHref: String?, printHref: String) {
        let order = edition.readingOrder
        guard order.count > 1 else { return nil }
        let code = edition.language.code
        func link(_ entry: Entry) -> Link {
            Link(title: entry.page.frontMatter.title,
                 href: relativeURL(from: path, to: PageRenderer.outputPath(entry.id, in: code)))
        }
        // A page standing in from the default language is read in that language, at its rate.
        func time(_ entries: [Entry]) -> Double {
            entries.reduce(0) { $0 + ReadingTime.minutes(words: $1.page.wordCount, language: $1.page.language) }
        }
        first = link(order[1])
        pageCount = order.count
        minutes = ReadingTime.rounded(time(order))
        parts = edition.sections.filter { !$0.folder.isEmpty }.map { section in
            Part(link: link(section.index), minutes: ReadingTime.rounded(time([section.index] + section.pages)))
        }
        practice = practiceHref.map { ($0, order.reduce(0) { $0 + $1.page.comparisons.count }) }
        checklist = order.last { $0.page.hasTaskList }.map(link)
        self.printHref = printHref
        var reading: [(Link, Int)] = []
        var part = -1
        for section in edition.sections {
            let number = section.folder.isEmpty ? -1 : part + 1
            if !section.folder.isEmpty { part += 1 }
            reading += ([section.index] + section.pages).map { (link($0), number) }
        }
        self.reading = reading
    }

    /// The pages for the script: `[[href, title, part], …]`.
    var readingJSON: String {
        let list: [[Any]] = reading.map { [$0.link.href, $0.link.title, $0.part] }
        let data = (try? JSONSerialization.data(withJSONObject: list, options: [.withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The template's values; the labels are the language's interface strings.
    func context(_ language: Language) -> [String: Any] {
        let strings = language.strings, locale = language.locale
        let time = ReadingTime.label(minutes, strings: strings, locale: locale)
        return [
            "firstTitle": first.title, "firstHref": first.href,
            "time": time, "pages": pageCount,
            "summary": strings.counted("start_time", pageCount, locale: locale).replacingPlaceholders(["pages": String(pageCount), "time": time]),
            "hasParts": !parts.isEmpty,
            "parts": parts.map { ["title": $0.link.title, "href": $0.link.href, "time": ReadingTime.label($0.minutes, strings: strings, locale: locale)] },
            "practice": practice.map { practice -> Any in
                ["href": practice.href, "text": strings.counted("start_practice_link", practice.questions, locale: locale).replacingPlaceholders(["n": String(practice.questions)])]
            } ?? false,
            "checklist": checklist.map { ["title": $0.title, "href": $0.href] as Any } ?? false,
            "printHref": printHref,
            "readingPages": readingJSON,
        ]
    }
}
