import Core
import Foundation

/// Which candidates a match run covers.
public enum MatchScope: Sendable, Equatable {
    case candidate(Int64)
    case tenant(String)
    case all
}

/// What a match run did.
public struct MatchRunSummary: Sendable, Equatable {
    public var candidates = 0
    /// Distinct jobs loaded for the run.
    public var jobs = 0
    public var pairsScored = 0
    /// Pairs at or above the threshold.
    public var kept = 0
    public var inserted = 0
    /// Stored matches whose scores changed (their status is kept).
    public var updated = 0
    /// Stored matches scored the same again: not written.
    public var unchanged = 0
    public var loadSeconds = 0.0
    public var scoreSeconds = 0.0
    public var writeSeconds = 0.0
    public var seconds = 0.0
}

/// The JobMatchingService of DESIGN §7, database to database: loads candidates and the active canonical jobs of
/// their preferred roles (plus jobs sharing their skills when the roles give few), scores in memory with
/// `BatchMatcher`, and writes kept pairs with COPY into a stage and one upsert that keeps each match's status.
/// A stored match is rewritten only when its scores, skills or explanation changed, so a re-run with nothing
/// changed writes nothing.
public final class MatchRunner {
    private let conn: PGConnection
    public let scorer: MatchScorer
    /// Below this many role jobs, a candidate also gets jobs that share its skills.
    public var minimumRoleJobs = 50
    /// At most this many skill-overlap jobs per candidate.
    public var skillOverlapLimit = 2000

    public init(connection: PGConnection, scorer: MatchScorer = MatchScorer()) {
        self.conn = connection
        self.scorer = scorer
    }

    struct StoredCandidate {
        var id: Int64
        var tenantId: String
        var candidate: MatchCandidate
        var skills: [String]
    }

    /// Scores the candidates of `scope` and stores their matches; throws `StoreError.unknownCandidate` /
    /// `.unknownTenant` when the scope names nothing.
    public func rerunMatches(_ scope: MatchScope) throws -> MatchRunSummary {
        let started = Date()
        var summary = MatchRunSummary()
        let candidates = try loadCandidates(scope)
        summary.candidates = candidates.count
        guard !candidates.isEmpty else {
            summary.seconds = Date().timeIntervalSince(started)
            return summary
        }
        var jobIdsPerCandidate = try roleJobIds(candidates.map(\.id))
        let few = candidates.filter { (jobIdsPerCandidate[$0.id]?.count ?? 0) < minimumRoleJobs && !$0.skills.isEmpty }
        for (id, extra) in try skillOverlapJobIds(few.map(\.id)) {
            jobIdsPerCandidate[id] = Array(Set(jobIdsPerCandidate[id] ?? []).union(extra)).sorted()
        }
        let allJobIds = Array(Set(jobIdsPerCandidate.values.joined())).sorted()
        let jobs = try loadJobs(allJobIds)
        var jobIndex: [Int64: Int] = [:]
        for (i, j) in jobs.enumerated() { jobIndex[j.0] = i }
        let indices = candidates.map { c in (jobIdsPerCandidate[c.id] ?? []).compactMap { jobIndex[$0] } }
        summary.jobs = jobs.count
        summary.pairsScored = indices.reduce(0) { $0 + $1.count }
        summary.loadSeconds = Date().timeIntervalSince(started)

        let scoring = Date()
        let matcher = BatchMatcher(candidates: candidates.map(\.candidate), jobs: jobs.map(\.1), scorer: scorer)
        let kept = matcher.score(jobIndices: indices)
        summary.kept = kept.count
        summary.scoreSeconds = Date().timeIntervalSince(scoring)

        let writing = Date()
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let (inserted, updated) = try conn.transaction { () -> (Int, Int) in
            try conn.query("""
                CREATE TEMP TABLE match_stage (LIKE candidate_job_matches INCLUDING DEFAULTS) ON COMMIT DROP
                """)
            try conn.query("ALTER TABLE match_stage ALTER COLUMN id DROP DEFAULT, ALTER COLUMN id DROP NOT NULL")
            try conn.copyIn("""
                COPY match_stage (tenant_id, candidate_id, job_posting_id, skills_score, experience_score, location_score,
                                  salary_score, semantic_score, match_score, grade, matched_skills, missing_skills, explanation)
                FROM STDIN
                """) { writer in
                for match in kept {
                    let c = candidates[Int(match.candidate)]
                    let score = matcher.matchScore(for: match)
                    let explanation = String(decoding: try encoder.encode(score.explanation), as: UTF8.self)
                    try writer.row([
                        c.tenantId, String(c.id), String(jobs[Int(match.job)].0), PGArray.number(score.skills), PGArray.number(score.experience),
                        PGArray.number(score.location), PGArray.number(score.salary), PGArray.number(score.semantic), String(score.matchScore),
                        score.grade ?? "D", score.matchedSkills.pgText, score.missingSkills.pgText, explanation,
                    ])
                }
            }
            let scoreColumns = ["skills_score", "experience_score", "location_score", "salary_score", "semantic_score",
                                "match_score", "grade", "matched_skills", "missing_skills", "explanation"]
            let r = try conn.query("""
                WITH up AS (
                    INSERT INTO candidate_job_matches (tenant_id, candidate_id, job_posting_id, \(scoreColumns.joined(separator: ", ")))
                    SELECT tenant_id, candidate_id, job_posting_id, \(scoreColumns.joined(separator: ", ")) FROM match_stage
                    ON CONFLICT (candidate_id, job_posting_id) DO UPDATE
                    SET \(scoreColumns.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")), scored_at = now()
                    WHERE (\(scoreColumns.map { "candidate_job_matches.\($0)" }.joined(separator: ", ")))
                          IS DISTINCT FROM (\(scoreColumns.map { "EXCLUDED.\($0)" }.joined(separator: ", ")))
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
                """)
            return (r.int(0, 0) ?? 0, r.int(0, 1) ?? 0)
        }
        summary.inserted = inserted
        summary.updated = updated
        summary.unchanged = kept.count - inserted - updated
        summary.writeSeconds = Date().timeIntervalSince(writing)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    func loadCandidates(_ scope: MatchScope) throws -> [StoredCandidate] {
        let select = """
            SELECT c.id, c.tenant_id, array_to_json(c.skills)::text, c.total_experience_years, c.expected_salary,
                   c.salary_currency, c.salary_interval, array_to_json(c.preferred_locations)::text, c.remote_preference,
                   c.embedding::text, c.embedding_model
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
            return StoredCandidate(id: r.int64(i, 0) ?? 0, tenantId: r.string(i, 1) ?? "", candidate: candidate, skills: skills)
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

    func loadJobs(_ ids: [Int64]) throws -> [(Int64, MatchJob)] {
        guard !ids.isEmpty else { return [] }
        let r = try conn.query("""
            SELECT id, title, array_to_json(skills)::text, experience_min, experience_max, city, region, country,
                   work_mode, location_raw, salary_currency, salary_interval, salary_min, salary_max,
                   embedding::text, embedding_model
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
            return (r.int64(i, 0) ?? 0, job)
        }
    }

    /// pgvector text "[0.1,0.2,…]".
    static func vector(_ text: String?) -> [Float]? {
        guard let text, text.count > 2 else { return nil }
        let values = text.dropFirst().dropLast().split(separator: ",").compactMap { Float($0) }
        return values.isEmpty ? nil : values
    }
}
