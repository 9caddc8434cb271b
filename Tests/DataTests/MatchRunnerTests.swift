import Core
import Foundation
import Testing

@testable import Data

@Suite("Match runs and the match workflow")
struct MatchRunnerTests {
    /// Ten JobSpy postings across three roles; one is expired before matching.
    static let jobs = """
        [
          {"id": "py-1", "site": "indeed", "title": "Senior Python Developer", "company": "Northwind", "location": "Austin, TX",
           "interval": "yearly", "min_amount": 130000, "max_amount": 160000, "currency": "USD", "is_remote": false,
           "description": "Python, AWS, Kubernetes and Docker. 5+ years of experience."},
          {"id": "py-2", "site": "indeed", "title": "Python Developer", "company": "Contoso", "location": "Remote",
           "interval": "yearly", "min_amount": 120000, "max_amount": 140000, "currency": "USD", "is_remote": true,
           "description": "Python and Django. 3+ years of experience."},
          {"id": "py-3", "site": "indeed", "title": "Python Developer", "company": "Initech", "location": "New York, NY",
           "interval": "yearly", "min_amount": 90000, "max_amount": 100000, "currency": "USD", "is_remote": false,
           "description": "Python, Java, Scala and Hadoop. 10+ years of experience."},
          {"id": "py-4", "site": "indeed", "title": "Junior Python Developer", "company": "Hooli", "location": "Boston, MA",
           "is_remote": false, "description": "Python and Flask. 1+ years of experience."},
          {"id": "py-5", "site": "indeed", "title": "Python Developer", "company": "Gone Inc", "location": "Austin, TX",
           "is_remote": false, "description": "Python, AWS, Kubernetes and Docker. 5+ years of experience. Expired."},
          {"id": "de-1", "site": "indeed", "title": "Data Engineer", "company": "Blue Harbor", "location": "Denver, CO",
           "is_remote": true, "description": "Spark and AWS. 4+ years of experience."},
          {"id": "fe-1", "site": "indeed", "title": "Frontend Developer", "company": "Globex", "location": "Denver, CO",
           "interval": "yearly", "min_amount": 95000, "max_amount": 115000, "currency": "USD", "is_remote": false,
           "description": "React, TypeScript and CSS. 2+ years of experience."},
          {"id": "fe-2", "site": "indeed", "title": "Senior Frontend Developer", "company": "Umbrella", "location": "San Francisco, CA",
           "interval": "yearly", "min_amount": 150000, "max_amount": 180000, "currency": "USD", "is_remote": false,
           "description": "React, Angular and GraphQL. 7+ years of experience."},
          {"id": "fe-3", "site": "indeed", "title": "Frontend Developer", "company": "Soylent", "location": "Remote",
           "is_remote": true, "description": "Vue.js, JavaScript and CSS. 3+ years of experience."},
          {"id": "ops-1", "site": "indeed", "title": "DevOps Engineer", "company": "Cyberdyne", "location": "Austin, TX",
           "is_remote": false, "description": "Kubernetes, Docker, AWS and Terraform. 4+ years of experience."}
        ]
        """

    static let people = """
        [{"external_ref": "ada", "first_name": "Ada", "last_name": "Lovelace", "skills": ["Python", "AWS", "Kubernetes", "Docker"],
          "total_experience_years": 6, "expected_salary": 140000, "salary_currency": "USD",
          "preferred_locations": ["Austin, TX"], "remote_preference": "any", "preferred_roles": ["Python Developer"]},
         {"external_ref": "grace", "first_name": "Grace", "last_name": "Hopper", "skills": "React, TypeScript, JavaScript, CSS",
          "total_experience_years": 3, "expected_salary": 100000, "salary_currency": "USD",
          "preferred_locations": "Denver, CO", "remote_preference": "hybrid", "preferred_roles": "Frontend Developer"}]
        """

