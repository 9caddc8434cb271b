import Core
import Foundation

/// What rows carry vectors: job postings, candidate profiles, canonical roles.
public enum EmbeddingKind: String, CaseIterable, Sendable {
    /// `job_postings`: title + company + description.
    case jobs
    /// `candidates`: title + summary + skills.
    case candidates
    /// `global_roles`: the canonical role name.
    case roles

    var table: String {
        switch self {
        case .jobs: return "job_postings"
        case .candidates: return "candidates"
        case .roles: return "global_roles"
        }
    }

    /// SQL for the text parts of a row (the Swift side joins and truncates them).
    var textColumns: String {
        switch self {
        case .jobs: return "coalesce(title, ''), coalesce(company, ''), coalesce(description, '')"
        case .candidates: return "coalesce(title, ''), coalesce(summary, ''), array_to_string(skills, ', ')"
        case .roles: return "canonical_role, '', ''"
        }
    }
}

/// One row waiting for a vector: its id and the text to embed.
public struct EmbeddingInput: Sendable, Equatable {
    /// Row id.
    public var id: Int64
    /// The text that is embedded, already truncated.
    public var text: String
}

/// Vectors in the database: rows that still need one, writing them, counts, and nearest-neighbour queries
/// through the per-model HNSW indexes.
public final class EmbeddingStore {
    let conn: PGConnection

    /// Models that have an HNSW index, with their dimension (the index expression casts to `vector(dim)`).
    public static let indexedDimensions: [String: Int] = ["all-MiniLM-L6-v2": 384, "gemini-embedding-001": 768]

    /// A store on an open connection.
    public init(connection: PGConnection) { conn = connection }

    /// Rows of `kind` that have no vector of `model`, in id order, after `afterId`; texts are cut to
    /// `maxCharacters` (at a word boundary when one is near).
    public func pending(_ kind: EmbeddingKind, model: String, afterId: Int64 = 0, limit: Int, maxCharacters: Int)
        throws -> [EmbeddingInput]
    {
        let r = try conn.query("""
            SELECT id, \(kind.textColumns) FROM \(kind.table)
            WHERE (embedding IS NULL OR embedding_model IS DISTINCT FROM $1) AND id > $2
            ORDER BY id LIMIT $3
            """, [model, afterId, limit])
        return (0..<r.rowCount).map { i in
            let parts = (1...3).compactMap { r.string(i, $0) }.filter { !$0.isEmpty }
            return EmbeddingInput(id: r.int64(i, 0) ?? 0, text: Self.truncate(parts.joined(separator: "\n"), maxCharacters))
        }
    }

    /// Number of rows of `kind` without a vector of `model`.
    public func missingCount(_ kind: EmbeddingKind, model: String) throws -> Int {
        try conn.query(
            "SELECT count(*) FROM \(kind.table) WHERE embedding IS NULL OR embedding_model IS DISTINCT FROM $1",
            [model]
        ).int(0, 0) ?? 0
    }

    /// Stores one vector per id with the model name, in one statement.
    public func write(_ kind: EmbeddingKind, model: String, ids: [Int64], vectors: [[Float]]) throws {
        precondition(ids.count == vectors.count, "one vector per id")
        guard !ids.isEmpty else { return }
        try conn.query("""
            UPDATE \(kind.table) t SET embedding = v.vec::vector, embedding_model = $3
            FROM unnest($1::bigint[], $2::text[]) AS v(id, vec) WHERE t.id = v.id
            """, [ids.map(String.init).pgText, vectors.map(Self.literal).pgText, model])
    }

    /// Removes every vector of `kind` (all models): `embeddings rebuild` then fills them again.
    @discardableResult
    public func clear(_ kind: EmbeddingKind) throws -> Int {
        try conn.query(
            "UPDATE \(kind.table) SET embedding = NULL, embedding_model = NULL WHERE embedding IS NOT NULL"
        ).affectedRows
    }

    /// Rows per kind and model (`model` nil = no vector).
    public func status() throws -> [(kind: EmbeddingKind, model: String?, rows: Int)] {
        var out: [(kind: EmbeddingKind, model: String?, rows: Int)] = []
        for kind in EmbeddingKind.allCases {
            let r = try conn.query("""
                SELECT CASE WHEN embedding IS NULL THEN NULL ELSE embedding_model END AS m, count(*)
                FROM \(kind.table) GROUP BY 1 ORDER BY 1 NULLS LAST
                """)
            for i in 0..<r.rowCount { out.append((kind, r.string(i, 0), r.int(i, 1) ?? 0)) }
        }
        return out
    }

