import Foundation

/// A thread-safe cache of values computed from short strings, emptied when it reaches `capacity`
/// entries so memory stays bounded on endless streams of distinct phrases.
///
/// `@unchecked Sendable`: the table is only touched under `lock` (`Mutex` needs macOS 15; the package targets 14).
final class PhraseMemo<Value: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var table: [String: Value] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The cached value for `key`, or `compute()`'s result, cached. `compute` runs outside the lock.
    func value(for key: String, compute: () -> Value) -> Value {
        if let hit = lock.withLock({ table[key] }) { return hit }
        let value = compute()
        lock.withLock {
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
        return value
    }
}
