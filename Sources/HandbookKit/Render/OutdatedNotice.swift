/// The note an outdated translation carries: its original changed since the
/// translator recorded it (`source:`, see `TranslationStatus`). Worked out
/// when the page is rendered, from the site as it is, so a rebuild that
/// patches only the original (`Site.replacing`) never keeps a stale note.
extension PageRenderer {
    /// The template's `outdated` for a page of `edition` written at `path`:
    /// the interface string split around its `{language}`, where the link to
    /// the original goes; false for an original, a fallback, a current or an
    /// untracked translation, or with `outdated_notice: false`.
    func outdatedNotice(_ entry: Entry, in edition: Edition, path: String) -> Any {
        guard site.config.outdatedNotice, let originals = site.editions.first,
              edition.language != originals.language,
              let original = originals.byID[entry.id], !original.isFallback,
              TranslationStatus.of(entry, original: original.page) == .outdated else { return false }
        let language = originals.language
        let text = edition.language.strings["outdated_notice"]
        let parts = text.split(separator: "{language}", maxSplits: 1, omittingEmptySubsequences: false)
        return [
            "before": String(parts[0]), "after": parts.count > 1 ? String(parts[1]) : "",
            "href": relativeURL(from: path, to: Self.outputPath(entry.id, in: language.code)),
            "name": language.name, "locale": language.locale, "dir": language.direction.rawValue,
        ] as [String: Any]
    }
}
