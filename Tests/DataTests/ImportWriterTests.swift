import Core
import Foundation
import Testing

@testable import Data

@Suite("Import into PostgreSQL")
struct ImportWriterTests {
    let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))

    /// JobSpy-style JSON with bare NaN, one record without a title.
    static let jobspy = """
        [
          {"id": "in-1", "site": "indeed", "job_url": "https://example.com/1", "title": "Senior Python Developer",
           "company": "Northwind Analytics", "location": "Austin, TX", "date_posted": "2025-05-15", "job_type": "fulltime",
           "salary_source": "direct_data", "interval": "yearly", "min_amount": 120000.0, "max_amount": 150000.0,
           "currency": "USD", "is_remote": false, "description": "We need **Python** and Kubernetes\\\\. 5+ years of experience."},
          {"id": "in-2", "site": "indeed", "job_url": "https://example.com/2", "title": NaN, "company": "X",
           "location": "Remote", "date_posted": NaN, "interval": NaN, "min_amount": NaN, "max_amount": NaN, "currency": NaN,
           "is_remote": true, "description": "Remote role"},
          {"id": "li-3", "site": "linkedin", "job_url": "https://example.com/3", "title": "Data Engineer", "company": "Blue Harbor",
           "location": "Denver, CO", "date_posted": "2025-05-14", "interval": "hourly", "min_amount": 55.0, "max_amount": 65.0,
           "currency": "USD", "is_remote": true, "description": "Fully remote. Spark and AWS."}
        ]
        """

    @Test func importsValidRecordsRejectsTheRestAndCountsPerPlatform() throws {
        let (conn, _) = try TestDatabase.fresh()
        let url = try TestDatabase.file("jobs.json", Self.jobspy)
        let s = try JobImportWriter(connection: conn).importFile(url, reader: reader)
        #expect(s.read == 3)
        #expect(s.imported == 2)
        #expect(s.rejected == 1)
        #expect(s.issues.first { $0.severity == .rejected }?.description == "record 2: title: missing (every posting needs a title)")
        #expect(Set(s.batches.map(\.platform)) == ["indeed", "linkedin"])
        #expect(try conn.scalar("SELECT count(*) FROM job_import_batches") == 2)
        #expect(try conn.scalar("SELECT count(*) FROM job_import_errors") == 1)
        let row = try conn.query("""
            SELECT salary_annual_min, salary_annual_max, salary_interval, city, region, work_mode, experience_min, skills
            FROM job_postings WHERE external_job_id = 'in-1'
            """)
        #expect(row.double(0, 0) == 120000)
        #expect(row.double(0, 1) == 150000)
        #expect(row.string(0, 2) == "YEAR")
        #expect(row.string(0, 3) == "Austin")
        #expect(row.string(0, 4) == "Texas")
        #expect(row.string(0, 5) == "onsite")
        #expect(row.double(0, 6) == 5)
        #expect(row.string(0, 7)?.contains("Python") == true)
        let hourly = try conn.query("SELECT salary_annual_min, work_mode FROM job_postings WHERE external_job_id = 'li-3'")
        #expect(hourly.double(0, 0) == 114_400.0)  // 55/h × 2,080 h
        #expect(hourly.string(0, 1) == "remote")
        #expect(try conn.scalar("SELECT count(*) FROM wf_events WHERE name = 'jobs/imported'") == 2)
    }

    @Test func reimportingTheSameFileImportsNothingNew() throws {
        let (conn, _) = try TestDatabase.fresh()
        let url = try TestDatabase.file("jobs.json", Self.jobspy)
        let writer = JobImportWriter(connection: conn)
        _ = try writer.importFile(url, reader: reader)
        let again = try writer.importFile(url, reader: reader)
        #expect(again.imported == 0)
        #expect(again.duplicates == 2)
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == 2)
    }

    @Test func identicalContentOnAnotherPlatformIsADuplicateAndKeepsItsURL() throws {
        let (conn, _) = try TestDatabase.fresh()
        let desc = String(repeating: "Build data pipelines with Spark and Airflow on AWS. ", count: 4)
        let a = """
            {"platform": "dice", "external_id": "d-1", "url": "https://dice.example/1", "title": "Data Engineer", "company": "Acme", "location": "Austin, TX", "description": "\(desc)"}
            {"platform": "techfetch", "external_id": "TF-9", "url": "https://techfetch.example/9", "title": "Data Engineer", "company": "Acme", "location": "Austin, TX", "description": "\(desc)"}

            """
        let s = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("own.jsonl", a), reader: reader)
        #expect(s.imported == 1)
        #expect(s.duplicates == 1)
        // A later file with the same content from a third platform adds its URL to the original.
        let b = """
            {"platform": "monster", "external_id": "m-7", "url": "https://monster.example/7", "title": "Data Engineer", "company": "Acme", "location": "Austin, TX", "description": "\(desc)"}
            {"platform": "monster", "external_id": "m-8", "url": "https://monster.example/8", "title": "Other", "company": "Acme", "location": "Austin, TX", "description": "x"}

            """
        let t = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("own2.jsonl", b), reader: reader)
        #expect(t.imported == 1)
        #expect(t.duplicates == 1)
        #expect(try conn.text("SELECT array_to_string(source_urls, ' ') FROM job_postings WHERE external_job_id = 'd-1'")
                == "https://dice.example/1 https://monster.example/7")
    }

    @Test func truncatedJSONKeepsTheCompleteRecords() throws {
        let (conn, _) = try TestDatabase.fresh()
        let cut = String(Self.jobspy.prefix(Self.jobspy.count - 60))
        let s = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("cut.json", cut), reader: reader)
        #expect(s.imported == 1)
        #expect(s.rejected == 2)
        #expect(s.issues.contains { $0.recordNumber == 3 && $0.reason.hasPrefix("truncated JSON") })
    }

    @Test func brokenCSVQuoteLosesOnlyThatRow() throws {
        let (conn, _) = try TestDatabase.fresh()
        let csv = """
            Job_Id,Designation,Required Skills,Max Exp (in months)
            1,Java Developer,"Java, Spring",3 - 5 yrs
            2,"QA Engineer,Selenium,1 - 2 yrs
            3,DevOps Engineer,AWS Terraform,5 - 8 yrs

            """
        let s = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("dice.csv", csv), reader: reader)
        #expect(s.imported == 2)
        #expect(s.rejected == 1)
        #expect(s.issues.first?.recordNumber == 2)
        #expect(s.issues.first?.reason.contains("never closed") == true)
        #expect(try conn.scalar("SELECT experience_max FROM job_postings WHERE external_job_id = '3'") == 8)
    }

    @Test func windows1252CSVWithBOMlessEncodingIsDecoded() throws {
        let (conn, _) = try TestDatabase.fresh()
        var bytes = Data("Job Title,Salary Estimate,Job Description,Company Name,Location\n".utf8)
        bytes += Data("Caf".utf8) + Data([0xE9]) + Data(" Analyst,$50K-$70K (Glassdoor est.),Analyse caf".utf8) + Data([0xE9])
            + Data(" data daily with SQL and Excel,Zo".utf8) + Data([0xEB]) + Data(" Ltd\n3.9,\"Boston, MA\"\n".utf8)
        let s = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("gd.csv", bytes), reader: reader)
        #expect(s.imported == 1)
        let r = try conn.query("SELECT title, company, salary_source, salary_annual_max FROM job_postings")
        #expect(r.string(0, 0) == "Café Analyst")
        #expect(r.string(0, 1) == "Zoë Ltd")
        #expect(r.string(0, 2) == "estimated")
        #expect(r.double(0, 3) == 70000)
    }

    @Test(arguments: [
        ("empty.json", Data(), "the file is empty"),
        ("blob.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]), "binary data"),
        ("words.txt", Data("just some words\nand more\n".utf8), "neither JSON nor CSV"),
    ])
    func unreadableFilesAreRefusedWithTheReason(name: String, data: Data, reason: String) throws {
        let (conn, _) = try TestDatabase.fresh()
        let url = try TestDatabase.file(name, data)
        do {
            _ = try JobImportWriter(connection: conn).importFile(url, reader: reader)
            Issue.record("expected the file to be refused")
        } catch let e as FileImportError {
            #expect(e.reason.contains(reason), "\(e.reason)")
        }
        #expect(try conn.scalar("SELECT count(*) FROM job_import_batches") == 0)
    }

    @Test func missingFileIsNamed() throws {
        let (conn, _) = try TestDatabase.fresh()
        #expect(throws: FileImportError.self) {
            _ = try JobImportWriter(connection: conn).importFile(URL(fileURLWithPath: "/nonexistent/jobs.json"), reader: reader)
        }
    }

    /// An import that fails midway (here: the reader throws inside the COPY) leaves no batch and no postings.
    @Test func failureMidwayLeavesNothingHalfWritten() throws {
        let (conn, _) = try TestDatabase.fresh()
        var lines = ""
        for i in 0..<200 { lines += "{\"platform\": \"indeed\", \"external_id\": \"x\(i)\", \"title\": \"Engineer \(i)\"}\n" }
        lines += "{\"platform\": \"indeed\", \"external_id\": \"bad\", \"title\": 1e999999}\n"
        let url = try TestDatabase.file("big.jsonl", lines)
        // Simulate a crash: close the connection's transaction by making the COPY fail with a constraint error.
        try conn.query("ALTER TABLE job_postings ADD CONSTRAINT no_engineer_150 CHECK (title <> 'Engineer 150')")
        #expect(throws: PGError.self) { _ = try JobImportWriter(connection: conn).importFile(url, reader: reader) }
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == 0)
        #expect(try conn.scalar("SELECT count(*) FROM job_import_batches") == 0)
        #expect(try conn.scalar("SELECT count(*) FROM wf_events") == 0)
    }
}

