import Core
import Foundation
import Testing

@testable import Data

@Suite("PostgreSQL text forms")
struct PGTextTests {
    @Test func isoTimestampsEqualTheCLibrarysFormattingAcrossCenturies() {
        #expect(PGTime.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(PGTime.iso(Date(timeIntervalSince1970: 951_782_400.25)) == "2000-02-29T00:00:00.250000Z")
        #expect(PGTime.iso(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000000Z")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // 1700 … 2300, with fractions of a second.
            let t = Double.random(in: -8_520_000_000...10_400_000_000, using: &generator)
            let d = Date(timeIntervalSince1970: t)
            #expect(PGTime.iso(d) == PGTime.formatted(d), "\(t)")
        }
    }

    @Test func copyEscapingMatchesTheRuleByteForByte() {
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = []
            for b in s.utf8 {
                switch b {
                case 0x5C: out += [0x5C, 0x5C]
                case 0x09: out += [0x5C, 0x74]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x00: continue
                default: out.append(b)
                }
            }
            return out
        }
        let samples = ["", "plain", "a\tb\nc\r\nd\\e", "\\", "\n", "ends with tab\t", "nul\u{0}inside", "Zürich – café\n€ 60.000"]
        for sample in samples {
            var copy = sample
            var out: [UInt8] = []
            copy.withUTF8 { PGCopyWriter.appendEscaped($0, to: &out) }
            #expect(out == reference(sample), "\(sample.debugDescription)")
        }
    }

    @Test func arrayLiteralsQuoteEveryElementAndEscapeQuotesAndBackslashes() {
        #expect(PGArray.literal(["a", "b c"]) == #"{"a","b c"}"#)
        #expect(PGArray.literal([#"say "hi""#, #"C:\dir"#]) == #"{"say \"hi\"","C:\\dir"}"#)
        #expect(PGArray.literal(["x", nil]) == #"{"x",NULL}"#)
        #expect(PGArray.literal([String]()) == "{}")
    }
}

@Suite("Binary COPY")
struct BinaryCopyTests {
    @Test func numericsAreTheDecimalsTheirTextNames() {
        #expect(PGNumeric("120000") == PGNumeric(digits: [12], weight: 1, sign: PGNumeric.positive, scale: 0))
        #expect(PGNumeric("19.38") == PGNumeric(digits: [19, 3800], weight: 0, sign: PGNumeric.positive, scale: 2))
        #expect(PGNumeric("-2.5") == PGNumeric(digits: [2, 5000], weight: 0, sign: PGNumeric.negative, scale: 1))
        #expect(PGNumeric("1e-05") == PGNumeric(digits: [1000], weight: -2, sign: PGNumeric.positive, scale: 5))
        #expect(PGNumeric("0") == PGNumeric(digits: [], weight: 0, sign: PGNumeric.positive, scale: 0))
        #expect(PGNumeric("nan")?.sign == PGNumeric.nan)
        #expect(PGNumeric("12abc") == nil)
    }

    /// The same postings through the text COPY of the staging table's form and through the binary COPY the import
    /// streams: every column of every row reads back the same (numerics with their display scale, arrays, dates,
    /// text with tabs, newlines, backslashes, quotes and non-ASCII).
    @Test func binaryRowsReadBackAsTheTextRowsDo() throws {
        let (conn, _) = try TestDatabase.fresh()
        var postings: [JobPosting] = []
        var generator = SystemRandomNumberGenerator()
        for i in 0..<400 {
            var p = JobPosting(platform: "p\(i % 3)", externalJobId: i % 5 == 0 ? nil : "id-\(i)",
                               url: i % 4 == 0 ? nil : "https://x.example/\(i)?q=\"a\"",
                               title: "Data Engineer \(i)", company: i % 7 == 0 ? nil : "Acme, Inc. \\ Zürich",
                               description: "Line one\twith tab\nline two \\ backslash \u{0} nul – café \(i)",
                               skills: i % 6 == 0 ? [] : ["Python", "C#", "a \"quoted\" skill", "back\\slash"],
                               keywords: ["data", "engineer \(i)"], contentHash: String(format: "%032x", i))
            let scale = [1.0, 10, 100, 10_000, 0.001][i % 5]
            let low = (Double.random(in: 0...500_000, using: &generator) * scale).rounded() / scale
            if i % 9 != 0 {
                p.salary = Salary(currency: "USD", interval: .year, min: low, max: i % 2 == 0 ? low * 1.25 : nil, source: .posted,
                                  unstated: i % 8 == 0, note: i % 10 == 0 ? "a note" : nil)
            }
            if i % 3 == 0 { p.experience = ExperienceRange(yearsMin: Double(i % 11) + (i % 2 == 0 ? 0.5 : 0), yearsMax: nil) }
            if i % 2 == 0 { p.postedAt = Date(timeIntervalSince1970: Double.random(in: 0...2_000_000_000, using: &generator)) }
            p.fingerprint = i % 3 == 0 ? "" : "acme|data engineer|\(i % 17)"
            p.descriptionSimHash = Int64.random(in: Int64.min...Int64.max, using: &generator)
            postings.append(p)
        }
        let columns = ImportChunkRouter.insertColumns.joined(separator: ", ")
        try conn.transaction {
            try conn.query("CREATE TEMP TABLE via_text (LIKE job_postings INCLUDING DEFAULTS) ON COMMIT DROP")
            try conn.query("CREATE TEMP TABLE via_binary (LIKE job_postings INCLUDING DEFAULTS) ON COMMIT DROP")
            try conn.copyIn("COPY via_text (\(columns)) FROM STDIN") { writer in
                for (i, p) in postings.enumerated() {
                    var row = JobImportWriter.copyRow(i, p)
                    row.removeFirst()
                    row += [String(7), p.url.map { [$0].pgText } ?? "{}", String(i + 1), i % 4 == 1 ? String(i) : nil,
                            i % 4 == 1 ? "same company; reason \(i)" : nil]
                    try writer.row(row)
                }
            }
            try conn.copyIn("COPY via_binary (\(columns)) FROM STDIN WITH (FORMAT binary)") { writer in
                try writer.raw(PGBinaryRow.header)
                var row = PGBinaryRow()
                for (i, p) in postings.enumerated() {
                    row.bytes.removeAll(keepingCapacity: true)
                    ImportChunkRouter.binaryRow(p, batchId: 7, id: Int64(i + 1), canonical: i % 4 == 1 ? Int64(i) : nil,
                                                reason: i % 4 == 1 ? "same company; reason \(i)" : nil, into: &row)
                    try writer.raw(row.bytes)
                }
                try writer.raw(PGBinaryRow.trailer)
            }
            let text = try conn.query("SELECT t::text FROM via_text t ORDER BY id")
            let binary = try conn.query("SELECT t::text FROM via_binary t ORDER BY id")
            #expect(text.rowCount == postings.count)
            #expect(binary.rowCount == postings.count)
            for row in 0..<min(text.rowCount, binary.rowCount) {
                #expect(binary.string(row, 0) == text.string(row, 0))
            }
        }
    }
}
