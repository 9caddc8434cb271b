import Foundation
import Testing

@testable import Data

@Suite("Row-level security")
struct TenantIsolationTests {
    @Test func recruiterSeesOnlyTheirTenantsCandidates() throws {
        let (conn, _) = try TestDatabase.fresh()
        let a = try #require(try conn.text("INSERT INTO tenants (slug, name) VALUES ('acme', 'Acme') RETURNING id"))
        let b = try #require(try conn.text("INSERT INTO tenants (slug, name) VALUES ('globex', 'Globex') RETURNING id"))
        for (tenant, name) in [(a, "Ada"), (a, "Alan"), (b, "Grace")] {
            try conn.query("INSERT INTO candidates (tenant_id, first_name, last_name) VALUES ($1::uuid, $2, 'Example')", [tenant, name])
        }
        let role = "rec_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try conn.query("CREATE ROLE \(role) NOLOGIN IN ROLE centrald_recruiter")
        try conn.query("INSERT INTO tenant_members (role_name, tenant_id) VALUES ($1, $2::uuid)", [role, a])
        try conn.query("SET ROLE \(role)")
        let seen = try conn.query("SELECT first_name FROM candidates ORDER BY 1")
        #expect((0..<seen.rowCount).compactMap { seen.string($0, 0) } == ["Ada", "Alan"])
        // Writing into another tenant is refused.
        #expect(throws: PGError.self) {
            try conn.query("INSERT INTO candidates (tenant_id, first_name, last_name) VALUES ($1::uuid, 'Eve', 'X')", [b])
        }
        try conn.query("RESET ROLE")
        #expect(try conn.scalar("SELECT count(*) FROM candidates") == 3)  // PM_ADMIN (owner) sees all
        try conn.query("DELETE FROM tenant_members WHERE role_name = $1", [role])
        try conn.query("DROP ROLE \(role)")
    }
}
