import Foundation

/// Salary text → `Salary`, by a hand-written scanner over the UTF-8 bytes (no regular expressions).
///
/// Reads amounts with `k`/lakh/crore suffixes, US and European separators (`60.000,00 €`, `60 000 €`),
/// ranges joined by any dash, "to" or "and", "Up to"/"From", currency symbols and codes on either side,
/// units ("per hour", "/yr", "p.a.", "a year", "LPA"), and the source markers of Glassdoor
/// ("(Glassdoor est.)" = estimated, "Employer Provided Salary:" = posted).
/// A figure with no unit gets `unstated = true`, the interval its magnitude suggests and a note saying so.
public enum SalaryParser {
    /// Parses free salary text; nil when the text holds no pay.
    /// `defaultCurrency` applies when the text names none, and resolves a bare `$` when it is a dollar currency.
    public static func parse(_ text: String, source: SalarySource = .parsed, defaultCurrency: String? = nil) -> Salary? {
        let bytes = SalaryTokenizer.bytes(of: text)
        if startsWithNegativeAmount(bytes) { return nil }
        if let structured = SalaryStructuredFormats.parse(bytes, source: source, defaultCurrency: defaultCurrency) {
            return structured
        }
        guard let (reader, first) = firstStatement(bytes), !first.notPay else { return nil }
        var statement = first
        reader.widenWithAlternatives(&statement)
        reader.widenWithOtherRates(&statement)
        if statement.interval == nil, let unit = reader.unitLater(after: statement.last) { statement.interval = unit }
        return salary(from: statement, source: markedSource(bytes) ?? source, defaultCurrency: defaultCurrency)
    }

    /// Why `parse` found no salary in `text`, in a user's words: no amount at all, or money that is not pay.
    public static func reasonForNoSalary(_ text: String) -> String {
        let bytes = SalaryTokenizer.bytes(of: text)
        if startsWithNegativeAmount(bytes) { return "a negative amount is not pay" }
        if let (_, statement) = firstStatement(bytes), statement.notPay {
            return "money that is not pay (a bonus, benefit, 401k, gift card, revenue or a sum in millions)"
        }
        return "no pay amount in this text"
    }

    /// The first statement of a salary field, judged by the words around it; nil when no figure starts one.
    private static func firstStatement(_ bytes: [UInt8]) -> (SalaryStatementReader, SalaryStatement)? {
        let tokens = SalaryTokenizer(bytes).tokens()
        let reader = SalaryStatementReader(tokens: tokens, bytes: bytes)
        for index in tokens.indices where tokens[index].kind == .number {
            guard var statement = reader.statement(at: index) else { continue }
            reader.judgeContext(&statement)
            return (reader, statement)
        }
        return nil
    }

    /// The first pay statement in a job description (source .parsed); nil when none.
    ///
    /// Descriptions are full of money that is not pay, so a figure counts only when it carries a currency
    /// marker, is not next to a not-pay word (bonus, 401k, insurance, revenue, gift card, per night) and has
    /// evidence of pay: a unit, or a pay word ("salary", "pay", "compensation", "range", "OTE") near it.
    public static func extract(fromDescription text: String, defaultCurrency: String? = nil) -> Salary? {
        let bytes = SalaryTokenizer.bytes(of: text)
        let tokenizer = SalaryTokenizer(bytes)
        var searchFrom = 0
        while let trigger = nextMoneyMarker(bytes, from: searchFrom) {
            // Tokenize a window around the marker, starting at a word boundary.
            var lo = max(0, trigger - 160)
            while lo > 0, lo < trigger, bytes[lo] != 0x20 && bytes[lo] != 0x0A { lo += 1 }
            var hi = min(bytes.count, trigger + 200)
            while hi < bytes.count, hi > trigger, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
            let tokens = tokenizer.tokens(from: lo, to: hi)
            let reader = SalaryStatementReader(tokens: tokens, bytes: bytes)
            var next = trigger + 1
            for index in tokens.indices where tokens[index].kind == .number && tokens[index].start >= trigger {
                guard var statement = reader.statement(at: index) else { break }
                guard tokens[statement.first].start <= trigger + 4 else { break }
                reader.judgeContext(&statement)
                next = max(next, tokens[statement.last].end)
                if statement.notPay || statement.currency == nil || !statement.hasPayEvidence { break }
                if statement.isLakh == false, (statement.max ?? statement.min ?? 0) < 1 { break }
                reader.widenWithAlternatives(&statement)
                return salary(from: statement, source: .parsed, defaultCurrency: defaultCurrency)
            }
            searchFrom = next
        }
        return nil
    }

    /// "(Glassdoor est.)" → estimated; "Employer Provided Salary:" / "(Employer est.)" → posted.
    static func markedSource(_ bytes: [UInt8]) -> SalarySource? {
        if contains(bytes, "glassdoor est") || contains(bytes, "salarysource=estimated") { return .estimated }
        if contains(bytes, "employer provided") || contains(bytes, "employer est")
            || contains(bytes, "salarysource=employer") { return .posted }
        return nil
    }

    /// Builds the `Salary`: currency resolution, the lakh convention, the magnitude guess, nonsense checks.
    static func salary(from s: SalaryStatement, source: SalarySource, defaultCurrency: String?) -> Salary? {
        let values = [s.min, s.max].compactMap { $0 }
        guard !values.isEmpty, values.allSatisfy({ $0.isFinite && $0 >= 0 }), values.contains(where: { $0 > 0 })
        else { return nil }
        var currency = s.currency
        if currency == "$" {
            currency = defaultCurrency.flatMap { dollarCurrencies.contains($0) ? $0 : nil } ?? "USD"
        }
        if currency == nil { currency = s.isLakh ? "INR" : defaultCurrency }
        var interval = s.interval
        if interval == nil, s.isLakh { interval = .year }
        if let stated = interval {
            return Salary(currency: currency, interval: stated, min: s.min, max: s.max, source: source)
        }
        let guess = intervalSuggested(byMagnitude: values.max() ?? 0)
        return Salary(currency: currency, interval: guess, min: s.min, max: s.max, source: source,
                      unstated: true, note: "magnitude suggests \(guess.rawValue)")
    }

