/// The navigation of a source without one of its own (Hugo, Jekyll, a plain
/// folder): one node per folder, its index page as the node's page, and
/// pages in the order the source gives (`weight`, `nav_order`, a README's
/// list of links), then by title.
enum FolderNavigation {
    /// - Parameters:
    ///   - keys: every pairing key, as a path (`guide/setup`, `guide/index`).
    ///   - rank: the source's position for a key (weight, order), if it has one.
    ///   - title: the key's title, to sort unranked pages and name folders.
    static func build(keys: [String], rank: (String) -> Int?, title: (String) -> String) -> [NavNode] {
        final class Folder {
            var name: String
            var index: String?
            var pages: [String] = []
            var folders: [String: Folder] = [:]
            init(_ name: String) { self.name = name }
        }
        let root = Folder("")
        for key in keys where key != "index" {
            var parts = key.split(separator: "/").map(String.init)
            let isIndex = parts.last == "index"
            if isIndex { parts.removeLast() }
            var node = root
            var path = ""
            for part in (isIndex ? parts : Array(parts.dropLast())) {
                path = path.isEmpty ? part : path + "/" + part
                if node.folders[part] == nil { node.folders[part] = Folder(path) }
                node = node.folders[part]!
            }
            if isIndex { node.index = key } else { node.pages.append(key) }
        }
        func sorted(_ folder: Folder) -> [NavNode] {
            var items: [(rank: Int, title: String, node: NavNode)] = []
            for page in folder.pages {
                items.append((rank(page) ?? Int.max, title(page), NavNode(title: title(page), key: page)))
            }
            for (_, child) in folder.folders {
                let name = child.index.map(title) ?? humanized(lastComponent(child.name))
                let node = NavNode(title: name, key: child.index, children: sorted(child))
                items.append((child.index.flatMap(rank) ?? Int.max, name, node))
            }
            return items.sorted { ($0.rank, $0.title.lowercased(), $0.node.key ?? "") < ($1.rank, $1.title.lowercased(), $1.node.key ?? "") }
                .map(\.node)
        }
        return sorted(root)
    }

    /// `benefits-overview` → `Benefits overview`: a title for a file or folder with no other.
    static func humanized(_ name: String) -> String {
        let words = droppingExtension(name).replacingAll("-", with: " ").replacingAll("_", with: " ").trimmingWhitespace()
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }
}
