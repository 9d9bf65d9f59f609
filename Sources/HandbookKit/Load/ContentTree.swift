/// A Markdown file found under a language folder.
package struct SourceFile: Sendable {
    package var language: String
    package var id: PageID
    /// Path as shown in diagnostics, e.g. `Content/en/team-mistakes/no-blame.md`.
    package var path: String
}

/// A file copied as it is: `assets/`, theme files and non-Markdown files in language folders.
package struct StaticFile: Sendable {
    package var source: String
    /// Path relative to the output root.
    package var destination: String
}

/// Everything under `Content/`, found but not yet parsed.
package struct ContentTree: Sendable {
    package var root: String
    package var config: SiteConfig
    package var pages: [SourceFile]
    package var files: [StaticFile]
    /// Theme overrides by path relative to `Content/theme/` (`page.mustache`, `style.css`).
    package var theme: [String: String]
    /// The page and file paths, for the parse stage.
    package var index: ContentIndex
}
