import Foundation

/// Prints each language's booklet (`<language>/print.html`) of a built site to
/// `<language>/handbook-<language>.pdf` with headless Chromium. It runs on the
/// finished output, after a build; the next build replaces the folder, so run
/// it again after each build. Without Chromium it makes nothing.
public struct PDFExporter: Sendable {
    public enum Paper: String, Sendable, CaseIterable {
        case a4, letter
    }

    public var output: String
    public var chromium: String
    public var paper: Paper

    public init(output: String, chromium: String, paper: Paper = .a4) {
        self.output = output
        self.chromium = chromium
        self.paper = paper
    }

    /// Chromium's names on Debian, Ubuntu, Fedora and macOS, looked up on `PATH`.
    public static let browserNames = [
        "chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ]

    /// The first Chromium found, or nil.
    public static func findChromium(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
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
    public func languages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        return names.sorted().filter { FileManager.default.fileExists(atPath: output + "/" + $0 + "/print.html") }
    }

    public static func fileName(_ language: String) -> String { "handbook-\(language).pdf" }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Prints one language's booklet; returns the PDF's path under the output folder.
    @discardableResult
    public func export(_ language: String) throws -> String {
        let folder = URL(fileURLWithPath: output).standardizedFileURL.appendingPathComponent(language)
        let page = folder.appendingPathComponent("print.html")
        let pdf = folder.appendingPathComponent(Self.fileName(language))
        // Chromium gets a profile of its own and prints beside the output; the
        // previous PDF is replaced only by a complete new one.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-pdf-\(UUID().uuidString)")
        let printed = folder.appendingPathComponent(".\(Self.fileName(language)).tmp")
        defer {
            try? FileManager.default.removeItem(at: profile)
            try? FileManager.default.removeItem(at: printed)
        }

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
            "--user-data-dir=" + profile.path, "--print-to-pdf=" + printed.path,
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
        let head = (try? FileHandle(forReadingFrom: printed))?.readData(ofLength: 5)
        guard process.terminationStatus == 0, head == Data("%PDF-".utf8) else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "\n")
            throw Failure(description: "Chromium did not print \(page.path) (status \(process.terminationStatus))\n\(detail)")
        }
        do {
            try? FileManager.default.removeItem(at: pdf)
            try FileManager.default.moveItem(at: printed, to: pdf)
        } catch {
            throw Failure(description: "cannot write \(pdf.path): \(error)")
        }
        return output + "/" + language + "/" + Self.fileName(language)
    }
}
