import Foundation
import Glibc

/// Notices changes under the content folder and says which paths changed
/// (the dirty set), so a rebuild re-reads only those.
///
/// Two ways of noticing, each covering the other's gap:
/// - inotify, the fast trigger: an event names its folder and entry, so a
///   save is seen within a millisecond and only that entry is looked at again.
///   Every folder is watched, so editors that save by renaming a new file over
///   the old one are seen too (as IN_MOVED_TO).
/// - polling, the safety net: a look `lstat`s every file and compares with the
///   last look. inotify is silent on network drives and on some bind mounts
///   (a change made by another machine or outside the container), and a
///   folder can outrun the `max_user_watches` limit. While inotify is trusted
///   the tree is looked at every second, or ten times what a look costs; once
///   a look finds a change no event announced (or inotify is unavailable), the
///   watcher polls as fast as before: every 50 ms, or twice what a look costs
///   on a huge tree, so it never takes more than a third of a core.
///
/// An actor: the snapshot and the trust in inotify change on every look, and
/// the run loop is the only one making looks, one at a time.
actor ContentWatcher {
    let root: String
    /// How often the tree is looked at once inotify is not trusted.
    let interval: Duration
    /// How often the whole tree is looked at while inotify is trusted.
    let safetyInterval: Duration = .seconds(1)

    /// What a look records of each path: enough to see an edit (time, size),
    /// a file renamed over another (inode) and a file becoming a folder (type).
    struct Stamp: Equatable {
        var type: mode_t
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt

        var isDirectory: Bool { type == S_IFDIR }
    }

    typealias Snapshot = [String: Stamp]

    private var snapshot: Snapshot = [:]
    private let inotify: Inotify?
    /// New files whose IN_CREATE was seen, until the next look.
    private var awaitingClose: Set<String> = []
    /// Whether inotify is set up and has not been caught missing a change.
    private(set) var trusted: Bool

    /// Takes the first look (and sets up the watches) at once, so a change made
    /// while the first build runs is reported afterwards.
    init(root: String, useInotify: Bool = true, interval: Duration = .milliseconds(50)) {
        let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let inotify = useInotify ? Inotify() : nil
        var trusted = inotify != nil
        self.root = root
        self.interval = interval
        self.inotify = inotify
        snapshot = Self.look(under: root, inotify: inotify, trusted: &trusted)
        self.trusted = trusted
    }

    /// Calls `onChange` (never concurrently) with the paths that changed since
    /// the last call: files and folders added, removed or modified.
    func run(onChange: @Sendable (Set<String>) async -> Void) async {
        enum Wake { case events, tick }
        let (wakes, wake) = AsyncStream.makeStream(of: Wake.self)
        inotify?.start { wake.yield(.events) }
        let clock = ContinuousClock()
        var tick: Task<Void, Never>?
        func scheduleTick(after delay: Duration) {
            tick = Task {
                try? await Task.sleep(for: delay)
                wake.yield(.tick)
            }
        }
        defer {
            inotify?.stop()
            tick?.cancel()
        }
        scheduleTick(after: trusted ? safetyInterval : interval)
        await withTaskCancellationHandler {
            for await reason in wakes {
                if Task.isCancelled { break }
                var dirty: Set<String>
                switch reason {
                case .events:
                    dirty = changes(after: inotify?.take() ?? [])
                case .tick:
                    // Queued events first: what the look then finds, no event announced.
                    let announced = changes(after: inotify?.take() ?? [])
                    let start = clock.now
                    let current = look(under: root)
                    let cost = clock.now - start
                    let unannounced = Self.difference(snapshot, current)
                    snapshot = current
                    // Events that came during the look may be for what it found.
                    let late = inotify?.take() ?? []
                    dirty = announced.union(unannounced).union(changes(after: late))
                    // A new file still being written was announced by IN_CREATE.
                    if trusted, !unannounced.subtracting(awaitingClose).isEmpty, late.isEmpty {
                        // inotify does not see this folder's changes (a network
                        // drive? a bind mount?), so poll fast from now on.
                        trusted = false
                    }
                    awaitingClose = []
                    scheduleTick(after: trusted ? max(safetyInterval, cost * 10) : max(interval, cost * 2))
                }
                if !dirty.isEmpty { await onChange(withLinks(dirty)) }
            }
        } onCancel: {
            wake.finish()
        }
    }

    /// Looks again at just the entries the events name.
    private func changes(after events: [Inotify.Event]) -> Set<String> {
        var dirty: Set<String> = []
        for event in events {
            if event.has(IN_Q_OVERFLOW) || event.folder == nil || event.name.contains("\u{FFFD}")
                || (event.name.isEmpty && event.folder == root && !event.has(IN_IGNORED)) {
                // Lost events, an unknown folder, a name that is not UTF-8, or the
                // content folder itself moved: only a whole look is sure.
                let current = look(under: root)
                dirty.formUnion(Self.difference(snapshot, current))
                snapshot = current
                continue
            }
            guard let folder = event.folder, !event.name.isEmpty, !event.name.hasPrefix(".") else { continue }
            let path = folder + "/" + event.name
            // A new regular file is written and closed next; its IN_CLOSE_WRITE says when it is whole.
            if event.has(IN_CREATE), !event.has(IN_ISDIR), Self.stamp(path)?.type == S_IFREG {
                awaitingClose.insert(path)
                continue
            }
            dirty.formUnion(relook(path))
        }
        return dirty
    }

    /// Replaces what the snapshot holds at and under `path` by a fresh look.
    private func relook(_ path: String) -> Set<String> {
        var old: Snapshot = [:]
        if let stamp = snapshot.removeValue(forKey: path) {
            old[path] = stamp
            if stamp.isDirectory {
                let prefix = path + "/"
                for (key, value) in snapshot where key.hasPrefix(prefix) { old[key] = value }
                for key in old.keys { snapshot[key] = nil }
            }
        }
        var new: Snapshot = [:]
        if let stamp = Self.stamp(path) {
            new[path] = stamp
            if stamp.isDirectory { new.merge(look(under: path)) { a, _ in a } }
        }
        snapshot.merge(new) { _, b in b }
        return Self.difference(old, new)
    }

    /// Every file and folder under `folder` (not the folder itself), skipping
    /// hidden names as the build does; each folder found is watched.
    private func look(under folder: String) -> Snapshot {
        Self.look(under: folder, inotify: inotify, trusted: &trusted)
    }

    /// A look, and whether every folder it found could be watched.
    private static func look(under folder: String, inotify: Inotify?, trusted: inout Bool) -> Snapshot {
        var result: Snapshot = [:]
        var pending = [folder]
        while let current = pending.popLast() {
            if let inotify, trusted, !inotify.watch(current) { trusted = false }
            guard let directory = opendir(current) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                guard !name.hasPrefix(".") else { continue }
                let path = current + "/" + name
                guard let stamp = Self.stamp(path) else { continue }
                result[path] = stamp
                if stamp.isDirectory { pending.append(path) }
            }
        }
        return result
    }

    /// One `lstat`: a symbolic link is stamped as itself; the folders it may
    /// lead to are inside the content folder and watched under their own names.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        // A folder's time changes whenever an entry is added or renamed in it
        // (a rename-on-save); its entries report that, the folder need not.
        let isDirectory = type == S_IFDIR
        return Stamp(type: type, seconds: isDirectory ? 0 : info.st_mtim.tv_sec, nanoseconds: isDirectory ? 0 : info.st_mtim.tv_nsec,
                     size: isDirectory ? 0 : Int(info.st_size), inode: UInt(info.st_ino))
    }

    /// Paths added, removed or changed between two looks.
    static func difference(_ old: Snapshot, _ new: Snapshot) -> Set<String> {
        var dirty: Set<String> = []
        for (path, stamp) in new where old[path] != stamp { dirty.insert(path) }
        for path in old.keys where new[path] == nil { dirty.insert(path) }
        return dirty
    }

    /// A symbolic link's page changes when its target does, which the watcher
    /// sees only under the target's name; every link is reported with any change.
    private func withLinks(_ dirty: Set<String>) -> Set<String> {
        dirty.union(snapshot.filter { $0.value.type == S_IFLNK }.keys)
    }
}
