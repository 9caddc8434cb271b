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
    /// Connections writing candidate batches at once (the first is this runner's own).
    public var writers = 2

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
        let few = candidates.filter { (jobIdsPerCandidate[$0.id]?.count ?? 0) < minimumRoleJobs }
        func widen(_ id: Int64, with extra: [Int64]) {
            jobIdsPerCandidate[id] = Array(Set(jobIdsPerCandidate[id] ?? []).union(extra)).sorted()
        }
        // Roles give few jobs: add jobs sharing the candidate's skills, then, if still few, the nearest by vector.
        for (id, extra) in try skillOverlapJobIds(few.filter { !$0.skills.isEmpty }.map(\.id)) { widen(id, with: extra) }
        let vectors = EmbeddingStore(connection: conn)
        for c in few where (jobIdsPerCandidate[c.id]?.count ?? 0) < minimumRoleJobs {
            guard let vector = c.candidate.embedding, let model = c.candidate.embeddingModel else { continue }
            widen(c.id, with: try vectors.nearestJobs(to: vector, model: model, limit: nearestLimit).map(\.jobId))
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
        let batches = stride(from: 0, to: candidates.count, by: candidateBatch).map {
            $0..<min($0 + candidateBatch, candidates.count)
        }
        let workers = max(1, min(writers, batches.count))
        let run = ParallelRun(conn: conn, scorer: scorer, matcher: matcher, candidates: candidates, jobs: jobs,
                              indices: indices)
        let writing = Date()
        // The server's share of writing (COPY, indexes, key checks) is the larger part: several connections
        // write different candidate batches at once.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            run.work(worker: worker, of: workers, batches: batches)
        }
        if let error = run.error { throw error }
        let batchScoring = run.scoreSeconds / Double(workers)
        summary.scoreSeconds += batchScoring
        summary.writeSeconds = Date().timeIntervalSince(writing) - batchScoring
        summary.kept = run.total.kept
        summary.inserted = run.total.inserted
        summary.updated = run.total.updated
        summary.unchanged = run.total.unchanged
        summary.removed = run.total.removed
        summary.retained = run.total.retained
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// The shared state of one match run's writers: inputs read by all, totals and the first error under a lock.
private final class ParallelRun: @unchecked Sendable {
    let conn: PGConnection
    let scorer: MatchScorer
    let matcher: BatchMatcher
    let candidates: [MatchRunner.StoredCandidate]
    let jobs: [(id: Int64, job: MatchJob, updatedAt: Double)]
    let indices: [[Int]]
    private let lock = NSLock()
    private(set) var total = MatchBatchWriter.Outcome()
    private(set) var scoreSeconds = 0.0
    private(set) var error: Error?

    init(conn: PGConnection, scorer: MatchScorer, matcher: BatchMatcher, candidates: [MatchRunner.StoredCandidate],
         jobs: [(id: Int64, job: MatchJob, updatedAt: Double)], indices: [[Int]]) {
        self.conn = conn
        self.scorer = scorer
        self.matcher = matcher
        self.candidates = candidates
        self.jobs = jobs
        self.indices = indices
    }

    /// Scores and writes every `workers`-th batch from `worker` on, on its own connection (worker 0: the runner's).
    func work(worker: Int, of workers: Int, batches: [Range<Int>]) {
        do {
            let connection = worker == 0 ? conn : try PGConnection(conninfo: conn.conninfo)
            let writer = MatchBatchWriter(conn: connection, scorer: scorer)
            for b in stride(from: worker, to: batches.count, by: workers) {
                if lock.withLock({ error != nil }) { return }
                let started = Date()
                var batchIndices = Array(repeating: [Int](), count: candidates.count)
                for c in batches[b] { batchIndices[c] = indices[c] }
                let kept = matcher.score(jobIndices: batchIndices)
                let scored = Date().timeIntervalSince(started)
                let outcome = try writer.write(
                    kept: kept, candidateIds: batches[b].map { candidates[$0].id }, matcher: matcher,
                    key: { MatchPairKey(candidateId: self.candidates[Int($0.candidate)].id, jobId: self.jobs[Int($0.job)].id) },
                    tenant: { self.candidates[Int($0.candidate)].tenantId },
                    inputsChangedAt: { max(self.candidates[Int($0.candidate)].updatedAt, self.jobs[Int($0.job)].updatedAt) })
                lock.withLock {
                    scoreSeconds += scored
                    total.kept += kept.count
                    total.inserted += outcome.inserted
                    total.updated += outcome.updated
                    total.unchanged += outcome.unchanged
                    total.removed += outcome.removed
                    total.retained += outcome.retained
                }
            }
        } catch {
            lock.withLock { if self.error == nil { self.error = error } }
        }
    }
}
