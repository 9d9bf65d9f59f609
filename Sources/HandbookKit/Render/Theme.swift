import Mustache

/// The templates and files that give pages their look. The built-in theme is
/// compiled into the binary; a file of the same name under `Content/theme/`
/// replaces it, and any other file there is published beside it, so a user
/// changes the look without recompiling.
package struct Theme: Sendable {
    let library: MustacheLibrary
    /// Files published under `Output/theme/`, by name.
    let files: [String: [UInt8]]

    /// The built-in theme's files, by name: `page.mustache`, `style.css`, …
    package static let builtin: [String: [UInt8]] = [
        "layout.mustache": PackageResources.layout_mustache,
        "page.mustache": PackageResources.page_mustache,
        "not-found.mustache": PackageResources.not_found_mustache,
        "language-chooser.mustache": PackageResources.language_chooser_mustache,
        "sidebar.mustache": PackageResources.sidebar_mustache,
        "nav-section.mustache": PackageResources.nav_section_mustache,
        "search.mustache": PackageResources.search_mustache,
        "practice.mustache": PackageResources.practice_mustache,
        "print.mustache": PackageResources.print_mustache,
        "home-start.mustache": PackageResources.home_start_mustache,
        "comparison.mustache": PackageResources.comparison_mustache,
        "comparison-side.mustache": PackageResources.comparison_side_mustache,
        "script.mustache": PackageResources.script_mustache,
        "choice.mustache": PackageResources.choice_mustache,
        "callout.mustache": PackageResources.callout_mustache,
        "style.css": PackageResources.style_css,
        "handbook.js": PackageResources.handbook_js,
        "favicon.svg": PackageResources.favicon_svg,
    ]

    /// - Parameter overrides: files of `Content/theme/` by path relative to it.
    package static func load(overrides: [String: String], fileSystem: any FileSystem) throws(BuildFailed) -> Theme {
        var sources: [String: (bytes: [UInt8], path: String)] = [:]
        for (name, bytes) in builtin { sources[name] = (bytes, "(built-in theme)/\(name)") }
        var diagnostics: [Diagnostic] = []
        for (name, path) in overrides.sorted(by: { $0.key < $1.key }) {
            do {
                sources[name] = (try fileSystem.read(path), path)
            } catch {
                diagnostics.append(.error("cannot read this theme file", at: SourceLocation(path: path)))
            }
        }
        var library = MustacheLibrary()
        var files: [String: [UInt8]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                files[name] = source.bytes
                continue
            }
            guard let text = String(validating: source.bytes, as: UTF8.self) else {
                diagnostics.append(.error("template is not valid UTF-8", at: SourceLocation(path: source.path)))
                continue
            }
            do {
                let template = try MustacheTemplate(string: AttributeSafeHTML.pragma + text)
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template error: \(error.error)",
                    at: SourceLocation(path: source.path, line: max(1, error.context.lineNumber - 1),
                                       column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template error: \(error)", at: SourceLocation(path: source.path)))
            }
        }
        if diagnostics.hasErrors { throw BuildFailed(diagnostics) }
        return Theme(library: library, files: files)
    }

    /// Every built-in template is registered (a theme's file replaces one, never
    /// removes it), so the library finds each template the build asks for.
    func render(_ template: String, _ context: Any) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