    /// The interval a figure with no stated unit most likely has: under 300 an hour, under 2,000 a day,
    /// under 10,000 a month, else a year (Adzuna's "10,000+" for a commis chef is a year). Weeks are never guessed.
    public static func intervalSuggested(byMagnitude value: Double) -> PayInterval {
        if value < 300 { return .hour }
        if value < 2_000 { return .day }
        if value < 10_000 { return .month }
        return .year
    }

    /// Whether `stored` is `exact` with its decimals cut off ($19.38 stored as 19); both absent counts too.
    static func truncates(_ exact: Double?, to stored: Double?) -> Bool {
        guard let exact, let stored else { return exact == nil && stored == nil }
        return exact.rounded(.down) == stored
    }

    static let dollarCurrencies: Set<String> = ["USD", "AUD", "CAD", "NZD", "SGD", "HKD", "MXN"]

    /// Position of the next currency symbol, code or lakh word at or after `from`.
    static func nextMoneyMarker(_ b: [UInt8], from: Int) -> Int? {
        b.withUnsafeBufferPointer { p in
            markerTable.withUnsafeBufferPointer { table in nextMoneyMarker(b, p, table, from: from) }
        }
    }

    private static func nextMoneyMarker(_ b: [UInt8], _ p: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>,
                                        from: Int) -> Int? {
        var i = from
        let n = p.count
        while i < n {
            // Skip the bytes that can't start a marker without the switch below (most of a description).
            while i < n, table[Int(p[i])] == 0 { i += 1 }
            guard i < n else { return nil }
            let c = b[i]
            switch c {
            case 0x24: return i
            case 0xC2 where i + 1 < n && (b[i + 1] == 0xA3 || b[i + 1] == 0xA5): return i
            case 0xE2 where i + 2 < n && b[i + 1] == 0x82 && (b[i + 2] == 0xAC || b[i + 2] == 0xB9): return i
            case 0x41...0x5A where i + 2 < n && (i == 0 || !SalaryTokenizer.isLetter(b[i - 1])):
                // Three-letter codes next to a digit: "USD 82,670", "70.000EUR".
                if i + 3 <= n, i + 3 == n || !SalaryTokenizer.isLetter(b[i + 3]),
                   isCurrencyCode(b, i), nearDigit(b, i, i + 3) { return i }
            case 0x30...0x39:
                // "5 LPA", "10-15 Lakhs", "2.25-3 Lacs": a figure followed by a lakh word.
                var j = i
                while j < n, SalaryTokenizer.isDigit(b[j]) || b[j] == 0x2E || b[j] == 0x2C || b[j] == 0x2D
                    || b[j] == 0x20, j - i < 24 { j += 1 }
                if j + 1 < n, b[j] | 0x20 == 0x6C, b[j + 1] | 0x20 == 0x61 || b[j + 1] | 0x20 == 0x70 { return i }
                i = max(i + 1, j)
                continue
            default: break
            }
            i += 1
        }
        return nil
    }

    /// Bytes that may start a money marker: `$`, lead bytes of `£ ¥ € ₹`, capitals, `l`/`L`.
    private static let markerTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in [0x24, 0xC2, 0xE2] { table[b] = 1 }
        for b in 0x30...0x39 { table[b] = 1 }
        for b in 0x41...0x5A { table[b] = 1 }
        return table
    }()

    private static func isCurrencyCode(_ b: [UInt8], _ i: Int) -> Bool {
        guard b[i + 1] >= 0x41, b[i + 1] <= 0x5A, b[i + 2] >= 0x41, b[i + 2] <= 0x5A else { return false }
        if case .currency = SalaryLexicon.classify(b, i, i + 3) { return true }
        return false
    }

    private static func nearDigit(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        if end < b.count, SalaryTokenizer.isDigit(b[end]) { return true }
        if end + 1 < b.count, b[end] == 0x20, SalaryTokenizer.isDigit(b[end + 1]) { return true }
        if start >= 1, SalaryTokenizer.isDigit(b[start - 1]) { return true }
        if start >= 2, b[start - 1] == 0x20, SalaryTokenizer.isDigit(b[start - 2]) { return true }
        return false
    }

    /// Case-insensitive ASCII search; `needle` must be lower-case.
    static func contains(_ b: [UInt8], _ needle: StaticString) -> Bool {
        firstIndex(b, needle) != nil
    }

    static func firstIndex(_ b: [UInt8], _ needle: StaticString, from: Int = 0) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard n > 0, b.count >= n else { return nil }
        let p = needle.utf8Start
        let first = p[0]
        var i = from
        while i + n <= b.count {
            if b[i] | 0x20 == first || b[i] == first {
                var k = 1
                while k < n, (b[i + k] | 0x20) == p[k] || b[i + k] == p[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// "$-5", "-5", "USD -100": a minus sign before the first figure is not pay.
    static func startsWithNegativeAmount(_ b: [UInt8]) -> Bool {
        guard let firstDigit = b.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var i = firstDigit - 1
        while i >= 0 && b[i] == 0x20 { i -= 1 }
        return i >= 0 && b[i] == UInt8(ascii: "-")
    }
}
