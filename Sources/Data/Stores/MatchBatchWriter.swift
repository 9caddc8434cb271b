import Core
import Dispatch
import Foundation

/// A candidate–job pair by database ids.
struct MatchPairKey: Hashable {
    var candidateId: Int64
    var jobId: Int64
}

/// A stored match as a re-run compares it.
struct StoredMatch {
    var id: Int64
    /// skills, experience, location, salary, semantic, match score as stored (`real`); NaN for NULL.
    var scores: [Float]
    var grade: String
    var isSuggested: Bool
    /// The candidate or job changed after the match was scored, or the scoring version differs: the evidence may
    /// differ even where the numbers do not.
    var inputsChanged: Bool

    /// True when `match` would store the same numbers and grade.
    func isSame(as match: BatchMatch, grade newGrade: String?) -> Bool {
        guard !inputsChanged, grade == newGrade else { return false }
        let values = [match.skills, match.experience, match.location, match.salary, match.semantic, match.matchScore]
        for (stored, value) in zip(scores, values) {
            if let value {
                if Float(value) != stored { return false }
            } else if !stored.isNaN {
                return false
            }
        }
        return true
    }
}

/// One candidate batch of a match run against the database: reads the stored matches, writes only new and changed
/// pairs (explanations are built for those alone, on all cores) with COPY and one upsert that keeps each match's
/// status, and removes suggestions that no longer hold.
struct MatchBatchWriter {
    let conn: PGConnection
    let scorer: MatchScorer

    /// What writing one batch did.
    struct Outcome {
        var inserted = 0
        var updated = 0
        var unchanged = 0
        var removed = 0
        var retained = 0
    }

    /// Stored matches of `candidateIds`.
    func storedMatches(candidateIds: [Int64]) throws -> [MatchPairKey: StoredMatch] {
        let r = try conn.query("""
            SELECT m.id, m.candidate_id, m.job_posting_id, m.skills_score, m.experience_score, m.location_score,
                   m.salary_score, m.semantic_score, m.match_score, m.grade, m.status = 'SUGGESTED',
                   m.scored_at < greatest(c.updated_at, j.updated_at)
                       OR m.explanation->>'scoring_version' IS DISTINCT FROM $2
            FROM candidate_job_matches m
            JOIN candidates c ON c.id = m.candidate_id
            JOIN job_postings j ON j.id = m.job_posting_id
            WHERE m.candidate_id = ANY ($1::bigint[])
            """, [candidateIds.map(String.init), scorer.config.scoringVersion])
        var out: [MatchPairKey: StoredMatch] = [:]
        out.reserveCapacity(r.rowCount)
        for i in 0..<r.rowCount {
            let scores = (3...8).map { c in r.string(i, c).flatMap(Float.init) ?? .nan }
            out[MatchPairKey(candidateId: r.int64(i, 1) ?? 0, jobId: r.int64(i, 2) ?? 0)] = StoredMatch(
                id: r.int64(i, 0) ?? 0, scores: scores, grade: r.string(i, 9) ?? "",
                isSuggested: r.string(i, 10) == "t", inputsChanged: r.string(i, 11) == "t")
        }
        return out
    }

    /// Compares `kept` with what is stored for `candidateIds` and writes the difference in one transaction.
    /// `key` and `tenant` give a kept pair's database ids and its candidate's tenant.
    func write(kept: [BatchMatch], candidateIds: [Int64], matcher: BatchMatcher,
               key: (BatchMatch) -> MatchPairKey, tenant: (BatchMatch) -> String) throws -> Outcome {
        var outcome = Outcome()
        var stored = try storedMatches(candidateIds: candidateIds)
        var changed: [BatchMatch] = []
        for match in kept {
            if let old = stored.removeValue(forKey: key(match)),
               old.isSame(as: match, grade: scorer.config.grade(for: match.matchScore)) {
                outcome.unchanged += 1
            } else {
                changed.append(match)
            }
        }
        // Pairs no longer kept (job expired, no longer in the candidate's roles, score under the threshold):
        // a suggestion goes; a match a recruiter has acted on stays with its history.
        let stale = stored.values.filter(\.isSuggested).map(\.id)
        outcome.retained = stored.count - stale.count
        guard !changed.isEmpty || !stale.isEmpty else { return outcome }

        try conn.transaction {
            if !changed.isEmpty {
                let (inserted, updated) = try upsert(changed, matcher: matcher, key: key, tenant: tenant)
                outcome.inserted = inserted
                outcome.updated = updated
                outcome.unchanged += changed.count - inserted - updated
            }
            if !stale.isEmpty {
                outcome.removed = try conn.query("""
                    DELETE FROM candidate_job_matches WHERE id = ANY ($1::bigint[]) AND status = 'SUGGESTED'
                    """, [stale.map(String.init)]).affectedRows
            }
        }
        return outcome
    }

