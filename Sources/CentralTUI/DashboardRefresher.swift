import Core
import Foundation

/// Reads the dashboard on a background thread, on an interval, and posts results to a queue the
/// UI thread drains. Never touches curses. One load at a time: a request during a load is folded
/// into the next one; after failures the interval doubles up to a minute.
final class DashboardRefresher: @unchecked Sendable {
    /// A result posted to the UI thread.
    enum Event: Sendable {
        case started
        case loaded(DashboardSnapshot)
        case failed(String)
    }

    private let source: DashboardSource
    private let interval: TimeInterval
    private let condition = NSCondition()
    private var events: [Event] = []
    private var isWakeRequested = false
    private var isStopped = false

    init(source: DashboardSource, interval: TimeInterval) {
        self.source = source
        self.interval = max(0.2, interval)
    }

    func start() {
        let thread = Thread { [self] in self.loop() }
        thread.name = "centrald.dashboard-refresh"
        thread.start()
    }

    /// Asks for a load now (the `r` key).
    func requestRefresh() {
        condition.lock()
        isWakeRequested = true
        condition.signal()
        condition.unlock()
    }

    /// Stops after the current load; does not wait for it.
    func stop() {
        condition.lock()
        isStopped = true
        condition.signal()
        condition.unlock()
    }

    /// Takes every posted event, oldest first.
    func drain() -> [Event] {
        condition.lock()
        defer { condition.unlock() }
        let taken = events
        events.removeAll()
        return taken
    }

    private func post(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.unlock()
    }

    private func loop() {
        var failures = 0
        while true {
            condition.lock()
            let stopped = isStopped
            isWakeRequested = false
            condition.unlock()
            if stopped { return }

            post(.started)
            do {
                post(.loaded(try source.loadDashboard(now: Date())))
                failures = 0
            } catch {
                failures += 1
                post(.failed(Self.describe(error)))
            }

            let wait = failures == 0 ? interval : min(interval * pow(2, Double(failures - 1)), max(60, interval))
            let deadline = Date().addingTimeInterval(wait)
            condition.lock()
            while !isStopped, !isWakeRequested {
                if !condition.wait(until: deadline) { break }
            }
            condition.unlock()
        }
    }

    /// One line for the status bar.
    static func describe(_ error: Error) -> String {
        let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
