import Dispatch

/// Runs one closure per chunk on all cores and joins the chunks' results in chunk order.
public enum ChunkedParallel {
    /// Calls `body(chunk, &out)` for every chunk in `0..<chunks` at once; each call appends to its own array.
    public static func run<T>(_ chunks: Int, _ body: @Sendable (Int, inout [T]) -> Void) -> [T] {
        guard chunks > 0 else { return [] }
        let slots = Slots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            var out: [T] = []
            body(index, &out)
            slots.store(out, at: index)
        }
        return slots.joined()
    }
}

/// Per-chunk result arrays; each index is written by exactly one iteration of `concurrentPerform`.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<[T]>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: [], count: count)
    }

    func store(_ value: [T], at index: Int) { storage[index] = value }

    func joined() -> [T] {
        var result: [T] = []
        result.reserveCapacity((0..<count).reduce(0) { $0 + storage[$1].count })
        for index in 0..<count { result += storage[index] }
        return result
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}
