/// Every page source, copied file and folder the load found, by path relative
/// to the content root in composed form (`en/guide/page.md`, `assets/logo.png`,
/// `en/guide`). Pages are parsed in parallel before any of them is known, so
/// this is what lets the parse stage resolve links written the way other tools
/// write them (`page/`, `page.html`, `/guide/page`): it is handed to every
/// parse as a value, and each parse records what it looked up (`LinkGuesses`).
package struct ContentIndex: Sendable {
    var pages: Set<String> = []
    var files: Set<String> = []
    var folders: Set<String> = []
    var defaultLanguage = ""
    /// Identifies the set of paths within this process: a parse that failed
    /// records no guesses, so it is reused only while the paths are the same.
    package private(set) var signature = 0

    /// An index of nothing, for parsing a page on its own.
    package init() {}

    init(pages: Set<String>, files: Set<String>, defaultLanguage: String) {
        self.pages = pages
        self.files = files
        self.defaultLanguage = defaultLanguage
        for path in pages.union(files) {
            var rest = Substring(path)
            while let slash = rest.lastIndex(of: "/") {
                rest = rest[..<slash]
                guard folders.insert(String(rest)).inserted else { break }
            }
        }
        var hasher = Hasher()
        hasher.combine(pages)
        hasher.combine(files)
        signature = hasher.finalize()
    }

    enum Query: Hashable, Sendable {
        case page(String), file(String), folder(String)
    }

    func contains(_ query: Query) -> Bool {
        switch query {
        case .page(let path): pages.contains(path)
        case .file(let path): files.contains(path)
        case .folder(let path): folders.contains(path)
        }
    }

    /// `README.md` stands for a folder's `index.md` when there is none, as on a
    /// forge. Only this spelling: links are compared as written, case and all.
    static let readme = "README.md"

    static func isReadme(_ name: some StringProtocol) -> Bool {
        name == readme
    }
}

/// What a parse looked up in the `ContentIndex` and found (true) or not. The
/// preview reuses a parse only while every answer still holds, so a file that
/// appears re-parses the pages that guessed about it, and no others.
package struct LinkGuesses: Sendable, Equatable {
    private(set) var answers: [ContentIndex.Query: Bool] = [:]

    mutating func ask(_ query: ContentIndex.Query, in index: ContentIndex) -> Bool {
        if let known = answers[query] { return known }
        let found = index.contains(query)
        answers[query] = found
        return found
    }

    package func hold(in index: ContentIndex) -> Bool {
        answers.allSatisfy { index.contains($0.key) == $0.value }
    }
}
