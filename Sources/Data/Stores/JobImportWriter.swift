import Core
import Foundation

/// Writes one file's postings to PostgreSQL in one transaction: new rows stream through one COPY into
/// `job_postings` with their cross-platform grouping already decided (`NearDuplicateGrouper`), rows that may
/// update a stored posting go through a staging table, then one `job_import_batches` row per platform with its
/// errors and a `jobs/imported` event. A crash or kill midway leaves nothing behind: the transaction never commits.
public final class JobImportWriter {
    private let conn: PGConnection

    public init(connection: PGConnection) { self.conn = connection }

    static let stageColumns = [
        "record_no", "platform", "external_job_id", "url", "title", "company", "location_raw", "city", "region",
        "country", "work_mode", "work_mode_evidence", "description", "requirements", "skills", "salary_raw",
        "salary_currency", "salary_interval", "salary_min", "salary_max", "salary_annual_min", "salary_annual_max",
        "salary_source", "salary_unstated", "salary_note", "experience_raw", "experience_min", "experience_max",
        "job_type", "keywords", "posted_at", "content_hash", "fingerprint", "description_simhash", "revision_hash",
    ]

    /// Postings looked up and written per round trip: large enough that a round trip is cheap per row, small
    /// enough that the five chunks in flight (being filled, queued and looked up, queued and streamed: see
    /// `ImportPipeline`) stay ~15 MiB of client memory (~3 KB a posting). 100,000 postings: peak 113 MiB at
    /// 1,024, 129 MiB at 2,048, the same speed.
    static let chunkSize = 1024
    /// Serializes imports (`pg_advisory_xact_lock`): the new-or-known decision made per chunk stays
    /// true until the transaction commits, so new rows can be copied straight into `job_postings`.
    static let importLockKey: Int64 = 0x4345_4E54_494D_5054  // "CENTIMPT"