    private static let scoreColumns = ["skills_score", "experience_score", "location_score", "salary_score",
                                       "semantic_score", "match_score", "grade", "matched_skills", "missing_skills",
                                       "explanation"]

    /// COPY into a stage, then one upsert that rewrites a stored match only when something differs (its status
    /// and history stay); pairs scored the same again get a new `scored_at` only.
    private func upsert(_ changed: [BatchMatch], matcher: BatchMatcher, key: (BatchMatch) -> MatchPairKey,
                        tenant: (BatchMatch) -> String) throws -> (inserted: Int, updated: Int) {
        try conn.query("""
            CREATE TEMP TABLE match_stage (LIKE candidate_job_matches INCLUDING DEFAULTS) ON COMMIT DROP
            """)
        try conn.query("ALTER TABLE match_stage ALTER COLUMN id DROP DEFAULT, ALTER COLUMN id DROP NOT NULL")
        try conn.copyIn("""
            COPY match_stage (tenant_id, candidate_id, job_posting_id, \(Self.scoreColumns.joined(separator: ", ")))
            FROM STDIN
            """) { writer in
            let slice = 4096
            var start = 0
            while start < changed.count {
                let part = Array(changed[start..<min(start + slice, changed.count)])
                let explained = Self.explain(part, matcher: matcher)
                for (match, score) in zip(part, explained) {
                    let pair = key(match)
                    try writer.row([
                        tenant(match), String(pair.candidateId), String(pair.jobId),
                        PGArray.number(score.skills), PGArray.number(score.experience), PGArray.number(score.location),
                        PGArray.number(score.salary), PGArray.number(score.semantic), String(score.matchScore),
                        score.grade ?? "D", score.matchedSkills.pgText, score.missingSkills.pgText, score.explanation.jsonText,
                    ])
                }
                start += slice
            }
        }
        let columns = Self.scoreColumns
        let r = try conn.query("""
            WITH up AS (
                INSERT INTO candidate_job_matches (tenant_id, candidate_id, job_posting_id, \(columns.joined(separator: ", ")))
                SELECT tenant_id, candidate_id, job_posting_id, \(columns.joined(separator: ", ")) FROM match_stage
                ON CONFLICT (candidate_id, job_posting_id) DO UPDATE
                SET \(columns.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")), scored_at = now()
                WHERE (\(columns.map { "candidate_job_matches.\($0)" }.joined(separator: ", ")))
                      IS DISTINCT FROM (\(columns.map { "EXCLUDED.\($0)" }.joined(separator: ", ")))
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """)
        let inserted = r.int(0, 0) ?? 0, updated = r.int(0, 1) ?? 0
        if changed.count > inserted + updated {
            try conn.query("""
                UPDATE candidate_job_matches m SET scored_at = now()
                FROM match_stage s
                WHERE m.candidate_id = s.candidate_id AND m.job_posting_id = s.job_posting_id AND m.scored_at < now()
                """)
        }
        return (inserted, updated)
    }

    /// Full scores with explanations for `part`, built on all cores, in input order.
    static func explain(_ part: [BatchMatch], matcher: BatchMatcher) -> [MatchScore] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, part.count / 256))
        let box = ScoreSlots(count: workers)
        let size = (part.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let range = (w * size)..<min(part.count, (w + 1) * size)
            box.store(range.map { matcher.matchScore(for: part[$0]) }, at: w)
        }
        return box.joined()
    }
}

/// Per-worker results of `MatchBatchWriter.explain`; each slot is written by one worker only.
private final class ScoreSlots: @unchecked Sendable {
    private var slots: [[MatchScore]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func store(_ scores: [MatchScore], at index: Int) { slots[index] = scores }
    func joined() -> [MatchScore] { slots.flatMap { $0 } }
}
