import Foundation

/// What `centrald parse KIND TEXT` prints: one JSON object on one line, keys in a fixed order,
/// `null` where a value is absent, whole numbers without ".0".
public enum ParseReport {
    /// The kinds `json(kind:text:now:)` accepts.
    public static let kinds = ["salary", "experience", "location", "skills", "date", "work-mode"]

    /// An unknown kind, with the kinds that exist.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownKind(String, valid: [String])

        public var description: String {
            switch self {
            case .unknownKind(let kind, let valid):
                return "unknown parse kind \"\(kind)\"; valid kinds: \(valid.joined(separator: ", "))"
            }
        }
    }

    /// The parse of `text` as `kind`, as one line of JSON. `description`: `text` is a posting's description, read
    /// as the importer reads one (salary only with a currency and pay words around it, money for other things
    /// left out; experience from numbers only; skills and work mode from specific phrases only).
    public static func json(kind: String, text: String, now: Date, description: Bool = false) throws -> String {
        var o = JSONLine()
        o.add("input", .string(text))
        switch kind {
        case "salary":
            let s = description ? SalaryParser.extract(fromDescription: text) : SalaryParser.parse(text)
            o.add("currency", s?.currency.map(JSONValue.string) ?? .null)
            o.add("interval", s.map { .string($0.interval.rawValue) } ?? .null)
            o.add("min", s?.min.map(JSONValue.number) ?? .null)
            o.add("max", s?.max.map(JSONValue.number) ?? .null)
            o.add("annual_min", s?.annualMin.map(JSONValue.number) ?? .null)
            o.add("annual_max", s?.annualMax.map(JSONValue.number) ?? .null)
            o.add("source", s.map { .string($0.source.rawValue) } ?? .null)
            o.add("unstated", s.map { .bool($0.unstated) } ?? .null)
            // Say why nothing came out, in the importer's words: no amount, or money that is not pay.
            o.add("note", s.map { $0.note.map(JSONValue.string) ?? .null } ?? .string(SalaryParser.reasonForNoSalary(text)))
        case "experience":
            let e = description ? ExperienceParser.fromDescription(text) : ExperienceParser.parse(text)
            o.add("years_min", e?.yearsMin.map(JSONValue.number) ?? .null)
            o.add("years_max", e?.yearsMax.map(JSONValue.number) ?? .null)
        case "location":
            let l = LocationParser.parse(text)
            o.add("city", l.city.map(JSONValue.string) ?? .null)
            o.add("region", l.region.map(JSONValue.string) ?? .null)
            o.add("country", l.country.map(JSONValue.string) ?? .null)
            o.add("remote", .bool(l.remote))
        case "skills":
            // A list ("k8s, JS; Postgres") is read as the importer reads a skills field: every phrase kept,
            // unknown ones as written. Prose is read as the importer reads a description: known skills only.
            // A short phrase with no separator ("Kubernates", "A/B Testing") is a one-item list.
            let phrases = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let found = SkillExtractor.shared.extract(from: text)
            let isList = !description && (phrases.count > 1 || (found.isEmpty && text.split(separator: " ").count <= 3))
            var seen = Set<String>()
            var skills = [String]()
            for s in (isList ? SkillExtractor.shared.canonicalize(phrases) : []) + found
            where seen.insert(s.lowercased()).inserted {
                skills.append(s)
            }
            o.add("skills", .array(skills.map(JSONValue.string)))
        case "date":
            let d = PostedDateParser.parse(text, now: now)
            o.add("posted_at", d.map { .string(iso8601($0)) } ?? .null)
        case "work-mode":
            let w = WorkModeDetector.detect(texts: [(description ? "description" : "work_mode", text)], flags: [])
            o.add("mode", .string(w.mode.rawValue))
            o.add("evidence", w.evidence.map(JSONValue.string) ?? .null)
        default:
            throw Failure.unknownKind(kind, valid: kinds)
        }
        return o.text
    }

    /// "2024-12-17T04:08:47Z", with milliseconds when the date has a fraction of a second.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        if date.timeIntervalSince1970.rounded(.down) != date.timeIntervalSince1970 {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        }
        return formatter.string(from: date)
    }
}

/// A JSON value for `JSONLine`.
enum JSONValue {
    case string(String), number(Double), bool(Bool), array([JSONValue]), null
    /// Keys in the order given.
    case object([(String, JSONValue)])

    func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.format(d)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (n, (key, value)) in fields.enumerated() {
                if n > 0 { out += "," }
                JSONValue.escape(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// Whole numbers without ".0"; others in Swift's shortest round-trip form; non-finite as null.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most text needs no escaping: append it whole (per-scalar appends were most of a match run's write time).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}

/// An object built key by key, in the order added.
struct JSONLine {
    private var body = ""

    mutating func add(_ key: String, _ value: JSONValue) {
        body += body.isEmpty ? "{" : ","
        JSONValue.escape(key, into: &body)
        body += ":"
        value.write(into: &body)
    }

    var text: String { body.isEmpty ? "{}" : body + "}" }
}
