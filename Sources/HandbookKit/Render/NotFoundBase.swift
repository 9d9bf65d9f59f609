/// A host serves its not-found page at whatever address was missing
/// (`/handbook/en/old/page.html`), so the page's relative links would resolve
/// against that address. Without `base_url` nothing at build time knows the
/// site's address; this script, first in `<head>`, finds the site's root from
/// the address (the last folder named like a language is a language folder)
/// and sets `<base>` to the folder the page was written for, so the
/// stylesheet, the script and every link below resolve as they do at the
/// page's own place.
enum NotFoundBase {
    /// - Parameters:
    ///   - folder: where the page is written relative to the site's root: "en/", or "" for `404.html`.
    ///   - languages: the site's language folders.
    static func script(folder: String, languages: [String]) -> String {
        let codes = languages.map { "\"" + $0.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } + "\"" }
        return """
        <script>
        (function () {
          var codes = [\(codes.joined(separator: ", "))], folder = "\(folder)";
          var path = location.pathname, dirs = path.split("/").slice(0, -1), root = null;
          for (var i = dirs.length - 1; i > 0 && root === null; i--) {
            if (codes.indexOf(decodeURIComponent(dirs[i])) >= 0) root = dirs.slice(0, i).join("/") + "/";
          }
          // No language folder in the address: the page is at its own place, or the site at the host's root.
          if (root === null && /\\/404\\.html$/.test(path)) return;
          var base = document.createElement("base");
          base.href = (root === null ? "/" : root) + folder;
          document.head.appendChild(base);
        })();
        </script>
        """
    }
}
