import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, results in the original order. Pages are
    /// independent until links are checked, so parsing and rendering scale.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
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
        // One element at a time: a worker takes the next index when it is free, so
        // a few costly elements (a whole-edition file) do not leave a core idle.
        // Handing out an index costs one atomic add, nothing beside a page.
        DispatchQueue.concurrentPerform(iterations: count) { index in
            box.value[index] = transform(input[index])
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
package enum Parallelism {
    nonisolated(unsafe) package static var isEnabled = true
}