@Suite("Import: updates and roles")
struct ImportUpdateTests {
    let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))

    @Test func sameIdWithChangedContentIsUpdatedNotInserted() throws {
        let (conn, _) = try TestDatabase.fresh()
        let writer = JobImportWriter(connection: conn)
        let v1 = #"{"platform": "indeed", "external_id": "j1", "title": "Python Developer", "salary": "$100,000 - $120,000 per year"}"# + "\n"
        let v2 = #"{"platform": "indeed", "external_id": "j1", "title": "Senior Python Developer", "salary": "$130,000 - $150,000 per year"}"# + "\n"
        _ = try writer.importFile(try TestDatabase.file("v1.jsonl", v1), reader: reader)
        let s = try writer.importFile(try TestDatabase.file("v2.jsonl", v2), reader: reader)
        #expect(s.imported == 0)
        #expect(s.updated == 1)
        #expect(s.duplicates == 0)
        let r = try conn.query("SELECT title, salary_annual_min FROM job_postings")
        #expect(r.rowCount == 1)
        #expect(r.string(0, 0) == "Senior Python Developer")
        #expect(r.double(0, 1) == 130_000)
    }

    /// A file longer than one chunk: repeats across chunk boundaries are still duplicates, new rows keep
    /// the file's order (ids ascend with record numbers), and a second file with one changed posting, one
    /// exact repeat and one new posting updates, skips and inserts exactly those.
    @Test func rowsAcrossChunksAreDeduplicatedInFileOrderAndReimportsOnlyTouchChanges() throws {
        let (conn, _) = try TestDatabase.fresh()
        let writer = JobImportWriter(connection: conn)
        let total = JobImportWriter.chunkSize + 600
        // Descriptions of 80+ characters: shorter ones are hashed with their id (see PostingNormalizer).
        func text(_ i: Int) -> String { "Record \(i): " + String(repeating: "build and run data pipelines. ", count: 4) }
        var lines = ""
        for i in 1...total {
            if i == total - 10 {  // the same id as record 3, in a later chunk
                lines += #"{"platform": "p", "external_id": "x3", "title": "Changed twin"}"# + "\n"
            } else if i == total - 5 {  // the same content as record 7 under another id
                lines += #"{"platform": "p", "external_id": "other", "title": "Engineer 7", "description": "\#(text(7))"}"# + "\n"
            } else {
                lines += #"{"platform": "p", "external_id": "x\#(i)", "title": "Engineer \#(i)", "description": "\#(text(i))"}"# + "\n"
            }
        }
        let s = try writer.importFile(try TestDatabase.file("long.jsonl", lines), reader: reader)
        #expect(s.read == total)
        #expect(s.imported == total - 2)
        #expect(s.duplicates == 2)
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == total - 2)
        #expect(try conn.text("SELECT title FROM job_postings WHERE external_job_id = 'x3'") == "Engineer 3")
        #expect(try conn.scalar("SELECT count(*) FROM job_postings WHERE external_job_id = 'other'") == 0)
        // ids follow record order across chunks
        #expect(try conn.scalar("""
            SELECT count(*) FROM (SELECT id, lag(id) OVER (ORDER BY substr(external_job_id, 2)::int) AS prev
                                  FROM job_postings WHERE external_job_id LIKE 'x%') o WHERE prev > id
            """) == 0)

        let again = #"{"platform": "p", "external_id": "x1", "title": "Senior Engineer 1", "description": "\#(text(1))"}"# + "\n"
            + #"{"platform": "p", "external_id": "x2", "title": "Engineer 2", "description": "\#(text(2))"}"# + "\n"
            + #"{"platform": "p", "external_id": "new-1", "title": "Brand new"}"# + "\n"
        let t = try writer.importFile(try TestDatabase.file("again.jsonl", again), reader: reader)
        #expect(t.updated == 1)
        #expect(t.imported == 1)
        #expect(t.duplicates == 1)
        #expect(try conn.text("SELECT title FROM job_postings WHERE external_job_id = 'x1'") == "Senior Engineer 1")
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == total - 1)
    }

    @Test func aBatchRecordsHowLongItsImportTook() throws {
        let (conn, _) = try TestDatabase.fresh()
        let jobs = (1...300).map { #"{"platform": "p", "external_id": "t\#($0)", "title": "Engineer \#($0)"}"# }
            .joined(separator: "\n") + "\n"
        _ = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("timed.jsonl", jobs), reader: reader)
        // started_at is the transaction's start; finished_at the moment the batch was closed, not the same now().
        #expect(try conn.scalar("SELECT count(*) FROM job_import_batches WHERE finished_at > started_at") == 1)
    }

    @Test func aNewSalaryOrSkillListAloneIsAnUpdate() throws {
        let (conn, _) = try TestDatabase.fresh()
        let writer = JobImportWriter(connection: conn)
        func posting(_ salary: String, _ skills: String) -> String {
            #"{"platform": "indeed", "external_id": "X1", "title": "Data Engineer", "company": "Acme", "#
                + #""location": "Austin, TX", "description": "Build pipelines.", "salary": "\#(salary)", "skills": [\#(skills)]}"#
                + "\n"
        }
        _ = try writer.importFile(try TestDatabase.file("a.jsonl", posting("$60-$70 an hour", #""SQL""#)), reader: reader)
        let raised = try writer.importFile(try TestDatabase.file("b.jsonl", posting("$65-$75 an hour", #""SQL""#)), reader: reader)
        #expect(raised.updated == 1 && raised.duplicates == 0)
        #expect(try conn.text("SELECT salary_min::text || '-' || salary_max::text FROM job_postings") == "65-75")
        let skills = try writer.importFile(try TestDatabase.file("c.jsonl", posting("$65-$75 an hour", #""SQL", "Spark""#)),
                                           reader: reader)
        #expect(skills.updated == 1)
        #expect(try conn.text("SELECT array_to_string(skills, ',') FROM job_postings") == "SQL,Apache Spark")
        let again = try writer.importFile(try TestDatabase.file("d.jsonl", posting("$65-$75 an hour", #""SQL", "Spark""#)),
                                          reader: reader)
        #expect(again.updated == 0 && again.duplicates == 1)
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == 1)
    }

    @Test func anUpdatedPostingIsMappedToTheRoleOfItsNewTitle() throws {
        let (conn, _) = try TestDatabase.fresh()
        let role = try #require(try conn.scalar("INSERT INTO global_roles (canonical_role) VALUES ('Data Engineer') RETURNING id"))
        try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES ('data engineer', $1)", [role])
        let writer = JobImportWriter(connection: conn)
        let first = #"{"platform": "p", "external_id": "1", "title": "Analyst"}"# + "\n"
        _ = try writer.importFile(try TestDatabase.file("first.jsonl", first), reader: reader)
        #expect(try conn.scalar("SELECT count(*) FROM role_job_mapping") == 0)
        // The same posting, retitled: it goes through the stage (an update) and is mapped there.
        let edited = #"{"platform": "p", "external_id": "1", "title": "Senior Data Engineer"}"# + "\n"
        let s = try writer.importFile(try TestDatabase.file("edited.jsonl", edited), reader: reader)
        #expect(s.updated == 1)
        #expect(try conn.text("""
            SELECT g.canonical_role FROM role_job_mapping m JOIN global_roles g ON g.id = m.role_id
            JOIN job_postings j ON j.id = m.job_posting_id WHERE j.external_job_id = '1'
            """) == "Data Engineer")
    }

    @Test func postingsAreMappedToCanonicalRolesByAlias() throws {
        let (conn, _) = try TestDatabase.fresh()
        let role = try #require(try conn.scalar("INSERT INTO global_roles (canonical_role) VALUES ('Python Developer') RETURNING id"))
        try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES ('python developer', $1), ('python engineer', $1)", [role])
        let jobs = """
            {"platform": "p", "external_id": "1", "title": "Senior Python Developer (Remote)"}
            {"platform": "p", "external_id": "2", "title": "Python Engineer II"}
            {"platform": "p", "external_id": "3", "title": "Java Developer"}
            {"platform": "p", "external_id": "4", "title": "Lead C++ Developer / Python Engineer"}
            {"platform": "p", "external_id": "5", "title": "Python Developers wanted"}

            """
        let cpp = try #require(try conn.scalar("INSERT INTO global_roles (canonical_role) VALUES ('C++ Developer') RETURNING id"))
        try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES ('c++ developer', $1)", [cpp])
        _ = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("roles.jsonl", jobs), reader: reader)
        let mapped = try conn.query("""
            SELECT j.external_job_id || ' ' || g.canonical_role FROM role_job_mapping m
            JOIN job_postings j ON j.id = m.job_posting_id JOIN global_roles g ON g.id = m.role_id ORDER BY 1
            """)
        // Whole words only ("Developers" is not "developer"); a title naming two roles maps to both.
        #expect((0..<mapped.rowCount).compactMap { mapped.string($0, 0) }
                == ["1 Python Developer", "2 Python Developer", "4 C++ Developer", "4 Python Developer"])
    }

    /// Real files imported into a fresh database map to nothing; roles added later map them (`roles map`, the
    /// demo's roles, a candidate's new role) without touching postings that have a role.
    @Test func postingsStoredBeforeTheirRoleAreMappedWhenItArrives() throws {
        let (conn, _) = try TestDatabase.fresh()
        let jobs = """
            {"platform": "p", "external_id": "1", "title": "Data Analyst - SQL"}
            {"platform": "p", "external_id": "2", "title": "Barista"}

            """
        _ = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("early.jsonl", jobs), reader: reader)
        #expect(try conn.scalar("SELECT count(*) FROM role_job_mapping") == 0)
        let role = try #require(try conn.scalar("INSERT INTO global_roles (canonical_role) VALUES ('Data Analyst') RETURNING id"))
        try conn.query("INSERT INTO role_aliases (alias, role_id) VALUES ('data analyst', $1)", [role])
        #expect(try JobImportWriter.mapRolesByAlias(conn, ids: nil) == 1)
        #expect(try JobImportWriter.mapRolesByAlias(conn, ids: nil) == 0)
        #expect(try conn.scalar("""
            SELECT j.external_job_id::int FROM role_job_mapping m JOIN job_postings j ON j.id = m.job_posting_id
            """) == 1)
    }
}

@Suite("Import: cross-platform groups")
struct CrossPlatformGroupTests {
    @Test func sameJobOnAnotherPlatformIsGroupedUnderTheFirstWithItsReasonAndURL() throws {
        let (conn, _) = try TestDatabase.fresh()
        let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))
        let summary = "Harbor Labs builds routing software for regional carriers. We are looking for a Data Engineer to own our pipelines."
        let full = summary + " You will build Spark jobs, run Airflow, model data in PostgreSQL and keep the AWS bill honest."
        let jobs = """
            {"platform": "dice", "external_id": "d1", "url": "https://dice.example/d1", "title": "Data Engineer", "company": "Harbor Labs, Inc.", "location": "Austin, TX", "description": "\(summary)"}
            {"platform": "techfetch", "external_id": "TF-1", "url": "https://techfetch.example/1", "title": "Data Engineer (Remote)", "company": "Harbor Labs", "location": "Austin, Texas", "description": "<p>\(full)</p>"}
            {"platform": "monster", "external_id": "m1", "url": "https://monster.example/1", "title": "Data Engineer", "company": "Other Co", "location": "Austin, TX", "description": "\(full)"}

            """
        let s = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("g.jsonl", jobs), reader: reader)
        #expect(s.imported == 2)
        #expect(s.duplicates == 1)
        #expect(s.grouped == 1)  // stored under its canonical posting, not dropped
        // The event says what each batch did; techfetch's only posting was grouped: nothing new to match, no event.
        let event = try conn.query("""
            SELECT payload->>'platform', payload->>'imported', payload->>'duplicates', payload->>'grouped', payload->>'rejected'
            FROM wf_events WHERE name = 'jobs/imported' ORDER BY 1
            """)
        #expect((0..<event.rowCount).map { row in (0..<5).map { event.string(row, $0) ?? "-" }.joined(separator: " ") }
                == ["dice 1 0 0 0", "monster 1 0 0 0"])
        let r = try conn.query("""
            SELECT d.platform, c.external_job_id, d.duplicate_reason, array_to_string(u.urls, ' ')
            FROM job_postings d JOIN job_postings c ON c.id = d.canonical_job_id
            JOIN job_posting_sources u ON u.job_posting_id = c.id
            """)
        #expect(r.rowCount == 1)
        #expect(r.string(0, 0) == "techfetch")
        #expect(r.string(0, 1) == "d1")
        #expect(r.string(0, 2)?.contains("same company, title and place") == true)
        #expect(r.string(0, 3) == "https://dice.example/d1 https://techfetch.example/1")
    }
}

extension CrossPlatformGroupTests {
    static let summary = "Harbor Labs builds routing software for regional carriers. We are looking for a Data Engineer to own our pipelines and our warehouse."
    static let full = summary + " You will build Spark jobs, run Airflow, model data in PostgreSQL and keep the AWS bill honest. "
        + "Our customers are trucking firms in Texas and Oklahoma, and the data you shape decides where their trucks drive next week."

    static func line(_ platform: String, _ id: String, _ description: String, company: String = "Harbor Labs") -> String {
        #"{"platform": "\#(platform)", "external_id": "\#(id)", "url": "https://\#(platform).example/\#(id)", "title": "Data Engineer", "company": "\#(company)", "location": "Austin, TX", "description": "\#(description)"}"#
    }

    /// The stored posting has the longer description: whether it begins with the new one is asked of the server.
    @Test func aSummaryImportedLaterIsGroupedUnderTheStoredFullPosting() throws {
        let (conn, _) = try TestDatabase.fresh()
        let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))
        let writer = JobImportWriter(connection: conn)
        _ = try writer.importFile(try TestDatabase.file("first.jsonl", Self.line("dice", "d1", Self.full) + "\n"), reader: reader)
        let s = try writer.importFile(try TestDatabase.file("second.jsonl", Self.line("monster", "m1", Self.summary) + "\n"),
                                      reader: reader)
        #expect(s.imported == 0)
        #expect(s.duplicates == 1)
        let r = try conn.query("""
            SELECT c.external_job_id, d.duplicate_reason, array_to_string(u.urls, ' ')
            FROM job_postings d JOIN job_postings c ON c.id = d.canonical_job_id
            JOIN job_posting_sources u ON u.job_posting_id = c.id
            """)
        #expect(r.rowCount == 1)
        #expect(r.string(0, 0) == "d1")
        #expect(r.string(0, 1)?.hasSuffix("(dice); one description begins the other (a summary of it)") == true)
        #expect(r.string(0, 2) == "https://dice.example/d1 https://monster.example/m1")
    }

    /// In one file: every posting of a fingerprint is a candidate for the later ones, the earliest passing one wins,
    /// and a different description is not grouped.
    @Test func withinAFileTheEarliestMatchingPostingIsTheCanonicalOne() throws {
        let (conn, _) = try TestDatabase.fresh()
        let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))
        let other = "Completely different text about a night-shift warehouse role with forklifts, pallets and inventory counts every evening."
        let jobs = [
            Self.line("dice", "1", Self.full), Self.line("monster", "2", Self.full + " Apply today."),
            Self.line("indeed", "3", other), Self.line("techfetch", "4", Self.summary),
            Self.line("indeed", "5", Self.full, company: "Other Co"),
        ].joined(separator: "\n") + "\n"
        let s = try JobImportWriter(connection: conn).importFile(try TestDatabase.file("one.jsonl", jobs), reader: reader)
        #expect(s.imported == 3)
        #expect(s.duplicates == 2)
        let r = try conn.query("""
            SELECT d.external_job_id || '->' || coalesce(c.external_job_id, '-')
            FROM job_postings d LEFT JOIN job_postings c ON c.id = d.canonical_job_id ORDER BY d.id
            """)
        #expect((0..<r.rowCount).compactMap { r.string($0, 0) } == ["1->-", "2->1", "3->-", "4->1", "5->-"])
        #expect(try conn.text("""
            SELECT array_to_string(urls, ' ') FROM job_posting_sources u JOIN job_postings j ON j.id = u.job_posting_id
            WHERE j.external_job_id = '1'
            """) == "https://dice.example/1 https://monster.example/2 https://techfetch.example/4")
        // The grouped postings keep their own URLs; the canonical row itself is not rewritten.
        #expect(try conn.text("SELECT array_to_string(source_urls, ' ') FROM job_postings WHERE external_job_id = '1'")
                == "https://dice.example/1")
    }
}

@Suite("Near-duplicate grouper")
struct NearDuplicateGrouperTests {
    func posting(_ id: String, _ description: String, fingerprint: String = "acme|data engineer|austin|tx|us") -> JobPosting {
        var p = JobPosting(platform: "p" + id, externalJobId: id, url: "https://x/\(id)", title: "Data Engineer",
                           description: description, contentHash: id)
        p.fingerprint = fingerprint
        p.descriptionSimHash = JobFingerprint.simHash(description)
        return p
    }

    @Test func postgresLengthAndLeftCountUnicodeScalars() {
        #expect(NearDuplicateGrouper.scalarCount("Zürich café") == 11)
        #expect(NearDuplicateGrouper.prefix(String(repeating: "é", count: 130)) == String(repeating: "é", count: 120))
        #expect(NearDuplicateGrouper.prefix("short") == "short")
        #expect(NearDuplicateGrouper.contains("we use Spark daily", "Spark d"))
        #expect(!NearDuplicateGrouper.contains("we use Spark daily", "spark"))
        #expect(NearDuplicateGrouper.contains("anything", ""))
        #expect(!NearDuplicateGrouper.contains("ab", "abc"))
    }

    @Test func decidesBySimHashShortTextsAndContainmentAndDefersWhatNeedsTheStoredText() {
        let g = NearDuplicateGrouper(tolerance: 6, limit: 20)
        let long = String(repeating: "Build data pipelines in Spark and Airflow for carriers. ", count: 4)
        g.load("acme|data engineer|austin|tx|us", stored: [])
        #expect(g.decide(posting("1", long), id: 10) == .canonical)
        // The same text: 0 bits apart.
        #expect(g.decide(posting("2", long), id: 11) == .duplicate(canonical: 10, reason: "same company, title and place as job 10 (p1); description SimHash 0/64 bits apart"))
        // Begins with posting 1's first 120 characters, then goes elsewhere: contained.
        let extended = long + String(repeating: "Unrelated words about benefits, holidays and the office dog. ", count: 6)
        if case .duplicate(let canonical, let reason) = g.decide(posting("3", extended), id: 12) {
            #expect(canonical == 10)
            #expect(reason.hasSuffix("one description begins the other (a summary of it)"))
        } else {
            Issue.record("posting 3 was not grouped")
        }
        // Shorter than the candidates and unlike them: the test needs their full text, so it waits.
        #expect(g.decide(posting("4", "Build data pipelines in Spark. Totally different ending here for the test."), id: 13) == .pending)
        #expect(g.pending.map(\.deferred.count) == [3])
        let updates = g.resolve { _, candidate in candidate == 11 }
        #expect(updates.map(\.canonical) == [11])
        #expect(g.grouped.values.reduce(0, +) == 3)
        // No fingerprint: never grouped.
        #expect(g.decide(posting("5", long, fingerprint: ""), id: 14) == .canonical)
    }

    @Test func onlyTheEarliestPostingsOfAFingerprintAreCandidates() {
        let g = NearDuplicateGrouper(tolerance: 6, limit: 2)
        g.load("f", stored: [])
        // Each longer than the one before, so that no test waits for the server.
        let a = String(repeating: "alpha beta gamma delta ", count: 10), b = String(repeating: "one two three four five six ", count: 10)
        let c = String(repeating: "red green blue yellow orange purple ", count: 10)
        #expect(g.decide(posting("1", a, fingerprint: "f"), id: 1) == .canonical)
        #expect(g.decide(posting("2", b, fingerprint: "f"), id: 2) == .canonical)
        #expect(g.decide(posting("3", c, fingerprint: "f"), id: 3) == .canonical)
        // Posting 3 is not among the 2 earliest: a repeat of it is not found.
        #expect(g.decide(posting("4", c, fingerprint: "f"), id: 4) == .canonical)
        if case .duplicate(let canonical, _) = g.decide(posting("5", b, fingerprint: "f"), id: 5) {
            #expect(canonical == 2)
        } else {
            Issue.record("posting 5 was not grouped under 2")
        }
    }
}

@Suite("Import pipeline")
struct ImportPipelineTests {
    /// A row the server refuses in the middle of a file larger than a chunk: the error reaches the caller (no
    /// thread left waiting), and nothing of the file is stored.
    @Test func aRowTheServerRefusesStopsTheImportAndLeavesNothing() throws {
        let (conn, _) = try TestDatabase.fresh()
        try conn.execute(script: """
            CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.title = 'Boom Engineer' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_boom BEFORE INSERT ON job_postings FOR EACH ROW EXECUTE FUNCTION refuse_boom();
            """)
        let count = JobImportWriter.chunkSize * 2 + 10
        let lines = (1...count).map { i in
            let title = i == JobImportWriter.chunkSize + 5 ? "Boom Engineer" : "Data Engineer \(i)"
            return #"{"platform": "p", "external_id": "\#(i)", "title": "\#(title)", "company": "Acme \#(i)", "description": "Posting \#(i)"}"#
        }
        let url = try TestDatabase.file("boom.jsonl", lines.joined(separator: "\n") + "\n")
        let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(throws: PGError.self) { try JobImportWriter(connection: conn).importFile(url, reader: reader) }
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == 0)
        #expect(try conn.scalar("SELECT count(*) FROM job_import_batches") == 0)
        // The connection is usable again, and a good file imports.
        let good = try TestDatabase.file("good.jsonl", lines[0] + "\n")
        #expect(try JobImportWriter(connection: conn).importFile(good, reader: reader).imported == 1)
    }
}