    /// Roles, ten jobs (one expired), a tenant and two candidates; returns (connection, Ada's id, Grace's id).
    static func fixture(_ name: String = #function) throws -> (PGConnection, Int64, Int64) {
        let (conn, _) = try TestDatabase.fresh(name)
        for role in ["Python Developer", "Frontend Developer", "Data Engineer"] {
            try conn.query("WITH r AS (INSERT INTO global_roles (canonical_role) VALUES ($1) RETURNING id) "
                           + "INSERT INTO role_aliases SELECT lower($1), id FROM r", [role])
        }
        let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))
        let imported = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("jobs.json", jobs), reader: reader)
        #expect(imported.imported == 10)
        try conn.query("UPDATE job_postings SET status = 'EXPIRED' WHERE external_job_id = 'py-5'")
        try TenantStore(connection: conn).addTenant(slug: "acme", name: "Acme")
        _ = try CandidateStore(connection: conn).importFile(try TestDatabase.file("people.json", people), tenantSlug: "acme")
        let ada = try #require(try conn.query("SELECT id FROM candidates WHERE external_ref = 'ada'").int64(0, 0))
        let grace = try #require(try conn.query("SELECT id FROM candidates WHERE external_ref = 'grace'").int64(0, 0))
        return (conn, ada, grace)
    }

    @Test func matchesCandidatesWithTheirRolesJobsAndRanksTheBestFirst() throws {
        let (conn, ada, grace) = try Self.fixture()
        let s = try MatchRunner(connection: conn).rerunMatches(.tenant("acme"))
        #expect(s.candidates == 2)
        #expect(s.kept > 0 && s.kept <= s.pairsScored)
        #expect(s.inserted == s.kept)
        let store = MatchStore(connection: conn)
        let adaMatches = try store.matches(candidateId: ada)
        let top = try #require(adaMatches.first)
        #expect(top.jobTitle == "Senior Python Developer")
        #expect(top.company == "Northwind")
        #expect(top.grade == "A")
        #expect(top.matchScore == 100)
        #expect(top.missingSkills.isEmpty)
        #expect(top.status == "SUGGESTED")
        #expect(top.semantic == nil)  // no embeddings yet: left out, not zero
        #expect(top.explanation.contains("\"scoring_version\""))
        // The expired posting is never matched; the DevOps job comes in through shared skills (few role jobs).
        #expect(!adaMatches.contains { $0.company == "Gone Inc" })
        #expect(adaMatches.contains { $0.jobTitle == "DevOps Engineer" })
        let graceTop = try #require(try store.matches(candidateId: grace).first)
        #expect(graceTop.jobTitle == "Frontend Developer")
        #expect(graceTop.company == "Globex")
        #expect(graceTop.grade == "A")
        // Every stored match belongs to its candidate's tenant.
        #expect(try conn.scalar("""
            SELECT count(*) FROM candidate_job_matches m JOIN candidates c ON c.id = m.candidate_id
            WHERE m.tenant_id <> c.tenant_id
            """) == 0)
    }

    @Test func reRunningWithNothingChangedChangesNothingAndKeepsStatus() throws {
        let (conn, ada, _) = try Self.fixture()
        let runner = MatchRunner(connection: conn)
        let first = try runner.rerunMatches(.all)
        let matchId = try #require(try MatchStore(connection: conn).matches(candidateId: ada).first?.id)
        try MatchStore(connection: conn).setStatus(matchId: matchId, to: "VIEWED")
        let scoredAt = try conn.text("SELECT scored_at::text FROM candidate_job_matches WHERE id = $1", [matchId])
        let second = try runner.rerunMatches(.all)
        #expect((second.inserted, second.updated, second.unchanged) == (0, 0, first.kept))
        #expect(try conn.text("SELECT scored_at::text FROM candidate_job_matches WHERE id = $1", [matchId]) == scoredAt)
        // A changed profile rescores its matches and keeps their status.
        try conn.query("UPDATE candidates SET total_experience_years = 2 WHERE id = $1", [ada])
        let third = try runner.rerunMatches(.candidate(ada))
        #expect(third.updated > 0)
        #expect(third.inserted == 0)
        #expect(try conn.text("SELECT status FROM candidate_job_matches WHERE id = $1", [matchId]) == "VIEWED")
        #expect(throws: StoreError.unknownCandidate(424_242)) { try runner.rerunMatches(.candidate(424_242)) }
        #expect(throws: StoreError.unknownTenant("ghost")) { try runner.rerunMatches(.tenant("ghost")) }
    }

    @Test func suggestionsThatNoLongerHoldGoAndMatchesARecruiterActedOnStay() throws {
        let (conn, ada, _) = try Self.fixture()
        let runner = MatchRunner(connection: conn)
        _ = try runner.rerunMatches(.candidate(ada))
        let store = MatchStore(connection: conn)
        let before = try store.matches(candidateId: ada)
        let northwind = try #require(before.first { $0.company == "Northwind" })
        let contoso = try #require(before.first { $0.company == "Contoso" })
        try store.setStatus(matchId: contoso.id, to: "VIEWED")
        try conn.query("UPDATE job_postings SET status = 'EXPIRED' WHERE company IN ('Northwind', 'Contoso')")
        let s = try runner.rerunMatches(.candidate(ada))
        #expect(s.removed == 1)
        #expect(s.retained == 1)
        let after = try store.matches(candidateId: ada)
        #expect(!after.contains { $0.id == northwind.id })
        #expect(after.first { $0.id == contoso.id }?.status == "VIEWED")
        #expect(after.count == before.count - 1)
    }

    @Test func aChangedJobIsExplainedAgainEvenWhenItsScoresStayTheSame() throws {
        let (conn, ada, _) = try Self.fixture()
        let runner = MatchRunner(connection: conn)
        let first = try runner.rerunMatches(.candidate(ada))
        let id = try #require(try MatchStore(connection: conn).matches(candidateId: ada).first { $0.company == "Northwind" }?.id)
        let scoredAt = try conn.text("SELECT scored_at::text FROM candidate_job_matches WHERE id = $1", [id])
        // The importer bumps updated_at when a posting changes; here only the company's name does.
        try conn.query("UPDATE job_postings SET company = 'Northwind Traders', updated_at = now() WHERE external_job_id = 'py-1'")
        let second = try runner.rerunMatches(.candidate(ada))
        #expect((second.inserted, second.updated, second.unchanged) == (0, 0, first.kept))
        // Scored again (same numbers, so not counted as updated), and not scored again on the next run.
        let rescored = try conn.text("SELECT scored_at::text FROM candidate_job_matches WHERE id = $1", [id])
        #expect(rescored != scoredAt)
        _ = try runner.rerunMatches(.candidate(ada))
        #expect(try conn.text("SELECT scored_at::text FROM candidate_job_matches WHERE id = $1", [id]) == rescored)
    }

    @Test func vectorsGiveTheSemanticScoreAndJobsWhenRolesGiveNone() throws {
        let (conn, ada, _) = try Self.fixture()
        // Cy has no skills and a role no job has: only the vector can find jobs for them.
        let cy = try TestDatabase.file("cy.json", """
            [{"external_ref": "cy", "first_name": "Cy", "last_name": "Young", "title": "Frontend Developer",
              "summary": "Frontend developer: React, TypeScript and CSS", "preferred_roles": ["Interface Artisan"]}]
            """)
        _ = try CandidateStore(connection: conn).importFile(cy, tenantSlug: "acme")
        let cyId = try #require(try conn.query("SELECT id FROM candidates WHERE external_ref = 'cy'").int64(0, 0))
        let runner = MatchRunner(connection: conn)
        #expect(try runner.rerunMatches(.candidate(cyId)).pairsScored == 0)
        let before = try runner.rerunMatches(.candidate(ada))
        #expect(try MatchStore(connection: conn).matches(candidateId: ada).allSatisfy { $0.semantic == nil })

        _ = try EmbeddingFiller(connection: conn, embedder: WordHashEmbedder()).fill(kinds: [.jobs, .candidates])
        let after = try runner.rerunMatches(.candidate(ada))
        #expect(after.updated > 0 && after.inserted + after.updated + after.unchanged == after.kept)
        #expect(after.kept >= before.kept - 1)
        let top = try #require(try MatchStore(connection: conn).matches(candidateId: ada).first)
        #expect(top.semantic != nil)
        #expect(top.explanation.contains("cosine"))
        let near = try runner.rerunMatches(.candidate(cyId))
        #expect(near.pairsScored > 0)
    }

    @Test func aMatchCannotNameAnotherTenantThanItsCandidates() throws {
        let (conn, ada, _) = try Self.fixture()
        try TenantStore(connection: conn).addTenant(slug: "other", name: "Other")
        let job = try #require(try conn.query("SELECT id FROM job_postings LIMIT 1").int64(0, 0))
        let error = try #require(throws: PGError.self) {
            try conn.query("""
                INSERT INTO candidate_job_matches (tenant_id, candidate_id, job_posting_id, match_score, grade)
                SELECT id, $1, $2, 90, 'A' FROM tenants WHERE slug = 'other'
                """, [ada, job])
        }
        #expect(error.sqlState == "23503")  // foreign_key_violation
    }

    @Test func statusMovesAlongTheWorkflowWithWhoWhenAndWhy() throws {
        let (conn, ada, _) = try Self.fixture()
        _ = try MatchRunner(connection: conn).rerunMatches(.candidate(ada))
        let store = MatchStore(connection: conn)
        let id = try #require(try store.matches(candidateId: ada).first?.id)
        #expect(throws: StoreError.invalidTransition(from: "SUGGESTED", to: "APPLIED", allowed: ["VIEWED"])) {
            try store.setStatus(matchId: id, to: "APPLIED")
        }
        #expect(throws: StoreError.invalidStatus("HIRED")) { try store.setStatus(matchId: id, to: "HIRED") }
        #expect(throws: StoreError.unknownMatch(987_654)) { try store.setStatus(matchId: 987_654, to: "VIEWED") }
        try store.setStatus(matchId: id, to: "viewed")
        let change = try store.setStatus(matchId: id, to: "SHORTLISTED", reason: "strong Kubernetes")
        #expect(change.from == "VIEWED")
        let user = try #require(try conn.text("SELECT current_user"))
        #expect(change.changedBy == user)
        try store.setStatus(matchId: id, to: "REJECTED", reason: "salary")
        #expect(throws: StoreError.invalidTransition(from: "REJECTED", to: "VIEWED", allowed: [])) {
            try store.setStatus(matchId: id, to: "VIEWED")
        }
        let history = try store.history(matchId: id)
        #expect(history.map { "\($0.from)→\($0.to)" } == ["SUGGESTED→VIEWED", "VIEWED→SHORTLISTED", "SHORTLISTED→REJECTED"])
        #expect(history.map(\.reason) == [nil, "strong Kubernetes", "salary"])
        #expect(history.allSatisfy { $0.changedBy == user && $0.changedAt != nil })
        #expect(try conn.text("SELECT status FROM candidate_job_matches WHERE id = $1", [id]) == "REJECTED")
    }
}
