import Foundation

/// A value made the first time it is asked for, on whichever thread asks
/// first; the others wait for it. For what the build needs on every page but
/// the preview server may never need at all.
final class Once<Value>: @unchecked Sendable {  // the lock guards `value`; `make` runs once under it
    private let lock = NSLock()
    private var value: Value?
    private var make: (() -> Value)?

    init(_ make: @escaping () -> Value) {
        self.make = make
    }

    func get() -> Value {
        lock.withLock {
            if let value { return value }
            let made = make!()
            value = made
            make = nil
            return made
        }
    }
}
