import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on every core, results in the original order. Pages are
    /// independent until links are checked, so parsing and rendering scale.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard Parallelism.isEnabled, count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // The results are copied out below; release the buffer's own references.
            results.deinitialize()
            results.deallocate()
        }
        let box = UncheckedSendable(results)
        let input = self
        // Chunks keep the per-task overhead small against tiny pages.
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            for index in (part * chunk)..<Swift.min(count, (part + 1) * chunk) {
                box.value[index] = transform(input[index])
            }
        }
        return results.map { $0! }
    }
}

/// Each index of the buffer is written by exactly one task, so sharing it is safe.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Whether the stages run on every core. The fuzz target turns it off: worker
/// threads keep caches that outlive one input, which LeakSanitizer would
/// otherwise have to scan the whole heap for after every run.
public enum Parallelism {
    nonisolated(unsafe) public static var isEnabled = true
}
