import Core
import Foundation

/// Writes an import's chunks on two threads of their own, so that reading and normalizing the file, looking up
/// the next chunk, and streaming the one before into the server's COPY all go on at once: the thread that reads
/// hands over a chunk and goes on reading; a lookup thread asks the lookup connection about it
/// (`ImportChunkRouter.lookUp`); a copy thread streams it (`ImportChunkRouter.write`). Each connection is used by
/// one thread only. The first error stops all three; `finish` and `stop` wait for both threads.
///
/// `@unchecked Sendable`: the router's lookup step and write step touch disjoint state (see `ImportChunkRouter`),
/// each from its own thread; the queues and `failure` are guarded by their locks.
final class ImportPipeline: @unchecked Sendable {
    private let router: ImportChunkRouter
    private let toLookUp = BlockingQueue<[(Int, JobPosting)]>(capacity: 1)
    private let toWrite = BlockingQueue<ImportChunkRouter.LookedUp>(capacity: 1)
    private let done = DispatchGroup()
    private let lock = NSLock()
    private var failure: Error?

    init(router: ImportChunkRouter) {
        self.router = router
        done.enter()
        Thread.detachNewThread { [self] in
            defer { done.leave() }
            while let chunk = toLookUp.pop() {
                do {
                    guard toWrite.push(try self.router.lookUp(chunk)) else { return }
                } catch {
                    fail(error)
                    return
                }
            }
            toWrite.close()
        }
        done.enter()
        Thread.detachNewThread { [self] in
            defer { done.leave() }
            while let chunk = toWrite.pop() {
                do {
                    try self.router.write(chunk)
                } catch {
                    fail(error)
                    return
                }
            }
        }
    }

    /// Hands over one chunk (waits while both threads are busy); throws the error that stopped a thread.
    func submit(_ chunk: [(Int, JobPosting)]) throws {
        guard !chunk.isEmpty else { return }
        if !toLookUp.push(chunk) { try rethrow() }
        try rethrow()
    }

    /// Waits until every chunk handed over is written; throws the error that stopped a thread.
    func finish() throws {
        toLookUp.close()
        done.wait()
        try rethrow()
    }

    /// Stops both threads without writing what is still queued, and waits for them (before the COPY is aborted).
    func stop() {
        toLookUp.cancel()
        toWrite.cancel()
        done.wait()
    }

    private func fail(_ error: Error) {
        lock.withLock { if failure == nil { failure = error } }
        toLookUp.cancel()
        toWrite.cancel()
    }

    private func rethrow() throws {
        if let error = lock.withLock({ failure }) { throw error }
    }
}

/// A first-in first-out queue between threads holding at most `capacity` items: `push` waits while it is full,
/// `pop` while it is empty. `close` lets `pop` drain what is queued and then return nil; `cancel` drops what is
/// queued and makes every `push` and `pop` return at once.
final class BlockingQueue<Item>: @unchecked Sendable {
    private let capacity: Int
    private var items: [Item] = []
    private var closed = false
    private var cancelled = false
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// False when the queue was closed or cancelled (the item is dropped).
    func push(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled && !closed { condition.wait() }
        guard !cancelled && !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item; nil once the queue is closed and empty, or cancelled.
    func pop() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled { condition.wait() }
        guard !cancelled, !items.isEmpty else { return nil }
        condition.broadcast()
        return items.removeFirst()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
