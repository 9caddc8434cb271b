import Dispatch
import Foundation

/// Transforms a stream of items on several threads and hands the results to the caller in input order, on the
/// calling thread, with at most two batches in memory.
///
/// Double-buffered: while the workers transform batch k+1, the calling thread delivers batch k and then reads
/// batch k+2, so reading, transforming and delivering overlap. The caller's `deliver` never runs concurrently
/// with itself (the COPY writer that receives import outcomes is not thread-safe).
struct OrderedParallelMap<Item, Output: Sendable> {
    /// Threads that run `transform` at once (the calling thread only reads and delivers).
    var workers: Int

    /// Runs `transform` over every item `next()` returns (a batch at a time, `nil` at the end) and passes each
    /// result to `deliver` in order. An error from `next` or `deliver` stops the run: the batch in flight is
    /// cancelled, its workers are waited for, and the error is rethrown.
    func run(
        next: () throws -> [Item]?,
        transform: @escaping @Sendable (Item) -> Output,
        deliver: (Output) throws -> Void
    ) throws {
        guard var inFlight = try next().map({ Batch(items: $0, workers: workers, transform: transform) }) else { return }
        do {
            while true {
                let upcoming = try next()  // read k+1 while the workers transform k
                let outputs = inFlight.results()
                let following = upcoming.map { Batch(items: $0, workers: workers, transform: transform) }
                if let following { inFlight = following }
                for output in outputs { try deliver(output) }
                guard following != nil else { return }
            }
        } catch {
            inFlight.cancel()
            throw error
        }
    }

    /// One batch being transformed: `workers` tasks take the next untaken index until none is left, each writing
    /// only its own slots of `outputs`.
    ///
    /// `@unchecked Sendable`: `items` is not mutated after `init`; `cursor` and `isCancelled` are only touched
    /// under `lock`; each slot of `outputs` is written by exactly one task and read only after `group` is done.
    private final class Batch: @unchecked Sendable {
        private let items: [Item]
        private let outputs: UnsafeMutableBufferPointer<Output?>
        private let transform: @Sendable (Item) -> Output
        private let lock = NSLock()
        private var cursor = 0
        private var isCancelled = false
        private let group = DispatchGroup()

        init(items: [Item], workers: Int, transform: @escaping @Sendable (Item) -> Output) {
            self.items = items
            self.transform = transform
            outputs = .allocate(capacity: items.count)
            outputs.initialize(repeating: nil)
            for _ in 0..<min(max(1, workers), items.count) {
                DispatchQueue.global().async(group: group) { self.work() }
            }
        }

        deinit {  // the tasks hold `self`, so they are all done here
            outputs.deinitialize()
            outputs.deallocate()
        }

        private func work() {
            while let index = take() {
                outputs[index] = transform(items[index])
            }
        }

        private func take() -> Int? {
            lock.withLock {
                guard !isCancelled, cursor < items.count else { return nil }
                defer { cursor += 1 }
                return cursor
            }
        }

        /// Every output in item order, once all are done.
        func results() -> [Output] {
            group.wait()
            return outputs.map { $0! }
        }

        /// Stops handing out items and waits for the ones already taken.
        func cancel() {
            lock.withLock { isCancelled = true }
            group.wait()
        }
    }
}
