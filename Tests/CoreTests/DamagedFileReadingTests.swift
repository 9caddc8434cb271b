import Foundation
import Testing

@testable import Core

/// Damaged copies of real job files, in small fixtures built from their own lines: a file cut inside a quoted field,
/// a stray NUL deep inside, a few invalid UTF-8 bytes, a JSON array with broken records. Each keeps every undamaged
/// record and names the damaged one.
@Suite struct DamagedFileReadingTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    // MARK: - A CSV cut inside a quoted field (glassdoor_jobs.csv, first 200,000 bytes)

    static let glassdoorHeader = ",Job Title,Salary Estimate,Job Description,Rating,Company Name,Location,Headquarters,Size,"
        + "Founded,Type of ownership,Industry,Sector,Revenue,Competitors\n"
    static let glassdoorRow = #"48,Data Scientist,$56K-$97K (Glassdoor est.),"Equal opportunity employer, without regard to sexual orientation, gender identity or expression.",5.0,"BPA Services"# + "\n"
        + #"5.0","Washington, DC","Alexandria, VA",Unknown,-1,Company - Private,Enterprise Software & Network Solutions,Information Technology,Unknown / Non-Applicable,-1"# + "\n"
    /// Row 49 as the cut leaves it: its description runs to the end of the file, over lines with commas in them.
    static let glassdoorCutRow = #"49,Lead Data Scientist,$158K-$211K (Glassdoor est.),"As the world's leader in digital payments technology, Visa's mission is to connect the world."#
        + "\n\nAt Visa, your individuality fits right in. Working here gives you an opportunity to impact the world, invest in your career growth, and be part of an inclusive and diverse workplace.\n"
        + "Headquartered in Foster City, CA, Visa has offices in Bellevue, WA.\n"
        + "You're an Individual. We're the team for you. Together,\nlet's transform the way the world pays.\n"
        + "You may have noticed that payment has become a very active/hot area in the last several years. Given the strong demands and innovat"

    @Test func csvCutInsideAQuotedFieldIsOneTruncatedRecord() throws {
        let result = try Self.run(Self.glassdoorHeader + Self.glassdoorRow + Self.glassdoorRow.replacingOccurrences(of: "48,", with: "47,")
                                  + Self.glassdoorCutRow)
        #expect(result.records == 3)
        #expect(result.titles == ["Data Scientist", "Data Scientist", nil])
        #expect(result.rejections.count == 1)
        #expect(result.rejections.first?.recordNumber == 3)
        #expect(result.rejections.first?.reason.hasPrefix("truncated: the file ends inside a quoted field") == true)
    }

    /// Dice rows with a stray quote: the quote's line has the header's columns, and so has every row after it, so
    /// the rows after it are read; a cut description (lines of other widths) is not.
    @Test func strayQuoteWithCompleteRowsAfterItLosesOnlyItsRow() throws {
        let header = "Job_Id,Designation,Required Skills,Max Exp (in months),Max Exp (in months)\n"
        let rows = "1,CTO,\"Leadership Qualities, Entrepreneurial Spirit\",0 - 1 yrs,\n"
            + "2,\"AUTOMATION TEST ENGINEER,SEE BELOW,0 - 0 yrs,\n"
            + "4,Business Solutions Architect,Enterprise Solutions Architecture,11 - 15 yrs,\n"
            + "6,DevOps Engineer,Linux,2 - 5 yrs,\n"
        let stray = try Self.run(header + rows)
        #expect(stray.titles == ["CTO", nil, "Business Solutions Architect", "DevOps Engineer"])
        #expect(stray.rejections.first?.reason.contains("never closed") == true)
        // A row after the quote with other columns: the quote may as well open a field cut short, so nothing after it
        // is read as rows.
        let cut = try Self.run(header + rows + "see the description, below\n")
        #expect(cut.titles == ["CTO", nil])
        #expect(cut.rejections.first?.reason.hasPrefix("truncated: the file ends inside a quoted field") == true)
    }

    // MARK: - Running the reader

    struct Result {
        var error: String?
        var encoding = ""
        var records = 0
        var titles: [String?] = []
        var postings: [JobPosting] = []
        var rejections: [RecordIssue] = []
        var warnings: [RecordIssue] = []
    }

    static func text(of posting: JobPosting) -> String { posting.description + " " + posting.skills.joined(separator: " ") }

    static func run(_ text: String) throws -> Result { try run(Array(text.utf8)) }

    static func run(_ bytes: [UInt8]) throws -> Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var result = Result()
        do {
            let info = try JobFileReader(now: now, workers: 2).read(url) { outcome in
                switch outcome {
                case .posting(_, let p, let warnings):
                    result.titles.append(p.title)
                    result.postings.append(p)
                    // The decoder's warnings only, not the normalizer's (salary, experience…).
                    result.warnings += warnings.filter { $0.reason.contains("NUL byte") || $0.reason.contains("invalid UTF-8") }
                case .rejected(let issue):
                    result.titles.append(nil)
                    result.rejections.append(issue)
                }
            }
            result.records = info.records
            result.encoding = info.encoding
        } catch let error as FileImportError {
            result.error = error.reason
        }
        return result
    }
}
