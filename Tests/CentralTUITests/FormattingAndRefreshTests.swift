import Core
import Foundation
import Testing

@testable import CentralTUI

@Suite struct FormattingTests {
    @Test(arguments: [(342.0, "5m 42s"), (45, "45s"), (3720, "1h 02m"), (60, "1m 00s")])
    func durations(seconds: Double, expected: String) { #expect(Formatting.duration(seconds) == expected) }

    @Test func countsPercentagesAndAges() {
        #expect(Formatting.count(2340) == "2,340")
        #expect(Formatting.count(1_234_567) == "1,234,567")
        #expect(Formatting.count(12) == "12")
        #expect(Formatting.count(nil) == "-")
        #expect(Formatting.percent(0.985) == "98.5%")
        #expect(Formatting.duration(nil) == "-")
        let now = Fixture.now
        #expect(Formatting.ago(now.addingTimeInterval(-120), now: now) == "2 min ago")
        #expect(Formatting.ago(now.addingTimeInterval(-3600), now: now) == "1 hour ago")
        #expect(Formatting.ago(now.addingTimeInterval(-20), now: now) == "just now")
        #expect(Formatting.ago(nil, now: now) == "-")
    }
}

/// A source that counts loads and can be told to fail.
final class FakeSource: DashboardSource, @unchecked Sendable {
    private let lock = NSLock()
    private var _loads = 0
    private var _fails = false
    var loads: Int { lock.withLock { _loads } }
    func setFailing(_ fails: Bool) { lock.withLock { _fails = fails } }
    struct Down: Error, CustomStringConvertible { var description: String { "database down" } }

    func loadDashboard(now: Date) throws -> DashboardSnapshot {
        let fails = lock.withLock {
            _loads += 1
            return _fails
        }
        if fails { throw Down() }
        return Fixture.snapshot
    }
}

@Suite struct RefresherTests {
    private func waitFor(_ refresher: DashboardRefresher, count: Int) async throws -> [DashboardRefresher.Event] {
        // A deadline, not a number of sleeps: on a loaded machine (other tests hold the cooperative pool) 200 × 10 ms
        // sleeps ran out before the background thread had posted.
        var events: [DashboardRefresher.Event] = []
        let deadline = Date().addingTimeInterval(30)
        while events.count < count && Date() < deadline {
            events += refresher.drain()
            if events.count < count { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        // The sleep itself may end long after the deadline when blocking tests hold the pool: look once more.
        return events + refresher.drain()
    }

    @Test func loadsInTheBackgroundAndPostsResultsToTheQueue() async throws {
        let source = FakeSource()
        // An hour: when blocking tests starve the pool this test can take minutes, and a timed load then
        // would be counted as well.
        let refresher = DashboardRefresher(source: source, interval: 3600)
        refresher.start()
        defer { refresher.stop() }
        let events = try await waitFor(refresher, count: 2)
        guard case .started = events.first, case .loaded(let snapshot) = events.dropFirst().first else {
            Issue.record("unexpected events \(events)")
            return
        }
        #expect(snapshot == Fixture.snapshot)

        source.setFailing(true)
        refresher.requestRefresh()
        let failure = try await waitFor(refresher, count: 2)
        guard case .failed(let message) = failure.last else {
            Issue.record("expected a failure, got \(failure)")
            return
        }
        #expect(message == "database down")
        #expect(source.loads == 2, "interval is an hour: only the initial and the requested load ran")
    }
}
