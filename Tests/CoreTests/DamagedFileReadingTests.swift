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

    // MARK: - A NUL byte deep inside a text file (dice_com-job_us_sample.csv)

    static let diceHeader = "Job_Id,Designation,Required Skills,Max Exp (in months),Max Exp (in months)\n"
    static func diceRows(_ count: Int) -> String {
        (1...count).map { "\($0),DevOps Engineer,\"Configuration Management, Developer, Linux, Management, Process Engineering, VMware\",2 - 5 yrs,\n" }
            .joined()
    }

    @Test func aNULByteDeepInsideATextFileIsRemovedFromItsRecord() throws {
        var bytes = Array((Self.diceHeader + Self.diceRows(100)).utf8)  // about 11 KB
        #expect(bytes.count > 10_000)
        let nul = bytes.indices.reversed().first { bytes[$0] == UInt8(ascii: "L") }!  // "Linux" in the last row
        bytes[nul] = 0
        let result = try Self.run(bytes)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.titles.count == 100 && result.titles.allSatisfy { $0 == "DevOps Engineer" })
        #expect(result.warnings.map(\.recordNumber) == [100])
        #expect(result.warnings.first?.field == "Required Skills")
        #expect(result.warnings.first?.reason.contains("NUL byte") == true)
        #expect(result.encoding.hasPrefix("UTF-8"))
        // In the first 8,000 bytes a NUL still makes the file binary, as random bytes do.
        var early = bytes
        early[early.firstIndex(of: UInt8(ascii: "L"))!] = 0
        #expect(try Self.run(early).error?.contains("binary data") == true)
    }

    // MARK: - A few invalid bytes in a UTF-8 file

    /// Real Dice lines with multi-byte characters (’ • ♣ ●), one of them with a byte overwritten.
    static let diceUTF8Rows = """
        586,Network Security Administrator,• Bachelor’s degree in Computer Science,3 - 6 yrs,
        1386,Security & Compliance Architect,"♣ Experience with security architecture frameworks in cloud based environments (e.g., AWS, Openstack, VMware, etc.) is strongly preferred.",4 - 9 yrs,
        1493,Senior Software Engineer,"● 5+ years of software engineering experience using Test Driven Development, Continuous Integration, and Test Automation",0 - 1 yrs,
        4,Business Solutions Architect,"Enterprise Solutions Architecture, business inteligence, reports, reporting",11 - 15 yrs,

        """

    @Test func invalidBytesInAUTF8FileAreReadOneByOne() throws {
        let intactBytes = Array((Self.diceHeader + Self.diceUTF8Rows).utf8)
        var bytes = intactBytes
        let inteligence = Array("inteligence".utf8)
        let at = (0...(bytes.count - inteligence.count)).first { Array(bytes[$0..<($0 + inteligence.count)]) == inteligence }!
        bytes[at + 2] = 0x98  // "in?eligence": a lone byte of Windows-1252 (˜), invalid as UTF-8
        let intact = try Self.run(intactBytes)
        let damaged = try Self.run(bytes)
        #expect(damaged.encoding == "UTF-8 (1 invalid byte read as Windows-1252)")
        // The undamaged records are as they were, multi-byte characters and all (a re-import updates none of them).
        #expect(damaged.postings.count == 4)
        #expect(Array(damaged.postings.prefix(3)) == Array(intact.postings.prefix(3)))
        #expect(Self.text(of: damaged.postings[0]).contains("Bachelor’s"))
        #expect(Self.text(of: damaged.postings[3]).contains("in˜eligence"))
        #expect(damaged.warnings.map(\.recordNumber) == [4])
        #expect(damaged.warnings.first?.field == "Required Skills")
        #expect(damaged.warnings.first?.reason.contains("0x98") == true)
        // An ASCII file with a few bad bytes (bak.extracted.json has no multi-byte character) stays UTF-8 too.
        var ascii = Array((Self.diceHeader + Self.diceRows(100)).utf8)
        ascii[ascii.count / 2] = 0xD9
        #expect(try Self.run(ascii).encoding.hasPrefix("UTF-8"))
    }

    /// A file whose high bytes are all Windows-1252 letters, none valid UTF-8, is Windows-1252 as a whole.
    @Test func aWindows1252FileIsStillReadAsAWhole() throws {
        var bytes = Array(Self.diceHeader.utf8)
        for n in 1...5 { bytes += Array("\(n),Caf".utf8) + [0xE9] + Array(" Analyst,Zo".utf8) + [0xEB] + Array(" data,2 - 5 yrs,\n".utf8) }
        let result = try Self.run(bytes)
        #expect(!result.encoding.hasPrefix("UTF-8"))
        #expect(result.titles.allSatisfy { $0 == "Café Analyst" })
        #expect(result.warnings.isEmpty)
    }

    // MARK: - Broken records in a JSON array (bak.extracted.json)

    static func bakRecord(_ id: Int, title: String) -> String {
        """
          {
            "id": "5aa32c00e4cffe3a19d792f0aa6eb2\(id)",
            "title": "\(title)",
            "jobLocation": {
              "displayName": "Norfolk, Massachusetts, USA"
            },
            "postedDate": "2024-12-17T04:08:47Z",
            "salary": "USD 100,400.00 - 144,300.00 per year",
            "companyName": "FM Global",
            "employmentType": "Full-time",
            "summary": "FM is a leading property insurer of the world's largest businesses, providing more than one-third of FORTUNE 1000-size companies with engineering-based risk management.",
            "workplaceTypes": [{"id": 1, "name": "On-Site"}, {"id": 2, "name": "Hybrid"}]
          }
        """
    }

    static let bakTitles = ["Assistant Claims Manager", "Runoff Operations Lead", "Data Engineer", "Claims Analyst", "Risk Engineer"]

    @Test(arguments: [
        ("a quote lost", "\"summary\": \"FM is", "\"summary\": xFM is"),
        ("a closing brace lost", "USA\"\n    },", "USA\"\n     ,"),
        ("a control byte in a string", "FM Global", "FM\u{1}Global"),
    ])
    func aBrokenJSONRecordIsRejectedAndTheRestRead(_ damage: String, _ intact: String, _ broken: String) throws {
        var records = Self.bakTitles.enumerated().map { Self.bakRecord($0.offset, title: $0.element) }
        let whole = try Self.run("[\n" + records.joined(separator: ",\n") + "\n]\n")
        #expect(whole.titles.compactMap { $0 } == Self.bakTitles)
        let range = records[1].range(of: intact)!
        records[1].replaceSubrange(range, with: broken)
        let result = try Self.run("[\n" + records.joined(separator: ",\n") + "\n]\n")
        #expect(result.records == 5, "\(damage)")
        let expected: [String?] = [Self.bakTitles[0], nil] + Self.bakTitles[2...].map { $0 }
        #expect(result.titles == expected, "\(damage)")
        #expect(result.rejections.map(\.recordNumber) == [2], "\(damage)")
        #expect(result.rejections.first?.reason.hasPrefix("invalid JSON at byte ") == true, "\(damage)")
    }

    @Test func aControlByteInAJSONStringIsNamedWithItsField() throws {
        var records = Self.bakTitles.enumerated().map { Self.bakRecord($0.offset, title: $0.element) }
        records[3] = records[3].replacingOccurrences(of: "FM Global", with: "FM\u{1}Global")
        let text = "[\n" + records.joined(separator: ",\n") + "\n]\n"
        let result = try Self.run(text)
        let at = Array(text.utf8).firstIndex(of: 1)!
        #expect(result.rejections.map(\.reason) == ["invalid JSON at byte \(at) (in \"companyName\"): unescaped control character"])
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
