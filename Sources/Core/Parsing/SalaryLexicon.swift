import Foundation

/// The words the salary parser knows, looked up by a packed key (no String allocation per word).
enum SalaryLexicon {
    enum Suffix { case thousand, lakh, crore, large, none }

    /// Key for a word: up to its first 7 lower-cased ASCII bytes plus its length.
    @inline(__always) static func key(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        var k: UInt64 = 0
        var i = start
        while i < end && i < start + 7 {
            k = (k << 8) | UInt64(bytes[i] | 0x20)
            i += 1
        }
        return k | (UInt64(min(end - start, 255)) << 56)
    }

    static func key(_ word: String) -> UInt64 {
        // `key(bytes, 0, count)` without copying the bytes.
        var k: UInt64 = 0
        var length = 0
        for byte in word.utf8 {
            if length < 7 { k = (k << 8) | UInt64(byte | 0x20) }
            length += 1
        }
        return k | (UInt64(min(length, 255)) << 56)
    }

    static func classify(_ bytes: [UInt8], _ start: Int, _ end: Int) -> SalaryLexeme {
        if end - start == 3, isUpper(bytes, start, end), let code = codes[key(bytes, start, end)] {
            return .currency(code)
        }
        return wordTable[key(bytes, start, end)] ?? .other
    }

    private static func isUpper(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        for i in start..<end where bytes[i] < 0x41 || bytes[i] > 0x5A { return false }
        return true
    }

    /// "US$", "A$", "C$", "R$" …: the code the prefix gives the dollar sign.
    static func dollarPrefix(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        dollarPrefixes[key(bytes, start, end)]
    }

    /// A multiplier right after a number ("130K", "5 LPA", "10-15 Lakhs", "$181M", "$1B").
    static func suffix(_ bytes: [UInt8], _ start: Int, _ end: Int, attached: Bool) -> Suffix {
        switch key(bytes, start, end) {
        case key("k"): return .thousand
        case key("lakh"), key("lakhs"), key("lac"), key("lacs"), key("lpa"), key("l"): return .lakh
        case key("crore"), key("crores"), key("cr"): return .crore
        case key("million"), key("billion"), key("bn"), key("mn"), key("mm"), key("trillion"): return .large
        case key("m") where attached, key("b") where attached, key("t") where attached: return .large  // "$1B"
        default: return .none
        }
    }

    private static let codes: [UInt64: String] = {
        var d = [UInt64: String]()
        for c in ["USD", "GBP", "EUR", "INR", "AUD", "CAD", "NZD", "SGD", "HKD", "JPY", "CHF", "BRL", "MXN", "ZAR",
                  "SEK", "NOK", "DKK", "PLN", "CNY", "AED", "ILS", "CZK", "HUF", "RON", "PHP", "MYR", "KRW"] {
            d[key(c)] = c
        }
        return d
    }()

    private static let dollarPrefixes: [UInt64: String] = [
        key("US"): "USD", key("A"): "AUD", key("AU"): "AUD", key("C"): "CAD", key("CA"): "CAD",
        key("NZ"): "NZD", key("S"): "SGD", key("SG"): "SGD", key("HK"): "HKD", key("R"): "BRL", key("MX"): "MXN",
    ]

    /// `words` as an open-addressing table: looked up for every word the salary scanner meets.
    private static let wordTable = PackedKeyTable(words)

    private static let words: [UInt64: SalaryLexeme] = {
        var d = [UInt64: SalaryLexeme]()
        func add(_ lexeme: SalaryLexeme, _ list: [String]) { for w in list { d[key(w)] = lexeme } }
        add(.unit(.hour), ["hour", "hours", "hourly", "hr", "hrs", "ph", "hrly", "stunde"])
        add(.unit(.day), ["day", "days", "daily", "diem", "tag"])
        add(.unit(.week), ["week", "weeks", "weekly", "wk", "wks", "pw"])
        add(.unit(.month), ["month", "months", "monthly", "mo", "mos", "mth", "mths", "pcm", "monat", "monthy"])
        add(.unit(.year), ["year", "years", "yearly", "yr", "yrs", "annum", "annual", "annually", "pa", "annualized",
                           "annualised", "jahr", "jährlich", "lpa"])
        add(.per, ["per", "a", "an", "each"])
        add(.to, ["to", "until", "bis", "upto"])  // "Upto 9 per hour" (Adzuna): "up to" as one word
        add(.and, ["and"])
        add(.or, ["or"])
        add(.plus, ["plus", "with"])
        add(.between, ["between"])
        add(.from, ["from", "starting", "ab"])
        add(.up, ["up"])
        add(.filler, ["max", "maximum", "of", "the", "salary", "uk", "us", "gross", "base", "brutto", "approx",
                      "approximately", "around", "about", "c", "ca"])
        add(.currency("GBP"), ["pounds", "pound", "sterling", "gbp"])
        add(.currency("EUR"), ["euro", "euros", "eur"])
        add(.currency("$"), ["dollars", "dollar"])
        add(.currency("INR"), ["rupees", "rupee", "rs", "inr"])
        add(.currency("USD"), ["usd"])
        add(.pay, ["salary", "salaries", "pay", "compensation", "comp", "wage", "wages", "rate", "rates", "earnings",
                   "ote", "income", "remuneration", "stipend", "range", "base", "gehalt", "bruttogehalt", "ctc",
                   "paid", "earn", "hiring", "package", "payrate", "salario", "paying"])
        add(.notPay, ["match", "matching", "revenue", "revenues", "raised", "funding", "bonus", "bonuses", "referral",
                      "gift", "tuition", "reimbursement", "reimbursed", "insurance", "coverage", "contribution",
                      "contributions", "savings", "night", "nights", "discount", "relocation", "valuation",
                      "customers", "expenditures", "budget", "sales", "invested", "investment", "sign", "signing",
                      "retention", "credit", "credits", "allowance", "fee", "fees", "deposit", "donation", "prize",
                      "award", "grant", "equity", "stock", "rsu", "rsus", "commission", "tips", "save", "saves"])
        add(.large, ["million", "billion", "trillion"])
        return d
    }()
}

/// A fixed map from packed word keys (`SalaryLexicon.key`) to values: open addressing with a multiplicative hash,
/// the same answers as the dictionary it is built from, without hashing through `Hasher`.
struct PackedKeyTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value?]
    private let shift: UInt64

    init(_ dictionary: [UInt64: Value]) {
        var bits: UInt64 = 4
        while (1 << bits) < dictionary.count * 4 { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: size)
        var values = [Value?](repeating: nil, count: size)
        let shift = 64 - bits
        for (key, value) in dictionary {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while values[slot] != nil { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.shift = shift
    }

    subscript(key: UInt64) -> Value? {
        let mask = keys.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while let value = values[slot] {
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
