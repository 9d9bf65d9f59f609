import Mustache

/// The EPUB's own documents, as Mustache templates: a chapter, the navigation
/// document and the package document. They are part of the book format, not of
/// the site's theme, so a theme cannot break a book. Mustache escapes `&`, `<`,
/// `>`, `"` and `'` as XML accepts them; bodies arrive as XHTML already.
enum BookTemplates {
    enum Name: String, CaseIterable {
        case chapter, navigation, package
    }

    static func render(_ name: Name, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name.rawValue) ?? ""
    }

    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for name in Name.allCases {
            // The templates are this file's constants: a parse error is a bug caught by any test.
            library.register(try! MustacheTemplate(string: source(name)), named: name.rawValue)
        }
        return library
    }()

    private static func source(_ name: Name) -> String {
        switch name {
        case .chapter: chapter
        case .navigation: navigation
        case .package: package
        }
    }

    static let chapter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{{lang}}" xml:lang="{{lang}}" dir="{{dir}}">
        <head>
        <meta charset="UTF-8"/>
        <title>{{title}}</title>
        <link rel="stylesheet" type="text/css" href="{{stylesheet}}"/>
        </head>
        <body>
        <section epub:type="chapter">
        {{#fallback}}
        <p class="fallback-notice" lang="{{lang}}" xml:lang="{{lang}}" dir="{{dir}}">{{text}}</p>
        {{/fallback}}
        {{#outdated}}
        <p class="outdated-notice">{{text}}</p>
        {{/outdated}}
        <h1>{{title}}</h1>
        {{#description}}
        <p class="lead">{{description}}</p>
        {{/description}}
        {{{body}}}
        </section>
        </body>
        </html>

        """

    static let navigation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{{lang}}" xml:lang="{{lang}}" dir="{{dir}}">
        <head>
        <meta charset="UTF-8"/>
        <title>{{contents}}</title>
        <link rel="stylesheet" type="text/css" href="{{stylesheet}}"/>
        </head>
        <body>
        <nav epub:type="toc" id="toc">
        <h1>{{contents}}</h1>
        <ol>
        {{#parts}}
        <li><a href="{{href}}">{{title}}</a>{{#hasPages}}
        <ol>
        {{#pages}}
        <li><a href="{{href}}">{{title}}</a></li>
        {{/pages}}
        </ol>
        {{/hasPages}}</li>
        {{/parts}}
        </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
        <ol>
        <li><a epub:type="toc" href="#toc">{{contents}}</a></li>
        <li><a epub:type="bodymatter" href="{{start}}">{{startTitle}}</a></li>
        </ol>
        </nav>
        </body>
        </html>

        """

    static let package = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{{lang}}" dir="{{dir}}">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="book-id">{{identifier}}</dc:identifier>
        <dc:title>{{title}}</dc:title>
        <dc:language>{{lang}}</dc:language>
        <meta property="dcterms:modified">{{modified}}</meta>
        </metadata>
        <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="style" href="style.css" media-type="text/css"/>
        {{#items}}
        <item id="{{id}}" href="{{href}}" media-type="{{type}}"/>
        {{/items}}
        </manifest>
        <spine page-progression-direction="{{dir}}">
        <itemref idref="nav"/>
        {{#chapters}}
        <itemref idref="{{id}}"/>
        {{/chapters}}
        </spine>
        </package>

        """

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """

    /// A small stylesheet: e-readers bring their own fonts and margins, so this
    /// only sets apart what the text needs to read right (comparisons, scripts,
    /// placeholders, callouts). Without it, the labels still say it in words.
    static let stylesheet = """
        figure { margin: 1.2em 0; }
        figcaption { font-weight: bold; margin-bottom: 0.4em; }
        .side { margin: 0.6em 0; padding: 0.2em 0 0.2em 0.8em; border-left: 3px solid #888; }
        .side-bad { border-left-style: dotted; }
        .side-good { border-left-style: solid; }
        .side-label, .callout-title, .script-label { font-weight: bold; }
        .script-label::after { content: ":"; }
        .side-label { margin-bottom: 0.2em; }
        .script-body { padding: 0.2em 0 0.2em 0.8em; border-left: 3px double #888; }
        .script-choice-prompt { font-style: italic; }
        .placeholder { font-style: italic; }
        aside.callout { margin: 1em 0; padding: 0.2em 0 0.2em 0.8em; border-left: 3px solid #888; }
        .lead { font-style: italic; }
        .fallback-notice, .outdated-notice { font-size: 0.9em; font-style: italic; }
        pre { white-space: pre-wrap; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #888; padding: 0.2em 0.4em; }
        nav ol { list-style: none; padding-left: 1em; }

        """
}
