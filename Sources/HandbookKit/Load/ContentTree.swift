/// A Markdown file found under a language folder.
public struct SourceFile: Sendable {
    public var language: String
    public var id: PageID
    /// Path as shown in diagnostics, e.g. `Content/en/team-mistakes/no-blame.md`.
    public var path: String
}

/// A file copied as it is: `assets/`, theme files and non-Markdown files in language folders.
public struct StaticFile: Sendable {
    public var source: String
    /// Path relative to the output root.
    public var destination: String
}

/// Everything under `Content/`, found but not yet parsed.
public struct ContentTree: Sendable {
    public var root: String
    public var config: SiteConfig
    public var pages: [SourceFile]
    public var files: [StaticFile]
    /// Theme overrides by path relative to `Content/theme/` (`page.mustache`, `style.css`).
    public var theme: [String: String]
    /// The page and file paths, for the parse stage.
    public var index: ContentIndex
}
