/// Writes an imported content folder through the `FileSystem` seam: into a
/// fresh folder beside the destination, moved into place only when complete,
/// and never over a folder that already holds anything.
struct ContentWriter {
    let fileSystem: any FileSystem
    let content: String

    /// Why the destination cannot be written, if it cannot.
    func refusal() -> String? {
        guard fileSystem.exists(content) else { return nil }
        guard fileSystem.isDirectory(content) else { return "\(content) exists and is not a folder; choose another --content" }
        let entries = (try? fileSystem.contents(of: content)) ?? ["?"]
        return entries.isEmpty ? nil
            : "\(content)/ already exists and is not empty; import writes a new content folder: choose another --content or move it away"
    }

    func write(_ imported: ImportedContent) throws {
        let staging = content.hasSuffix("/") ? String(content.dropLast()) + ".importing" : content + ".importing"
        if fileSystem.exists(staging) { try fileSystem.remove(staging) }
        try fileSystem.createDirectory(staging)
        do {
            try fileSystem.write(imported.configuration, to: joinPath(staging, SiteConfigLoader.fileName))
            for page in imported.pages {
                let path = joinPath(staging, page.language, page.id.sourcePath)
                try fileSystem.createDirectory(folder(of: path))
                try fileSystem.write(page.markdown, to: path)
            }
            for asset in imported.assets {
                let path = joinPath(staging, asset.destination)
                try fileSystem.createDirectory(folder(of: path))
                try fileSystem.write(try fileSystem.read(asset.source), to: path)
            }
            if fileSystem.exists(content) { try fileSystem.remove(content) }  // empty, as `refusal` checked
            try fileSystem.move(staging, to: content)
        } catch {
            try? fileSystem.remove(staging)
            throw error
        }
    }
}
