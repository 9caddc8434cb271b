import Foundation

/// What a word means to the salary parser.
enum SalaryLexeme: Equatable, Sendable {
    case unit(PayInterval)
    /// "per", "a", "an": may introduce a unit.
    case per
    case to, and, or, between, from, up
    /// "plus", "with": what follows is extra, not the figure ("$40K base with $60k OTE").
    case plus
    /// Words allowed between a range connector and the second amount ("to maximum salary of").
    case filler
    case currency(String)
    /// Evidence that a figure is pay ("salary", "compensation", "OTE").
    case pay
    /// Evidence that a figure is not pay (401k match, revenue, gift card, insurance).
    case notPay
    /// Magnitudes that are not pay-sized ("million", "billion").
    case large
    case other
}

/// One token of salary text; offsets are into the scanned UTF-8 bytes.
struct SalaryToken: Sendable {
    enum Kind: UInt8, Sendable { case number, currency, dash, word, punct }

    var kind: Kind
    var start: Int
    var end: Int
    /// Numbers: the value with any multiplier suffix (k, lakh) applied.
    var value: Double = 0
    /// Numbers: the multiplier a suffix applied (k = 1,000, lakh = 100,000, crore = 10,000,000), else 1.
    var scale: Double = 1
    var isScaled: Bool { scale != 1 }
    /// Numbers: followed by "M", "million", "billion": not pay-sized.
    var isLarge = false
    /// Numbers: a lakh suffix ("LPA", "lacs"), which implies INR per year.
    var isLakh = false
    /// Numbers: directly followed by "%".
    var isPercent = false
    /// Words and currency symbols.
    var lexeme: SalaryLexeme = .other
    /// Punctuation: the byte.
    var byte: UInt8 = 0
}

/// Turns UTF-8 bytes into salary tokens: numbers with thousands/decimal separators resolved,
/// currency symbols and codes, dashes of every kind, words classified by `SalaryLexicon`.
struct SalaryTokenizer {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Bytes of `text` with Markdown escapes (`\.`, `\-`) removed.
    static func bytes(of text: String) -> [UInt8] {
        let raw = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
        let hasBackslash = raw.withUnsafeBufferPointer { p in
            p.baseAddress.map { memchr($0, 0x5C, p.count) != nil } ?? false
        }
        guard hasBackslash else { return raw }
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var escaped = false
        for b in raw {
            if escaped {
                escaped = false
                if isASCIIPunct(b) { out.append(b); continue }
                out.append(0x5C)
            }
            if b == 0x5C { escaped = true; continue }
            out.append(b)
        }
        if escaped { out.append(0x5C) }
        return out
    }