    /// Imports one file; throws `FileImportError` when the file cannot be read at all.
    ///
    /// Rows go to the database in chunks: one query finds which rows of the chunk are already known
    /// (same platform and external id, or the same content on any platform); new rows are copied
    /// straight into `job_postings`, known ones into the staging table, where the update and
    /// source-URL rules run once at the end. Duplicates within the file never leave the client.
    public func importFile(_ url: URL, reader: JobFileReader, displayName: String? = nil) throws -> FileImportSummary {
        let started = Date()
        let name = displayName ?? url.lastPathComponent
        var issues: [RecordIssue] = []
        var validPerPlatform: [String: Int] = [:]
        var rejectedPerPlatform: [String: Int] = [:]
        var info: JobFileReader.FileInfo?

        let batches: [ImportBatchSummary] = try conn.transaction {
            try conn.query("SELECT pg_advisory_xact_lock($1)", [Self.importLockKey])
            // Import sessions only: commit without waiting for the WAL flush (a crash loses at most the
            // last file, never half of one), sort and hash in memory, and let the GIN index on skills
            // collect new entries in a larger pending list.
            try conn.query("SET LOCAL synchronous_commit = off")
            try conn.query("SET LOCAL work_mem = '64MB'")
            try conn.query("SET LOCAL gin_pending_list_limit = '32MB'")
            try conn.query("""
                CREATE TEMP TABLE import_stage (LIKE job_postings INCLUDING DEFAULTS, record_no integer NOT NULL)
                WITH (toast_tuple_target = 8160) ON COMMIT DROP
                """)
            try conn.query("ALTER TABLE import_stage ALTER COLUMN id DROP DEFAULT, ALTER COLUMN id DROP NOT NULL")
            let lookup = try PGConnection(conninfo: conn.conninfo)
            let router = ImportChunkRouter(connection: conn, lookup: lookup, fileName: name, sourcePath: url.path,
                                           roles: try roleAliases())
            let pipeline = ImportPipeline(router: router)
            var chunk: [(Int, JobPosting)] = []
            chunk.reserveCapacity(Self.chunkSize)
            do {
                info = try reader.read(url) { outcome in
                    switch outcome {
                    case .rejected(let issue):
                        issues.append(issue)
                        rejectedPerPlatform[issue.platform ?? "", default: 0] += 1
                    case .posting(let n, let p, let warnings):
                        issues += warnings
                        validPerPlatform[p.platform, default: 0] += 1
                        if router.isFirstInFile(p) { chunk.append((n, p)) }
                        if chunk.count >= Self.chunkSize {
                            try pipeline.submit(chunk)
                            chunk.removeAll(keepingCapacity: true)
                        }
                    }
                }
                try pipeline.submit(chunk)
                try pipeline.finish()
                try router.finish()
            } catch {
                pipeline.stop()
                router.abort(error)
                throw error
            }
            guard let info else { return [] }
            let format = "\(info.format.rawValue) \(info.container)"
            // Rejections with no platform of their own belong to the file's main platform.
            let mainPlatform = validPerPlatform.max(by: { $0.value < $1.value })?.key
                ?? reader.normalizer.platformOverride ?? info.format.defaultPlatform
            if let unknown = rejectedPerPlatform.removeValue(forKey: "") {
                rejectedPerPlatform[mainPlatform, default: 0] += unknown
            }
            let platforms = Set(validPerPlatform.keys).union(rejectedPerPlatform.keys).sorted()
            for platform in platforms where router.batchIds[platform] == nil { _ = try router.batchId(platform) }
            let batchIds = router.batchIds
            var inserted = router.inserted
            var updated: [String: Int] = [:]
            // The rows copied while the file streamed were grouped then; rows that went through the stage
            // (updated, or inserted after all) are grouped here, by the same rule in SQL.
            var stagedIds: [Int64] = []
            if router.staged > 0 {
                let changed = try updateChanged(batchIds: batchIds)
                let added = try insertStaged(batchIds: batchIds)
                updated = changed.counts
                for (platform, n) in added.counts { inserted[platform, default: 0] += n }
                stagedIds = changed.ids + added.ids
            }
            var grouped: [String: Int] = [:]
            for (platform, n) in try router.finishGrouping() {
                inserted[platform, default: 0] -= n
                grouped[platform, default: 0] += n
            }
            if !stagedIds.isEmpty {
                try refreshStatistics(inserted: inserted.values.reduce(0, +))
                // Grouped postings are stored (own URL and id) but count as duplicates of their canonical posting.
                for (platform, n) in try groupNearDuplicates(ids: stagedIds) {
                    inserted[platform, default: 0] -= n
                    grouped[platform, default: 0] += n
                }
            }
            if !stagedIds.isEmpty { try mapRoles(ids: stagedIds) }
            var summaries: [ImportBatchSummary] = []
            for platform in platforms {
                guard let id = batchIds[platform] else { continue }
                let valid = validPerPlatform[platform] ?? 0
                let rejected = rejectedPerPlatform[platform] ?? 0
                let imported = inserted[platform] ?? 0
                let changed = updated[platform] ?? 0
                let own = issues.filter { ($0.platform ?? mainPlatform) == platform }
                let warnings = own.filter { $0.severity == .warning }.count
                try conn.query("""
                    UPDATE job_import_batches SET imported = $2, updated = $3, duplicates = $4, records_read = $5,
                           rejected = $6, format = $7, finished_at = clock_timestamp()
                    WHERE id = $1
                    """, [id, imported, changed, valid - imported - changed, valid + rejected, rejected, format])
                try writeIssues(own, batchId: id)
                let duplicates = valid - imported - changed
                let groupedHere = grouped[platform] ?? 0
                if imported + changed > 0 {
                    try conn.query("""
                        INSERT INTO wf_events (name, dedup_key, payload)
                        VALUES ('jobs/imported', 'import-batch:' || $1::text,
                                jsonb_build_object('batch_id', $1::bigint, 'platform', $2::text, 'imported', $3::int,
                                                   'updated', $4::int, 'duplicates', $5::int, 'grouped', $6::int,
                                                   'rejected', $7::int))
                        """, [id, platform, imported, changed, duplicates, groupedHere, rejected])
                }
                summaries.append(ImportBatchSummary(batchId: id, platform: platform, read: valid + rejected,
                                                    imported: imported, updated: changed, duplicates: duplicates,
                                                    grouped: groupedHere, rejected: rejected, warnings: warnings))
            }
            return summaries
        }
        return FileImportSummary(file: name, format: info.map { "\($0.format.rawValue) \($0.container), \($0.encoding)" } ?? "",
                                 batches: batches, issues: issues, seconds: Date().timeIntervalSince(started))
    }

