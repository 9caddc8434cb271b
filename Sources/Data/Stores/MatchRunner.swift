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
    /// Stored suggestions whose pair no longer holds (job expired or gone from the candidate's roles, score under
    /// the threshold): deleted.
    public var removed = 0
    /// Pairs that no longer hold but whose match a recruiter has acted on (viewed, shortlisted, …): kept as they are.
    public var retained = 0
    public var loadSeconds = 0.0
    public var scoreSeconds = 0.0
    public var writeSeconds = 0.0
    public var seconds = 0.0
}

/// The JobMatchingService of DESIGN §7, database to database: loads candidates and the active canonical jobs of
/// their preferred roles (plus, when the roles give few, jobs sharing their skills and the jobs nearest to their
/// vector through the HNSW index), scores in memory with
/// `BatchMatcher`, and writes kept pairs with COPY into a stage and one upsert that keeps each match's status,
/// one transaction per batch of candidates. Pairs whose stored numbers and grade are the same, and whose candidate
/// and job have not changed since they were scored, are neither explained nor written, so a re-run with nothing
/// changed writes nothing. Suggestions that no longer hold are removed; matches a recruiter acted on are kept.
public final class MatchRunner {
    let conn: PGConnection
    public let scorer: MatchScorer
    /// Below this many role jobs, a candidate also gets jobs that share its skills.
    public var minimumRoleJobs = 50
    /// At most this many skill-overlap jobs per candidate.
    public var skillOverlapLimit = 2000
    /// Jobs nearest by vector (same model) added for a candidate whose roles give few.
    public var nearestLimit = 200
    /// Candidates scored and written per transaction (bounds memory; a run that stops keeps finished batches).
    public var candidateBatch = 250

    public init(connection: PGConnection, scorer: MatchScorer = MatchScorer()) {
        self.conn = connection
        self.scorer = scorer
    }

    struct StoredCandidate {
        var id: Int64
        var tenantId: String
        var candidate: MatchCandidate
        var skills: [String]
        /// Last change of the profile (epoch seconds).
        var updatedAt: Double
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
        let vectors = EmbeddingStore(connection: conn)
        for c in candidates where (jobIdsPerCandidate[c.id]?.count ?? 0) < minimumRoleJobs {
            guard let vector = c.candidate.embedding, let model = c.candidate.embeddingModel else { continue }
            let near = try vectors.nearestJobs(to: vector, model: model, limit: nearestLimit).map(\.jobId)
            jobIdsPerCandidate[c.id] = Array(Set(jobIdsPerCandidate[c.id] ?? []).union(near)).sorted()
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
        summary.scoreSeconds = Date().timeIntervalSince(scoring)
        let writer = MatchBatchWriter(conn: conn, scorer: scorer)
        for first in stride(from: 0, to: candidates.count, by: candidateBatch) {
            let batch = first..<min(first + candidateBatch, candidates.count)
            let batchScoring = Date()
            var batchIndices = Array(repeating: [Int](), count: candidates.count)
            for c in batch { batchIndices[c] = indices[c] }
            let kept = matcher.score(jobIndices: batchIndices)
            summary.kept += kept.count
            let writing = Date()
            summary.scoreSeconds += writing.timeIntervalSince(batchScoring)
            let outcome = try writer.write(
                kept: kept, candidateIds: batch.map { candidates[$0].id }, matcher: matcher,
                key: { MatchPairKey(candidateId: candidates[Int($0.candidate)].id, jobId: jobs[Int($0.job)].0) },
                tenant: { candidates[Int($0.candidate)].tenantId },
                inputsChangedAt: { max(candidates[Int($0.candidate)].updatedAt, jobs[Int($0.job)].updatedAt) })
            summary.inserted += outcome.inserted
            summary.updated += outcome.updated
            summary.unchanged += outcome.unchanged
            summary.removed += outcome.removed
            summary.retained += outcome.retained
            summary.writeSeconds += Date().timeIntervalSince(writing)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
