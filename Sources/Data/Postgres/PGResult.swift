import Core
import CLibPQ
import Foundation

/// A query result; frees itself.
public final class PGResult {
    private let res: OpaquePointer

    init(_ res: OpaquePointer) { self.res = res }
    deinit { PQclear(res) }

    public var rowCount: Int { Int(PQntuples(res)) }
    public var columnCount: Int { Int(PQnfields(res)) }
    /// Rows changed by INSERT/UPDATE/DELETE.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(res))) ?? 0 }

    public func isNull(_ row: Int, _ col: Int) -> Bool { PQgetisnull(res, Int32(row), Int32(col)) == 1 }

    public func string(_ row: Int, _ col: Int) -> String? {
        if isNull(row, col) { return nil }
        return String(cString: PQgetvalue(res, Int32(row), Int32(col)))
    }
    public func int(_ row: Int, _ col: Int) -> Int? { string(row, col).flatMap { Int($0) } }
    public func int64(_ row: Int, _ col: Int) -> Int64? { string(row, col).flatMap { Int64($0) } }
    public func double(_ row: Int, _ col: Int) -> Double? { string(row, col).flatMap { Double($0) } }
    public func bool(_ row: Int, _ col: Int) -> Bool? { string(row, col).map { $0 == "t" } }
    /// A two-column result (text key, count) as a dictionary, e.g. `SELECT platform, count(*) … GROUP BY 1`.
    public func countsByKey() -> [String: Int] {
        var out: [String: Int] = [:]
        for i in 0..<rowCount { out[string(i, 0) ?? ""] = int(i, 1) ?? 0 }
        return out
    }
    /// A JSON array of strings in a text column (`json_agg(...)::text`), [] when NULL or not an array.
    public func jsonStrings(_ row: Int, _ col: Int) -> [String] {
        (string(row, col).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? []
    }
    /// Reads a timestamptz sent as epoch seconds (select `extract(epoch from x)`).
    public func date(_ row: Int, _ col: Int) -> Date? { double(row, col).map { Date(timeIntervalSince1970: $0) } }
}

/// A value that can be sent as a text parameter.
public protocol PGBindable {
    var pgText: String { get }
}
extension String: PGBindable { public var pgText: String { self } }
extension Int: PGBindable { public var pgText: String { String(self) } }
extension Int64: PGBindable { public var pgText: String { String(self) } }
extension Double: PGBindable { public var pgText: String { String(self) } }
extension Bool: PGBindable { public var pgText: String { self ? "true" : "false" } }
extension Date: PGBindable {
    /// ISO-8601 with microseconds, UTC.
    public var pgText: String { PGTime.iso(self) }
}
enum PGTime {
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` (what `gmtime_r` and `%04d-%02d-%02dT%02d:%02d:%02d.%06dZ` give), built by hand:
    /// a posted date goes into every import row, and `String(format:)` was a tenth of the COPY thread's time.
    static func iso(_ d: Date) -> String {
        let t = d.timeIntervalSince1970
        let whole = floor(t)
        guard whole.magnitude < 2.5e11 else { return formatted(d) }
        let micros = Int((t - whole) * 1_000_000)
        let (year, month, day, hour, minute, second) = UTCCalendar.parts(d)
        guard (0...9999).contains(year) else { return formatted(d) }
        return String(unsafeUninitializedCapacity: 27) { out in
            func put(_ value: Int, _ digits: Int, at offset: Int) {
                var v = value
                for i in stride(from: offset + digits - 1, through: offset, by: -1) {
                    out[i] = UInt8(48 + v % 10)
                    v /= 10
                }
            }
            put(year, 4, at: 0); out[4] = 0x2D
            put(month, 2, at: 5); out[7] = 0x2D
            put(day, 2, at: 8); out[10] = 0x54
            put(hour, 2, at: 11); out[13] = 0x3A
            put(minute, 2, at: 14); out[16] = 0x3A
            put(second, 2, at: 17); out[19] = 0x2E
            put(micros, 6, at: 20); out[26] = 0x5A
            return 27
        }
    }

    /// The C library's formatting, for years outside 0…9999.
    static func formatted(_ d: Date) -> String {
        var tm = tm()
        var secs = time_t(floor(d.timeIntervalSince1970))
        gmtime_r(&secs, &tm)
        let micros = Int((d.timeIntervalSince1970 - floor(d.timeIntervalSince1970)) * 1_000_000)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                      tm.tm_hour, tm.tm_min, tm.tm_sec, micros)
    }
}
extension Array: PGBindable where Element == String {
    /// A PostgreSQL text[] literal with every element quoted.
    public var pgText: String { PGArray.literal(self) }
}

/// Array literals with NULL elements, for `unnest($n::numeric[])`-style bulk statements.
public enum PGArray {
    /// `{"a",NULL,"b"}`: nil elements become NULL.
    public static func literal(_ values: [String?]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(values.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        out.append(UInt8(ascii: "{"))
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            guard var s = v else {
                out.append(contentsOf: "NULL".utf8)
                continue
            }
            out.append(UInt8(ascii: "\""))
            s.withUTF8 { bytes in
                // Most elements hold neither a backslash nor a quote: copied whole.
                guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else {
                    out.append(contentsOf: bytes)
                    return
                }
                for b in bytes {
                    if b == UInt8(ascii: "\\") || b == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
                    out.append(b)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A number as text for a numeric parameter or COPY field (whole numbers without ".0"); nil is NULL.
    public static func number(_ d: Double?) -> String? {
        d.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : String($0) }
    }

    /// The same for non-optional elements (one pass over the bytes; a hot path of every import row).
    public static func literal(_ values: [String]) -> String { literal(values.map { Optional($0) }) }
}
