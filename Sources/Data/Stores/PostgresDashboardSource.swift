import Core
import Foundation

/// Reads the dashboard from PostgreSQL. Each load opens its own connection (on the calling,
/// background thread) and reuses it while it works.
public final class PostgresDashboardSource: DashboardSource, @unchecked Sendable {
    private let conninfo: String
    private let lock = NSLock()
    private var conn: PGConnection?

    public init(conninfo: String) { self.conninfo = conninfo }

    public func loadDashboard(now: Date) throws -> DashboardSnapshot {
        lock.lock()
        defer { lock.unlock() }
        do {
            if conn == nil { conn = try PGConnection(conninfo: conninfo) }
            return try load(conn!, now: now)
        } catch {
            conn = nil  // reconnect next time
            throw error
        }
    }

    /// How long after its last activity a scraper still counts as active.
    static let activeWindow: TimeInterval = 15 * 60

    func load(_ c: PGConnection, now: Date) throws -> DashboardSnapshot {
        var snap = DashboardSnapshot(takenAt: now)
        let scrapers = try c.query("""
            WITH names AS (
                SELECT name FROM scraper_api_keys WHERE revoked_at IS NULL
                UNION SELECT DISTINCT scraper_name FROM scrape_activity_log WHERE started_at > $1::timestamptz - interval '7 days'),
            last AS (
                SELECT scraper_name, max(coalesce(finished_at, started_at)) AS last_active
                FROM scrape_activity_log GROUP BY scraper_name),
            running AS (
                SELECT DISTINCT ON (scraper_name) scraper_name, role_name
                FROM scrape_activity_log WHERE status = 'in_progress' ORDER BY scraper_name, started_at DESC),
            rate AS (
                SELECT scraper_name, coalesce(sum(jobs_found), 0) / 24.0 AS per_hour
                FROM scrape_activity_log WHERE started_at > $1::timestamptz - interval '24 hours' GROUP BY scraper_name)
            SELECT n.name, r.role_name, extract(epoch FROM l.last_active), coalesce(round(rate.per_hour), 0)::int
            FROM names n LEFT JOIN last l ON l.scraper_name = n.name LEFT JOIN running r ON r.scraper_name = n.name
            LEFT JOIN rate ON rate.scraper_name = n.name
            ORDER BY n.name
            """, [now])
        for i in 0..<scrapers.rowCount {
            let last = scrapers.date(i, 2)
            let role = scrapers.string(i, 1)
            let active = role != nil || (last.map { now.timeIntervalSince($0) < Self.activeWindow } ?? false)
            snap.scrapers.append(ScraperRow(name: scrapers.string(i, 0) ?? "", isActive: active, currentRole: role,
                                            lastActive: last, jobsPerHour: scrapers.int(i, 3) ?? 0))
        }
        let activity = try c.query("""
            SELECT id, extract(epoch FROM started_at), scraper_name, role_name, jobs_found,
                   extract(epoch FROM finished_at - started_at), status
            FROM scrape_activity_log ORDER BY started_at DESC, id DESC LIMIT 100
            """)
        for i in 0..<activity.rowCount {
            snap.activity.append(ScrapeActivityRow(
                id: activity.int64(i, 0) ?? 0, startedAt: activity.date(i, 1) ?? now, scraper: activity.string(i, 2) ?? "",
                role: activity.string(i, 3) ?? "", jobsFound: activity.int(i, 4), durationSeconds: activity.double(i, 5),
                status: ScrapeStatus(rawValue: activity.string(i, 6) ?? "") ?? .failed))
        }
        let perf = try c.query("""
            SELECT scraper_name, coalesce(sum(jobs_found), 0)::int,
                   avg(extract(epoch FROM finished_at - started_at)) FILTER (WHERE finished_at IS NOT NULL),
                   count(*) FILTER (WHERE status IN ('completed', 'no_jobs', 'completed_late'))::float8
                       / nullif(count(*) FILTER (WHERE status <> 'in_progress'), 0),
                   count(*) FILTER (WHERE status IN ('timeout', 'failed'))::int
            FROM scrape_activity_log WHERE started_at > $1::timestamptz - interval '24 hours'
            GROUP BY scraper_name ORDER BY scraper_name
            """, [now])
        for i in 0..<perf.rowCount {
            snap.performance.append(ScraperPerformanceRow(
                scraper: perf.string(i, 0) ?? "", totalJobs: perf.int(i, 1) ?? 0, averageDurationSeconds: perf.double(i, 2),
                successRate: perf.double(i, 3), errors: perf.int(i, 4) ?? 0))
        }
        let batches = try c.query("""
            SELECT id, file_name, platform, extract(epoch FROM started_at), records_read, imported, duplicates, rejected,
                   updated
            FROM job_import_batches ORDER BY started_at DESC, id DESC LIMIT 50
            """)
        for i in 0..<batches.rowCount {
            snap.batches.append(ImportBatchRow(
                id: batches.int64(i, 0) ?? 0, fileName: (batches.string(i, 1) ?? "").split(separator: "/").last.map(String.init) ?? "",
                platform: batches.string(i, 2) ?? "", startedAt: batches.date(i, 3) ?? now, read: batches.int(i, 4) ?? 0,
                imported: batches.int(i, 5) ?? 0, updated: batches.int(i, 8) ?? 0, duplicates: batches.int(i, 6) ?? 0, rejected: batches.int(i, 7) ?? 0))
        }
        let platforms = try c.query("""
            SELECT platform, count(*) FILTER (WHERE status = 'ACTIVE')::int, count(*) FILTER (WHERE status = 'EXPIRED')::int
            FROM job_postings GROUP BY platform ORDER BY count(*) DESC, platform
            """)
        for i in 0..<platforms.rowCount {
            snap.platforms.append(PlatformCountRow(platform: platforms.string(i, 0) ?? "", active: platforms.int(i, 1) ?? 0,
                                                   expired: platforms.int(i, 2) ?? 0))
        }
        return snap
    }
}
