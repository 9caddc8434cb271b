import Foundation
import Testing

@testable import Core

/// No byte sequence may crash or hang the importer's reading side: damaged copies of the real job
/// files, random buffers, adversarial snippets, and random strings straight into the parsers.
/// Every run either throws `FileImportError` (the file as a whole is unreadable) or returns with
/// one outcome per record.
@Suite(.timeLimit(.minutes(2))) struct ImportRobustnessTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    // MARK: - Damaged real files

    static let jobsDirectory: URL? = {
        if let dir = ProcessInfo.processInfo.environment["CENTRALD_SHARED_DATA"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent("jobs")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/data/jobs")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static let realFiles: [String] = {
        guard let dir = jobsDirectory else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }()

    /// Large files are fuzzed on their first 128 KiB (still thousands of records), so the
    /// debug-build run stays short; the damage is what is being tested, not the file's length.
    static let maxFuzzedBytes = 128 * 1024

    @Test(.enabled(if: jobsDirectory != nil), arguments: realFiles)
    func damagedRealFileNeverCrashes(_ name: String) throws {
        let full = try [UInt8](Data(contentsOf: Self.jobsDirectory!.appendingPathComponent(name)))
        let bytes = Array(full.prefix(Self.maxFuzzedBytes))
        let intact = try Self.run(bytes)
        #expect(intact.error == nil, "\(name) itself must import: \(intact.error ?? "")")
        var rng = SplitMix64(seed: UInt64(name.utf8.count) &* 7919)
        var runs = 0

        // (a) truncated at 20 random offsets. The records before the cut are kept as they were, so
        // the number of leading records that match the intact file never falls as the cut moves
        // later (by more than the one record the earlier cut may have left matching).
        var kept: [(cut: Int, matching: Int)] = []
        for cut in (0..<20).map({ _ in Int.random(in: 1..<bytes.count, using: &rng) }).sorted() {
            let damaged = try Self.run(Array(bytes[..<cut]))
            kept.append((cut, damaged.error == nil ? damaged.leadingMatches(intact) : 0))
            runs += 1
        }
        for (earlier, later) in zip(kept, kept.dropFirst()) {
            let shrinks = "cut at \(earlier.cut) keeps \(earlier.matching) records, at \(later.cut) \(later.matching)"
            #expect(later.matching >= earlier.matching - 1, "\(name): \(shrinks)")
        }
        // (b) 50 random bytes overwritten, 4 seeds
        for seed in 1...4 {
            var r = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9)
            var damaged = bytes
            for _ in 0..<50 {
                damaged[Int.random(in: 0..<damaged.count, using: &r)] = UInt8.random(in: 0...255, using: &r)
            }
            _ = try Self.run(damaged)
            runs += 1
        }
        // (c) 3 random slices from the middle
        for _ in 0..<3 {
            let start = Int.random(in: 0..<bytes.count, using: &rng)
            let end = Int.random(in: start...bytes.count, using: &rng)
            _ = try Self.run(Array(bytes[start..<end]))
            runs += 1
        }
        #expect(runs == 27)
    }

    /// Cutting a file in half keeps the records of the first half (CSV and JSON arrays).
    @Test(.enabled(if: jobsDirectory != nil), arguments: realFiles)
    func halfAFileKeepsTheFirstHalfsRecords(_ name: String) throws {
        let full = try [UInt8](Data(contentsOf: Self.jobsDirectory!.appendingPathComponent(name)))
        let bytes = Array(full.prefix(4 * Self.maxFuzzedBytes))
        let intact = try Self.run(bytes)
        let half = try Self.run(Array(bytes[..<(bytes.count / 2)]))
        #expect(half.error == nil)
        let kept = half.leadingMatches(intact)
        #expect(kept * 4 >= intact.records, "\(name): half the bytes kept \(kept) of \(intact.records) records")
        if name == "scraped_jobs.json" { #expect(kept >= 20) }
    }

    /// A CSV cut in the middle of its last row (Naukri, first 20,000 bytes: "BI Engineer,Fourkites,work from o"):
    /// that row is rejected as truncated, not stored with its missing columns empty; the rows before are kept.
    @Test(.enabled(if: jobsDirectory != nil))
    func csvCutInsideItsLastRowRejectsThatRow() throws {
        let full = try [UInt8](Data(contentsOf: Self.jobsDirectory!.appendingPathComponent("Naukri_Data_Analyst_Jobs.csv")))
        let cut = try Self.run(Array(full.prefix(20_000)))
        #expect(cut.error == nil)
        #expect(cut.titles.last == .some(nil), "the cut row is rejected")
        #expect(cut.titles.dropLast().allSatisfy { $0 != nil })
        #expect(cut.titles.count == 53)
        // The same rows with the line end after the last complete one: nothing rejected.
        let whole = Array(full.prefix(20_000))
        let lastLineEnd = whole.lastIndex(of: 0x0A)!
        let complete = try Self.run(Array(whole[...lastLineEnd]))
        #expect(complete.titles.count == 52 && complete.titles.allSatisfy { $0 != nil })
    }

    /// A real Dice CSV with a stray control byte (0x0E) in one description is text: every record imports.
    @Test(.enabled(if: jobsDirectory != nil))
    func aStrayControlByteDoesNotMakeAFileBinary() throws {
        let full = try [UInt8](Data(contentsOf: Self.jobsDirectory!.appendingPathComponent("dice_com-job_us_sample.csv")))
        var bytes = Array(full.prefix(60_000))
        bytes = Array(bytes[...bytes.lastIndex(of: 0x0A)!])
        let intact = try Self.run(bytes)
        let letter = bytes[1830...].firstIndex { $0 >= 0x61 && $0 <= 0x7A }!  // inside a field, not a separator
        bytes[letter] = 0x0E
        let damaged = try Self.run(bytes)
        #expect(damaged.error == nil, "\(damaged.error ?? "")")
        #expect(damaged.titles.compactMap { $0 }.count == intact.titles.compactMap { $0 }.count)
        // Random bytes are still refused as binary.
        var rng = SplitMix64(seed: 42)
        let noise = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(try Self.run(noise).error?.contains("binary data") == true)
    }

    // MARK: - Random buffers and adversarial snippets

    @Test(arguments: 1...20)
    func randomBytesNeverCrash(_ seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let size = seed == 1 ? 0 : Int.random(in: 1...65_536, using: &rng)
        let buffer = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let result = try Self.run(buffer)
        if size == 0 { #expect(result.error == "the file is empty") }
    }

    /// Random printable text with JSON and CSV punctuation: gets past the binary check into the parsers.
    @Test(arguments: 1...20)
    func randomTextNeverCrashes(_ seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
        let alphabet = Array("{}[]\",:\\ \n\r\ttitle NaN Infinity -0123456789.eE{\"title\": \"x\"}")
        let prefix = seed.isMultiple(of: 2) ? "[" : "title,company\n"
        let length = Int.random(in: 0...20_000, using: &rng)
        let text = prefix + String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
        _ = try Self.run(Array(text.utf8))
    }

    struct Snippet: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
        init(_ name: String, _ bytes: [UInt8]) { (self.name, self.bytes) = (name, bytes) }
        init(_ name: String, _ text: String) { self.init(name, Array(text.utf8)) }
    }

    /// 10,000 nested arrays: deeper than JSONSerialization's nesting limit.
    static let nestedArrays = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    static let recordHoldingNestedArrays =
        "[{\"title\": \"x\", \"deep\": " + nestedArrays + "}, {\"title\": \"Data Analyst\"}]"

    static let snippets: [Snippet] = [
        Snippet("open bracket", "["),
        Snippet("open array and object", "[{"),
        Snippet("object cut after a value", "{\"title\": \"x\""),
        Snippet("unterminated string", "\"unterminated"),
        Snippet("CSV header only", "title,company,location\n"),
        Snippet("CSV with 10,000 columns",
                (["title"] + (1..<10_000).map { "c\($0)" }).joined(separator: ",") + "\n"
                    + (["Data Analyst"] + (1..<10_000).map { String($0) }).joined(separator: ",") + "\n"),
        Snippet("1 MB line without newline", "title,company\n" + String(repeating: "a", count: 1 << 20)),
        Snippet("10,000 nested arrays", String(repeating: "[", count: 10_000)),
        Snippet("10,000 nested arrays closed", nestedArrays),
        Snippet("record holding 10,000 nested arrays", recordHoldingNestedArrays),
        Snippet("10,000 nested objects",
                String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)),
        Snippet("JSON Lines with a deeply nested line",
                "{\"title\": \"Data Analyst\"}\n{\"title\": " + String(repeating: "[", count: 10_000) + "\n"),
        Snippet("NUL in UTF-8 text", Array("title,company\nData Analyst,Ac".utf8) + [0] + Array("me\n".utf8)),
        Snippet("NUL after 64 KiB",
                Array(("title,company\n" + String(repeating: "Analyst,Acme\n", count: 6_000)).utf8) + [0, 0]),
        Snippet("invalid UTF-8",
                [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE, 0xC0, 0xAF]),
        Snippet("CSV with invalid UTF-8",
                Array("title,company\nData ".utf8) + [0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80] + Array(",Acme\n".utf8)),
        Snippet("UTF-16 LE BOM then garbage", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0xFF, 0x13]),
        Snippet("UTF-16 BE BOM then garbage", [0xFE, 0xFF, 0xDC, 0x00, 0x00]),
        Snippet("UTF-8 BOM then invalid UTF-8", [0xEF, 0xBB, 0xBF, 0xC3, 0x28]),
        Snippet("bare -Infinity and NaN",
                "[{\"title\": \"Data Analyst\", \"min_amount\": -Infinity, \"max_amount\": NaN}]"),
        Snippet("only a quote", "\""),
        Snippet("only a comma", ","),
        Snippet("only whitespace", " \n\t\r\n"),
        Snippet("array of nulls", "[null, null, 1, \"x\", []]"),
        Snippet("a lone backslash at the end of a string", "[{\"title\": \"x\\"),
        Snippet("JSON Lines cut in the middle", "{\"title\": \"A\"}\n{\"title\": \"B\", \"comp"),
        Snippet("empty object", "{}"),
        Snippet("empty array", "[]"),
    ]

    @Test(arguments: snippets)
    func adversarialSnippetNeverCrashes(_ snippet: Snippet) throws {
        _ = try Self.run(snippet.bytes)
    }

    @Test func deeplyNestedRecordIsRejectedAndTheNextOneKept() throws {
        let result = try Self.run(Array(Self.recordHoldingNestedArrays.utf8))
        #expect(result.records == 2)
        #expect(result.titles == [nil, "Data Analyst"])
    }

    @Test func deeplyNestedDocumentWithoutRecordsIsAFileError() throws {
        let result = try Self.run(Array(Self.nestedArrays.utf8))
        #expect(result.error != nil)
    }

    /// Bare `NaN`/`-Infinity` become null; the same words inside strings stay text.
    @Test func nanInsideAStringStaysAString() throws {
        let text = "[{\"title\": \"NaN\", \"company\": \"Infinity Labs\", \"location\": \"-Infinity\", "
            + "\"min_amount\": NaN, \"max_amount\": -Infinity}]"
        guard case .record(_, let record)? = JSONRecordReader.elements(Array(text.utf8)).first else {
            Issue.record("no record read")
            return
        }
        #expect(record["title"] as? String == "NaN")
        #expect(record["location"] as? String == "-Infinity")
        #expect(record["min_amount"] is NSNull)
        #expect(record["max_amount"] is NSNull)
        let result = try Self.run(Array(text.replacingOccurrences(of: "\"NaN\"", with: "\"Data Analyst\"").utf8))
        #expect(result.titles == ["Data Analyst"])
        #expect(result.companies == ["Infinity Labs"])
    }

    @Test func nulInTextIsRefusedAsBinary() throws {
        let result = try Self.run(Array("title,company\nData Analyst,Ac".utf8) + [0] + Array("me\n".utf8))
        #expect(result.error?.contains("binary data") == true)
    }

    @Test func csvWithTenThousandColumnsImports() throws {
        let text = (["title"] + (1..<10_000).map { "c\($0)" }).joined(separator: ",") + "\n"
            + (["Data Analyst"] + (1..<10_000).map { String($0) }).joined(separator: ",") + "\n"
        let result = try Self.run(Array(text.utf8))
        #expect(result.titles == ["Data Analyst"])
    }

    // MARK: - Parsers on random strings

    @Test(arguments: 0..<4)
    func parsersNeverCrashOnRandomStrings(_ shard: Int) {
        var rng = SplitMix64(seed: UInt64(shard) &+ 77)
        for _ in 0..<500 {
            let s = RandomText.string(using: &rng)
            Self.runParsers(on: s)
        }
    }

    /// Strings that push numbers and lengths to their limits.
    static let extremeStrings: [String] = [
        "", " ", "\u{0}", "$", "-", "k", "$k", "$-$", "--", "..", "$.", "1e400", "$1e308 per hour",
        "$99999999999999999999999999999 - $99999999999999999999999999999 per hour",
        String(repeating: "9", count: 400) + " years", "99999999999999999999 days ago", "-99999999999999999999 days ago",
        "posted 9223372036854775807 hours ago", "9223372036854775808+ years of experience",
        "Posted 99999 years ago", "30+ days ago", "1.7976931348623157e309 lakhs", "₹ 999999999999999 crore",
        "$1,2,3,4,5,6,7,8,9,0 - $,,,,", "100-", "-100", "- 5 years", "5 - years", "0-0 yrs", "0 years",
        "12/31/99999", "9999-99-99", "2024-02-30", "0000-00-00T00:00:00Z", "31/02/2024", "Jan 32, 2024",
        String(repeating: "remote ", count: 5_000), String(repeating: "Python, ", count: 5_000),
        String(repeating: "<div>", count: 5_000), String(repeating: "<b><i>", count: 3_000) + "x",
        "<!-- unterminated comment", "<script>", "<![CDATA[", "&#99999999999;", "&#x110000;", "&#xD800;", "&;", "&#;",
        "**", "[link](", "`", "```", "# ", String(repeating: "> ", count: 5_000) + "x", String(repeating: "- ", count: 5_000),
        "e\u{301}\u{301}\u{301}\u{301}", "👩‍👩‍👧‍👦", "🇺🇸🇬🇧", "\u{202E}gnirts\u{202C}", "שלום, Tel Aviv", "مرحبا",
        "\u{FEFF}", "\u{FFFD}", "\r\n\r\n", "\u{2028}\u{2029}", "\u{85}",
    ]

    @Test(arguments: extremeStrings)
    func parsersNeverCrashOnExtremeStrings(_ s: String) {
        Self.runParsers(on: s)
    }

    static func runParsers(on s: String) {
        _ = SalaryParser.parse(s)
        _ = SalaryParser.parse(s, source: .estimated, defaultCurrency: "INR")
        _ = SalaryParser.extract(fromDescription: s)
        _ = ExperienceParser.parse(s)
        _ = LocationParser.parse(s)
        _ = PostedDateParser.parse(s, now: now)
        _ = TextCleaner.clean(s)
        _ = SkillExtractor.shared.extract(from: s)
        _ = SkillExtractor.shared.canonicalize([s, s.lowercased()])
        _ = KeywordExtractor.keywords(title: s, description: s, skills: [s])
        _ = WorkModeDetector.detect(texts: [("title", s), ("description", s)],
                                    flags: [("is_remote", s.count.isMultiple(of: 2))])
    }

    // MARK: - Running the reader

    /// What one run of `JobFileReader` produced.
    struct Result {
        /// `FileImportError.reason`, when the file as a whole was refused.
        var error: String?
        var records = 0
        /// Per record in order: the posting's title, or nil when rejected.
        var titles: [String?] = []
        var companies: [String?] = []

        /// How many leading records have the same outcome as in `intact`.
        func leadingMatches(_ intact: Result) -> Int {
            zip(titles, intact.titles).prefix { $0 == $1 }.count
        }
    }

    /// Writes `bytes` to a temporary file and reads it, checking one outcome per record.
    static func run(_ bytes: [UInt8]) throws -> Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("robustness-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var result = Result()
        var postings = 0
        var rejections = 0
        do {
            let info = try JobFileReader(now: now).read(url) { outcome in
                switch outcome {
                case .posting(_, let p, _):
                    postings += 1
                    result.titles.append(p.title)
                    result.companies.append(p.company)
                case .rejected:
                    rejections += 1
                    result.titles.append(nil)
                    result.companies.append(nil)
                }
            }
            result.records = info.records
            #expect(info.records == postings + rejections,
                    "\(info.container): \(info.records) records, \(postings) postings, \(rejections) rejections")
        } catch let error as FileImportError {
            result.error = error.reason
        }
        return result
    }
}

