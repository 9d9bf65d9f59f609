/// The source folder as the readers see it: its files, walked in sorted
/// order through the project's `FileSystem`, and its pages read as text.
struct SourceFiles {
    let fileSystem: any FileSystem
    let root: String

    func path(_ relative: String) -> String { joinPath(root, relative) }
    func exists(_ relative: String) -> Bool { fileSystem.exists(path(relative)) }
    func isDirectory(_ relative: String) -> Bool { fileSystem.isDirectory(path(relative)) }

    /// Every file under `folder` (relative to the root), skipping hidden names
    /// and whatever `skip` names (build output, templates, dependencies).
    func walk(_ folder: String = "", skip: (String) -> Bool = { _ in false }) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        func visit(_ relative: String) {
            guard visited.insert(fileSystem.resolve(path(relative))).inserted,
                  let names = try? fileSystem.contents(of: path(relative)) else { return }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                if skip(child) { continue }
                if isDirectory(child) { visit(child) } else { found.append(child) }
            }
        }
        visit(folder)
        return found
    }

    func text(_ relative: String) -> String? {
        guard let bytes = try? fileSystem.read(path(relative)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A configuration file as a value, or a note saying why not.
    func config(_ relative: String) -> (ConfigValue?, Diagnostic?) {
        guard let text = text(relative) else {
            return (nil, .warning("cannot read this file as UTF-8 text; its settings were not used", at: SourceLocation(path: path(relative))))
        }
        do {
            let value = relative.hasSuffix(".toml") ? try ConfigParser.toml(text) : try ConfigParser.yaml(text)
            return (value, nil)
        } catch {
            return (nil, .warning("cannot read this file (\(error.message)); its settings were not used",
                at: SourceLocation(path: path(relative), line: error.line, column: error.column)))
        }
    }

    /// A Markdown page with its front matter split off; nil (with a note) when it is not text.
    func document(_ relative: String, language: String, key: String, urls: [String]) -> (SourceDocument?, [Diagnostic]) {
        guard let text = text(relative) else {
            return (nil, [.warning("not imported: the file is not UTF-8 text", at: SourceLocation(path: path(relative)))])
        }
        let normalized = text.replacingAll("\r\n", with: "\n")
        let (frontMatter, body, firstLine, note) = SourceFrontMatter.split(normalized, path: path(relative))
        let document = SourceDocument(path: path(relative), relative: relative, language: language, key: key,
                                      frontMatter: frontMatter, body: body, bodyFirstLine: firstLine, urls: urls)
        return (document, note.map { [$0] } ?? [])
    }

    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }
}

/// Folder names and file-name suffixes that name a language.
enum LanguageCode {
    /// ISO 639-1 codes in use for documentation; a folder named `de` is a language, `api` is not.
    static let known: Set<String> = [
        "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et",
        "eu", "fa", "fi", "fil", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka",
        "kk", "km", "kn", "ko", "ky", "lb", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "mt", "my", "nb", "ne",
        "nl", "nn", "no", "pa", "pl", "ps", "pt", "ro", "ru", "si", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "te",
        "th", "tl", "tr", "uk", "ur", "uz", "vi", "zh", "zu",
    ]

    /// `pt_BR` and `pt-BR` become the folder code `pt-br`; nil when the name is no language.
    static func code(_ name: String) -> String? {
        let lowered = name.lowercased().replacingAll("_", with: "-")
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        guard let base = parts.first, known.contains(String(base)), parts.count <= 2 else { return nil }
        if parts.count == 2 {
            let region = parts[1]
            guard (2...4).contains(region.count), region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        }
        return lowered
    }

    /// The locale written as a language tag: `pt-br` → `pt-BR`.
    static func locale(_ code: String) -> String {
        let parts = code.split(separator: "-")
        guard parts.count == 2, parts[1].count == 2 else { return code }
        return parts[0] + "-" + parts[1].uppercased()
    }

    /// `page.de.md` → (`page`, `de`) when the suffix is one of `languages`.
    static func suffix(of fileName: String, among languages: Set<String>) -> (stem: String, language: String)? {
        let stem = droppingExtension(fileName)
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let candidate = String(stem[stem.index(after: dot)...]).lowercased().replacingAll("_", with: "-")
        guard languages.contains(candidate) else { return nil }
        return (String(stem[..<dot]), candidate)
    }
}
