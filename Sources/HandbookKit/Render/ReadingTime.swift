/// How long pages take to read, from the words the build counted in them.
///
/// The rates are words per minute for reading to learn, not skimming. English
/// instructional prose is commonly put at about 200 wpm (below the ~238 wpm
/// of silent reading for pleasure, Brysbaert 2019), which is the base. Other
/// languages take fewer or more words to say the same thing (German's compound
/// words, Portuguese's articles and prepositions), so their rates follow the
/// ratios measured on one and the same text in each language by the IReST
/// study (Trauzettel-Klosinski & Dietz 2012: English 228 wpm, Dutch 202,
/// Swedish 199, French 195, Italian 188, Russian 184, Portuguese 181,
/// German 179, Polish 166, Turkish 166, Finnish 161), scaled to 200 for
/// English and rounded to 5. A language not listed reads at the English rate.
enum ReadingTime {
    static let defaultWordsPerMinute = 200
    static let wordsPerMinute: [String: Int] = [
        "en": 200, "es": 190, "nl": 175, "sv": 175, "fr": 170, "it": 165, "ru": 160,
        "pt": 160, "de": 155, "pl": 145, "tr": 145, "fi": 140,
    ]

    /// The rate for a language code or locale (`pt-BR` reads as `pt`).
    static func rate(for language: String) -> Int {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return wordsPerMinute[primary] ?? defaultWordsPerMinute
    }

    /// Words in a page's plain text: what white space separates, when it holds a
    /// letter or a digit, so that a dash standing alone ("—") is no word and
    /// "don't" or "24" is one.
    /// It runs over every page's whole text, so ASCII (most of any page) is
    /// classified from the byte; Unicode's properties are asked only for the rest.
    static func words(in text: String) -> Int {
        var count = 0
        var inWord = false
        var sawLetter = false
        for scalar in text.unicodeScalars {
            let isSpace: Bool, isLetter: Bool
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                isLetter = byte.isASCIIAlphanumeric
            } else {
                isSpace = scalar.properties.isWhitespace
                isLetter = !isSpace && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            }
            if isSpace {
                if inWord, sawLetter { count += 1 }
                inWord = false
                sawLetter = false
            } else {
                inWord = true
                if isLetter { sawLetter = true }
            }
        }
        if inWord, sawLetter { count += 1 }
        return count
    }

    /// Unrounded minutes for so many words in a language.
    static func minutes(words: Int, language: String) -> Double {
        Double(words) / Double(rate(for: language))
    }

    /// Minutes as a reader wants to hear them: an estimate, not a stopwatch.
    /// At least 1; to the minute below 10, to 5 minutes below an hour, to 10 above.
    static func rounded(_ minutes: Double) -> Int {
        let step: Double = minutes < 9.5 ? 1 : minutes < 57.5 ? 5 : 10
        return max(1, Int((minutes / step).rounded()) * Int(step))
    }

    /// "about 35 minutes", "about a minute", in the language's words.
    static func label(_ minutes: Int, strings: InterfaceStrings, locale: String) -> String {
        minutes == 1 ? strings["reading_time_one"]
            : strings.counted("reading_time", minutes, locale: locale).replacingPlaceholders(["n": String(minutes)])
    }
}
