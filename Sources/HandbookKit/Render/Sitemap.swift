/// `sitemap.xml`: every page of every language, then each language's practice
/// and print pages, with their translations as `xhtml:link` alternates.
/// Addresses are absolute when `base_url` is set (as search engines require)
/// and relative to the site root otherwise.
enum Sitemap {
    static func render(_ site: Site) -> String {
        let base = site.config.baseURL ?? ""
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        /// One address and the languages that have the same page.
        func url(_ path: String, translations: [Edition], file: (String) -> String) {
            xml += "<url>\n<loc>\(escapeHTML(base + path.percentEncodedPath()))</loc>\n"
            if translations.count > 1 {
                for other in translations {
                    let href = base + file(other.language.code).percentEncodedPath()
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(escapeHTML(other.language.locale))\" href=\"\(escapeHTML(href))\"/>\n"
                }
            }
            xml += "</url>\n"
        }
        for edition in site.editions {
            let code = edition.language.code
            for entry in edition.readingOrder {
                let translations = site.editions.filter { $0.byID[entry.id].map { !$0.isFallback } ?? false }
                url(PageRenderer.outputPath(entry.id, in: code), translations: translations) {
                    PageRenderer.outputPath(entry.id, in: $0)
                }
            }
        }
        // The pages the build makes from the others: found by search, so by search engines too.
        let practising = site.editions.filter(PageRenderer.hasPractice)
        for edition in site.editions {
            let code = edition.language.code
            if PageRenderer.hasPractice(edition) {
                url(code + "/" + PageRenderer.practicePath, translations: practising) { $0 + "/" + PageRenderer.practicePath }
            }
            url(code + "/" + PageRenderer.printPath, translations: site.editions) { $0 + "/" + PageRenderer.printPath }
        }
        return xml + "</urlset>\n"
    }
}
