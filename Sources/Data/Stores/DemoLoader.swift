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
        for role in dataset.roles {
            let r = try conn.query("""
                INSERT INTO global_roles (canonical_role) VALUES ($1)
                ON CONFLICT (canonical_role) DO UPDATE SET canonical_role = EXCLUDED.canonical_role RETURNING id
                """, [role.name])
            let id = r.int64(0, 0) ?? 0
            for alias in [role.name] + role.aliases {
                try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES (lower($1), $2) ON CONFLICT DO NOTHING", [alias, id])
            }
        }
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

    /// Inserts `candidates` (their tenants must exist), resolving preferred roles through `role_aliases`;
    /// a candidate already stored under the same tenant and reference is left as it is. Returns the count given.
    @discardableResult
    public func insertCandidates(_ candidates: [DemoCandidate]) throws -> Int {
        try conn.query("""
            INSERT INTO candidates (tenant_id, external_ref, first_name, last_name, email, title, summary, skills,
                total_experience_years, expected_salary, salary_currency, salary_interval, preferred_locations,
                remote_preference, preferred_role_ids, status)
            SELECT t.id, c.ref, c.first, c.last, c.email, c.title, c.summary, c.skills::text[], c.years, c.salary, c.currency,
                   c.interval, c.locations::text[], c.remote,
                   coalesce((SELECT array_agg(DISTINCT ra.role_id) FROM role_aliases ra
                             WHERE ra.alias = ANY (lower(c.roles)::text[])), '{}'), c.status
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::numeric[], $10::numeric[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
                 AS c(tenant, ref, first, last, email, title, summary, skills, years, salary, currency, interval, locations,
                      remote, roles, status)
            JOIN tenants t ON t.slug = c.tenant
            ON CONFLICT (tenant_id, external_ref) DO NOTHING
            """, [
                candidates.map(\.tenantSlug), candidates.map(\.externalRef), candidates.map(\.firstName),
                candidates.map(\.lastName), candidates.map(\.email), candidates.map(\.title), candidates.map(\.summary),
                candidates.map { $0.skills.pgText }, candidates.map { String($0.totalExperienceYears) },
                PGArray.literal(candidates.map { $0.expectedSalary.map { String($0) } }), candidates.map(\.salaryCurrency),
                candidates.map(\.salaryInterval), candidates.map { $0.preferredLocations.pgText }, candidates.map(\.remotePreference),
                candidates.map { $0.preferredRoles.pgText }, candidates.map(\.status),
            ])
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
