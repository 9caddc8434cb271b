import Core
import Foundation

/// How a title reached its canonical role.
public enum RoleMatchMethod: String, Sendable {
    /// A `role_aliases` entry appears in the title as whole words (the longest one wins).
    case alias
    /// The nearest canonical role by vector, at or above the model's threshold.
    case embedding
    /// Nothing matched: a new canonical role was created (with the name as alias) and queued for scraping.
    case created
}

/// The canonical role of one title.
public struct RoleResolution: Sendable, Equatable {
    /// The title as given.
    public var title: String
    /// `global_roles.id`; nil when nothing matched and the normalizer was asked not to create roles.
    public var roleId: Int64?
    /// The canonical role name (for `created` without writing: the name it would get).
    public var role: String
    /// How it was found.
    public var method: RoleMatchMethod
    /// Cosine to the nearest role (embedding and created; nil for alias).
    public var similarity: Double?
    /// For `created`: the nearest existing role, which was below the threshold.
    public var nearestRole: String?
}

/// Maps a job title or a candidate's preferred role to a canonical role: alias table first, then embedding
/// similarity against `global_roles` vectors of the same model (threshold per model), else a new canonical
/// role (+ alias, + vector) that the scrape queue picks up.
public final class RoleNormalizer {
    let conn: PGConnection
    let store: EmbeddingStore
    /// The embedder whose vectors are compared (role vectors of other models are ignored).
    public let embedder: any Embedder
    /// Lowest cosine that counts as the same role.
    public let threshold: Double
    private var cache: [String: RoleResolution] = [:]

    /// A normalizer on `connection` using `embedder`; the threshold defaults to the calibrated one for its model.
    public init(connection: PGConnection, embedder: any Embedder, threshold: Double? = nil) {
        conn = connection
        store = EmbeddingStore(connection: connection)
        self.embedder = embedder
        self.threshold = threshold ?? RoleNormalizationConfig.standard.threshold(for: embedder.model)
    }

    /// The canonical role of `title`. With `create` false nothing is written (a `created` result has no id).
    public func resolve(_ title: String, create: Bool = true) throws -> RoleResolution {
        let key = Self.clean(title).lowercased()
        if let hit = cache[key] { return RoleResolution(title: title, roleId: hit.roleId, role: hit.role,
                                                         method: hit.method, similarity: hit.similarity,
                                                         nearestRole: hit.nearestRole) }
        let result = try resolveUncached(title, create: create)
        if result.roleId != nil { cache[key] = result }
        return result
    }

    private func resolveUncached(_ title: String, create: Bool) throws -> RoleResolution {
        let cleaned = Self.clean(title)
        if let (id, name) = try aliasMatch(cleaned) {
            return RoleResolution(title: title, roleId: id, role: name, method: .alias, similarity: nil, nearestRole: nil)
        }
        // The role part of the title is compared ("Senior Kotlin Developer - Payments" → "Kotlin Developer"):
        // level words and suffixes only add noise to a role-name vector.
        let name = RoleTitle.canonical(cleaned)
        let vector = try embedder.embed([name], task: .document)[0]
        let nearest = try store.nearestRoles(to: vector, model: embedder.model, limit: 1).first
        if let nearest, nearest.cosine >= threshold {
            return RoleResolution(title: title, roleId: nearest.roleId, role: nearest.name, method: .embedding,
                                  similarity: nearest.cosine, nearestRole: nil)
        }
        guard create, !name.isEmpty else {
            return RoleResolution(title: title, roleId: nil, role: name, method: .created, similarity: nearest?.cosine,
                                  nearestRole: nearest?.name)
        }
        let id = try createRole(name, aliases: [name, cleaned], vector: vector)
        return RoleResolution(title: title, roleId: id, role: name, method: .created, similarity: nearest?.cosine,
                              nearestRole: nearest?.name)
    }

    /// The role whose alias appears in `title` as whole words (the longest alias), as JobImportWriter does.
    func aliasMatch(_ title: String) throws -> (Int64, String)? {
        let r = try conn.query("""
            SELECT g.id, g.canonical_role FROM role_aliases ra JOIN global_roles g ON g.id = ra.role_id
            WHERE ' ' || regexp_replace(lower($1), '[^a-z0-9+#.]+', ' ', 'g') || ' '
                  LIKE '% ' || regexp_replace(ra.alias, '[^a-z0-9+#.]+', ' ', 'g') || ' %'
            ORDER BY length(ra.alias) DESC, g.id LIMIT 1
            """, [title])
        guard r.rowCount > 0, let id = r.int64(0, 0) else { return nil }
        return (id, r.string(0, 1) ?? "")
    }