    /// The active canonical jobs (not grouped under another posting) nearest to `vector` among jobs embedded with
    /// `model`, best first, as (job id, cosine).
    /// Served by the model's partial HNSW index (the query repeats its expression and predicate), so results
    /// are approximate; `limit` above 40 raises `hnsw.ef_search` for this query.
    public func nearestJobs(to vector: [Float], model: String, limit: Int) throws -> [(jobId: Int64, cosine: Double)] {
        try nearest(in: "job_postings", extraFilter: "AND status = 'ACTIVE' AND canonical_job_id IS NULL", to: vector, model: model, limit: limit)
            .map { (jobId: $0.id, cosine: $0.cosine) }
    }

    /// The canonical roles nearest to `vector` among roles embedded with `model`, best first.
    public func nearestRoles(to vector: [Float], model: String, limit: Int, excluding: Int64? = nil)
        throws -> [(roleId: Int64, name: String, cosine: Double)]
    {
        return try nearest(in: "global_roles", extraFilter: "AND id <> $4", to: vector, model: model, limit: limit,
                           extraColumn: "canonical_role", extraParameter: excluding ?? 0)
            .map { (roleId: $0.id, name: $0.extra ?? "", cosine: $0.cosine) }
    }

    /// The SQL of a nearest-neighbour query on `table` for `model` (for EXPLAIN in tests): `$1` is the vector
    /// literal, `$2` the model, `$3` the limit.
    public static func nearestSQL(table: String, model: String, extraFilter: String = "", extraColumn: String? = nil)
        -> String
    {
        let column = extraColumn.map { ", \($0)" } ?? ""
        guard let dim = indexedDimensions[model] else {
            // No index for this model: exact search over its rows.
            return """
                SELECT id, 1 - (embedding <=> $1::vector) AS cosine\(column) FROM \(table)
                WHERE embedding_model = $2 \(extraFilter) ORDER BY embedding <=> $1::vector LIMIT $3
                """
        }
        return """
            SELECT id, 1 - (embedding::vector(\(dim)) <=> $1::vector(\(dim))) AS cosine\(column) FROM \(table)
            WHERE embedding_model = $2 \(extraFilter)
            ORDER BY embedding::vector(\(dim)) <=> $1::vector(\(dim)) LIMIT $3
            """
    }

    private func nearest(in table: String, extraFilter: String, to vector: [Float], model: String, limit: Int,
                         extraColumn: String? = nil, extraParameter: Int64? = nil)
        throws -> [(id: Int64, cosine: Double, extra: String?)]
    {
        guard limit > 0 else { return [] }
        let sql = Self.nearestSQL(table: table, model: model, extraFilter: extraFilter, extraColumn: extraColumn)
        // ef_search bounds how many rows one HNSW scan returns; the iterative scan keeps filtered queries
        // (active jobs only) from coming back short. Session settings: this may run inside a caller's transaction.
        try conn.query("SELECT set_config('hnsw.ef_search', $1, false)", [String(max(40, min(limit, 1000)))])
        try conn.query("SELECT set_config('hnsw.iterative_scan', 'strict_order', false)")
        var params: [PGBindable?] = [Self.literal(vector), model, limit]
        if let extraParameter { params.append(extraParameter) }
        let r = try conn.query(sql, params)
        return (0..<r.rowCount).map { i in
            (r.int64(i, 0) ?? 0, r.double(i, 1) ?? 0, extraColumn == nil ? nil : r.string(i, 2))
        }
    }

    /// A candidate's stored vector when it was embedded with `model` (nil otherwise).
    public func candidateVector(_ candidateId: Int64, model: String) throws -> [Float]? {
        let r = try conn.query(
            "SELECT embedding::text FROM candidates WHERE id = $1 AND embedding_model = $2 AND embedding IS NOT NULL",
            [candidateId, model])
        return r.string(0, 0).map(Self.parse)
    }

    /// A job's stored vector when it was embedded with `model` (nil otherwise).
    public func jobVector(_ jobId: Int64, model: String) throws -> [Float]? {
        let r = try conn.query(
            "SELECT embedding::text FROM job_postings WHERE id = $1 AND embedding_model = $2 AND embedding IS NOT NULL",
            [jobId, model])
        return r.string(0, 0).map(Self.parse)
    }

    /// pgvector's text form: `[0.1,0.2,…]`.
    public static func literal(_ v: [Float]) -> String {
        "[" + v.map { String($0) }.joined(separator: ",") + "]"
    }

    /// Parses pgvector's text form.
    public static func parse(_ text: String) -> [Float] {
        text.dropFirst().dropLast().split(separator: ",").compactMap { Float($0) }
    }

    /// Cuts `text` to at most `limit` characters, at the last space in the final 10 % when there is one.
    static func truncate(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) < max(limit / 10, 1) {
            return String(cut[..<space])
        }
        return String(cut)
    }
}
