import Mustache

/// The package's own files: the manifest an LMS imports, the launch page it
/// opens, and the script that talks to the LMS. They are part of the SCORM
/// format, not of the site's theme, so a theme cannot break a package.
enum SCORMTemplates {
    enum Name: String, CaseIterable {
        case manifest, launch
    }

    static func render(_ name: Name, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name.rawValue) ?? ""
    }

    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        // The templates are this file's constants: a parse error is a bug caught by any test.
        library.register(try! MustacheTemplate(string: manifest), named: Name.manifest.rawValue)
        library.register(try! MustacheTemplate(string: launch), named: Name.launch.rawValue)
        return library
    }()

    /// SCORM 1.2's content package (IMS CP 1.1.2 with ADL's extensions): one
    /// organization, one item, one SCO that lists every file of the package.
    /// The handbook is one SCO because an LMS keeps one record (status, score,
    /// suspend data) per item: an item per part would split the reader's
    /// progress and the practice score into records that know nothing of each
    /// other. The parts are the SCO's own contents, in the sidebar.
    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="{{identifier}}" version="1.0"
                  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
          <metadata>
            <schema>ADL SCORM</schema>
            <schemaversion>1.2</schemaversion>
          </metadata>
          <organizations default="{{organization}}">
            <organization identifier="{{organization}}">
              <title>{{title}}</title>
              <item identifier="{{item}}" identifierref="{{resource}}" isvisible="true">
                <title>{{title}}</title>
                <adlcp:masteryscore>{{mastery}}</adlcp:masteryscore>
              </item>
            </organization>
          </organizations>
          <resources>
            <resource identifier="{{resource}}" type="webcontent" adlcp:scormtype="sco" href="{{launch}}">
        {{#files}}
              <file href="{{.}}"/>
        {{/files}}
            </resource>
          </resources>
        </manifest>

        """

    /// The page the LMS opens: it holds the handbook in a frame and keeps the
    /// LMS informed (`scorm.js`). Outside an LMS the script sends the reader
    /// to the ordinary site; without scripts the link does.
    static let launch = """
        <!DOCTYPE html>
        <html lang="{{lang}}" dir="{{dir}}" data-start="{{start}}" data-pages="{{pages}}" data-practice="{{practice}}" data-mastery="{{mastery}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        html, body { margin: 0; height: 100%; }
        .handbook-frame { display: block; width: 100%; height: 100%; border: 0; }
        .handbook-frame[hidden] { display: none; }
        </style>
        </head>
        <body>
        <p class="handbook-start"><a href="{{startHref}}">{{title}}</a></p>
        <iframe class="handbook-frame" id="handbook-frame" title="{{title}}" hidden></iframe>
        <script src="scorm.js"></script>
        </body>
        </html>

        """
}
