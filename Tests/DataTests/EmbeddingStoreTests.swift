import Core
import Foundation
import Testing

@testable import Data

/// Inserts an active job posting; returns its id.
@discardableResult
func insertJob(_ conn: PGConnection, _ ext: String, title: String, company: String = "Acme",
               description: String = "", status: String = "ACTIVE") throws -> Int64 {
    try conn.query("""
        INSERT INTO job_postings (platform, external_job_id, title, company, description, content_hash, status)
        VALUES ('test', $1, $2, $3, $4, $1, $5) RETURNING id
        """, [ext, title, company, description, status]).int64(0, 0) ?? 0
}

/// Inserts a canonical role with its name (and `aliases`) as aliases; returns its id.
@discardableResult
func insertRole(_ conn: PGConnection, _ name: String, aliases: [String] = []) throws -> Int64 {
    let id = try conn.query("INSERT INTO global_roles (canonical_role) VALUES ($1) RETURNING id", [name]).int64(0, 0) ?? 0
    for a in [name] + aliases {
        try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES (lower($1), $2)", [a, id])
    }
    return id
}

@Suite("Embeddings in the database: fill, rebuild, status, nearest by vector")
struct EmbeddingStoreTests {
    @Test("fill embeds every kind in batches, records the model, and a second fill has nothing to do")
    func fillAll() throws {
        let (conn, _) = try TestDatabase.fresh()
        for i in 0..<5 { try insertJob(conn, "j\(i)", title: "Python Developer \(i)", description: "Build APIs") }
        try insertRole(conn, "Python Developer")
        let tenant = try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        try conn.query("""
            INSERT INTO candidates (tenant_id, first_name, last_name, title, summary, skills)
            VALUES ($1::uuid, 'Ada', 'L', 'Backend engineer', 'Ten years of Python', '{python,aws}')
            """, [tenant.id])
        let embedder = WordHashEmbedder()
        var progress: [(EmbeddingKind, Int, Int)] = []
        let s = try EmbeddingFiller(connection: conn, embedder: embedder, batchSize: 2)
            .fill(progress: { progress.append(($0.kind, $0.done, $0.total)) })
        #expect(s.embedded == [.jobs: 5, .candidates: 1, .roles: 1])
        #expect(s.total == 7 && !s.wasInterrupted)
        #expect(embedder.calls == [1, 1, 2, 2, 1])  // roles, candidates, then jobs in batches of 2
        #expect(progress.filter { $0.0 == .jobs }.map(\.1) == [0, 2, 4, 5])
        #expect(progress.allSatisfy { $0.2 == ($0.0 == .jobs ? 5 : 1) })
        #expect(try conn.scalar("SELECT count(*) FROM job_postings WHERE embedding_model = 'all-MiniLM-L6-v2' AND vector_dims(embedding) = 384") == 5)
        // The job text is title + company + description.
        let stored = try conn.text("SELECT embedding::text FROM job_postings WHERE external_job_id = 'j0'") ?? ""
        let expected = embedder.vector("Python Developer 0\nAcme\nBuild APIs")
        #expect(zip(EmbeddingStore.parse(stored), expected).allSatisfy { abs($0 - $1) < 1e-6 })
        let candidate = try conn.text("SELECT embedding::text FROM candidates") ?? ""
        #expect(zip(EmbeddingStore.parse(candidate), embedder.vector("Backend engineer Ten years of Python python aws"))
            .allSatisfy { abs($0 - $1) < 1e-6 })