    static let updatableColumns = [
        "url", "title", "company", "location_raw", "city", "region", "country", "work_mode", "work_mode_evidence",
        "description", "requirements", "skills", "salary_raw", "salary_currency", "salary_interval", "salary_min",
        "salary_max", "salary_annual_min", "salary_annual_max", "salary_source", "salary_unstated", "salary_note",
        "experience_raw", "experience_min", "experience_max", "job_type", "keywords", "posted_at", "content_hash",
        "fingerprint", "description_simhash", "revision_hash",
    ]

    /// A posting already stored under the same platform and external id whose content changed is
    /// updated in place (the same job, edited by its poster); returns updated rows per platform, and their ids.
    private func updateChanged(batchIds: [String: Int64]) throws -> (counts: [String: Int], ids: [Int64]) {
        let platforms = Array(batchIds.keys)
        let set = Self.updatableColumns.map { "\($0) = s.\($0)" }.joined(separator: ", ")
        let r = try conn.query("""
            WITH batch AS (SELECT * FROM unnest($1::text[], $2::bigint[]) AS b(platform, id)),
            upd AS (
                UPDATE job_postings j SET \(set), import_batch_id = batch.id, updated_at = now(),
                       status = 'ACTIVE', expired_at = NULL, expired_reason = NULL
                FROM import_stage s JOIN batch ON batch.platform = s.platform
                WHERE j.platform = s.platform AND j.external_job_id = s.external_job_id
                  AND (j.content_hash <> s.content_hash OR j.revision_hash <> s.revision_hash)
                RETURNING j.platform, j.id)
            SELECT platform, id FROM upd
            """, [platforms, platforms.map { String(batchIds[$0]!) }])
        return Self.platformsAndIds(r)
    }

    /// Rows of (platform, id): the count per platform, and the ids.
    private static func platformsAndIds(_ r: PGResult) -> (counts: [String: Int], ids: [Int64]) {
        var counts: [String: Int] = [:]
        var ids: [Int64] = []
        for row in 0..<r.rowCount {
            counts[r.string(row, 0) ?? "", default: 0] += 1
            if let id = r.int64(row, 1) { ids.append(id) }
        }
        return (counts, ids)
    }

    /// After a file that grew `job_postings` by more than a tenth, refreshes the planner's statistics of the
    /// columns the grouping query joins on, inside the transaction (it sees its own rows). Without it the
    /// first large import into an empty table was planned for 0 rows (autovacuum had sampled the table
    /// while the uncommitted COPY ran) and the grouping ran nested loops for minutes instead of seconds.
    private func refreshStatistics(inserted: Int) throws {
        guard inserted >= 1_000 else { return }
        let rows = try conn.query("SELECT reltuples FROM pg_class WHERE oid = 'job_postings'::regclass").double(0, 0) ?? 0
        guard Double(inserted) > 0.1 * max(rows, 0) else { return }
        try conn.query("ANALYZE job_postings (fingerprint, import_batch_id, canonical_job_id, content_hash)")
    }

    /// Bits two descriptions' SimHashes may differ by and still count as the same text (~90 % alike).
    static let simHashTolerance = 6
    /// How many earlier postings of the same fingerprint a new posting is compared with.
    static let groupCandidates = 20

