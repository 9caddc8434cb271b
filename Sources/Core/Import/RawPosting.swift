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

/// Reads loosely typed values out of a decoded record.
struct FieldReader {
    let record: [String: Any]
    /// Values that mean "missing" in this source (Glassdoor uses "-1").
    var missingMarkers: Set<String> = ["", "nan", "null", "none", "n/a", "na"]

    /// The value at a key or dotted path ("jobLocation.displayName") as trimmed text, nil when missing.
    func string(_ path: String) -> String? {
        guard let v = value(path) else { return nil }
        return FieldReader.text(v, missing: missingMarkers)
    }

    func value(_ path: String) -> Any? {
        if !path.utf8.contains(UInt8(ascii: ".")) {
            let v = record[path]
            return v is NSNull ? nil : v
        }
        var cur: Any? = record
        for part in path.split(separator: ".") {
            if let d = cur as? [String: Any] { cur = d[String(part)] } else if let a = cur as? [Any], let first = a.first as? [String: Any] {
                cur = first[String(part)]
            } else { return nil }
        }
        if cur is NSNull { return nil }
        return cur
    }

    func double(_ path: String) -> Double? {
        guard let v = value(path) else { return nil }
        if let n = v as? NSNumber, !(v is Bool) || true {
            let d = n.doubleValue
            return d.isFinite ? d : nil
        }
        if let s = v as? String { return Double(s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")) }
        return nil
    }

    /// A boolean from true/false, "TRUE"/"FALSE", "yes"/"no", 1/0.
    func bool(_ path: String) -> Bool? {
        guard let v = value(path) else { return nil }
        if let b = v as? Bool { return b }
        if let n = v as? NSNumber { return n.intValue != 0 }
        switch (v as? String)?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "y", "1": return true
        case "false", "no", "n", "0": return false
        default: return nil
        }
    }

    /// A list of strings from an array, or a string delimited by `separators` (default: comma, semicolon, pipe).
    func list(_ path: String, separators: CharacterSet? = nil) -> [String] {
        guard let v = value(path) else { return [] }
        if let a = v as? [Any] {
            return a.compactMap { item -> String? in
                if let d = item as? [String: Any] { return FieldReader.text(d["name"] ?? d["termCode"] ?? "", missing: missingMarkers) }
                return FieldReader.text(item, missing: missingMarkers)
            }
        }
        if let d = v as? [String: Any], let name = d["name"] { return FieldReader.text(name, missing: missingMarkers).map { [$0] } ?? [] }
        guard let s = FieldReader.text(v, missing: missingMarkers) else { return [] }
        guard let separators else {
            // The default separators are ASCII, so splitting the UTF-8 bytes gives the same pieces.
            let pieces = s.utf8.split(whereSeparator: { $0 == 0x2C || $0 == 0x3B || $0 == 0x7C })
            return pieces.map { FieldReader.trimmed(String(Substring($0))) }.filter { !$0.isEmpty }
        }
        return s.components(separatedBy: separators).map { FieldReader.trimmed($0) }.filter { !$0.isEmpty }
    }

    static func text(_ v: Any, missing: Set<String>) -> String? {
        let s: String
        switch v {
        case let x as String: s = x
        case let n as NSNumber:
            let d = n.doubleValue
            guard d.isFinite else { return nil }
            s = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let a as [Any]:
            s = a.compactMap { text($0, missing: missing) }.joined(separator: ", ")
        default:
            return nil
        }
        let t = trimmed(s)
        // Lowercasing a long description only to compare it with "nan" is wasted work: a scalar's lowercase
        // mapping is at least a quarter of its UTF-8 length, so a text this long cannot equal a marker.
        let longestMarker = missing.reduce(0) { max($0, $1.utf8.count) }
        if t.utf8.count > 4 * longestMarker { return t }
        return missing.contains(t.lowercased()) ? nil : t
    }

    /// `s` without leading and trailing whitespace and newlines; the same as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without copying text that has none.
    static func trimmed(_ s: String) -> String {
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
