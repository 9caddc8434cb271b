import Core
import Foundation

/// The result of importing one candidate file.
public struct CandidateImportSummary: Sendable {
    public var file: String
    public var format: String
    public var tenant: String
    public var read: Int
    public var inserted: Int
    public var updated: Int
    /// Already stored with the same values.
    public var unchanged: Int
    public var rejected: Int
    public var warnings: Int
    /// Preferred-role names that matched no alias: each became a new canonical role, queued for scraping.
    public var newRoles: [String]
    /// Rejections and warnings in record order.
    public var issues: [RecordIssue]
    public var seconds: Double
}

/// A candidate as listed.
public struct CandidateRow: Sendable, Equatable {
    public var id: Int64
    public var externalRef: String?
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var title: String?
    public var skills: [String]
    public var totalExperienceYears: Double?
    public var status: String
    public var preferredRoles: [String]
    public var matches: Int
}

/// Candidates in PostgreSQL (per tenant, under row-level security: a recruiter's connection can only
/// write into the tenants its role belongs to).
public final class CandidateStore {
    private let conn: PGConnection

    public init(connection: PGConnection) { self.conn = connection }

    static let columns = [
        "external_ref", "first_name", "last_name", "email", "title", "summary", "skills", "total_experience_years",
        "expected_salary", "salary_currency", "salary_interval", "preferred_locations", "remote_preference",
        "preferred_role_ids",
    ]

    /// Imports one file into the tenant `tenantSlug` in one transaction: new people are inserted, people already
    /// stored under the same external ref are updated when something changed. Throws `FileImportError` when the file
    /// cannot be read and `StoreError.unknownTenant` for an unknown tenant.
    public func importFile(_ url: URL, tenantSlug: String, displayName: String? = nil) throws -> CandidateImportSummary {
        let started = Date()
        let name = displayName ?? url.lastPathComponent
        let tenant = try TenantStore(connection: conn).tenant(slug: tenantSlug)
        let contents = try CandidateRecordReader.read(url, displayName: name)
        var issues: [RecordIssue] = []
        var records: [(Int, CandidateRecord)] = []
        var refRecord: [String: Int] = [:]
        for outcome in contents.outcomes {
            switch outcome {
            case .rejected(let issue): issues.append(issue)
            case .candidate(let n, let record, let warnings):
                issues += warnings
                if let ref = record.externalRef {
                    if let earlier = refRecord[ref] {
                        issues.append(RecordIssue(recordNumber: n, field: "external_ref",
                                                  reason: "same external_ref '\(ref)' as record \(earlier)"))
                        continue
                    }
                    refRecord[ref] = n
                }
                records.append((n, record))
            }
        }
        let (inserted, updated, newRoles) = try conn.transaction { try upsert(records.map(\.1), tenantId: tenant.id) }
        return CandidateImportSummary(
            file: name, format: contents.format, tenant: tenant.slug, read: contents.outcomes.count, inserted: inserted,
            updated: updated, unchanged: records.count - inserted - updated,
            rejected: issues.filter { $0.severity == .rejected }.count,
            warnings: issues.filter { $0.severity == .warning }.count, newRoles: newRoles,
            issues: issues.sorted { $0.recordNumber < $1.recordNumber }, seconds: Date().timeIntervalSince(started))
    }

    /// Inserts `records` into the tenant `tenantId`, or updates a person already stored under the same external ref
    /// when something changed; preferred roles are resolved (unknown ones become new canonical roles). Call inside a
    /// transaction. Returns (inserted, updated, names of the roles that were added).
    public func upsert(_ records: [CandidateRecord], tenantId: String) throws -> (Int, Int, [String]) {
        let (roleIds, newRoles) = try resolveRoles(records.flatMap(\.preferredRoles))
        let rs = records
        let set = Self.columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        let changed = Self.columns.dropFirst().map { "candidates.\($0)" }.joined(separator: ", ")
        let incoming = Self.columns.dropFirst().map { "EXCLUDED.\($0)" }.joined(separator: ", ")
        let r = try conn.query("""
            INSERT INTO candidates (tenant_id, \(Self.columns.joined(separator: ", ")))
            SELECT $1::uuid, c.ref, c.first, c.last, c.email, c.title, c.summary, c.skills::text[], c.years, c.salary,
                   c.currency, c.interval, c.locations::text[], c.remote, c.roles::bigint[]
            FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::numeric[], $10::numeric[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
                AS c(ref, first, last, email, title, summary, skills, years, salary, currency, interval, locations,
                     remote, roles)
            ON CONFLICT (tenant_id, external_ref) DO UPDATE SET \(set), updated_at = now()
            WHERE (\(changed)) IS DISTINCT FROM (\(incoming))
            RETURNING (xmax = 0)
            """,
            [tenantId, PGArray.literal(rs.map(\.externalRef)), rs.map(\.firstName), rs.map(\.lastName),
             PGArray.literal(rs.map(\.email)), PGArray.literal(rs.map(\.title)), PGArray.literal(rs.map(\.summary)),
             rs.map { $0.skills.pgText }, PGArray.literal(rs.map { PGArray.number($0.totalExperienceYears) }),
             PGArray.literal(rs.map { PGArray.number($0.expectedSalary) }), PGArray.literal(rs.map(\.salaryCurrency)),
             PGArray.literal(rs.map { $0.salaryInterval?.rawValue }), rs.map { $0.preferredLocations.pgText },
             rs.map(\.remotePreference.rawValue),
             rs.map { r in "{" + r.preferredRoles.compactMap { roleIds[$0.lowercased()] }.map(String.init).joined(separator: ",") + "}" }])
        let inserted = (0..<r.rowCount).filter { r.bool($0, 0) == true }.count
        return (inserted, r.rowCount - inserted, newRoles)
    }