    /// A new canonical role (status ACTIVE, next_eligible_at now: the scrape queue leases it next) with its
    /// aliases and its vector, so that the next similar title finds it.
    func createRole(_ name: String, aliases: [String], vector: [Float]) throws -> Int64 {
        try conn.transaction {
            let r = try conn.query("""
                INSERT INTO global_roles (canonical_role, embedding, embedding_model) VALUES ($1, $2::vector, $3)
                ON CONFLICT (canonical_role) DO UPDATE SET canonical_role = EXCLUDED.canonical_role RETURNING id
                """, [name, EmbeddingStore.literal(vector), embedder.model])
            guard let id = r.int64(0, 0) else { throw PGError(message: "no id returned for a new role", context: "role insert") }
            for alias in Set(aliases.map { $0.lowercased() }) where !alias.isEmpty {
                try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                               [alias, id])
            }
            return id
        }
    }

    /// Maps active jobs that have no role mapping yet (optionally only `ids`) through `resolve`, recording
    /// method and similarity in `role_job_mapping`. Returns how many jobs got a role, per method.
    @discardableResult
    public func mapUnmappedJobs(ids: [Int64]? = nil) throws -> [RoleMatchMethod: Int] {
        let r = try conn.query("""
            SELECT j.id, j.title FROM job_postings j
            WHERE ($1::bigint[] IS NULL OR j.id = ANY ($1::bigint[]))
              AND NOT EXISTS (SELECT 1 FROM role_job_mapping m WHERE m.job_posting_id = j.id)
            ORDER BY j.id
            """, [ids.map { $0.map(String.init).pgText }])
        var counts: [RoleMatchMethod: Int] = [:]
        var rows: [(Int64, Int64, String, Double?)] = []
        for i in 0..<r.rowCount {
            guard let jobId = r.int64(i, 0), let title = r.string(i, 1), !Self.clean(title).isEmpty else { continue }
            let res = try resolve(title)
            guard let roleId = res.roleId else { continue }
            // A created role is its own alias: recorded as 'alias'; similarity is the cosine when one was measured.
            let method = res.method == .embedding ? "embedding" : "alias"
            rows.append((roleId, jobId, method, res.method == .embedding ? res.similarity : nil))
            counts[res.method, default: 0] += 1
        }
        if !rows.isEmpty {
            try conn.query("""
                INSERT INTO role_job_mapping (role_id, job_posting_id, method, similarity)
                SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::real[]) ON CONFLICT DO NOTHING
                """, [rows.map { String($0.0) }.pgText, rows.map { String($0.1) }.pgText, rows.map { $0.2 }.pgText,
                      PGArray.literal(rows.map { $0.3.map { String($0) } })])
        }
        return counts
    }

    /// Candidates' preferred roles that no alias knew at import (CandidateStore then created them as new roles)
    /// are resolved by embedding: a role referenced by candidates, never scraped, with no jobs and no alias but
    /// its own name, whose nearest older role is at or above the threshold, is merged into that role (aliases
    /// and candidates' `preferred_role_ids` move over; the duplicate role leaves the scrape queue).
    /// Returns (merged role name, into role name, cosine) per merge.
    @discardableResult
    public func resolveCandidateRoles() throws -> [(from: String, into: String, cosine: Double)] {
        let r = try conn.query("""
            SELECT g.id, g.canonical_role, g.embedding::text FROM global_roles g
            WHERE g.embedding_model = $1 AND g.embedding IS NOT NULL AND g.last_scraped_at IS NULL
              AND EXISTS (SELECT 1 FROM candidates c WHERE g.id = ANY (c.preferred_role_ids))
              AND NOT EXISTS (SELECT 1 FROM role_job_mapping m WHERE m.role_id = g.id)
              AND NOT EXISTS (SELECT 1 FROM role_aliases a WHERE a.role_id = g.id AND a.alias <> lower(g.canonical_role))
            ORDER BY g.id
            """, [embedder.model])
        var merges: [(from: String, into: String, cosine: Double)] = []
        for i in 0..<r.rowCount {
            guard let id = r.int64(i, 0), let name = r.string(i, 1), let text = r.string(i, 2) else { continue }
            let nearest = try store.nearestRoles(to: EmbeddingStore.parse(text), model: embedder.model, limit: 5,
                                                 excluding: id)
            guard let target = nearest.first(where: { $0.roleId < id }), target.cosine >= threshold else { continue }
            try conn.transaction {
                try conn.query("UPDATE role_aliases SET role_id = $2 WHERE role_id = $1", [id, target.roleId])
                try conn.query("""
                    UPDATE candidates SET preferred_role_ids = ARRAY(
                        SELECT DISTINCT x FROM unnest(array_replace(preferred_role_ids, $1, $2)) AS x ORDER BY x),
                        updated_at = now()
                    WHERE $1 = ANY (preferred_role_ids)
                    """, [id, target.roleId])
                try conn.query("DELETE FROM global_roles WHERE id = $1", [id])
            }
            cache = [:]
            merges.append((name, target.name, target.cosine))
        }
        return merges
    }

    /// Trimmed, whitespace collapsed.
    static func clean(_ title: String) -> String { RoleTitle.clean(title) }
}
