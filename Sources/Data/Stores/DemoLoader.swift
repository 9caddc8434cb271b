import Core
import Foundation

/// Loads the generated demo data set: job files through the real importer, roles, tenants,
/// candidates, scrapers and 24 h of scrape history. Running it again adds no duplicates: job
/// files already imported are skipped, rows are upserted by their natural keys, and the demo
/// scrapers' history is replaced so that it always ends now.
public struct DemoLoader {
    public struct Result {
        public var imports: [FileImportSummary] = []
        public var skippedFiles: [String] = []
        public var tenants = 0
        public var candidates = 0
        public var roles = 0
        public var scrapeRuns = 0
    }

    let conn: PGConnection
    let dataset: DemoDataset
    let directory: URL

    public init(connection: PGConnection, directory: URL, now: Date = Date()) {
        conn = connection
        dataset = DemoDataset(seed: 42, now: now)
        self.directory = directory
    }

    public func load() throws -> Result {
        var result = Result()
        result.roles = try loadRoles()
        let files = try dataset.writeJobFiles(to: directory)
        let writer = JobImportWriter(connection: conn)
        let reader = JobFileReader(now: dataset.now)
        for file in files {
            let done = try conn.query("SELECT 1 FROM job_import_batches WHERE file_name = $1 LIMIT 1", [file.lastPathComponent])
            if done.rowCount > 0 {
                result.skippedFiles.append(file.lastPathComponent)
                continue
            }
            result.imports.append(try writer.importFile(file, reader: reader, displayName: file.lastPathComponent))
        }
        result.tenants = try loadTenants()
        result.candidates = try loadCandidates()
        result.scrapeRuns = try loadScrapers()
        return result
    }

    /// Inserts the 25 canonical roles and their aliases (idempotent); returns how many roles.
    @discardableResult
    public func loadRoles() throws -> Int {
        var aliasesAdded = 0
        for role in dataset.roles {
            let r = try conn.query("""
                INSERT INTO global_roles (canonical_role) VALUES ($1)
                ON CONFLICT (canonical_role) DO UPDATE SET canonical_role = EXCLUDED.canonical_role RETURNING id
                """, [role.name])
            let id = r.int64(0, 0) ?? 0
            for alias in [role.name] + role.aliases {
                let added = try conn.query("""
                    INSERT INTO role_aliases (alias, role_id) VALUES (lower($1), $2) ON CONFLICT DO NOTHING RETURNING 1
                    """, [alias, id])
                aliasesAdded += added.rowCount
            }
        }
        // Postings imported before the roles existed get theirs now (nothing to do when every alias was there).
        if aliasesAdded > 0 { try JobImportWriter.mapRolesByAlias(conn, ids: nil) }
        return dataset.roles.count
    }

    /// Inserts the three demo tenants (idempotent); returns how many.
    @discardableResult
    public func loadTenants() throws -> Int {
        for t in dataset.tenants {
            try conn.query("INSERT INTO tenants (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING", [t.slug, t.name])
        }
        return dataset.tenants.count
    }

    private func loadCandidates() throws -> Int {
        try insertCandidates(dataset.candidates())
    }

    /// Stores `candidates` through the candidate importer's own upsert (their tenants must exist): a person already
    /// stored under the same tenant and reference is updated only when the profile changed. A newly inserted
    /// candidate gets the demo's recruiting status; a status changed since is left alone. Returns the count given.
    @discardableResult
    public func insertCandidates(_ candidates: [DemoCandidate]) throws -> Int {
        let store = CandidateStore(connection: conn)
        let tenants = TenantStore(connection: conn)
        try conn.transaction {
            for slug in Set(candidates.map(\.tenantSlug)).sorted() {
                let group = candidates.filter { $0.tenantSlug == slug }
                _ = try store.upsert(group.map(\.record), tenantId: try tenants.tenant(slug: slug).id)
            }
            try conn.query("""
                UPDATE candidates c SET status = d.status
                FROM unnest($1::text[], $2::text[], $3::text[]) AS d(tenant, ref, status)
                JOIN tenants t ON t.slug = d.tenant
                WHERE c.tenant_id = t.id AND c.external_ref = d.ref AND c.status = 'new'
                """, [candidates.map(\.tenantSlug), candidates.map { $0.record.externalRef ?? "" }, candidates.map(\.status)])
        }
        return candidates.count
    }

    private func loadScrapers() throws -> Int {
        for s in dataset.scrapers {
            // The demo never shows a secret: store the hash of a random one.
            try conn.query("""
                INSERT INTO scraper_api_keys (name, key_prefix, key_sha256, platforms)
                VALUES ($1, $2, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), $3::text[])
                ON CONFLICT (name) DO NOTHING
                """, [s.name, s.keyPrefix, s.platforms])
        }
        let runs = dataset.scrapeHistory()
        try conn.transaction {
            try conn.query("DELETE FROM scrape_activity_log WHERE scraper_name = ANY ($1::text[])", [dataset.scrapers.map(\.name)])
            try conn.query("""
                INSERT INTO scrape_activity_log (scraper_key_id, scraper_name, role_id, role_name, status, started_at, finished_at,
                    jobs_found, jobs_imported, duplicates, platforms, error)
                SELECT k.id, r.scraper, g.id, r.role, r.status, r.started, r.finished, r.found, r.imported, r.dups,
                       r.platforms::text[], r.error
                FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[],
                            $8::int[], $9::text[], $10::text[])
                     AS r(scraper, role, status, started, finished, found, imported, dups, platforms, error)
                LEFT JOIN scraper_api_keys k ON k.name = r.scraper
                LEFT JOIN global_roles g ON g.canonical_role = r.role
                """, [
                    runs.map(\.scraper), runs.map(\.role), runs.map(\.status.rawValue), runs.map { $0.startedAt.pgText },
                    PGArray.literal(runs.map { $0.finishedAt?.pgText }), PGArray.literal(runs.map { $0.status == .inProgress ? nil : String($0.jobsFound) }),
                    PGArray.literal(runs.map { $0.status == .inProgress ? nil : String($0.jobsImported) }),
                    PGArray.literal(runs.map { $0.status == .inProgress ? nil : String($0.duplicates) }), runs.map { $0.platforms.pgText },
                    PGArray.literal(runs.map(\.errorMessage)),
                ])
        }
        return runs.count
    }
}
