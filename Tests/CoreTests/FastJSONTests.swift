import Foundation
import Testing

@testable import Core

/// The byte-level JSON reader must read every record as `JSONSerialization` (after `sanitize`) reads it, and leave
/// to Foundation whatever it does not read exactly.
@Suite struct FastJSONTests {
    /// The Foundation path for one line, as the reader used it before the fast path existed.
    static func foundationRecord(_ line: [UInt8], number: Int) -> JSONRecordReader.Record {
        switch JSONRecordReader.parseLine(line, number: number) {
        case .record(let n, let d): return .record(number: n, JSONObject(foundation: d))
        case .broken(let n, let reason): return .broken(number: n, reason: reason)
        }
    }

    /// Same value, objects compared regardless of member order, numbers by bit pattern and flag.
    static func same(_ a: JSONNode, _ b: JSONNode) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x, let fx), .number(let y, let fy)): return x.bitPattern == y.bitPattern && fx == fy
        case (.string(let x), .string(let y)): return x == y && Array(x.utf8) == Array(y.utf8)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)): return same(x, y)
        default: return false
        }
    }

    static func same(_ x: JSONObject, _ y: JSONObject) -> Bool {
        x.count == y.count && x.members.allSatisfy { member in y[member.key].map { same(member.value, $0) } ?? false }
    }

    static func same(_ a: JSONRecordReader.Record, _ b: JSONRecordReader.Record) -> Bool {
        switch (a, b) {
        case (.record(let n, let x), .record(let m, let y)): return n == m && same(x, y)
        case (.broken(let n, let r), .broken(let m, let s)): return n == m && r == s
        default: return false
        }
    }

    static let keys = ["title", "company", "description", "salary_min", "remote", "skills", "a", "é", "", "k\\\"q"]
    static let scalars = [
        "\"Data Analyst\"", "\"\"", "\"line\\nbreak\\ttab\\\\ \\/ \\\"q\\\"\"", "\"\\u00e9t\\u00C9\"", "\"\\ud83d\\ude00\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\u0041\"", "\"\\x\"", "\"\\U0041\"", "\"é•€😀\"", "\"a\tb\"",
        "\"\u{7F}\"", "\"New York, NY\"", "\"NaN\"", "\"Infinity Labs\"",
        "0", "-0", "1", "-1", "2", "1.0", "0.5", "-0.0", "-1.25", "17.50", "123456789012345", "1234567890123456",
        "0.000000000000001", "9007199254740993", "0.1", "3.14159", "1e5", "1E-2", "01", "1.", ".5", "-", "+1", "1.5e300",
        "true", "false", "null", "NaN", "Infinity", "-Infinity", "NaNx", "nul", "tru", "-Inf",
    ]

    /// Values the fast path reads itself.
    static let goodScalars = [
        "\"Data Analyst\"", "\"line\\nbreak\\ttab\\\\ \\/ \\\"q\\\"\"", "\"\\u00e9t\\u00C9\"", "\"\\ud83d\\ude00\"", "\"é•€😀\"",
        "0", "-0", "1", "-1", "1.0", "0.5", "-0.0", "17.50", "123456789012345", "0.1", "true", "false", "null", "NaN",
        "-Infinity",
    ]

    static func randomValue(_ rng: inout SplitMix64, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 6 : 9), using: &rng) {
        case 0...2: return scalars.randomElement(using: &rng)!
        case 3...5: return goodScalars.randomElement(using: &rng)!
        case 6: return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) }.joined(separator: ", ") + "]"
        case 7: return "[1,]"
        default: return randomObject(&rng, depth: depth + 1)
        }
    }

    static func randomObject(_ rng: inout SplitMix64, depth: Int) -> String {
        let count = Int.random(in: 0...6, using: &rng)
        let members = (0..<count).map { _ in
            "\"\(keys.randomElement(using: &rng)!)\"" + [":", " : ", ":\t", ":\r\n"].randomElement(using: &rng)! + randomValue(&rng, depth: depth)
        }
        let trailing = Int.random(in: 0..<20, using: &rng) == 0 ? "," : ""
        return "{" + members.joined(separator: [",", ", ", ",\n"].randomElement(using: &rng)!) + trailing + "}"
    }

    @Test(arguments: 0..<6)
    func linesReadAsFoundationReadsThem(_ shard: Int) {
        var rng = SplitMix64(seed: UInt64(shard) &+ 4242)
        var fast = 0
        for n in 0..<2_000 {
            var line = Array(Self.randomObject(&rng, depth: 0).utf8)
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: line += Array(" x".utf8)
            case 1: line.insert(contentsOf: [0xC3, 0x28], at: Int.random(in: 0...line.count, using: &rng))
            case 2: line.insert(contentsOf: [0xED, 0xA0, 0x80], at: Int.random(in: 0...line.count, using: &rng))
            case 3: line = Array(line.prefix(Int.random(in: 0...line.count, using: &rng)))
            case 4: line = Array("  \t".utf8) + line + Array(" \r".utf8)
            case 5: line = Array("[1, 2]".utf8)
            default: break
            }
            if case .object? = FastJSONParser.parse(line) { fast += 1 }
            let expected = Self.foundationRecord(line, number: n)
            let actual = JSONRecordReader.recordLine(line, number: n)
            #expect(Self.same(actual, expected), "\(String(decoding: line, as: UTF8.self))\nfast: \(actual)\nFoundation: \(expected)")
        }
        #expect(fast > 250, "only \(fast) lines took the fast path")
    }

    @Test func documentsReadAsFoundationReadsThem() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<500 {
            let records = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.randomObject(&rng, depth: 0) }
            var text = "[" + records.joined(separator: ",\n") + "]"
            if Bool.random(using: &rng) { text = "{\"jobs\": " + text + ", \"count\": 3}" }
            if Int.random(in: 0..<4, using: &rng) == 0 { text = String(text.prefix(Int.random(in: 0...text.count, using: &rng))) }
            let bytes = Array(text.utf8)
            let old = JSONRecordReader.elements(bytes).map { element -> JSONRecordReader.Record in
                switch element {
                case .record(let n, let d): return .record(number: n, JSONObject(foundation: d))
                case .broken(let n, let reason): return .broken(number: n, reason: reason)
                }
            }
            let new = JSONRecordReader.records(bytes).records
            #expect(old.count == new.count && zip(old, new).allSatisfy { Self.same($0, $1) }, "\(text)\nnew: \(new)\nold: \(old)")
        }
    }

    @Test func numbersHaveFoundationsValuesAndFlags() {
        for literal in ["0", "-0", "1", "-1", "2", "1.0", "0.5", "-0.5", "-0.0", "17.0", "0.1", "0.7", "2.675", "123456.789",
                        "99999999999999.9", "0.000123", "-42.42", "100000", "65000"] {
            let line = Array("{\"v\": \(literal)}".utf8)
            guard case .record(_, let fast) = JSONRecordReader.recordLine(line, number: 1),
                  case .record(_, let slow) = Self.foundationRecord(line, number: 1) else {
                Issue.record("\(literal) not read")
                continue
            }
            #expect(Self.same(fast["v"]!, slow["v"]!), "\(literal): \(fast["v"]!) vs \(slow["v"]!)")
        }
    }

    @Test func bareNonFiniteNumbersAreNull() {
        let line = Array("{\"title\": \"NaN\", \"a\": NaN, \"b\": -Infinity, \"c\": [Infinity]}".utf8)
        guard case .object(let o)? = FastJSONParser.parse(line) else {
            Issue.record("not read by the fast path")
            return
        }
        #expect(o["title"]?.stringValue == "NaN")
        #expect(o["a"]?.isNull == true)
        #expect(o["b"]?.isNull == true)
        if case .array(let c)? = o["c"] { #expect(c.first?.isNull == true) } else { Issue.record("c is not an array") }
    }

    // MARK: - A JSON array cut between two records

    static func read(_ text: String) throws -> (info: JobFileReader.FileInfo, outcomes: [RecordOutcome]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var outcomes: [RecordOutcome] = []
        let info = try JobFileReader(now: Date(timeIntervalSince1970: 1_767_225_600), workers: 1).read(url) { outcomes.append($0) }
        return (info, outcomes)
    }

    static let record1 = "{\"title\": \"Data Analyst\", \"company\": \"Acme\", \"external_id\": \"1\"}"
    static let record2 = "{\"title\": \"Data Engineer\", \"company\": \"Acme\", \"external_id\": \"2\"}"

    @Test(arguments: ["},", "}, ", "},\n  ", "}", "}\n"])
    func arrayCutBetweenRecordsIsReported(_ cut: String) throws {
        let text = "[\n  " + Self.record1 + ",\n  " + String(Self.record2.dropLast()) + cut
        let (info, outcomes) = try Self.read(text)
        #expect(outcomes.count == 2)
        #expect(info.records == 2)
        #expect(info.warnings.count == 1)
        let warning = try #require(info.warnings.first)
        #expect(warning.recordNumber == 2)
        #expect(warning.severity == .warning)
        #expect(warning.field == "file")
        #expect(warning.reason.contains(".json is truncated"))
        #expect(warning.reason.contains("after record 2"))
        // The last posting carries it, so that the import summary lists it.
        guard case .posting(2, _, let warnings) = outcomes[1] else {
            Issue.record("record 2 is not a posting: \(outcomes[1])")
            return
        }
        #expect(warnings.contains { $0.field == "file" && $0.recordNumber == 2 })
        guard case .posting(1, _, let first) = outcomes[0] else {
            Issue.record("record 1 is not a posting")
            return
        }
        #expect(first.isEmpty)
    }

    @Test func completeArrayHasNoFileWarning() throws {
        let (info, outcomes) = try Self.read("[" + Self.record1 + ", " + Self.record2 + "]")
        #expect(outcomes.count == 2)
        #expect(info.warnings.isEmpty)
    }

    @Test func arrayCutInsideARecordReportsThatRecord() throws {
        let (info, outcomes) = try Self.read("[" + Self.record1 + ", " + String(Self.record2.prefix(20)))
        #expect(outcomes.count == 2)
        #expect(info.warnings.isEmpty)
        guard case .rejected(let issue) = outcomes[1] else {
            Issue.record("the cut record is not rejected")
            return
        }
        #expect(issue.reason.contains("ends inside this record"))
    }

    /// Records rejected after the last posting come before it is delivered: order is kept.
    @Test func warningWaitsForTheLastPostingWithoutReordering() throws {
        let text = "[" + Self.record1 + ", {\"title\": \"12345\", \"company\": \"Acme\", \"external_id\": \"3\"}, "
        let (info, outcomes) = try Self.read(text)
        #expect(info.warnings.count == 1)
        #expect(outcomes.count == 2)
        guard case .posting(1, _, let warnings) = outcomes[0], case .rejected(let issue) = outcomes[1] else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(issue.recordNumber == 2)
        #expect(warnings.contains { $0.field == "file" && $0.recordNumber == 2 })
    }
}