        let again = try EmbeddingFiller(connection: conn, embedder: embedder).fill()
        #expect(again.total == 0)
        let store = EmbeddingStore(connection: conn)
        #expect(try store.missingCount(.jobs, model: "all-MiniLM-L6-v2") == 0)
        let status = try store.status()
        #expect(status.contains { $0.kind == .jobs && $0.model == "all-MiniLM-L6-v2" && $0.rows == 5 })
        #expect(status.contains { $0.kind == .roles && $0.model == "all-MiniLM-L6-v2" && $0.rows == 1 })
    }

    @Test("--limit and --only bound a fill; another model re-embeds every row; rebuild re-embeds the same model")
    func limitOnlyAndModelSwitch() throws {
        let (conn, _) = try TestDatabase.fresh()
        for i in 0..<6 { try insertJob(conn, "j\(i)", title: "Data Engineer \(i)") }
        try insertRole(conn, "Data Engineer")
        let mini = WordHashEmbedder()
        let first = try EmbeddingFiller(connection: conn, embedder: mini).fill(kinds: [.jobs], limit: 4)
        #expect(first.embedded == [.jobs: 4])
        let store = EmbeddingStore(connection: conn)
        #expect(try store.missingCount(.jobs, model: mini.model) == 2)
        #expect(try store.missingCount(.roles, model: mini.model) == 1)

        let other = WordHashEmbedder(model: "gemini-embedding-001", dimension: 768)
        let switched = try EmbeddingFiller(connection: conn, embedder: other).fill(kinds: [.jobs])
        #expect(switched.embedded == [.jobs: 6])
        #expect(try conn.scalar("SELECT count(*) FROM job_postings WHERE embedding_model = 'gemini-embedding-001' AND vector_dims(embedding) = 768") == 6)
        #expect(try store.missingCount(.jobs, model: mini.model) == 6)

        let rebuilt = try EmbeddingFiller(connection: conn, embedder: other).rebuild(kinds: [.jobs])
        #expect(rebuilt.embedded == [.jobs: 6])
        #expect(try store.missingCount(.jobs, model: other.model) == 0)
    }

    @Test("a fill stopped after its first batch keeps that batch, and the next fill finishes the rest")
    func interruptKeepsCommittedBatches() throws {
        let (conn, _) = try TestDatabase.fresh()
        for i in 0..<7 { try insertJob(conn, "j\(i)", title: "QA Engineer \(i)") }
        let embedder = WordHashEmbedder()
        var batches = 0
        let s = try EmbeddingFiller(connection: conn, embedder: embedder, batchSize: 3)
            .fill(kinds: [.jobs], progress: { if $0.done > 0 { batches += 1 } }, shouldStop: { batches >= 1 })
        #expect(s.wasInterrupted)
        #expect(s.embedded == [.jobs: 3])
        #expect(try conn.scalar("SELECT count(*) FROM job_postings WHERE embedding IS NOT NULL") == 3)
        let rest = try EmbeddingFiller(connection: conn, embedder: embedder, batchSize: 3).fill(kinds: [.jobs])
        #expect(rest.embedded == [.jobs: 4])
        #expect(try conn.scalar("SELECT count(*) FROM job_postings WHERE embedding IS NULL") == 0)
    }

    @Test("nearestJobs ranks active jobs of the same model by cosine, through the HNSW index")
    func nearestJobs() throws {
        let (conn, _) = try TestDatabase.fresh()
        let python = try insertJob(conn, "a", title: "python developer", company: "x")
        let pythonAws = try insertJob(conn, "b", title: "python aws developer", company: "x")
        try insertJob(conn, "c", title: "nurse", company: "hospital")
        try insertJob(conn, "d", title: "python developer", company: "x", status: "EXPIRED")
        let embedder = WordHashEmbedder()
        try EmbeddingFiller(connection: conn, embedder: embedder).fill(kinds: [.jobs])
        let other = try insertJob(conn, "e", title: "python developer", company: "x")
        try EmbeddingStore(connection: conn).write(.jobs, model: "gemini-embedding-001", ids: [other],
                                                   vectors: [WordHashEmbedder(dimension: 768).vector("python developer x")])
        let store = EmbeddingStore(connection: conn)
        let query = embedder.vector("python developer x")
        let hits = try store.nearestJobs(to: query, model: embedder.model, limit: 3)
        #expect(hits.map(\.jobId).prefix(2) == [python, pythonAws])
        #expect(abs(hits[0].cosine - 1) < 1e-5)
        let expected = zip(query, embedder.vector("python aws developer\nx")).reduce(0) { $0 + Double($1.0 * $1.1) }
        #expect(abs(hits[1].cosine - expected) < 1e-5)
        #expect(!hits.contains { $0.jobId == other })  // another model's vector is never compared
        #expect(hits.count == 3)  // the expired posting is left out: a, b, c

        // The planner can use the partial expression index: the query repeats its cast and predicate.
        try conn.query("SET enable_seqscan = off")
        let sql = EmbeddingStore.nearestSQL(table: "job_postings", model: embedder.model, extraFilter: "AND status = 'ACTIVE'")
        let plan = try conn.query("EXPLAIN " + sql, [EmbeddingStore.literal(query), embedder.model, 3])
        let text = (0..<plan.rowCount).compactMap { plan.string($0, 0) }.joined(separator: "\n")
        #expect(text.contains("Index Scan using job_postings_embedding_minilm"), "\(text)")
        let gemini = EmbeddingStore.nearestSQL(table: "job_postings", model: "gemini-embedding-001")
        let gplan = try conn.query("EXPLAIN " + gemini, [EmbeddingStore.literal(WordHashEmbedder(dimension: 768).vector("x")),
                                                        "gemini-embedding-001", 3])
        #expect((0..<gplan.rowCount).compactMap { gplan.string($0, 0) }.joined().contains("job_postings_embedding_gemini"))
    }

    @Test("a candidate's vector comes back only for the model it was embedded with")
    func candidateVector() throws {
        let (conn, _) = try TestDatabase.fresh()
        let tenant = try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        let id = try conn.query("""
            INSERT INTO candidates (tenant_id, first_name, last_name, title) VALUES ($1::uuid, 'A', 'B', 'Nurse') RETURNING id
            """, [tenant.id]).int64(0, 0) ?? 0
        let embedder = WordHashEmbedder()
        let store = EmbeddingStore(connection: conn)
        #expect(try store.candidateVector(id, model: embedder.model) == nil)
        try EmbeddingFiller(connection: conn, embedder: embedder).fill(kinds: [.candidates])
        let v = try #require(try store.candidateVector(id, model: embedder.model))
        #expect(v.count == 384)
        #expect(zip(v, embedder.vector("Nurse")).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(try store.candidateVector(id, model: "gemini-embedding-001") == nil)
    }
}