    /// Points each of the postings `ids` (rows that went through the stage) that repeats an earlier one (same
    /// fingerprint, near-identical description) at it and records why (its URL stays with it: see the view
    /// `job_posting_sources`); the rule of `NearDuplicateGrouper`, which groups the rows copied while the file streamed.
    /// Returns grouped postings per platform.
    private func groupNearDuplicates(ids: [Int64]) throws -> [String: Int] {
        let r = try conn.query("""
            WITH batch_fingerprints AS (
                SELECT DISTINCT fingerprint FROM job_postings
                WHERE id = ANY ($1::bigint[]) AND fingerprint <> ''),
            -- The earliest canonical postings of each fingerprint only: bounded work per posting even
            -- when thousands share one (a staffing agency's template). Hash joins, no per-row lookups.
            earliest AS (
                SELECT * FROM (
                    SELECT c.id, c.fingerprint, c.platform, c.description, c.description_simhash,
                           row_number() OVER (PARTITION BY c.fingerprint ORDER BY c.id) AS rank
                    FROM job_postings c JOIN batch_fingerprints f USING (fingerprint)
                    WHERE c.canonical_job_id IS NULL) r
                WHERE rank <= \(Self.groupCandidates)),
            candidates AS (
                SELECT d.id AS dup, c.id AS canon, c.platform AS canon_platform,
                       bit_count(((c.description_simhash # d.description_simhash))::bit(64)) AS bits,
                       CASE WHEN length(c.description) <= length(d.description)
                            THEN position(left(c.description, 120) IN d.description) > 0
                            ELSE position(left(d.description, 120) IN c.description) > 0 END AS contained,
                       length(c.description) < 60 AND length(d.description) < 60 AS both_short
                FROM job_postings d
                JOIN earliest c ON c.fingerprint = d.fingerprint AND c.id < d.id
                WHERE d.id = ANY ($1::bigint[]) AND d.fingerprint <> '' AND d.canonical_job_id IS NULL),
            pairs AS (
                SELECT DISTINCT ON (dup) dup, canon, canon_platform,
                       CASE WHEN bits <= $2 THEN format('description SimHash %s/64 bits apart', bits)
                            WHEN both_short THEN 'no description to compare'
                            ELSE 'one description begins the other (a summary of it)' END AS why
                FROM candidates
                WHERE bits <= $2 OR both_short OR (contained AND NOT both_short)
                ORDER BY dup, canon),
            grouped AS (
                UPDATE job_postings d SET canonical_job_id = p.canon,
                    duplicate_reason = format('same company, title and place as job %s (%s); %s', p.canon, p.canon_platform, p.why)
                FROM pairs p WHERE d.id = p.dup
                RETURNING d.platform)
            SELECT platform, count(*) FROM grouped GROUP BY platform
            """, [ids.map(String.init).pgText, Self.simHashTolerance])
        return r.countsByKey()
    }

    /// The alias table, for mapping the copied rows to roles in the client (`ImportChunkRouter`).
    private func roleAliases() throws -> RoleAliasIndex {
        let r = try conn.query("SELECT alias, role_id FROM role_aliases")
        return RoleAliasIndex((0..<r.rowCount).compactMap { i in
            guard let alias = r.string(i, 0), let role = r.int64(i, 1) else { return nil }
            return (alias: alias, roleId: role)
        })
    }

    /// Maps postings that went through the stage (`ids`) to canonical roles whose alias appears in the title as
    /// whole words ("Senior Python Developer" → Python Developer), by the rule of `RoleAliasIndex`: each title's
    /// runs of 1 to N words (N: the longest alias) are joined to `role_aliases` by equality. (The copied rows
    /// are mapped in the client: this query took 4.4 s of a 100,000-posting import.)
    private func mapRoles(ids: [Int64]) throws {
        try Self.mapRolesByAlias(conn, ids: ids)
    }

    /// Maps postings to the canonical roles whose `role_aliases` entry appears in the title as whole words, into
    /// `role_job_mapping`: the postings `ids`, or, with nil, every posting that has no role yet (after roles were
    /// added: `centrald roles map`, the demo's roles, a candidate's new preferred role). Returns the rows added.
    @discardableResult
    public static func mapRolesByAlias(_ conn: PGConnection, ids: [Int64]?) throws -> Int {
        let which = ids == nil
            ? "NOT EXISTS (SELECT 1 FROM role_job_mapping m WHERE m.job_posting_id = j.id)"
            : "j.id = ANY ($1::bigint[])"
        let r = try conn.query("""
            WITH titles AS (
                SELECT j.id, string_to_array(btrim(regexp_replace(lower(j.title), '[^a-z0-9+#.]+', ' ', 'g')), ' ') AS w
                FROM job_postings j
                WHERE \(which)),
            longest AS (SELECT coalesce(max(cardinality(string_to_array(alias, ' '))), 1) AS n FROM role_aliases),
            runs AS (
                SELECT t.id, array_to_string(t.w[i:i + len - 1], ' ') AS phrase
                FROM titles t, longest, generate_series(1, cardinality(t.w)) AS i, generate_series(1, longest.n) AS len
                WHERE i + len - 1 <= cardinality(t.w)),
            added AS (
                INSERT INTO role_job_mapping (role_id, job_posting_id, method)
                SELECT DISTINCT ra.role_id, r.id, 'alias'
                FROM runs r JOIN role_aliases ra ON ra.alias = r.phrase
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*) FROM added
            """, ids.map { [$0.map(String.init).pgText] } ?? [])
        return r.int(0, 0) ?? 0
    }

