import Foundation

/// Prints each language's booklet (`<language>/print.html`) of a built site to
/// `<language>/handbook-<language>.pdf` with headless Chromium. It runs on the
/// finished output, after a build; the next build replaces the folder, so run
/// it again after each build. Without Chromium it makes nothing.
package struct PDFExporter: Sendable {
    package enum Paper: String, Sendable, CaseIterable {
        case a4, letter
    }

    package var output: String
    package var chromium: String
    package var paper: Paper

    package init(output: String, chromium: String, paper: Paper = .a4) {
        self.output = output
        self.chromium = chromium
        self.paper = paper
    }

    /// Chromium's names on Debian, Ubuntu, Fedora and macOS, looked up on `PATH`.
    package static let browserNames = [
        "chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ]

    /// The first Chromium found, or nil.
    package static func findChromium(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let folders = (path ?? "").split(separator: ":").map(String.init)
        for name in browserNames {
            if name.hasPrefix("/") {
                if FileManager.default.isExecutableFile(atPath: name) { return name }
                continue
            }
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }

    /// Language folders of the output that hold a booklet, in name order.
    package func languages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        return names.sorted().filter { FileManager.default.fileExists(atPath: output + "/" + $0 + "/print.html") }
    }

    package static func fileName(_ language: String) -> String { "handbook-\(language).pdf" }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// What `export` made.
    package struct Exported: Sendable {
        /// The PDF's path under the output folder.
        package var path: String
        /// Whether the contents list shows page numbers: only when two printings
        /// agreed on every page, so a number is never wrong.
        package var numberedContents: Bool
    }

    /// Prints one language's booklet. The contents list gets its page numbers
    /// in a second printing: the first one says where each part and page
    /// landed (its named destination), the booklet is printed again with those
    /// numbers filled in (the stylesheet keeps room for them, so nothing moves),
    /// and the numbers are kept only when the second printing confirms them.
    @discardableResult
    package func export(_ language: String) throws -> Exported {
        let folder = URL(fileURLWithPath: output).standardizedFileURL.appendingPathComponent(language)
        let page = folder.appendingPathComponent("print.html")
        let pdf = folder.appendingPathComponent(Self.fileName(language))
        // Chromium gets a profile of its own and prints beside the output; the
        // previous PDF is replaced only by a complete new one.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-pdf-\(UUID().uuidString)")
        let printed = folder.appendingPathComponent(".\(Self.fileName(language)).tmp")
        let numbered = folder.appendingPathComponent(".print-numbered-\(UUID().uuidString).html")
        let renumbered = folder.appendingPathComponent(".\(Self.fileName(language)).numbered.tmp")
        defer {
            for file in [profile, printed, numbered, renumbered] { try? FileManager.default.removeItem(at: file) }
        }

        try printPage(page, to: printed, profile: profile)
        var result = printed
        var isNumbered = false
        if let booklet = try? String(contentsOf: page, encoding: .utf8),
           var pages = Self.contentsPages(booklet, printed: printed) {
            for _ in 1...2 {
                try Data(Self.numberContents(booklet, pages: pages).utf8).write(to: numbered)
                try printPage(numbered, to: renumbered, profile: profile)
                guard let again = Self.contentsPages(booklet, printed: renumbered) else { break }
                if again == pages {
                    result = renumbered
                    isNumbered = true
                    break
                }
                pages = again  // the numbers moved something: once more with the new ones
            }
        }
        do {
            try? FileManager.default.removeItem(at: pdf)
            try FileManager.default.moveItem(at: result, to: pdf)
        } catch {
            throw Failure(description: "cannot write \(pdf.path): \(error)")
        }
        return Exported(path: output + "/" + language + "/" + Self.fileName(language), numberedContents: isNumbered)
    }

    /// Where the booklet's contents list wants page numbers: `<span class="booklet-page-number"
    /// data-anchor="…"></span>` after each entry, empty in the booklet as built.
    static let numberMarker = "<span class=\"booklet-page-number\" data-anchor=\""

    /// The page of each anchor the contents list numbers, from a printed PDF;
    /// nil when the booklet has no such list or the PDF does not tell every page.
    static func contentsPages(_ booklet: String, printed: URL) -> [String: Int]? {
        let anchors = numberedAnchors(booklet)
        guard !anchors.isEmpty, let data = try? Data(contentsOf: printed),
              let destinations = PDFDestinations.pages(in: Array(data)) else { return nil }
        var pages: [String: Int] = [:]
        for anchor in anchors {
            guard let page = destinations[anchor] else { return nil }
            pages[anchor] = page
        }
        return pages
    }

    /// The anchors of the contents list's entries, in order, as the page's ids spell them.
    static func numberedAnchors(_ booklet: String) -> [String] {
        booklet.components(separatedBy: numberMarker).dropFirst().compactMap { rest in
            rest.firstIndex(of: "\"").map { unescapeHTML(String(rest[..<$0])) }
        }
    }

    /// The booklet with each contents entry's page number filled in.
    static func numberContents(_ booklet: String, pages: [String: Int]) -> String {
        var parts = booklet.components(separatedBy: numberMarker)
        for index in parts.indices.dropFirst() {
            let rest = parts[index]
            guard let quote = rest.firstIndex(of: "\""), let page = pages[unescapeHTML(String(rest[..<quote]))],
                  let close = rest.range(of: "\"></span>") else { continue }
            parts[index] = String(rest[..<close.lowerBound]) + "\">" + String(page) + "</span>" + rest[close.upperBound...]
        }
        return parts.joined(separator: numberMarker)
    }

    private static func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// One printing of `page` to `pdf` with headless Chromium.
    private func printPage(_ page: URL, to pdf: URL, profile: URL) throws {
        try? FileManager.default.removeItem(at: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // Chromium's own header and footer (date, file address) are off: the print
        // stylesheet numbers the pages in its `@page` footer instead. The outline
        // (bookmarks) comes from the booklet's headings: parts, pages and their
        // sections; the title and language come from its `<title>` and `lang`
        // (tagged PDF, Chromium's default since 123). Older versions ignore the flag.
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            "--user-data-dir=" + profile.path, "--print-to-pdf=" + pdf.path,
        ]
        if getuid() == 0 { arguments.append("--no-sandbox") }  // Chromium refuses to run as root otherwise
        // The page's script sets the paper size from the address, before the page is printed.
        arguments.append(page.absoluteString + "?paper=" + paper.rawValue)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(chromium): \(error)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let head = (try? FileHandle(forReadingFrom: pdf))?.readData(ofLength: 5)
        guard process.terminationStatus == 0, head == Data("%PDF-".utf8) else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "\n")
            throw Failure(description: "Chromium did not print \(page.path) (status \(process.terminationStatus))\n\(detail)")
        }
    }
}
