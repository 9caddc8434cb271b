import Core
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
    /// When it was last scored (epoch seconds).
    var scoredAt: Double
    var scoringVersion: String?

    /// True when `match` would store the same numbers and grade with the same scoring version, and neither side
    /// changed since (`inputsChangedAt`): otherwise the evidence may differ even where the numbers do not.
    func isSame(as match: BatchMatch, grade newGrade: String?, version: String, inputsChangedAt: Double) -> Bool {
        guard scoringVersion == version, scoredAt >= inputsChangedAt, grade == newGrade else { return false }
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
        var kept = 0
        var inserted = 0
        var updated = 0
        var unchanged = 0
        var removed = 0
        var retained = 0
    }

    /// Stored matches of `candidateIds`.
    func storedMatches(candidateIds: [Int64]) throws -> [MatchPairKey: StoredMatch] {
        let r = try conn.query("""
            SELECT id, candidate_id, job_posting_id, skills_score, experience_score, location_score, salary_score,
                   semantic_score, match_score, grade, status = 'SUGGESTED', extract(epoch FROM scored_at), scoring_version
            FROM candidate_job_matches
            WHERE candidate_id = ANY ($1::bigint[])
            """, [candidateIds.map(String.init)])
        var out: [MatchPairKey: StoredMatch] = [:]
        out.reserveCapacity(r.rowCount)
        for i in 0..<r.rowCount {
            let scores = (3...8).map { c in r.string(i, c).flatMap(Float.init) ?? .nan }
            out[MatchPairKey(candidateId: r.int64(i, 1) ?? 0, jobId: r.int64(i, 2) ?? 0)] = StoredMatch(
                id: r.int64(i, 0) ?? 0, scores: scores, grade: r.string(i, 9) ?? "", isSuggested: r.string(i, 10) == "t",
                scoredAt: r.double(i, 11) ?? 0, scoringVersion: r.string(i, 12))
        }
        return out
    }

    /// Compares `kept` with what is stored for `candidateIds` and writes the difference, in one transaction that
    /// holds the candidates' match-writing locks (two runs over the same candidates take turns). `key` and `tenant` give a kept
    /// pair's database ids and its candidate's tenant.
    func write(kept: [BatchMatch], candidateIds: [Int64], matcher: BatchMatcher,
               key: (BatchMatch) -> MatchPairKey, tenant: (BatchMatch) -> String,
               inputsChangedAt: (BatchMatch) -> Double) throws -> Outcome {
        try conn.transaction {
            // Per-candidate locks in id order: two runs over the same candidates take turns, writers of different
            // candidates do not wait for each other.
            try conn.query("""
                SELECT count(pg_advisory_xact_lock(hashtext('centrald.match'), (id % 2147483647)::int))
                FROM (SELECT unnest($1::bigint[]) AS id ORDER BY 1) ids
                """, [candidateIds.map(String.init)])
            var outcome = Outcome()
            var stored = try storedMatches(candidateIds: candidateIds)
            var fresh: [BatchMatch] = [], changed: [BatchMatch] = []
            for match in kept {
                guard let old = stored.removeValue(forKey: key(match)) else {
                    fresh.append(match)
                    continue
                }
                if old.isSame(as: match, grade: scorer.config.grade(for: match.matchScore),
                              version: scorer.config.scoringVersion, inputsChangedAt: inputsChangedAt(match)) {
                    outcome.unchanged += 1
                } else {
                    changed.append(match)
                }
            }
            if !fresh.isEmpty {
                // No stored row for these pairs (and the lock keeps it so): straight into the table.
                try copy(fresh, into: "candidate_job_matches", matcher: matcher, key: key, tenant: tenant)
                outcome.inserted = fresh.count
            }
            if !changed.isEmpty {
                outcome.updated = try update(changed, matcher: matcher, key: key, tenant: tenant)
                outcome.unchanged += changed.count - outcome.updated
            }
            // Pairs no longer kept (job expired, no longer in the candidate's roles, score under the threshold):
            // a suggestion goes; a match a recruiter has acted on stays with its history.
            let stale = stored.values.filter(\.isSuggested).map(\.id)
            outcome.retained = stored.count - stale.count
            if !stale.isEmpty {
                outcome.removed = try conn.query("DELETE FROM candidate_job_matches WHERE id = ANY ($1::bigint[])",
                                                 [stale.map(String.init)]).affectedRows
            }
            return outcome
        }
    }

    private static let scoreColumns = ["skills_score", "experience_score", "location_score", "salary_score",
                                       "semantic_score", "match_score", "grade", "matched_skills", "missing_skills",
                                       "explanation", "scoring_version"]

    /// COPY of `matches` with scores and explanations into `table`.
    private func copy(_ matches: [BatchMatch], into table: String, matcher: BatchMatcher,
                      key: (BatchMatch) -> MatchPairKey, tenant: (BatchMatch) -> String) throws {
        try conn.copyIn("""
            COPY \(table) (tenant_id, candidate_id, job_posting_id, \(Self.scoreColumns.joined(separator: ", "))) FROM STDIN
            """) { writer in
            let slice = 4096
            var start = 0
            while start < matches.count {
                let part = Array(matches[start..<min(start + slice, matches.count)])
                for row in Self.rows(part, matcher: matcher, key: key, tenant: tenant) { try writer.row(row) }
                start += slice
            }
        }
    }

    /// Stored pairs whose numbers or inputs changed: COPY into a stage, then one UPDATE that rewrites a match only
    /// when something differs (its status and history stay); pairs scored the same again get a new `scored_at`.
    /// Returns how many matches changed.
    private func update(_ changed: [BatchMatch], matcher: BatchMatcher, key: (BatchMatch) -> MatchPairKey,
                        tenant: (BatchMatch) -> String) throws -> Int {
        try conn.query("CREATE TEMP TABLE match_stage (LIKE candidate_job_matches INCLUDING DEFAULTS) ON COMMIT DROP")
        try conn.query("ALTER TABLE match_stage ALTER COLUMN id DROP DEFAULT, ALTER COLUMN id DROP NOT NULL")
        try copy(changed, into: "match_stage", matcher: matcher, key: key, tenant: tenant)
        let columns = Self.scoreColumns
        let updated = try conn.query("""
            UPDATE candidate_job_matches m
            SET \(columns.map { "\($0) = s.\($0)" }.joined(separator: ", ")), scored_at = now()
            FROM match_stage s
            WHERE m.candidate_id = s.candidate_id AND m.job_posting_id = s.job_posting_id
              AND (\(columns.map { "m.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(columns.map { "s.\($0)" }.joined(separator: ", ")))
            """).affectedRows
        if changed.count > updated {
            try conn.query("""
                UPDATE candidate_job_matches m SET scored_at = now()
                FROM match_stage s
                WHERE m.candidate_id = s.candidate_id AND m.job_posting_id = s.job_posting_id AND m.scored_at < now()
                """)
        }
        return updated
    }

    /// COPY rows of `part` (scores, skills and explanation JSON), built on all cores, in input order.
    static func rows(_ part: [BatchMatch], matcher: BatchMatcher, key: (BatchMatch) -> MatchPairKey,
                     tenant: (BatchMatch) -> String) -> [[String?]] {
        let ids = part.map { (tenant($0), key($0)) }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, part.count / 256))
        let size = (part.count + workers - 1) / workers
        return ChunkedParallel.run(workers) { w, out in
            for i in (w * size)..<min(part.count, (w + 1) * size) {
                let score = matcher.matchScore(for: part[i])
                let (tenantId, pair) = ids[i]
                out.append([
                    tenantId, String(pair.candidateId), String(pair.jobId),
                    PGArray.number(score.skills), PGArray.number(score.experience), PGArray.number(score.location),
                    PGArray.number(score.salary), PGArray.number(score.semantic), String(score.matchScore),
                    score.grade ?? "D", score.matchedSkills.pgText, score.missingSkills.pgText, score.explanation.jsonText,
                    score.explanation.scoringVersion,
                ])
            }
        }
    }
}
