import Foundation
import HandbookKit

/// The site as `serve` shows it: the plan of the last good build, whose files
/// are made when first asked for and then kept, and the diagnostics of the
/// last attempt. A failed rebuild keeps the last good plan, so the reader goes
/// on reading while the editor fixes.
package actor LiveSite {
    package struct File: Sendable {
        package var bytes: [UInt8]
        package var etag: String
    }

    /// What open pages are told after each build.
    package struct State: Sendable, Equatable {
        /// Counts successful builds; a page built from an older one reloads.
        package var generation: Int
        package var diagnostics: [Diagnostic]
        package var failed: Bool
    }

    private var session: PreviewSession
    private var planned: [String: PlannedFile] = [:]
    private var made: [String: File] = [:]
    package private(set) var state = State(generation: 0, diagnostics: [], failed: false)
    private var listeners: [UUID: AsyncStream<State>.Continuation] = [:]

    package init(builder: Builder) {
        session = PreviewSession(builder: builder)
    }

    package func file(_ path: String) -> File? {
        if let file = made[path] { return file }
        guard let plan = planned[path], let bytes = try? plan.make() else { return nil }
        let file = File(bytes: bytes, etag: Self.etag(bytes))
        made[path] = file
        return file
    }

    /// The 404 page of the language the path is in; outside every language
    /// folder the root `404.html` that offers the languages, as static hosts
    /// serve it; the default language's only for a site built without one.
    func notFoundPage(for path: String) -> File? {
        let language = path.split(separator: "/").first.map(String.init) ?? ""
        return file(language + "/404.html") ?? file("404.html") ?? file(defaultLanguage + "/404.html")
    }

    private var defaultLanguage = ""

    /// Rebuilds from the content folder and tells every listener the outcome.
    /// `changed`, from the watcher, names the only paths that changed since the
    /// last rebuild, so the rest need not be read again; nil reads everything.
    @discardableResult
    package func rebuild(changed: Set<String>? = nil) -> State {
        do {
            let plan = try session.plan(changed: changed)
            planned = Dictionary(plan.outputs.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
            made = [:]
            defaultLanguage = plan.site.config.defaultLanguage.code
            state = State(generation: state.generation + 1, diagnostics: plan.warnings, failed: false)
        } catch {
            state = State(generation: state.generation, diagnostics: error.diagnostics, failed: true)
        }
        for listener in listeners.values { listener.yield(state) }
        return state
    }

    /// A stream of states, starting with the current one.
    package func updates() -> AsyncStream<State> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: State.self, bufferingPolicy: .bufferingNewest(1))
        continuation.yield(state)
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeListener(id) }
        }
        return stream
    }

    private func removeListener(_ id: UUID) {
        listeners[id] = nil
    }

    /// A fingerprint of the bytes: only has to tell versions of one file apart.
    static func etag(_ bytes: [UInt8]) -> String {
        "\"" + String(FNV1a.hash(bytes), radix: 16) + "\""
    }
}