/// Random strings mixing words the parsers look for with scalars that break naive text code.
enum RandomText {
    static let words = [
        "$", "€", "£", "₹", "USD", "INR", "k", "K", "Lakhs", "Lacs", "crore", "per hour", "/hr", "a year", "P.A.", "-", "–", "to",
        "years", "yrs", "+", "experience", "months", "ago", "days", "Posted", "today", "yesterday", "Jan", "2024-12-17T04:08:47Z",
        "remote", "hybrid", "on-site", "work from home", "not remote", "Python", "C++", "C#", ".NET", "Node.js", "SQL", "R",
        "New York, NY", "Bengaluru", "London", "USA", "United States", "Remote, US", "(", ")", ",", ".", "/", "<b>", "</b>",
        "<br>", "&amp;", "&#", ";", "**", "\n", "\t", " ", "  ",
    ]

    static let scalarRanges: [ClosedRange<UInt32>] = [
        0x20...0x7E,  // ASCII
        0x30...0x39,  // digits
        0x00...0x1F,  // C0 controls
        0x7F...0x9F,  // DEL, C1 controls
        0x300...0x36F,  // combining marks
        0x5D0...0x5EA,  // Hebrew
        0x600...0x6FF,  // Arabic
        0x200B...0x202E,  // zero-width, bidi controls
        0x0966...0x096F,  // Devanagari digits
        0xFF10...0xFF19,  // full-width digits
        0x1F300...0x1FAFF,  // emoji
        0xFE00...0xFE0F,  // variation selectors
        0x10000...0x10FFFF,  // anything astral
    ]

    static func string<R: RandomNumberGenerator>(using rng: inout R) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            if Bool.random(using: &rng) {
                s.append(contentsOf: words.randomElement(using: &rng)!.unicodeScalars)
            } else if Int.random(in: 0..<3, using: &rng) == 0 {
                s.append(contentsOf: String(Int.random(in: -1_000_000...100_000_000, using: &rng)).unicodeScalars)
            } else {
                let range = scalarRanges.randomElement(using: &rng)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { s.append(scalar) }
            }
        }
        return String(s)
    }
}
