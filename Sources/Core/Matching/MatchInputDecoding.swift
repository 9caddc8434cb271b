import Foundation

/// Lenient readers for the importers' JSON: numbers may arrive as strings, ids as numbers, lists as one string.
enum MatchInputDecoding {
    /// Any JSON key.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    typealias Container = KeyedDecodingContainer<Key>

    /// A string, or a number written as a string ("42"); nil when absent or null.
    static func string(_ c: Container, _ key: String) -> String? {
        let k = Key(key)
        guard c.contains(k), (try? c.decodeNil(forKey: k)) == false else { return nil }
        if let s = try? c.decode(String.self, forKey: k) { return s }
        if let i = try? c.decode(Int.self, forKey: k) { return String(i) }
        if let d = try? c.decode(Double.self, forKey: k) { return String(d) }
        return nil
    }

    /// A number, or the first number in a string ("5", "5+ years", "120,000").
    static func number(_ c: Container, _ key: String) -> Double? {
        let k = Key(key)
        guard c.contains(k), (try? c.decodeNil(forKey: k)) == false else { return nil }
        if let d = try? c.decode(Double.self, forKey: k) { return d }
        if let s = try? c.decode(String.self, forKey: k) { return firstNumber(in: s) }
        return nil
    }

    /// A list of strings; a single string is split on commas and semicolons.
    static func strings(_ c: Container, _ key: String) -> [String]? {
        let k = Key(key)
        guard c.contains(k), (try? c.decodeNil(forKey: k)) == false else { return nil }
        if let list = try? c.decode([String].self, forKey: k) {
            return list.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let s = try? c.decode(String.self, forKey: k) {
            return s.split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return nil
    }

    /// A boolean, or "true"/"yes"/"1".
    static func bool(_ c: Container, _ key: String) -> Bool? {
        let k = Key(key)
        guard c.contains(k) else { return nil }
        if let b = try? c.decode(Bool.self, forKey: k) { return b }
        if let s = try? c.decode(String.self, forKey: k) {
            return ["true", "yes", "1", "y"].contains(s.lowercased().trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// A float vector.
    static func vector(_ c: Container, _ key: String) -> [Float]? {
        let k = Key(key)
        guard c.contains(k), let list = try? c.decode([Float].self, forKey: k), !list.isEmpty else { return nil }
        return list
    }

    /// The first decimal number in text, ignoring thousands commas; "5+ years" → 5.
    static func firstNumber(in text: String) -> Double? {
        var digits = ""
        var started = false
        for ch in text {
            if ch.isASCII, ch.isNumber || (ch == "." && started) {
                digits.append(ch)
                started = true
            } else if ch == ",", started {
                continue
            } else if started {
                break
            }
        }
        return Double(digits)
    }

    /// "HOUR", "hourly", "per hour", "yearly", "annual", "monthly", … → `PayInterval`; nil when unknown.
    static func interval(_ text: String?) -> PayInterval? {
        guard let text = text?.lowercased().trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.contains("hour") || text == "hr" || text == "h" { return .hour }
        if text.contains("day") || text.contains("daily") { return .day }
        if text.contains("week") { return .week }
        if text.contains("month") || text == "mo" { return .month }
        if text.contains("year") || text.contains("annual") || text == "yr" || text == "pa" || text == "p.a." {
            return .year
        }
        return nil
    }
}
