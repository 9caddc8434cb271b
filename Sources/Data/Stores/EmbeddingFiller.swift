import Core
import Foundation

/// Progress of one kind during a fill: rows done of the rows that were missing at the start.
public struct EmbeddingProgress: Sendable {
    /// Kind being embedded.
    public var kind: EmbeddingKind
    /// Rows written so far (committed).
    public var done: Int
    /// Rows to do for this kind.
    public var total: Int
    /// Seconds since this kind started.
    public var seconds: Double
}

/// What `fill` did.
public struct EmbeddingFillSummary: Sendable {
    /// Rows embedded per kind.
    public var embedded: [EmbeddingKind: Int] = [:]
    /// Seconds spent per kind (embedding + writing).
    public var secondsByKind: [EmbeddingKind: Double] = [:]
    /// Jobs that got a canonical role, per method.
    public var jobsMapped: [RoleMatchMethod: Int] = [:]
    /// Candidate preferred roles merged into an existing role by embedding.
    public var candidateRolesResolved: Int = 0
    /// True when a stop was requested before all rows were done (committed batches are kept).
    public var wasInterrupted = false
    /// Wall seconds of the whole fill.
    public var seconds: Double = 0
    /// All rows embedded.
    public var total: Int { embedded.values.reduce(0, +) }
    /// Texts per second over the whole fill.
    public var textsPerSecond: Double { seconds > 0 ? Double(total) / seconds : 0 }
}

/// Fills missing vectors with any `Embedder`: rows of the selected kinds without a vector of the embedder's
/// model are embedded in batches, each batch written and committed on its own (an interrupted fill keeps what
/// it wrote and the next fill continues). Roles go first so that jobs and candidates are normalized against
/// role vectors of the same model.
public final class EmbeddingFiller {
    let conn: PGConnection
    let store: EmbeddingStore
    /// The embedder used.
    public let embedder: any Embedder
    /// Rows per embed call and per committed transaction.
    public let batchSize: Int
    /// Texts are cut to this many characters before embedding (MiniLM reads 256 word pieces, ~1,200 characters).
    public let maxCharacters: Int
    /// Resolves jobs without a role mapping and candidates' unresolved roles after embedding (nil: skip).
    public let normalizer: RoleNormalizer?

    /// A filler; `normalizer` nil skips role normalization.
    public init(connection: PGConnection, embedder: any Embedder, batchSize: Int = 64, maxCharacters: Int = 2000,
                normalizer: RoleNormalizer? = nil)
    {
        conn = connection
        store = EmbeddingStore(connection: connection)
        self.embedder = embedder
        self.batchSize = max(1, batchSize)
        self.maxCharacters = maxCharacters
        self.normalizer = normalizer
    }

    /// Embeds every row of `kinds` that has no vector of the embedder's model (at most `limit` per kind),
    /// calling `progress` after each committed batch; stops between batches when `shouldStop` returns true.
    public func fill(
        kinds: [EmbeddingKind] = EmbeddingKind.allCases, limit: Int? = nil,
        progress: (EmbeddingProgress) -> Void = { _ in }, shouldStop: () -> Bool = { false }
    ) throws -> EmbeddingFillSummary {
        let started = Date()
        var summary = EmbeddingFillSummary()
        let ordered = EmbeddingKind.allCases.reversed().filter { kinds.contains($0) }  // roles, candidates, jobs
        for kind in ordered {
            let kindStart = Date()
            let missing = try store.missingCount(kind, model: embedder.model)
            let total = limit.map { min($0, missing) } ?? missing
            var done = 0
            var lastId: Int64 = 0
            progress(EmbeddingProgress(kind: kind, done: 0, total: total, seconds: 0))
            while done < total {
                if shouldStop() {
                    summary.wasInterrupted = true
                    break
                }
                let rows = try store.pending(kind, model: embedder.model, afterId: lastId,
                                             limit: min(batchSize, total - done), maxCharacters: maxCharacters)
                guard let last = rows.last else { break }
                let vectors = try embedder.embed(rows.map(\.text), task: .document)
                try conn.transaction {
                    try store.write(kind, model: embedder.model, ids: rows.map(\.id), vectors: vectors)
                }
                if kind == .jobs, let normalizer {
                    for (method, n) in try normalizer.mapUnmappedJobs(ids: rows.map(\.id)) {
                        summary.jobsMapped[method, default: 0] += n
                    }
                }
                lastId = last.id
                done += rows.count
                progress(EmbeddingProgress(kind: kind, done: done, total: total,
                                           seconds: Date().timeIntervalSince(kindStart)))
            }
            summary.embedded[kind] = done
            summary.secondsByKind[kind] = Date().timeIntervalSince(kindStart)
            if summary.wasInterrupted { break }
            if kind == .candidates, let normalizer {
                summary.candidateRolesResolved += try normalizer.resolveCandidateRoles().count
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Drops every vector of `kinds` and embeds them again with this filler's model.
    public func rebuild(
        kinds: [EmbeddingKind] = EmbeddingKind.allCases, progress: (EmbeddingProgress) -> Void = { _ in },
        shouldStop: () -> Bool = { false }
    ) throws -> EmbeddingFillSummary {
        for kind in kinds { try store.clear(kind) }
        return try fill(kinds: kinds, progress: progress, shouldStop: shouldStop)
    }
}
