import Core
import Foundation
import Testing

@testable import Data

@Suite("Tenants and candidates")
struct TenantCandidateTests {
    @Test func tenantsAreAddedListedAndValidated() throws {
        let (conn, _) = try TestDatabase.fresh()
        let store = TenantStore(connection: conn)
        try store.addTenant(slug: "globex", name: "Globex Corp")
        try store.addTenant(slug: "acme", name: "Acme Staffing")
        #expect(try store.tenants().map(\.slug) == ["acme", "globex"])
        #expect(try store.tenant(slug: "acme").name == "Acme Staffing")
        #expect(throws: StoreError.tenantExists("acme")) { try store.addTenant(slug: "acme", name: "Again") }
        #expect(throws: StoreError.invalidSlug("Bad Slug")) { try store.addTenant(slug: "Bad Slug", name: "X") }
        #expect(throws: StoreError.unknownTenant("nope")) { try store.tenant(slug: "nope") }
    }

    static let csv = """
        external_ref,first_name,last_name,email,title,skills,total_experience_years,expected_salary,salary_currency,preferred_locations,remote_preference,preferred_roles
        c-1,Ada,Lovelace,ADA@example.com,Backend Engineer,"Python, AWS, k8s",6,140000,USD,"Austin, TX; Remote",remote,Python Developer
        c-2,Alan,,alan@example.com,Engineer,Java,4,,,,,
        c-3,Grace,Hopper,grace@example.com,Frontend Engineer,"React, TypeScript",3,$60/hr,,"Denver, CO",hybrid,"Frontend Developer, Quantum Gardener"
        c-4,Linus,Torvalds,linus@example.com,,C,many,lots,,,sometimes,
        """

    @Test func importReadsFieldsRejectsMissingNamesAndQueuesUnknownRoles() throws {
        let (conn, _) = try TestDatabase.fresh()
        try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        for (role, alias) in [("Python Developer", "python developer"), ("Frontend Developer", "frontend developer")] {
            try conn.query("WITH r AS (INSERT INTO global_roles (canonical_role) VALUES ($1) RETURNING id) "
                           + "INSERT INTO role_aliases SELECT $2, id FROM r", [role, alias])
        }
        let url = try TestDatabase.file("people.csv", Self.csv)
        let store = CandidateStore(connection: conn)
        let s = try store.importFile(url, tenantSlug: "acme")
        #expect(s.read == 4)
        #expect(s.inserted == 3)
        #expect(s.rejected == 1)
        #expect(s.issues.first { $0.severity == .rejected }?.description == "record 2: last_name: missing last name")
        #expect(Set(s.issues.filter { $0.severity == .warning }.map(\.field))
                == ["total_experience_years", "expected_salary", "remote_preference"])
        #expect(s.newRoles == ["Quantum Gardener"])
        #expect(try conn.scalar("SELECT count(*) FROM global_roles WHERE canonical_role = 'Quantum Gardener'") == 1)
        #expect(try conn.text("SELECT alias FROM role_aliases WHERE alias = 'quantum gardener'") == "quantum gardener")

        let ada = try conn.query("""
            SELECT email, skills::text, total_experience_years, expected_salary, salary_currency, salary_interval,
                   preferred_locations::text, remote_preference, cardinality(preferred_role_ids)
            FROM candidates WHERE external_ref = 'c-1'
            """)
        #expect(ada.string(0, 0) == "ada@example.com")
        #expect(ada.string(0, 1) == "{Python,AWS,Kubernetes}")
        #expect(ada.double(0, 2) == 6)
        #expect(ada.double(0, 3) == 140_000)
        #expect(ada.string(0, 4) == "USD")
        #expect(ada.string(0, 5) == "YEAR")
        #expect(ada.string(0, 6) == "{\"Austin, TX\",Remote}")
        #expect(ada.string(0, 7) == "remote")
        #expect(ada.int(0, 8) == 1)
        let grace = try conn.query("""
            SELECT expected_salary, salary_currency, salary_interval, cardinality(preferred_role_ids)
            FROM candidates WHERE external_ref = 'c-3'
            """)
        #expect(grace.double(0, 0) == 60)
        #expect(grace.string(0, 1) == "USD")
        #expect(grace.string(0, 2) == "HOUR")
        #expect(grace.int(0, 3) == 2)

