import Foundation

/// One language of the handbook as the files of an EPUB 3, in reading order:
/// a chapter per page (each section's landing page opens its part), the
/// navigation document with the parts and their pages, the package document,
/// a small stylesheet, and the images the pages show. Links between pages
/// lead to the chapters; what a book cannot hold (a link to another language
/// or to a download) is kept as text, with a warning.
struct Book {
    struct File: Equatable {
        /// Path inside the container (`EPUB/en/chapter-001.xhtml`).
        var path: String
        var bytes: [UInt8]
    }

    /// The chapter of one page: where it is and what it holds.
    struct Chapter {
        var entry: Entry
        /// Path under the content folder `EPUB/`, which mirrors the site's root (`en/chapter-001.xhtml`).
        var path: String
        var manifestID: String
        var fileName: String { String(path[path.index(after: path.lastIndex(of: "/")!)...]) }
    }

    static let contentFolder = "EPUB/"

    var files: [File]
    var warnings: [Diagnostic]

    /// The book of `edition`; `read` gives the bytes of a file of the content (an image).
    init(_ edition: Edition, site: Site, theme: Theme, date: Date, read: (StaticFile) throws -> [UInt8]) {
        let language = edition.language
        let code = language.code
        let order = edition.readingOrder
        let width = max(3, String(order.count).count)
        let chapters = order.enumerated().map { position, entry in
            let number = String(position + 1).leftPadded(to: width).replacingOccurrences(of: " ", with: "0")
            return Chapter(entry: entry, path: code + "/chapter-" + number + ".xhtml", manifestID: "chapter-" + number)
        }
        let byPath = Dictionary(chapters.map { (PageRenderer.outputPath($0.entry.id, in: code), $0) },
                                uniquingKeysWith: { first, _ in first })
        let chapterFiles = Set(chapters.map(\.fileName))
        let siteFiles = Dictionary(site.files.map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
        var images: [String: StaticFile] = [:]
        var warnings: [Diagnostic] = []
        var files: [File] = []
        let defaultLanguage = site.config.defaultLanguage

        for chapter in chapters {
            let page = chapter.entry.page
            let from = PageRenderer.outputPath(page.id, in: code)
            let moved = PageRenderer.movedBody(page, site: site, theme: theme, BodyRebase(
                from: from, to: chapter.path, idPrefix: "",
                pageLink: { target, fragment in
                    guard let linked = byPath[target] else { return nil }
                    return (linked.fileName + (fragment.map { "#" + $0 } ?? ""), nil)
                }))
            let folder = chapter.path.split(separator: "/").dropLast().joined(separator: "/")
            let converter = XHTMLBody(
                link: { href in
                    let (file, fragment) = Self.split(href)
                    guard chapterFiles.contains(file) else { return nil }
                    return file + (fragment.map { "#" + XHTMLBody.xmlID($0.removingPercentEncoding()).percentEncodedPath() } ?? "")
                },
                image: { source in
                    let (file, _) = Self.split(source)
                    guard let path = LinkResolver.normalize(folder + "/" + file.removingPercentEncoding()),
                          let staticFile = siteFiles[path], Self.imageTypes[Self.fileExtension(path)] != nil else { return nil }
                    images[path] = staticFile
                    return source
                })
            let (body, changes) = converter.convert(moved)
            let location = SourceLocation(path: page.sourcePath)
            /// The link as the author wrote it, where it is, for a link the book cannot keep.
            func written(_ href: String) -> (String, SourceLocation) {
                let path = LinkResolver.normalize(folder + "/" + Self.split(href).0.removingPercentEncoding())
                let link = page.links.first { link in
                    link.target.map { PageRenderer.outputPath($0, in: link.language) } == path || link.file == path
                }
                return link.map { ($0.written, $0.location) } ?? (href.removingPercentEncoding(), location)
            }
            for change in changes {
                switch change {
                case .unlinked(let href):
                    let (text, at) = written(href)
                    warnings.append(.warning("the EPUB shows the link '\(text)' as text: it leads out of the \(language.name) book (to another language or a file); link to a page of this language to keep it a link", at: at))
                case .missingImage(let source):
                    warnings.append(.warning("the EPUB shows the image '\(source.removingPercentEncoding())' as its alt text: it is not a PNG, JPEG, GIF or SVG file of the content folder, which is all an EPUB can hold", at: location))
                case .remoteImage(let source):
                    warnings.append(.warning("the EPUB shows the image '\(source)' as a link: EPUB books hold no images from the web; put the image in the content folder to show it", at: location))
                }
            }
            let isFallback = chapter.entry.isFallback
            let pageLanguage = isFallback ? defaultLanguage : language
            var context: [String: Any] = [
                "lang": pageLanguage.locale, "dir": pageLanguage.direction.rawValue,
                "title": page.frontMatter.title,
                "description": page.frontMatter.description.flatMap { $0.isEmpty ? nil : $0 as Any } ?? false,
                "body": body,
                "stylesheet": relativeURL(from: chapter.path, to: "style.css"),
                "fallback": isFallback ? ["lang": language.locale, "dir": language.direction.rawValue,
                                          "text": language.strings["fallback_notice"]] as [String: Any] : false,
                "outdated": false,
            ]
            if let notice = Self.outdatedNotice(chapter.entry, in: edition, site: site) { context["outdated"] = notice }
            files.append(File(path: Self.contentFolder + chapter.path, bytes: Array(BookTemplates.render(.chapter, context).utf8)))
        }

        // The navigation document: each section's landing page is a part, its pages under it.
        var index = 0
        var parts: [[String: Any]] = []
        for section in edition.sections {
            let part = chapters[index]
            let pages = chapters[(index + 1)..<(index + 1 + section.pages.count)].map {
                ["href": $0.path.percentEncodedPath(), "title": $0.entry.page.frontMatter.title]
            }
            parts.append(["href": part.path.percentEncodedPath(), "title": part.entry.page.frontMatter.title,
                          "pages": pages, "hasPages": !pages.isEmpty])
            index += 1 + section.pages.count
        }
        let strings = language.strings
        let common: [String: Any] = ["lang": language.locale, "dir": language.direction.rawValue]
        files.append(File(path: Self.contentFolder + "nav.xhtml", bytes: Array(BookTemplates.render(.navigation, common.merging([
            "contents": strings["contents"], "parts": parts, "stylesheet": "style.css",
            "start": chapters.first.map { $0.path.percentEncodedPath() } ?? "nav.xhtml",
            "startTitle": strings["start_button"],
        ]) { $1 }).utf8)))
        files.append(File(path: Self.contentFolder + "style.css", bytes: Array(BookTemplates.stylesheet.utf8)))

        var items: [[String: Any]] = chapters.map {
            ["id": $0.manifestID, "href": $0.path.percentEncodedPath(), "type": "application/xhtml+xml"]
        }
        for (number, path) in images.keys.sorted().enumerated() {
            guard let file = images[path] else { continue }
            do {
                files.append(File(path: Self.contentFolder + path, bytes: try read(file)))
                items.append(["id": "image-\(number + 1)", "href": path.percentEncodedPath(),
                              "type": Self.imageTypes[Self.fileExtension(path)] ?? "application/octet-stream"])
            } catch {
                warnings.append(.error("cannot read the file for the EPUB: \(readFailure(error))", at: SourceLocation(path: file.source)))
            }
        }
        let package = common.merging([
            "identifier": Self.identifier(title: language.title, locale: language.locale),
            "title": language.title, "modified": Self.timestamp(date),
            "items": items, "chapters": chapters.map { ["id": $0.manifestID] },
        ]) { $1 }
        files.append(File(path: Self.contentFolder + "package.opf", bytes: Array(BookTemplates.render(.package, package).utf8)))
        files.append(File(path: "META-INF/container.xml", bytes: Array(BookTemplates.container.utf8)))
        self.files = files
        self.warnings = warnings
    }

    /// The outdated notice of a translation, in words: the book cannot link to the original.
    static func outdatedNotice(_ entry: Entry, in edition: Edition, site: Site) -> [String: Any]? {
        guard site.config.outdatedNotice, let originals = site.editions.first,
              edition.language != originals.language,
              let original = originals.byID[entry.id], !original.isFallback,
              TranslationStatus.of(entry, original: original.page) == .outdated else { return nil }
        let text = edition.language.strings["outdated_notice"].replacingPlaceholders(["language": originals.language.name])
        return ["text": text]
    }

    /// The book's identifier: the same for the same handbook and language, every time it is made.
    static func identifier(title: String, locale: String) -> String {
        let first = FNV1a.hash(Array(("handbook-epub\u{0}" + title + "\u{0}" + locale).utf8))
        let second = FNV1a.hash(Array((locale + "\u{0}" + title + "\u{0}handbook-epub").utf8))
        let hex = String(first, radix: 16).leftPadded(to: 16).replacingOccurrences(of: " ", with: "0")
            + String(second, radix: 16).leftPadded(to: 16).replacingOccurrences(of: " ", with: "0")
        var digits = Array(hex)
        digits[12] = "8"  // a name-based UUID of RFC 9562's version 8
        digits[16] = ["8", "9", "a", "b"][Int(String(digits[16]), radix: 16)! & 3]
        let text = String(digits)
        func part(_ from: Int, _ to: Int) -> Substring { text.dropFirst(from).prefix(to - from) }
        return "urn:uuid:\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }

    /// `dcterms:modified` as EPUB wants it: `2026-01-31T12:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// EPUB 3's core image types, by file extension; other images are not put in the book.
    static let imageTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                             "svg": "image/svg+xml"]

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    static func split(_ href: String) -> (String, String?) {
        guard let hash = href.firstIndex(of: "#") else { return (href, nil) }
        return (String(href[..<hash]), String(href[href.index(after: hash)...]))
    }
}
