/// Maps the source's navigation onto the content format: the home page,
/// top-level pages, and sections one folder deep, each with its landing page.
/// Deeper levels are flattened into their top section in reading order, and
/// every `order:` comes from the navigation's positions.
struct ImportPlan {
    struct Placement {
        var id: PageID
        var order: Int?
        /// The navigation's title, for a page whose source has none.
        var navTitle: String?
    }

    /// A page the importer writes because the source has none: the home page
    /// or a section's landing page, listing the pages below it.
    struct CreatedPage {
        var id: PageID
        var title: String
        var order: Int?
        /// The pages it lists, in order.
        var lists: [PageID]
    }

    var placements: [String: Placement] = [:]
    var created: [CreatedPage] = []
    var notes: [Diagnostic] = []
    var sections = 0

    /// Names the build makes in every language folder; a page may not take them.
    static let reserved: Set<String> = ["404", "print", "practice", "search-index", "index"]

    init(_ site: SourceSite, rank: (String) -> Int?, title: (String) -> String) {
        let keys = Array(Set(site.documents.map(\.key))).sorted()
        let describe = { (key: String) -> SourceLocation in
            let document = site.documents.first { $0.key == key && $0.language == site.defaultLanguage }
                ?? site.documents.first { $0.key == key }
            return SourceLocation(path: document?.path ?? site.root)
        }
        var navigation = site.navigation ?? FolderNavigation.build(keys: keys, rank: rank, title: title)
        if site.navigation != nil {
            var listed: Set<String> = []
            func collect(_ nodes: [NavNode]) { for node in nodes { node.key.map { _ = listed.insert($0) }; collect(node.children) } }
            collect(navigation)
            let missing = keys.filter { !listed.contains($0) && $0 != "index" }
            for key in missing {
                notes.append(.warning("not in the source's navigation; placed after the pages that are", at: describe(key)))
            }
            Self.merge(FolderNavigation.build(keys: missing, rank: rank, title: title), into: &navigation)
        }
        navigation = Self.removingHome(navigation)

        var homeTitle: String?
        if !keys.contains("index") {
            if let first = navigation.first, first.children.isEmpty, let key = first.key {
                placements[key] = Placement(id: PageID("index"), order: nil, navTitle: first.title)
                navigation.removeFirst()
                notes.append(.warning("the source has no home page (index.md, README.md); its first page becomes the home page", at: describe(key)))
            } else {
                homeTitle = site.titles[site.defaultLanguage] ?? FolderNavigation.humanized(lastComponent(site.root))
                notes.append(.warning("the source has no home page (index.md, README.md); one was created listing the sections",
                    at: SourceLocation(path: site.root)))
            }
        } else {
            placements["index"] = Placement(id: PageID("index"), order: nil, navTitle: nil)
        }

        var rootOrder = 0, sectionOrder = 0
        var folders: Set<String> = []
        var rootNames: Set<String> = []
        var topLevel: [PageID] = []
        for node in navigation {
            // A folder's index without pages beside it is still a section, as in the source.
            let isSection = !node.children.isEmpty || node.key?.hasSuffix("/index") == true
            if !isSection {
                guard let key = node.key else { continue }
                rootOrder += 1
                let name = Self.unique(Self.pageName(key), in: &rootNames)
                placements[key] = Placement(id: PageID(name), order: rootOrder, navTitle: node.title)
                topLevel.append(PageID(name))
                continue
            }
            sectionOrder += 1
            var children = node.children
            var landing = node.key
            if landing == nil, let index = children.firstIndex(where: { $0.key?.hasSuffix("index") == true && $0.children.isEmpty }) {
                landing = children.remove(at: index).key
            }
            let source = Self.sourceFolder(node)
            let folder = Self.unique(lastComponent(source ?? "").isEmpty ? slugify(node.title ?? "section") : lastComponent(source!),
                                     in: &folders)
            sections += 1
            let landingID = PageID(folder + "/index")
            var listed: [String] = []
            var names: Set<String> = ["index"]
            var pageOrder = 0
            func place(_ nodes: [NavNode], depth: Int, parent: String) {
                for child in nodes {
                    if let key = child.key, placements[key] == nil {
                        pageOrder += 1
                        let name = Self.unique(Self.pageName(key), in: &names)
                        placements[key] = Placement(id: PageID(folder + "/" + name), order: pageOrder, navTitle: child.title)
                        listed.append(key)
                        if depth > 1 {
                            notes.append(.warning(
                                "nested \(depth) levels deep under '\(parent)'; pages nest one folder deep, so it is flattened into section '\(folder)'",
                                at: describe(key)))
                        }
                    } else if child.key == nil, !child.children.isEmpty, let title = child.title {
                        notes.append(.warning("group '\(title)' is flattened into section '\(folder)' (pages nest one folder deep)",
                            at: child.location ?? SourceLocation(path: site.root)))
                    }
                    place(child.children, depth: depth + 1, parent: child.title ?? parent)
                }
            }
            place(children, depth: 1, parent: node.title ?? folder)
            if let landing {
                placements[landing] = Placement(id: landingID, order: sectionOrder, navTitle: node.title)
            } else {
                let title = node.title ?? FolderNavigation.humanized(folder)
                created.append(CreatedPage(id: landingID, title: title, order: sectionOrder,
                                           lists: listed.compactMap { placements[$0]?.id }))
                notes.append(.warning("section '\(title)' has no page of its own; created \(folder)/index.md listing its pages",
                    at: node.location ?? listed.first.map(describe) ?? SourceLocation(path: site.root)))
            }
            topLevel.append(landingID)
        }
        if let homeTitle {
            created.insert(CreatedPage(id: PageID("index"), title: homeTitle, order: nil, lists: topLevel), at: 0)
        }
    }

