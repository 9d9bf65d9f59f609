/// The kinds of site `handbook import` reads.
package enum ImportFormat: String, Sendable, CaseIterable {
    case jekyll, mkdocs, mdbook, hugo, markdown

    /// What the source folder looks like, by the files each tool needs:
    /// `_config.yml` (Jekyll), `mkdocs.yml`, `book.toml` or `src/SUMMARY.md`
    /// (mdBook), a Hugo configuration beside `content/`; anything else is a
    /// plain folder of Markdown.
    package static func guess(_ root: String, fileSystem: any FileSystem) -> ImportFormat {
        let has = { (name: String) in fileSystem.exists(joinPath(root, name)) }
        if has("_config.yml") || has("_config.yaml") { return .jekyll }
        if has("mkdocs.yml") || has("mkdocs.yaml") { return .mkdocs }
        if has("book.toml") || has("src/SUMMARY.md") { return .mdbook }
        let hugoConfigs = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml"]
        if hugoConfigs.contains(where: has) && fileSystem.isDirectory(joinPath(root, "content")) { return .hugo }
        return .markdown
    }
}
