import Core
import Foundation

/// Reading the inputs of a match run: candidates, the jobs of their roles (and skills), the jobs themselves.
extension MatchRunner {
    func loadCandidates(_ scope: MatchScope) throws -> [StoredCandidate] {
        let select = """
            SELECT c.id, c.tenant_id, array_to_json(c.skills)::text, c.total_experience_years, c.expected_salary,
                   c.salary_currency, c.salary_interval, array_to_json(c.preferred_locations)::text, c.remote_preference,
                   c.embedding::text, c.embedding_model, extract(epoch FROM c.updated_at)
            FROM candidates c
            """
        let r: PGResult
        switch scope {
        case .candidate(let id):
            r = try conn.query(select + " WHERE c.id = $1", [id])
            if r.rowCount == 0 { throw StoreError.unknownCandidate(id) }
        case .tenant(let slug):
            let tenant = try TenantStore(connection: conn).tenant(slug: slug)
            r = try conn.query(select + " WHERE c.tenant_id = $1::uuid AND c.status <> 'archived' ORDER BY c.id", [tenant.id])
        case .all:
            r = try conn.query(select + " WHERE c.status <> 'archived' ORDER BY c.id")
        }
        return (0..<r.rowCount).map { i in
            let skills = r.jsonStrings(i, 2)
            let candidate = MatchCandidate(
                id: r.string(i, 0) ?? "", skills: skills, totalExperienceYears: r.double(i, 3),
                expectedSalary: r.double(i, 4), salaryCurrency: r.string(i, 5),
                salaryInterval: r.string(i, 6).flatMap(PayInterval.init(rawValue:)) ?? .year,
                preferredLocations: r.jsonStrings(i, 7),
                remotePreference: r.string(i, 8).flatMap(RemotePreference.init(rawValue:)),
                embedding: Self.vector(r.string(i, 9)), embeddingModel: r.string(i, 10))
            return StoredCandidate(id: r.int64(i, 0) ?? 0, tenantId: r.string(i, 1) ?? "", candidate: candidate, skills: skills,
                                   updatedAt: r.double(i, 11) ?? 0)
        }
    }

    /// Active canonical jobs of each candidate's preferred roles.
    func roleJobIds(_ candidateIds: [Int64]) throws -> [Int64: [Int64]] {
        let r = try conn.query("""
            SELECT c.id, array_to_json(array_agg(DISTINCT m.job_posting_id ORDER BY m.job_posting_id))::text
            FROM candidates c
            JOIN role_job_mapping m ON m.role_id = ANY (c.preferred_role_ids)
            JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'ACTIVE' AND j.canonical_job_id IS NULL
            WHERE c.id = ANY ($1::bigint[])
            GROUP BY c.id
            """, [candidateIds.map(String.init)])
        var out: [Int64: [Int64]] = [:]
        for i in 0..<r.rowCount {
            let ids = (r.string(i, 1).flatMap { try? JSONDecoder().decode([Int64].self, from: Data($0.utf8)) }) ?? []
            out[r.int64(i, 0) ?? 0] = ids
        }
        return out
    }

    /// For each candidate, up to `skillOverlapLimit` active canonical jobs sharing a skill, most shared skills first.
    func skillOverlapJobIds(_ candidateIds: [Int64]) throws -> [Int64: [Int64]] {
        guard !candidateIds.isEmpty else { return [:] }
        let r = try conn.query("""
            SELECT c.id, array_to_json(ARRAY(
                SELECT j.id FROM job_postings j
                WHERE j.status = 'ACTIVE' AND j.canonical_job_id IS NULL AND j.skills && c.skills
                ORDER BY cardinality(ARRAY(SELECT unnest(j.skills) INTERSECT SELECT unnest(c.skills))) DESC, j.id DESC
                LIMIT $2))::text
            FROM candidates c WHERE c.id = ANY ($1::bigint[])
            """, [candidateIds.map(String.init), skillOverlapLimit])
        var out: [Int64: [Int64]] = [:]
        for i in 0..<r.rowCount {
            out[r.int64(i, 0) ?? 0] = (r.string(i, 1).flatMap { try? JSONDecoder().decode([Int64].self, from: Data($0.utf8)) }) ?? []
        }
        return out
    }

    /// The jobs `ids` as the scorer reads them, with their last change (epoch seconds).
    func loadJobs(_ ids: [Int64]) throws -> [(id: Int64, job: MatchJob, updatedAt: Double)] {
        guard !ids.isEmpty else { return [] }
        let r = try conn.query("""
            SELECT id, title, array_to_json(skills)::text, experience_min, experience_max, city, region, country,
                   work_mode, location_raw, salary_currency, salary_interval, salary_min, salary_max,
                   embedding::text, embedding_model, extract(epoch FROM updated_at)
            FROM job_postings WHERE id = ANY ($1::bigint[]) ORDER BY id
            """, [ids.map(String.init)])
        return (0..<r.rowCount).map { i in
            let mode = r.string(i, 8).flatMap(WorkMode.init(rawValue:)) ?? .unknown
            let minYears = r.double(i, 3), maxYears = r.double(i, 4)
            let low = r.double(i, 12), high = r.double(i, 13)
            var salary: Salary?
            if low != nil || high != nil {
                salary = Salary(currency: r.string(i, 10),
                                interval: r.string(i, 11).flatMap(PayInterval.init(rawValue:)) ?? .year,
                                min: low ?? high, max: high ?? low, source: .posted)
            }
            let job = MatchJob(
                id: r.string(i, 0) ?? "", title: r.string(i, 1), skills: r.jsonStrings(i, 2),
                experience: minYears == nil && maxYears == nil ? nil : ExperienceRange(yearsMin: minYears, yearsMax: maxYears),
                location: Location(city: r.string(i, 5), region: r.string(i, 6), country: r.string(i, 7),
                                   remote: mode == .remote),
                locationText: r.string(i, 9), workMode: mode, salary: salary,
                embedding: Self.vector(r.string(i, 14)), embeddingModel: r.string(i, 15))
            return (r.int64(i, 0) ?? 0, job, r.double(i, 16) ?? 0)
        }
    }

    /// pgvector text "[0.1,0.2,…]" read with `strtof` (a job's 384 numbers; `Float(Substring)` was the slow part of
    /// loading); nil when empty or not a vector.
    static func vector(_ text: String?) -> [Float]? {
        guard let text, text.utf8.count > 2 else { return nil }
        var values: [Float] = []
        values.reserveCapacity(text.utf8.count / 8)
        let complete = text.withCString { start -> Bool in
            var p = start + 1
            while true {
                var end: UnsafeMutablePointer<CChar>?
                let value = strtof(p, &end)
                guard let end, end != UnsafeMutablePointer(mutating: p) else { return false }
                values.append(value)
                switch end.pointee {
                case 0x2C: p = UnsafePointer(end + 1)
                case 0x5D: return true
                default: return false
                }
            }
        }
        return complete && !values.isEmpty ? values : nil
    }
}
