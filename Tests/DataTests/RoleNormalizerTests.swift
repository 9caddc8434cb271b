import Core
import Foundation
import Testing

@testable import Data

@Suite("Role normalization: alias, then embedding similarity, else a new queued role")
struct RoleNormalizerTests {
    @Test("an alias in the title wins; a title with the same words in another order matches by embedding")
    func aliasThenEmbedding() throws {
        let (conn, _) = try TestDatabase.fresh()
        let python = try insertRole(conn, "Python Developer")
        let data = try insertRole(conn, "Data Engineer", aliases: ["big data engineer"])
        let embedder = WordHashEmbedder()
        try EmbeddingFiller(connection: conn, embedder: embedder).fill(kinds: [.roles])
        let n = RoleNormalizer(connection: conn, embedder: embedder, threshold: 0.8)

        let senior = try n.resolve("Senior Python Developer")
        #expect(senior.roleId == python && senior.method == .alias && senior.role == "Python Developer")
        let big = try n.resolve("Lead Big Data Engineer (Remote)")
        #expect(big.roleId == data && big.method == .alias)  // the longest alias that fits
        let reordered = try n.resolve("Engineer Data")
        #expect(reordered.roleId == data && reordered.method == .embedding)
        #expect(abs((reordered.similarity ?? 0) - 1) < 1e-5)
        // "JavaScript Developer" does not contain the alias "java developer" as whole words.
        try insertRole(conn, "Java Developer")
        try EmbeddingFiller(connection: conn, embedder: embedder).fill(kinds: [.roles])
        let js = try n.resolve("JavaScript Developer", create: false)
        #expect(js.method == .created && js.roleId == nil && js.role == "JavaScript Developer")
        #expect(try conn.scalar("SELECT count(*) FROM global_roles") == 3)  // create: false writes nothing
    }

    @Test("no match creates a canonical role with aliases and a vector, queued for scraping")
    func createsQueuedRole() throws {
        let (conn, _) = try TestDatabase.fresh()
        try insertRole(conn, "Registered Nurse")
        let embedder = WordHashEmbedder()
        try EmbeddingFiller(connection: conn, embedder: embedder).fill(kinds: [.roles])
        let n = RoleNormalizer(connection: conn, embedder: embedder, threshold: 0.8)
        let r = try n.resolve("Senior Kotlin Developer - Payments")
        #expect(r.method == .created && r.role == "Kotlin Developer")
        let id = try #require(r.roleId)
        let row = try conn.query("""
            SELECT status, next_eligible_at <= now(), last_scraped_at IS NULL, embedding_model FROM global_roles WHERE id = $1
            """, [id])
        #expect(row.string(0, 0) == "ACTIVE" && row.bool(0, 1) == true && row.bool(0, 2) == true)
        #expect(row.string(0, 3) == embedder.model)
        let aliases = try conn.query("SELECT alias FROM role_aliases WHERE role_id = $1 ORDER BY alias", [id])
        #expect((0..<aliases.rowCount).compactMap { aliases.string($0, 0) }
            == ["kotlin developer", "senior kotlin developer - payments"])
        // The next title of that role finds it by alias.
        let next = try n.resolve("Kotlin Developer II")
        #expect(next.roleId == id && next.method == .alias)
    }

    @Test("fill maps unmapped jobs to roles and records method and similarity in role_job_mapping")
    func fillMapsJobs() throws {
        let (conn, _) = try TestDatabase.fresh()
        let python = try insertRole(conn, "Python Developer")
        let data = try insertRole(conn, "Data Engineer")
        let j1 = try insertJob(conn, "1", title: "Senior Python Developer")
        let j2 = try insertJob(conn, "2", title: "Engineer Data")
        let j3 = try insertJob(conn, "3", title: "Pastry Chef")
        let j4 = try insertJob(conn, "4", title: "Data Engineer")
        try conn.query("INSERT INTO role_job_mapping (role_id, job_posting_id, method) VALUES ($1, $2, 'scrape')",
                       [python, j4])  // already mapped: left alone
        let embedder = WordHashEmbedder()
        let normalizer = RoleNormalizer(connection: conn, embedder: embedder, threshold: 0.8)
        let s = try EmbeddingFiller(connection: conn, embedder: embedder, normalizer: normalizer).fill()
        #expect(s.jobsMapped == [.alias: 1, .embedding: 1, .created: 1])
        let m = try conn.query("""
            SELECT m.job_posting_id, g.canonical_role, m.method, m.similarity FROM role_job_mapping m
            JOIN global_roles g ON g.id = m.role_id ORDER BY m.job_posting_id
            """)
        let rows = (0..<m.rowCount).map { (m.int64($0, 0) ?? 0, m.string($0, 1) ?? "", m.string($0, 2) ?? "", m.double($0, 3)) }
        #expect(rows.count == 4)
        #expect(rows[0].0 == j1 && rows[0].1 == "Python Developer" && rows[0].2 == "alias" && rows[0].3 == nil)
        #expect(rows[1].0 == j2 && rows[1].1 == "Data Engineer" && rows[1].2 == "embedding")
        #expect(abs((rows[1].3 ?? 0) - 1) < 1e-4)
        #expect(rows[2].0 == j3 && rows[2].1 == "Pastry Chef" && rows[2].2 == "alias")
        #expect(rows[3].0 == j4 && rows[3].1 == "Python Developer" && rows[3].2 == "scrape")
        _ = data
    }

    @Test("a candidate's preferred role that no alias knew is merged into the role it matches by embedding")
    func candidateRolesResolved() throws {
        let (conn, _) = try TestDatabase.fresh()
        let data = try insertRole(conn, "Data Engineer")
        let tenant = try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        let file = try TestDatabase.file("c.json", """
            [{"first_name": "Ada", "last_name": "L", "title": "Engineer", "preferred_roles": ["Engineer Data", "Beekeeper"]}]
            """)
        let imported = try CandidateStore(connection: conn).importFile(file, tenantSlug: "acme")
        #expect(imported.newRoles.sorted() == ["Beekeeper", "Engineer Data"])
        let embedder = WordHashEmbedder()
        let normalizer = RoleNormalizer(connection: conn, embedder: embedder, threshold: 0.8)
        let s = try EmbeddingFiller(connection: conn, embedder: embedder, normalizer: normalizer).fill()
        #expect(s.candidateRolesResolved == 1)
        let roles = try conn.query("""
            SELECT g.canonical_role FROM candidates c, unnest(c.preferred_role_ids) r JOIN global_roles g ON g.id = r
            WHERE c.tenant_id = $1::uuid ORDER BY 1
            """, [tenant.id])
        #expect((0..<roles.rowCount).compactMap { roles.string($0, 0) } == ["Beekeeper", "Data Engineer"])
        #expect(try conn.scalar("SELECT role_id FROM role_aliases WHERE alias = 'engineer data'") == Int(data))
        #expect(try conn.scalar("SELECT count(*) FROM global_roles WHERE canonical_role = 'Engineer Data'") == 0)
    }
}
