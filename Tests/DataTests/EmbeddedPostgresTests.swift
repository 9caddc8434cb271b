import Foundation
import Testing

@testable import Data

@Suite("Embedded PostgreSQL and migrations")
struct EmbeddedPostgresTests {
    @Test func schemaHasEveryTableOfTheDesign() throws {
        let (conn, _) = try TestDatabase.fresh()
        let r = try conn.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        let tables = Set((0..<r.rowCount).compactMap { r.string($0, 0) })
        for t in ["tenants", "tenant_members", "job_postings", "candidates", "candidate_job_matches", "match_status_events",
                  "global_roles", "role_aliases", "scraper_api_keys", "scrape_activity_log", "job_import_batches",
                  "job_import_errors", "role_job_mapping", "wf_events", "wf_runs", "wf_steps", "wf_cron_state", "wf_leader",
                  "audit_log", "schema_migrations"] {
            #expect(tables.contains(t), "missing table \(t)")
        }
        #expect(try conn.text("SELECT extversion FROM pg_extension WHERE extname = 'vector'") != nil)
        let rls = try conn.query("SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY 1")
        #expect((0..<rls.rowCount).compactMap { rls.string($0, 0) } == ["candidate_job_matches", "candidates", "match_status_events"])
    }

    @Test func migratingTwiceAppliesNothing() throws {
        let (conn, _) = try TestDatabase.fresh()
        #expect(try Migrator(connection: conn).migrate() == [])
        #expect(try conn.scalar("SELECT count(*) FROM schema_migrations") == (try Migrator.bundled().count))
    }

    @Test func concurrentMigrationsApplyEachVersionOnce() throws {
        let (_, info) = try TestDatabase.fresh()
        // A second database created without migrations, then migrated from 4 threads at once.
        let admin = try PGConnection(conninfo: TestDatabase.embedded.conninfo(database: "postgres"))
        let name = "t_concurrent_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try admin.query("CREATE DATABASE \(name)")
        let target = TestDatabase.embedded.conninfo(database: name)
        let errors = NSLock()
        nonisolated(unsafe) var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { try Migrator(connection: PGConnection(conninfo: target)).migrate() } catch {
                errors.lock(); failures.append("\(error)"); errors.unlock()
            }
        }
        #expect(failures.isEmpty)
        let conn = try PGConnection(conninfo: target)
        #expect(try conn.scalar("SELECT count(*) FROM schema_migrations") == (try Migrator.bundled().count))
        _ = info
    }

    @Test func urlReachesTheServer() throws {
        _ = try TestDatabase.fresh()
        let url = TestDatabase.embedded.url()
        #expect(url.hasPrefix("postgresql://postgres@/centrald?host="))
        let conn = try PGConnection(conninfo: url)
        #expect(try conn.text("SELECT current_database()") == "centrald")
    }

    @Test func parameterErrorsKeepSQLStateButNotValues() throws {
        let (conn, _) = try TestDatabase.fresh()
        try conn.query("INSERT INTO tenants (slug, name) VALUES ($1, $2)", ["acme", "Acme"])
        do {
            try conn.query("INSERT INTO tenants (slug, name) VALUES ($1, $2)", ["acme", "secret-value-xyz"])
            Issue.record("expected a unique violation")
        } catch let e as PGError {
            #expect(e.sqlState == "23505")
            #expect(!e.description.contains("secret-value-xyz"))
        }
    }

    /// A server killed with SIGKILL leaves postmaster.pid behind; the next command recovers.
    @Test(.timeLimit(.minutes(2))) func staleServerIsRecovered() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("centrald-stale-\(UUID().uuidString.prefix(8))")
        var messages: [String] = []
        let pg = EmbeddedPostgres(home: home, log: { messages.append($0) })
        defer {
            _ = try? pg.stop()
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: pg.clusterDir)
        }
        try pg.ensureRunning()
        let first = try #require(try pg.status().pid)
        kill(first, SIGKILL)
        var waited = 0
        while kill(first, 0) == 0 && waited < 50 { usleep(100_000); waited += 1 }
        try pg.ensureRunning()
        let second = try #require(try pg.status().pid)
        #expect(second != first)
        #expect(messages.contains { $0.contains("not shut down cleanly") })
        let conn = try PGConnection(conninfo: pg.conninfo())
        #expect(try conn.scalar("SELECT 1") == 1)
    }
}