    static func isASCIIPunct(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Tokens of bytes[from..<to].
    func tokens(from: Int = 0, to: Int? = nil) -> [SalaryToken] {
        let end = to ?? bytes.count
        var out = [SalaryToken]()
        out.reserveCapacity(16)
        var i = from
        while i < end {
            let b = bytes[i]
            if Self.isDigit(b) {
                let token = number(at: i, end: end)
                out.append(token)
                i = token.end
                continue
            }
            if Self.isLetter(b) {
                var j = i + 1
                while j < end, Self.isLetter(bytes[j]) { j += 1 }
                if j < end, bytes[j] == 0x24, let code = SalaryLexicon.dollarPrefix(bytes, i, j) {
                    out.append(SalaryToken(kind: .currency, start: i, end: j + 1, lexeme: .currency(code)))
                    i = j + 1
                    continue
                }
                let lexeme = SalaryLexicon.classify(bytes, i, j)
                if case .currency = lexeme {
                    out.append(SalaryToken(kind: .currency, start: i, end: j, lexeme: lexeme))
                } else {
                    out.append(SalaryToken(kind: .word, start: i, end: j, lexeme: lexeme))
                }
                i = j
                continue
            }
            switch b {
            case 0x24:
                out.append(SalaryToken(kind: .currency, start: i, end: i + 1, lexeme: .currency("$")))
                i += 1
            case 0x2D, 0x7E:
                out.append(SalaryToken(kind: .dash, start: i, end: i + 1))
                i += 1
            case 0xC2 where i + 1 < end && (bytes[i + 1] == 0xA3 || bytes[i + 1] == 0xA5):
                let code = bytes[i + 1] == 0xA3 ? "GBP" : "JPY"
                out.append(SalaryToken(kind: .currency, start: i, end: i + 2, lexeme: .currency(code)))
                i += 2
            case 0xE2 where i + 2 < end:
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if b1 == 0x82 && b2 == 0xAC {
                    out.append(SalaryToken(kind: .currency, start: i, end: i + 3, lexeme: .currency("EUR")))
                } else if b1 == 0x82 && b2 == 0xB9 {
                    out.append(SalaryToken(kind: .currency, start: i, end: i + 3, lexeme: .currency("INR")))
                } else if (b1 == 0x80 && b2 >= 0x92 && b2 <= 0x95) || (b1 == 0x88 && b2 == 0x92) {
                    out.append(SalaryToken(kind: .dash, start: i, end: i + 3))
                }
                i += 3
            case 0x20, 0x09, 0x0A, 0x0D:
                i += 1
            default:
                if b < 0x80 {
                    out.append(SalaryToken(kind: .punct, start: i, end: i + 1, byte: b))
                    i += 1
                } else {
                    // Other non-ASCII scalar: skip its bytes (quotes, NBSP and the like separate words).
                    i += 1
                    while i < end, bytes[i] & 0xC0 == 0x80 { i += 1 }
                }
            }
        }
        return out
    }

    /// A thin or non-breaking space, or a Swiss apostrophe ("CHF 110'000", "110’000"), used as a thousands
    /// separator: returns its byte length.
    private func spaceSeparatorLength(at i: Int, end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || b == 0x27 { return 1 }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF || bytes[i + 2] == 0x89 { return 3 }
        return 0
    }

    /// Reads a number with separators and an optional multiplier suffix.
    func number(at start: Int, end: Int) -> SalaryToken {
        // Integer digits and the separators seen, with the count of digits after each.
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var seps: [(sep: UInt8, at: Int)] = []  // `at` = index in digits where the group after it starts
        var i = start
        while i < end {
            let b = bytes[i]
            if Self.isDigit(b) { digits.append(b); i += 1; continue }
            if b == 0x2C || b == 0x2E {
                if i + 1 < end, Self.isDigit(bytes[i + 1]) {
                    seps.append((b, digits.count)); i += 1; continue
                }
                break
            }
            let spaceLength = spaceSeparatorLength(at: i, end: end)
            if spaceLength > 0, seps.allSatisfy({ $0.sep == 0x20 }) {
                // "60 000": a space followed by exactly three digits and no more.
                let j = i + spaceLength
                if j + 2 < end, Self.isDigit(bytes[j]), Self.isDigit(bytes[j + 1]), Self.isDigit(bytes[j + 2]),
                   j + 3 >= end || !Self.isDigit(bytes[j + 3]), digits.count - (seps.last?.at ?? 0) <= 3 {
                    seps.append((0x20, digits.count)); i = j; continue
                }
            }
            break
        }
        var token = SalaryToken(kind: .number, start: start, end: i)
        token.value = Self.interpret(digits, seps)
        // Suffixes: "%", "k", "lakh", "LPA", "M", "million".
        var j = i
        if j < end, bytes[j] == 0x25 { token.isPercent = true; return token }
        if j < end, bytes[j] == 0x20, j + 1 < end, Self.isLetter(bytes[j + 1]) { j += 1 }
        if j < end, Self.isLetter(bytes[j]) {
            var k = j + 1
            while k < end, Self.isLetter(bytes[k]) { k += 1 }
            let attached = j == i
            switch SalaryLexicon.suffix(bytes, j, k, attached: attached) {
            case .thousand: token.scale = 1000
            case .lakh: token.scale = 100_000; token.isLakh = true
            case .crore: token.scale = 10_000_000; token.isLakh = true
            case .large: token.isLarge = true
            case .none: break
            }
            if token.isScaled || token.isLarge {
                token.value *= token.scale
                token.end = k
            }
        }
        return token
    }

    /// Resolves separators: the last one is a decimal point unless it is followed by exactly three digits
    /// and no other separator kind came before ("60.000" = 60000, "60.000,00" = 60000, "82,670.00" = 82670).
    static func interpret(_ digits: [UInt8], _ seps: [(sep: UInt8, at: Int)]) -> Double {
        var decimalAt = -1
        if let last = seps.last, last.sep != 0x20 {
            let after = digits.count - last.at
            let mixed = seps.contains { $0.sep != last.sep }
            let repeated = seps.filter { $0.sep == last.sep }.count > 1
            if mixed || (after != 3 && !repeated) { decimalAt = last.at }
        }
        var value = 0.0
        var scale = 0.1
        for (n, d) in digits.enumerated() {
            let v = Double(d - 0x30)
            if decimalAt >= 0 && n >= decimalAt {
                value += v * scale
                scale /= 10
            } else {
                value = value * 10 + v
            }
        }
        return (value * 100).rounded() / 100 == value ? value : (value * 1_000_000).rounded() / 1_000_000
    }
}