    /// Drops duplicates from the stage and inserts the rest; returns inserted rows per platform, and their ids.
    private func insertStaged(batchIds: [String: Int64]) throws -> (counts: [String: Int], ids: [Int64]) {
        // Identical content already stored under another platform or id: keep its URL with the original.
        try conn.query("""
            UPDATE job_postings j SET source_urls = array_append(j.source_urls, s.url), updated_at = now()
            FROM import_stage s
            WHERE j.content_hash = s.content_hash AND s.url IS NOT NULL
              AND (j.platform, j.external_job_id) <> (s.platform, s.external_job_id)
              AND s.url <> ALL (j.source_urls) AND s.url IS DISTINCT FROM j.url
            """)
        let platforms = Array(batchIds.keys)
        let ids = platforms.map { String(batchIds[$0]!) }
        let cols = Self.stageColumns.dropFirst().joined(separator: ", ")
        let r = try conn.query("""
            WITH batch AS (SELECT * FROM unnest($1::text[], $2::bigint[]) AS b(platform, id)),
            ins AS (
                INSERT INTO job_postings (\(cols), import_batch_id, source_urls)
                SELECT \(Self.stageColumns.dropFirst().map { "s." + $0 }.joined(separator: ", ")), batch.id,
                       CASE WHEN s.url IS NULL THEN '{}'::text[] ELSE ARRAY[s.url] END
                FROM import_stage s JOIN batch ON batch.platform = s.platform
                WHERE NOT EXISTS (SELECT 1 FROM job_postings j WHERE j.content_hash = s.content_hash)
                ORDER BY s.record_no
                ON CONFLICT (platform, external_job_id) DO NOTHING
                RETURNING platform, id)
            SELECT platform, id FROM ins
            """, [platforms, ids])
        return Self.platformsAndIds(r)
    }

    private func writeIssues(_ issues: [RecordIssue], batchId: Int64) throws {
        guard !issues.isEmpty else { return }
        // One row per (record, field): keep the first reason.
        var seen = Set<String>()
        let unique = issues.filter { seen.insert("\($0.recordNumber)|\($0.field)").inserted }
        try conn.query("""
            INSERT INTO job_import_errors (batch_id, record_number, field, reason)
            SELECT $1, n, f, r FROM unnest($2::int[], $3::text[], $4::text[]) AS e(n, f, r)
            """, [batchId, unique.map { String($0.recordNumber) }, unique.map(\.field),
                  unique.map { ($0.severity == .warning ? "warning: " : "") + $0.reason }])
    }

    static func copyRow(_ n: Int, _ p: JobPosting) -> [String?] {
        let num = PGArray.number
        let s = p.salary
        return [
            String(n), p.platform, p.externalJobId ?? "h:" + p.contentHash, p.url, p.title, p.company, p.locationRaw,
            p.location.city, p.location.region, p.location.country, p.workMode.rawValue, p.workModeEvidence,
            p.description, p.requirements, p.skills.pgText, p.salaryRaw,
            s?.currency, s?.interval.rawValue, num(s?.min), num(s?.max), num(s?.annualMin), num(s?.annualMax),
            s?.source.rawValue, s.map { $0.unstated ? "t" : "f" } ?? "f", s?.note, p.experienceRaw,
            num(p.experience?.yearsMin), num(p.experience?.yearsMax), p.jobType, p.keywords.pgText,
            p.postedAt?.pgText, p.contentHash, p.fingerprint, String(p.descriptionSimHash), p.revisionHash,
        ]
    }
}
