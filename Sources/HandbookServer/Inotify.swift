import Foundation
import Glibc

/// Linux's inotify, as a fast trigger for `ContentWatcher`: one watch per
/// folder, and a thread that waits in `poll` for the kernel's events and
/// hands them on in batches. The watcher still polls the whole tree now and
/// then, because inotify is silent on network drives and some bind mounts.
final class Inotify: @unchecked Sendable {
    /// One entry changed in a watched folder (`name` is empty for the folder itself).
    struct Event: Sendable {
        var folder: String?
        var name: String
        var mask: UInt32

        func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
    }

    /// What makes an event. Not IN_MODIFY: a save is truncate, write, close,
    /// and looking at the first of these would read a half-written file;
    /// IN_CLOSE_WRITE comes once the writer is done.
    static let mask = UInt32(IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    private let descriptor: Int32
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var pending: [Event] = []
    private var stopped = false
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Nil where the kernel has no inotify (or the process is out of instances).
    init?() {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
    }

    /// Watches one folder (not its subfolders). False when the kernel refuses,
    /// e.g. at the `max_user_watches` limit: the caller then relies on polling.
    func watch(_ folder: String) -> Bool {
        let wd = inotify_add_watch(descriptor, folder, Self.mask)
        guard wd >= 0 else { return false }
        // A folder renamed and watched again under its new name keeps its descriptor.
        lock.withLock { folders[wd] = folder }
        return true
    }

    /// Starts the reading thread; `wake` is called after each batch of events.
    func start(wake: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // The timeout only bounds how long the thread outlives `stop()`.
            while !lock.withLock({ stopped }) {
                guard poll(&poller, 1, 250) > 0 else { continue }
                if lock.withLock({ drain() }) { wake() }
            }
            lock.withLock { _ = close(descriptor) }
        }
        thread.name = "handbook inotify"
        thread.start()
    }

    /// The events so far, including any the thread has not read yet: a look that
    /// follows sees every change made before it.
    func take() -> [Event] {
        lock.withLock {
            if !stopped { drain() }
            defer { pending = [] }
            return pending
        }
    }

    /// Reads what the kernel has queued (the descriptor does not block). Under the lock.
    @discardableResult
    private func drain() -> Bool {
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return any }
            pending += parse(buffer[..<count])
            any = true
        }
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    /// `struct inotify_event` records (under the lock): wd, mask, cookie, len, then `len` bytes of NUL-padded name.
    private func parse(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (wd, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let base = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: base, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            let folder = folders[wd]
            if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
            events.append(Event(folder: folder, name: name, mask: mask))
            offset += header + length
        }
        return events
    }
}