    /// A page's file name in its new folder: its own, or its folder's for an index page.
    static func pageName(_ key: String) -> String {
        var name = lastComponent(key)
        if name == "index" { name = lastComponent(folder(of: key)) }
        if name.isEmpty || reserved.contains(name.lowercased()) { name += "-page" }
        return name
    }

    static func unique(_ name: String, in taken: inout Set<String>) -> String {
        var candidate = name, counter = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(name)-\(counter)"
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The source folder a navigation group stands for: its index page's, or the one all its pages share.
    static func sourceFolder(_ node: NavNode) -> String? {
        if let key = node.key, key.hasSuffix("/index") { return folder(of: key) }
        var keys: [String] = []
        func collect(_ nodes: [NavNode]) { for child in nodes { child.key.map { keys.append($0) }; collect(child.children) } }
        collect(node.children)
        let tops = Set(keys.map { $0.split(separator: "/").first.map(String.init) ?? "" })
        guard tops.count == 1, let top = tops.first, !top.isEmpty, keys.allSatisfy({ $0.contains("/") }) else {
            return node.key.map { folder(of: $0).isEmpty ? $0 : folder(of: $0) }
        }
        return top
    }

    /// The home page is the language folder's index, never a navigation entry.
    static func removingHome(_ nodes: [NavNode]) -> [NavNode] {
        nodes.flatMap { node -> [NavNode] in
            var node = node
            node.children = removingHome(node.children)
            guard node.key == "index" else { return [node] }
            return node.children  // a home with pages under it leaves them in its place
        }
    }

    /// Folders of pages missing from the navigation join the section made of the same folder.
    static func merge(_ extra: [NavNode], into navigation: inout [NavNode]) {
        for node in extra {
            if !node.children.isEmpty, let folder = sourceFolder(node),
               let index = navigation.firstIndex(where: { !$0.children.isEmpty && sourceFolder($0) == folder }) {
                if navigation[index].key == nil, let key = node.key {
                    navigation[index].children.insert(NavNode(title: node.title, key: key), at: 0)
                }
                navigation[index].children += node.children
            } else {
                navigation.append(node)
            }
        }
    }
}