        // Same file again: nothing changes; an edited record is updated in place.
        let again = try store.importFile(url, tenantSlug: "acme")
        #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 3))
        let edited = try TestDatabase.file("people.csv", Self.csv.replacingOccurrences(of: ",6,140000", with: ",7,140000"))
        let third = try store.importFile(edited, tenantSlug: "acme")
        #expect((third.inserted, third.updated, third.unchanged) == (0, 1, 2))
        #expect(try conn.scalar("SELECT count(*) FROM candidates") == 3)
    }

    @Test func jsonAndJsonLinesAreRead() throws {
        let (conn, _) = try TestDatabase.fresh()
        try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        let store = CandidateStore(connection: conn)
        let json = """
            [{"id": 7, "first_name": "Ada", "last_name": "L", "skills": ["python", "Amazon Web Services"],
              "expected_salary": "€5,000 per month", "total_experience_years": "5+ years"},
             {"first_name": "No", "email": "x@example.com"}]
            """
        let s = try store.importFile(try TestDatabase.file("p.json", json), tenantSlug: "acme")
        #expect((s.read, s.inserted, s.rejected) == (2, 1, 1))
        let row = try conn.query("SELECT external_ref, skills::text, expected_salary, salary_currency, salary_interval, total_experience_years FROM candidates")
        #expect(row.string(0, 0) == "7")
        #expect(row.string(0, 1) == "{Python,AWS}")
        #expect(row.double(0, 2) == 5000)
        #expect(row.string(0, 3) == "EUR")
        #expect(row.string(0, 4) == "MONTH")
        #expect(row.double(0, 5) == 5)
        let jsonl = "{\"external_ref\": \"a\", \"name\": \"Grace Brewster Hopper\"}\n{\"external_ref\": \"b\", \"first_name\": \"Alan\", \"last_name\": \"Turing\"}\n"
        let l = try store.importFile(try TestDatabase.file("p.jsonl", jsonl), tenantSlug: "acme")
        #expect(l.format.hasPrefix("JSON Lines"))
        #expect(l.inserted == 2)
        #expect(try conn.text("SELECT first_name || '|' || last_name FROM candidates WHERE external_ref = 'a'") == "Grace Brewster|Hopper")
    }

    @Test func unknownTenantAndUnreadableFileAreClearErrors() throws {
        let (conn, _) = try TestDatabase.fresh()
        let store = CandidateStore(connection: conn)
        let url = try TestDatabase.file("p.csv", Self.csv)
        #expect(throws: StoreError.unknownTenant("ghost")) { try store.importFile(url, tenantSlug: "ghost") }
        try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        #expect(throws: FileImportError.self) {
            try store.importFile(URL(fileURLWithPath: "/nonexistent/p.csv"), tenantSlug: "acme")
        }
        #expect(try conn.scalar("SELECT count(*) FROM candidates") == 0)
    }

    @Test func recruitersImportOnlyIntoTheirOwnTenant() throws {
        let (conn, _) = try TestDatabase.fresh()
        let tenants = TenantStore(connection: conn)
        let acme = try tenants.addTenant(slug: "acme", name: "Acme")
        try tenants.addTenant(slug: "globex", name: "Globex")
        let role = "rec_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try conn.query("CREATE ROLE \(role) NOLOGIN IN ROLE centrald_recruiter")
        try conn.query("INSERT INTO tenant_members (role_name, tenant_id) VALUES ($1, $2::uuid)", [role, acme.id])
        defer {
            _ = try? conn.query("RESET ROLE")
            _ = try? conn.query("DELETE FROM tenant_members WHERE role_name = $1", [role])
            _ = try? conn.query("DROP ROLE \(role)")
        }
        let file = try TestDatabase.file("p.json", #"[{"external_ref": "r1", "first_name": "Ada", "last_name": "L"}]"#)
        try conn.query("SET ROLE \(role)")
        let store = CandidateStore(connection: conn)
        #expect(try store.importFile(file, tenantSlug: "acme").inserted == 1)
        #expect(throws: PGError.self) { try store.importFile(file, tenantSlug: "globex") }
        #expect(try store.candidates(tenantSlug: "acme").map(\.firstName) == ["Ada"])
        try conn.query("RESET ROLE")
        #expect(try conn.text("SELECT t.slug FROM candidates c JOIN tenants t ON t.id = c.tenant_id") == "acme")
        #expect(try conn.scalar("SELECT count(*) FROM candidates") == 1)
    }

    @Test func approvingEmitsTheEventOnce() throws {
        let (conn, _) = try TestDatabase.fresh()
        try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        let store = CandidateStore(connection: conn)
        _ = try store.importFile(try TestDatabase.file("p.csv", Self.csv), tenantSlug: "acme")
        let id = try #require(try conn.query("SELECT id FROM candidates WHERE external_ref = 'c-1'").int64(0, 0))
        #expect(try store.approve(candidateId: id))
        #expect(try conn.text("SELECT status FROM candidates WHERE id = $1", [id]) == "approved")
        #expect(try conn.scalar("SELECT (payload->>'candidate_id')::bigint FROM wf_events WHERE name = 'candidate/approved'") == Int(id))
        #expect(try store.approve(candidateId: id) == false)
        #expect(try conn.scalar("SELECT count(*) FROM wf_events WHERE name = 'candidate/approved'") == 1)
        #expect(throws: StoreError.unknownCandidate(999_999)) { try store.approve(candidateId: 999_999) }
    }
}
