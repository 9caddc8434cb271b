import Core
import Foundation
import Testing

@testable import Data

@Suite("Demo data and the dashboard query")
struct DashboardSourceTests {
    @Test(.timeLimit(.minutes(3))) func demoFillsEveryPanelAndLoadingTwiceAddsNothing() throws {
        let (conn, info) = try TestDatabase.fresh()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("centrald-demo-\(UUID().uuidString)")
        let now = Date()
        let first = try DemoLoader(connection: conn, directory: dir, now: now).load()
        #expect(first.imports.count == 5)
        #expect(first.imports.reduce(0) { $0 + $1.imported } > 550)
        let counts = { () throws -> [Int] in
            try ["job_postings", "job_import_batches", "candidates", "tenants", "scrape_activity_log", "global_roles"].map {
                try conn.scalar("SELECT count(*) FROM \($0)") ?? -1
            }
        }
        let before = try counts()
        let second = try DemoLoader(connection: conn, directory: dir, now: now).load()
        #expect(second.imports.isEmpty)
        #expect(try counts() == before)
        #expect(before[2] == 300)

        let snap = try PostgresDashboardSource(conninfo: info).loadDashboard(now: now)
        #expect(snap.scrapers.count == 5)
        #expect(snap.scrapers.filter(\.isActive).count >= 2)
        #expect(snap.scrapers.contains { $0.currentRole != nil })
        #expect(snap.activity.count == 100)
        #expect(Set(snap.activity.map(\.status)).isSuperset(of: [.completed, .inProgress]))
        #expect(snap.performance.count == 5)
        #expect(snap.performance.allSatisfy { ($0.successRate ?? 0) > 0.5 && $0.totalJobs > 0 })
        #expect(snap.batches.count >= 5)
        #expect(snap.platforms.reduce(0) { $0 + $1.active } == before[0])
    }
}