    /// Canonical role ids for role names (by alias, case-insensitive). A name no alias knows becomes a new
    /// `global_roles` row with itself as alias: the role is queued for scraping. Returns lower-cased name → id
    /// and the names that were added.
    func resolveRoles(_ names: [String]) throws -> ([String: Int64], [String]) {
        var firstSpelling: [String: String] = [:]
        for n in names where firstSpelling[n.lowercased()] == nil { firstSpelling[n.lowercased()] = n }
        guard !firstSpelling.isEmpty else { return ([:], []) }
        let keys = firstSpelling.keys.sorted()
        let known = try conn.query("SELECT alias, role_id FROM role_aliases WHERE alias = ANY ($1::text[])", [keys])
        var ids: [String: Int64] = [:]
        for i in 0..<known.rowCount { ids[known.string(i, 0) ?? ""] = known.int64(i, 1) }
        var added: [String] = []
        for key in keys where ids[key] == nil {
            let spelling = firstSpelling[key]!
            let r = try conn.query("""
                INSERT INTO global_roles (canonical_role) VALUES ($1)
                ON CONFLICT (canonical_role) DO UPDATE SET canonical_role = EXCLUDED.canonical_role
                RETURNING id, (xmax = 0)
                """, [spelling])
            guard let id = r.int64(0, 0) else { continue }
            try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [key, id])
            ids[key] = id
            if r.bool(0, 1) == true { added.append(spelling) }
        }
        // Postings already stored under a title the new role names are its jobs too.
        if !added.isEmpty { try JobImportWriter.mapRolesByAlias(conn, ids: nil) }
        return (ids, added)
    }

    /// Sets the candidate's status to `approved` and emits `candidate/approved` in the same transaction.
    /// Returns false (and emits nothing) when the candidate was already approved.
    @discardableResult
    public func approve(candidateId id: Int64) throws -> Bool {
        try conn.transaction {
            let r = try conn.query("SELECT status, tenant_id FROM candidates WHERE id = $1 FOR UPDATE", [id])
            guard r.rowCount == 1, let tenant = r.string(0, 1) else { throw StoreError.unknownCandidate(id) }
            if r.string(0, 0) == "approved" { return false }
            try conn.query("UPDATE candidates SET status = 'approved', updated_at = now() WHERE id = $1", [id])
            try conn.query("""
                INSERT INTO wf_events (name, payload)
                VALUES ('candidate/approved', jsonb_build_object('candidate_id', $1::bigint, 'tenant_id', $2::uuid,
                        'previous_status', $3::text, 'approved_by', current_user))
                """, [id, tenant, r.string(0, 0)])
            return true
        }
    }

    /// The tenant's candidates by id.
    public func candidates(tenantSlug: String) throws -> [CandidateRow] {
        let tenant = try TenantStore(connection: conn).tenant(slug: tenantSlug)
        let r = try conn.query("""
            SELECT c.id, c.external_ref, c.first_name, c.last_name, c.email, c.title, array_to_json(c.skills)::text,
                   c.total_experience_years, c.status,
                   (SELECT coalesce(json_agg(g.canonical_role ORDER BY g.canonical_role), '[]')::text
                    FROM global_roles g WHERE g.id = ANY (c.preferred_role_ids)),
                   (SELECT count(*) FROM candidate_job_matches m WHERE m.candidate_id = c.id)
            FROM candidates c WHERE c.tenant_id = $1::uuid ORDER BY c.id
            """, [tenant.id])
        return (0..<r.rowCount).map {
            CandidateRow(id: r.int64($0, 0) ?? 0, externalRef: r.string($0, 1), firstName: r.string($0, 2) ?? "",
                         lastName: r.string($0, 3) ?? "", email: r.string($0, 4), title: r.string($0, 5),
                         skills: r.jsonStrings($0, 6), totalExperienceYears: r.double($0, 7),
                         status: r.string($0, 8) ?? "", preferredRoles: r.jsonStrings($0, 9), matches: r.int($0, 10) ?? 0)
        }
    }
}
