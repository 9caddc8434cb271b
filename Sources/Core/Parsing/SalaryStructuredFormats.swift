import Foundation

/// Salary data that arrives as keys and values rather than prose:
/// Glassdoor's `payCurrency=CAD;payPeriod=ANNUAL;p10=…;p90=…;salarySource=…` (min = p10, max = p90) and
/// schema.org `MonetaryAmount` JSON (`currency`, `value`/`minValue`/`maxValue`, `unitText`).
enum SalaryStructuredFormats {
    static func parse(_ b: [UInt8], source: SalarySource, defaultCurrency: String?) -> Salary? {
        if SalaryParser.contains(b, "payperiod=") {
            let currency = word(after: "paycurrency=", in: b)
            let period = word(after: "payperiod=", in: b).flatMap(interval(named:))
            let lo = number(after: "p10=", in: b), hi = number(after: "p90=", in: b)
            let mid = number(after: "p50=", in: b)
            guard let period, lo != nil || hi != nil || mid != nil else { return nil }
            let src = SalaryParser.markedSource(b) ?? source
            return valid(Salary(currency: currency ?? defaultCurrency, interval: period, min: lo ?? mid,
                                max: hi ?? mid, source: src))
        }
        if SalaryParser.contains(b, "\"unittext\"") || SalaryParser.contains(b, "\"minvalue\"") {
            let currency = word(after: "\"currency\"", in: b) ?? defaultCurrency
            let period = word(after: "\"unittext\"", in: b).flatMap(interval(named:))
            var lo = number(after: "\"minvalue\"", in: b), hi = number(after: "\"maxvalue\"", in: b)
            if lo == nil && hi == nil, let at = SalaryParser.firstIndex(b, "\"quantitativevalue\"") {
                let v = number(after: "\"value\"", in: b, from: at)
                lo = v; hi = v
            }
            guard lo != nil || hi != nil else { return nil }
            if let period {
                return valid(Salary(currency: currency, interval: period, min: lo, max: hi, source: source))
            }
            let guess = SalaryParser.intervalSuggested(byMagnitude: max(lo ?? 0, hi ?? 0))
            return valid(Salary(currency: currency, interval: guess, min: lo, max: hi, source: source,
                                unstated: true, note: "magnitude suggests \(guess.rawValue)"))
        }
        return nil
    }

    private static func valid(_ s: Salary) -> Salary? {
        let values = [s.min, s.max].compactMap { $0 }
        return values.contains(where: { $0 > 0 }) && values.allSatisfy({ $0 >= 0 && $0.isFinite }) ? s : nil
    }

    static func interval(named name: String) -> PayInterval? {
        switch name.uppercased() {
        case "HOUR", "HOURLY", "PER_HOUR": return .hour
        case "DAY", "DAILY", "PER_DAY": return .day
        case "WEEK", "WEEKLY", "PER_WEEK": return .week
        case "MONTH", "MONTHLY", "PER_MONTH": return .month
        case "YEAR", "YEARLY", "ANNUAL", "ANNUALLY", "PER_YEAR": return .year
        default: return nil
        }
    }

    /// Start of the value after `key`, skipping `"`, `:`, `=`, spaces.
    private static func valueStart(after key: StaticString, in b: [UInt8], from: Int = 0) -> Int? {
        guard var i = SalaryParser.firstIndex(b, key, from: from) else { return nil }
        i += key.utf8CodeUnitCount
        while i < b.count, b[i] == 0x22 || b[i] == 0x3A || b[i] == 0x3D || b[i] == 0x20 { i += 1 }
        return i
    }

    private static func word(after key: StaticString, in b: [UInt8]) -> String? {
        guard let start = valueStart(after: key, in: b) else { return nil }
        var i = start
        while i < b.count, SalaryTokenizer.isLetter(b[i]) || b[i] == 0x5F { i += 1 }
        return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
    }

    private static func number(after key: StaticString, in b: [UInt8], from: Int = 0) -> Double? {
        guard let start = valueStart(after: key, in: b, from: from) else { return nil }
        var i = start
        while i < b.count, SalaryTokenizer.isDigit(b[i]) || b[i] == 0x2E { i += 1 }
        return i > start ? Double(String(decoding: b[start..<i], as: UTF8.self)) : nil
    }
}
