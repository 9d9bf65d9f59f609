/// `sitemap.xml`: every page of every language, with its translations as
/// `xhtml:link` alternates. Addresses are absolute when `base_url` is set
/// (as search engines require) and relative to the site root otherwise.
enum Sitemap {
    static func render(_ site: Site) -> String {
        let base = site.config.baseURL ?? ""
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for edition in site.editions {
            for entry in edition.readingOrder {
                let translations = site.editions.filter { $0.byID[entry.id].map { !$0.isFallback } ?? false }
                xml += "<url>\n<loc>\(escapeHTML(base + PageRenderer.outputPath(entry.id, in: edition.language.code).percentEncodedPath()))</loc>\n"
                if translations.count > 1 {
                    for other in translations {
                        let href = base + PageRenderer.outputPath(entry.id, in: other.language.code).percentEncodedPath()
                        xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(escapeHTML(other.language.locale))\" href=\"\(escapeHTML(href))\"/>\n"
                    }
                }
                xml += "</url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
