/// `handbook init`: writes a new, small handbook that builds and checks with
/// no diagnostic, for a team to replace page by page.
///
/// Every language with starter text (en, de, nl, pt) gets every starter page,
/// and each translation records the original's version (`source:`), so the
/// build is silent and `handbook translations` reports all pages `current`.
/// As soon as an author rewrites an original, its translations turn
/// `outdated` there and in `handbook check`: that is where translators begin.
/// A language without starter text gets an empty folder: its pages are
/// missing translations, which build and check report until someone writes them.
package struct Scaffold: Sendable {
    package struct Refusal: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    package struct Report: Sendable {
        /// Every file written, content folder first.
        package var written: [String]
        /// What the author should know: languages without starter text, the .gitignore.
        package var notes: [String]
    }

    package static let defaultLanguages = ["en"]

    let fileSystem: any FileSystem
    let folder: String
    let languages: [String]
    let title: String?

    /// - Parameters:
    ///   - folder: the content folder to create; it must not exist or be empty.
    ///   - languages: language codes, the default first.
    ///   - title: the site title in every language (default: the starter's, per language).
    package init(fileSystem: any FileSystem = LocalFileSystem(), folder: String,
                languages: [String] = Scaffold.defaultLanguages, title: String? = nil) {
        self.fileSystem = fileSystem
        self.folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.languages = languages
        self.title = title
    }

    package func run() throws(Refusal) -> Report {
        if let refusal = refusal() { throw refusal }
        var (files, notes) = try plan()
        let staging = folder + ".creating"
        do {
            if fileSystem.exists(staging) { try fileSystem.remove(staging) }
            try fileSystem.createDirectory(staging)
            for (path, text) in files {
                let target = joinPath(staging, path)
                try fileSystem.createDirectory(parentFolder(of: target))
                try fileSystem.write(text, to: target)
            }
            if fileSystem.exists(folder) { try fileSystem.remove(folder) }  // empty, as `refusal` checked
            try fileSystem.move(staging, to: folder)
        } catch {
            try? fileSystem.remove(staging)
            throw Refusal(description: "cannot write \(folder)/: \(error)")
        }
        var written = files.map { joinPath(folder, $0.path) }
        do {
            if let ignore = try ignoreOutput() {
                written.append(ignore.path)
                notes.append(ignore.note)
            }
        } catch {
            notes.append("could not write \(ignoreFile): \(error); add a line /\(Self.output)/ to it yourself")
        }
        return Report(written: written, notes: notes)
    }

    /// Why the folder cannot be created, if it cannot: init never writes into
    /// a folder that holds anything, hidden files included.
    func refusal() -> Refusal? {
        guard fileSystem.exists(folder) else { return nil }
        guard fileSystem.isDirectory(folder) else {
            return Refusal(description: "\(folder) exists and is not a folder; choose another folder")
        }
        let entries = (try? fileSystem.contents(of: folder)) ?? ["?"]
        return entries.isEmpty ? nil : Refusal(description:
            "\(folder)/ is not empty; init writes a new handbook only into a new or empty folder: choose another folder or move it away")
    }

    /// The files of the content folder, by path inside it, and the notes.
    func plan() throws(Refusal) -> (files: [(path: String, text: String)], notes: [String]) {
        let codes = languages.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard let defaultCode = codes.first else {
            throw Refusal(description: "--languages names no language; give codes like en,de (the first is the default)")
        }
        if let title, title.trimmingWhitespace().isEmpty {
            throw Refusal(description: "--title is empty; give the site a title")
        }
        var notes: [String] = []
        let original = StarterText.builtin(for: defaultCode) ?? .english
        if StarterText.builtin(for: defaultCode) == nil {
            notes.append("no starter text in '\(defaultCode)': its pages are in English; rewrite them in your language")
        }
        let config = configuration(codes, original: original)
        do {
            let path = joinPath(folder, SiteConfigLoader.fileName)
            let (_, warnings, _) = try SiteConfigLoader.load(text: config, path: path)
            notes += warnings.map(\.message)
        } catch {
            throw Refusal(description: "cannot start a handbook with these languages: \(error.message)")
        }

        var files: [(path: String, text: String)] = [
            (SiteConfigLoader.fileName, config),
            (HandbookSchema.configFileName, HandbookSchema.config().formatted()),
            ("README.md", authorsReadme(codes, heading: title ?? original.siteTitle)),
        ]
        let originals = pages(original, sources: [:])
        let sources = originals.mapValues(Self.bodyFingerprint)
        for (index, code) in codes.enumerated() {
            guard index == 0 || StarterText.builtin(for: code) != nil else {
                // An empty folder is lost in git; the hidden file keeps it, and the loader skips it.
                files.append((joinPath(code, ".gitkeep"), ""))
                notes.append("no starter text in '\(code)': its pages start as missing translations, shown in '\(defaultCode)' with a warning in build and check until they are written")
                continue
            }
            let text = index == 0 ? originals : pages(StarterText.builtin(for: code)!, sources: sources)
            for id in Self.pageOrder { files.append((joinPath(code, id), text[id]!)) }
        }
        return (files, notes)
    }

    static let pageOrder = ["index.md", "\(StarterText.section)/index.md", "\(StarterText.section)/\(StarterText.page).md"]
    static let output = "Output"

    private func pages(_ text: StarterText, sources: [String: String]) -> [String: String] {
        func page(_ id: String, _ front: [(String, String)], _ body: String) -> String {
            var lines = ["---"] + front.map { "\($0.0): \($0.1)" }
            if let source = sources[id] { lines.append("source: \(source)") }
            return (lines + ["---", "", body, ""]).joined(separator: "\n")
        }
        let ids = Self.pageOrder
        return [
            ids[0]: page(ids[0], [("title", doubleQuoted(text.homeTitle))], text.homeBody),
            ids[1]: page(ids[1], [("title", doubleQuoted(text.sectionTitle)), ("order", "1")], text.sectionBody),
            ids[2]: page(ids[2], [("title", doubleQuoted(text.pageTitle)), ("description", doubleQuoted(text.pageDescription)),
                                  ("order", "1")], text.pageBody),
        ]
    }

    /// The version a translation records: the same fingerprint the build
    /// takes of the original's body (`Page.bodyHash`).
    static func bodyFingerprint(_ text: String) -> String {
        let offset = (try? FrontMatterParser.parse(text, path: ""))?.bodyOffset ?? 0
        return PageParser.fingerprint(Array(text.utf8)[offset...])
    }

    private func configuration(_ codes: [String], original: StarterText) -> String {
        var lines = [
            "# yaml-language-server: $schema=\(HandbookSchema.configFileName)",
            "# The handbook's languages: the first is the default, and a page missing in",
            "# another language is shown from it with a notice. Editors with a YAML",
            "# extension complete and check the keys from \(HandbookSchema.configFileName)",
            "# ('handbook schema config' prints the current one).",
            "languages:",
        ]
        for code in codes {
            lines.append("  - code: \(code)")
            if code.lowercased() == "pt" { lines.append("    locale: pt-BR") }
            let starter = StarterText.builtin(for: code) ?? original
            lines.append("    title: \(doubleQuoted(title ?? starter.siteTitle))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func authorsReadme(_ codes: [String], heading: String) -> String {
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let option = name == "Content" ? "" : " --content \(name)"
        let others = codes.dropFirst()
        let translations = others.isEmpty ? """
            To add a language, add it under `languages:` in `handbook.yml` and make
            its folder; `handbook translations` then lists what to translate.
            """ : """
            The other languages (\(others.map { "`\($0)/`" }.joined(separator: ", "))) hold translations under the same
            file names. Each records which version of the original it was made from
            (`source:` in its front matter), so the starter builds without a warning.
            When you rewrite an original, its translations show as `outdated`; a new
            page shows as `missing` (readers get the original, with a notice, and
            the build warns). `handbook translations\(option)` shows the status of
            every page: translators begin with those not `current`, and record their work with
            `handbook translations\(option) --mark-current \(others.first!)/\(StarterText.section)/\(StarterText.page)`.
            """
        return """
            # \(heading)

            The pages of this handbook, built into a static website by `handbook`.
            Run the commands from the folder that holds `\(name)/`.

            ## Write

            Pages are Markdown files in `\(codes[0])/`, the default language (the first in
            `handbook.yml`). A section is a folder with an `index.md` whose title
            names it. `\(codes[0])/\(StarterText.section)/\(StarterText.page).md` shows a comparison, a
            script with placeholders and a callout: copy it for a new page.
            Links between pages are relative `.md` paths. `README.md` files belong
            only here: inside a language folder, `README.md` is a page.

            ## Preview

                handbook serve\(option)

            opens the site at http://127.0.0.1:4000/; pages reload as you save.

            ## Check

                handbook check\(option)

            lists every problem as `path:line:column`, with what to do. Publish with 0 errors.

            ## Translate

            \(translations)

            ## Publish

                handbook build\(option)

            writes the site to `\(Self.output)/` (not committed: see `.gitignore`). Upload
            the contents of `\(Self.output)/` to any static host, or copy the folder to a
            shared drive or a zip: readers open `index.html`.

            """
    }

    /// The .gitignore beside the content folder, where the commands are run
    /// and `Output/` lands; created, or extended by one line.
    private var ignoreFile: String { joinPath(parentFolder(of: folder), ".gitignore") }

    private func ignoreOutput() throws -> (path: String, note: String)? {
        let entry = "/\(Self.output)/"
        if fileSystem.exists(ignoreFile) {
            let text = String(decoding: try fileSystem.read(ignoreFile), as: UTF8.self)
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            if lines.contains(where: { [entry, Self.output, Self.output + "/", "/" + Self.output].contains($0) }) {
                return nil
            }
            try fileSystem.write(text + (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + entry + "\n", to: ignoreFile)
            return (ignoreFile, "added \(entry) to \(ignoreFile)")
        }
        try fileSystem.write("# The built site: make it with 'handbook build'.\n\(entry)\n", to: ignoreFile)
        return (ignoreFile, "\(ignoreFile) keeps the built site (\(Self.output)/) out of git")
    }

    private func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
