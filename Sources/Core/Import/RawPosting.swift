import Foundation

/// A record after field mapping, before normalization: every value still as the source gave it.
public struct RawPosting {
    public var platform: String?
    public var externalId: String?
    public var url: String?
    public var title: String?
    public var company: String?
    public var location: String?
    /// A location the source already structured (schema.org address).
    public var structuredLocation: Location?
    public var description: String?
    public var requirements: String?
    public var salaryText: String?
    public var salarySource: SalarySource = .parsed
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var salaryCurrency: String?
    public var salaryInterval: PayInterval?
    /// Field name the structured salary came from, for messages.
    public var salaryField: String = "salary"
    public var defaultCurrency: String?
    public var experienceText: String?
    public var skillList: [String] = []
    /// Short fields that state the work mode (location, work type, title …), strongest first.
    public var workModeTexts: [(field: String, value: String)] = []
    public var remoteFlags: [(field: String, value: Bool)] = []
    public var postedText: String?
    /// What a relative posted date ("3 days ago") is relative to, when the source says (scrape date).
    public var postedRelativeTo: Date?
    public var jobType: String?

    public init() {}
}

/// Reads loosely typed values out of a decoded record, as `JSONSerialization`'s `Any` values were read: numbers
/// as `NSNumber` (`doubleValue`; as a flag, 0/1 bridge to `Bool`, others are `intValue != 0`), `true`/`false` as
/// the numbers 1 and 0.
struct FieldReader {
    let record: JSONObject
    /// Values that mean "missing" in this source (Glassdoor uses "-1").
    var missingMarkers: Set<String> = FieldReader.defaultMissingMarkers {
        didSet { summary = MarkerSummary(missingMarkers) }
    }
    /// What tells most texts apart from every marker without comparing strings.
    private var summary = FieldReader.defaultSummary

    static let defaultSummary = MarkerSummary(defaultMissingMarkers)

    /// The longest marker's UTF-8 length, and the ASCII bytes markers start with (bit `b` of a 128-bit set).
    struct MarkerSummary {
        var longest: Int
        var firstBytesLow: UInt64 = 0
        var firstBytesHigh: UInt64 = 0

        init(_ markers: Set<String>) {
            longest = markers.reduce(0) { max($0, $1.utf8.count) }
            for marker in markers {
                guard let first = marker.utf8.first, first < 0x80 else { continue }
                if first < 64 { firstBytesLow |= 1 << UInt64(first) } else { firstBytesHigh |= 1 << UInt64(first - 64) }
            }
        }

        /// True when some marker starts with the ASCII byte `byte`.
        @inline(__always) func startsMarker(_ byte: UInt8) -> Bool {
            (byte < 64 ? firstBytesLow >> UInt64(byte) : firstBytesHigh >> UInt64(byte - 64)) & 1 != 0
        }
    }

    static let defaultMissingMarkers: Set<String> = ["", "nan", "null", "none", "n/a", "na"]

    init(record: JSONObject) {
        self.record = record
    }

    /// The value at a key or dotted path ("jobLocation.displayName") as trimmed text, nil when missing.
    func string(_ path: String) -> String? {
        guard let v = value(path) else { return nil }
        return text(v)
    }

    /// The value at a key or dotted path; nil when missing or null. Through an array the path follows its first
    /// element when that is an object.
    func value(_ path: String) -> JSONNode? {
        // Through the bytes' buffer: iterating a small string's UTF-8 view byte by byte cost more than the lookup.
        let isDotted = path.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ".")) }
            ?? path.utf8.contains(UInt8(ascii: "."))
        if !isDotted {
            guard let v = record[path], !v.isNull else { return nil }
            return v
        }
        var cur: JSONNode? = .object(record)
        for part in path.split(separator: ".") {
            switch cur {
            case .object(let d)?:
                cur = d[String(part)]
            case .array(let a)?:
                guard case .object(let first)? = a.first else { return nil }
                cur = first[String(part)]
            default:
                return nil
            }
        }
        if cur?.isNull == true { return nil }
        return cur
    }

    func double(_ path: String) -> Double? {
        guard let v = value(path) else { return nil }
        switch v {
        case .number(let d, _): return d.isFinite ? d : nil
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
        default: return nil
        }
    }

    /// A boolean from true/false, "TRUE"/"FALSE", "yes"/"no", 1/0.
    func bool(_ path: String) -> Bool? {
        guard let v = value(path) else { return nil }
        switch v {
        case .bool(let b): return b
        case .number(_, let flag): return flag
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "y", "1": return true
            case "false", "no", "n", "0": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// A list of strings from an array, or a string delimited by `separators` (default: comma, semicolon, pipe).
    func list(_ path: String, separators: CharacterSet? = nil) -> [String] {
        guard let v = value(path) else { return [] }
        if case .array(let a) = v {
            return a.compactMap { item -> String? in
                if case .object(let d) = item { return text(d["name"] ?? d["termCode"] ?? .string("")) }
                return text(item)
            }
        }
        if case .object(let d) = v, let name = d["name"] { return text(name).map { [$0] } ?? [] }
        guard let s = text(v) else { return [] }
        guard let separators else {
            // The default separators are ASCII, so splitting the UTF-8 bytes gives the same pieces.
            let pieces = s.utf8.split(whereSeparator: { $0 == 0x2C || $0 == 0x3B || $0 == 0x7C })
            return pieces.map { FieldReader.trimmed(String(Substring($0))) }.filter { !$0.isEmpty }
        }
        return s.components(separatedBy: separators).map { FieldReader.trimmed($0) }.filter { !$0.isEmpty }
    }

    func text(_ v: JSONNode) -> String? {
        Self.text(v, missing: missingMarkers, summary: summary)
    }

    static func text(_ v: JSONNode, missing: Set<String>) -> String? {
        text(v, missing: missing, summary: MarkerSummary(missing))
    }

    private static func text(_ v: JSONNode, missing: Set<String>, summary: MarkerSummary) -> String? {
        let s: String
        switch v {
        case .string(let x): s = x
        case .number(let d, _):
            guard d.isFinite else { return nil }
            s = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): s = b ? "1" : "0"
        case .array(let a):
            s = a.compactMap { text($0, missing: missing, summary: summary) }.joined(separator: ", ")
        default:
            return nil
        }
        let t = trimmed(s)
        // Lowercasing a long description only to compare it with "nan" is wasted work: a scalar's lowercase
        // mapping is at least a quarter of its UTF-8 length, so a text this long cannot equal a marker.
        if t.utf8.count > 4 * summary.longest { return t }
        // Nor can a text whose first byte is ASCII when no marker starts with that byte lower-cased ("Data Analyst"
        // is not "nan"): lower-casing turns an ASCII first scalar into its ASCII lower case.
        if let first = t.utf8.first, first < 0x80 {
            let lower = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
            if !summary.startsMarker(lower) { return t }
        }
        return missing.contains(t.lowercased()) ? nil : t
    }

    /// `s` without leading and trailing whitespace and newlines; the same as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without copying text that has none.
    static func trimmed(_ s: String) -> String {
        // Visible ASCII at both ends (the usual case): nothing to trim.
        if let first = s.utf8.first, let last = s.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return s
        }
        let scalars = s.unicodeScalars
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c.value < 0x80 ? (c == " " || (c.value >= 0x09 && c.value <= 0x0D)) : CharacterSet.whitespacesAndNewlines.contains(c)
        }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? s : String(scalars[start..<end])
    }
}
