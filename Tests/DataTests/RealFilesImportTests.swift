import Core
import Foundation
import Testing

@testable import Data

/// Acceptance over the real scraped files in ../shared/data/jobs (skipped with a note when absent:
/// the project's own tests carry their own fixtures).
@Suite("Real files from ../shared/data/jobs")
struct RealFilesImportTests {
    /// file → (read, imported at least, format)
    static let expected: [(String, Int, Int, String)] = [
        ("scraped_jobs.json", 60, 60, "jobspy"),
        ("glassdoor_jobs.csv", 443, 300, "glassdoor"),
        ("dice_com-job_us_sample.csv", 5000, 4900, "dice-csv"),
        ("Naukri_Data_Analyst_Jobs.csv", 409, 350, "naukri"),
        ("Train_rev1.csv", 1004, 1000, "adzuna"),
        ("bak.extracted.json", 188, 187, "dice-api"),
        ("jobData.extracted.json", 30, 14, "indeed"),
        ("schemaorg-examples-JobPosting.extracted.json", 12, 9, "schema.org"),
    ]

    @Test(.timeLimit(.minutes(5))) func everyFileImportsAndReimportsNothing() throws {
        guard let data = TestDatabase.sharedData else {
            print("note: ../shared/data/jobs not present; real-file acceptance skipped")
            return
        }
        let (conn, _) = try TestDatabase.fresh()
        let writer = JobImportWriter(connection: conn)
        let reader = JobFileReader(now: Date(timeIntervalSince1970: 1_764_000_000))
        for (file, read, minImported, format) in Self.expected {
            let url = data.appendingPathComponent("jobs/\(file)")
            let s = try writer.importFile(url, reader: reader)
            #expect(s.read == read, "\(file): read")
            #expect(s.imported >= minImported, "\(file): imported \(s.imported)")
            #expect(s.imported + s.duplicates + s.rejected == s.read, "\(file): counts add up")
            #expect(s.format.hasPrefix(format), "\(file): format \(s.format)")
        }
        let total = try #require(try conn.scalar("SELECT count(*) FROM job_postings"))
        for (file, _, _, _) in Self.expected {
            let again = try writer.importFile(data.appendingPathComponent("jobs/\(file)"), reader: reader)
            #expect(again.imported == 0, "\(file): second import added \(again.imported)")
        }
        #expect(try conn.scalar("SELECT count(*) FROM job_postings") == total)

        // A few exact values a person would check.
        let dice = try conn.query("""
            SELECT salary_currency, salary_interval, salary_min, salary_max, city, region FROM job_postings
            WHERE platform = 'dice' AND external_job_id = '5aa32c00e4cffe3a19d792f0aa6eb204'
            """)
        #expect(dice.string(0, 0) == "USD")
        #expect(dice.string(0, 1) == "YEAR")
        #expect(dice.double(0, 2) == 100400)
        #expect(dice.double(0, 3) == 144300)
        #expect(dice.string(0, 4) == "Norfolk")
        #expect(dice.string(0, 5) == "Massachusetts")
        let glassdoor = try conn.query("""
            SELECT company, salary_source, salary_annual_min, salary_annual_max FROM job_postings
            WHERE platform = 'glassdoor' AND title = 'Data Scientist' AND location_raw = 'Albuquerque, NM' LIMIT 1
            """)
        #expect(glassdoor.string(0, 0) == "Tecolote Research")
        #expect(glassdoor.string(0, 1) == "estimated")
        #expect(glassdoor.double(0, 2) == 53000)
        #expect(glassdoor.double(0, 3) == 91000)
        let naukri = try conn.query("""
            SELECT salary_currency, experience_min, experience_max FROM job_postings
            WHERE platform = 'naukri' AND title = 'Analyst - Data Services' AND company = 'RF Managed Services'
            """)
        #expect(naukri.string(0, 0) == "INR")
        #expect(naukri.double(0, 1) == 2)
        #expect(naukri.double(0, 2) == 4)
        let notRemote = try conn.query("SELECT work_mode FROM job_postings WHERE platform = 'indeed' AND location_raw = 'Auburn Hills, MI'")
        #expect(notRemote.string(0, 0) == "onsite")  // "Not Remote" is not remote
        let temporarily = try conn.query("SELECT work_mode FROM job_postings WHERE platform = 'indeed' AND location_raw = 'Clarkston, MI'")
        #expect(temporarily.string(0, 0) == "remote")  // "Temporarily remote": remote for now
    }
}
