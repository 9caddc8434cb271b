import Foundation

/// One pay statement found in tokens: "$120K - $150K per year", "Up to £45,000", "From 21 to 35 per hour".
struct SalaryStatement {
    var first: Int
    var last: Int
    var min: Double?
    var max: Double?
    var interval: PayInterval?
    var currency: String?
    var dollarOnly = false
    var isLakh = false
    /// Something around it says the figure is not pay (bonus, 401k, revenue, /night, million).
    var notPay = false
    /// "salary", "pay", a stated unit: evidence that a description figure is pay.
    var hasPayEvidence = false
}

/// Reads pay statements from a token list.
struct SalaryStatementReader {
    let tokens: [SalaryToken]
    let bytes: [UInt8]

    /// The statement whose first amount is the number token at `index`; nil when that number can't start one.
    func statement(at index: Int) -> SalaryStatement? {
        let t = tokens[index]
        guard t.kind == .number, !t.isPercent else { return nil }
        if isNegativeSign(before: index) { return nil }
        if isFourOhOneK(index) { return nil }
        var s = SalaryStatement(first: index, last: index)
        var lo: SalaryToken? = t
        var hi: SalaryToken?
        // Prefix: currency right before; "up to", "from", "between", "to" before that.
        var p = index - 1
        // "Rs. 25000", "Rs.3,00,000": the abbreviation's dot.
        if p >= 1, tokens[p].kind == .punct, tokens[p].byte == 0x2E, tokens[p - 1].kind == .currency { p -= 1 }
        if p >= 0, tokens[p].kind == .currency, case .currency(let c) = tokens[p].lexeme {
            note(currency: c, in: &s)
            s.first = p
            p -= 1
        }
        var upTo = false, from = false
        if p >= 0, tokens[p].kind == .word {
            switch tokens[p].lexeme {
            case .to: upTo = true
                if p >= 1, tokens[p - 1].lexeme == .up { s.first = p - 1 } else { s.first = p }
            case .from: from = true; s.first = p
            default: break
            }
        }
        // "10,000+", "$80K+": a floor, not a figure.
        let orMore = index + 1 < tokens.count && tokens[index + 1].byte == 0x2B && tokens[index + 1].start == t.end
        var openEnded = false
        // After the first amount: units and currency, then a range connector and a second amount.
        var i = index + 1
        i = skipTrailers(from: i, into: &s)
        let intervalOfFirst = s.interval
        var loose = false
        var connection = connector(at: i)
        if connection == nil, let end = looseConnector(at: i) { connection = (end, true); loose = true }
        if let (connectorEnd, ok) = connection, ok {
            var j = connectorEnd
            var fillers = 0
            while j < tokens.count, fillers < 5 {
                let u = tokens[j]
                if u.kind == .currency, case .currency(let c) = u.lexeme { note(currency: c, in: &s); j += 1; continue }
                if u.kind == .word, u.lexeme == .filler || u.lexeme == .pay || u.lexeme == .up
                    || (u.lexeme == .to && tokens[j - 1].lexeme == .up) {
                    fillers += 1; j += 1; continue
                }
                break
            }
            // "7.00 to Competitive per hour", "35,000 to Negotiable": the top is not stated.
            if !loose, j < tokens.count, tokens[j].kind == .word, isOpenTop(tokens[j]) { openEnded = true }
            if j < tokens.count, tokens[j].kind == .number, !tokens[j].isPercent {
                // "23 per hour LTD to 29 per hour", "7.46 plus enhancements to 9.25 per hour": words between
                // the figures only make a range when the second is the same kind of figure a little higher.
                var second = s
                let afterSecond = skipTrailers(from: j + 1, into: &second)
                let sameUnit = intervalOfFirst == nil || second.interval == nil || second.interval == intervalOfFirst
                let plausible = tokens[j].value >= t.value && tokens[j].value <= t.value * 3
                    && tokens[j].isScaled == t.isScaled
                if !loose || (sameUnit && plausible) {
                    hi = tokens[j]
                    s = second
                    s.last = j
                    i = afterSecond
                }
            }
        }
        if s.last < i - 1 { s.last = i - 1 }
        // Values.
        if var h = hi, var l = lo {
            if h.isLarge || l.isLarge { s.notPay = true }
            // "15-25k", "10-15 Lakhs": the second amount's multiplier applies to the first.
            if h.isScaled && !l.isScaled {
                let factor = h.scale
                if l.value * factor <= h.value * 1.5 || l.value == 0 { l.value *= factor; l.isLakh = h.isLakh }
            }
            if l.isScaled && !h.isScaled && h.value < l.value && h.value * 1000 >= l.value {
                h.value *= 1000
            }
            // "30-45000": thousands left off the first figure.
            if !l.isScaled && !h.isScaled && l.value > 0 && l.value < 1000 && h.value >= 10_000
                && l.value * 1000 <= h.value * 1.5 && l.value * 1000 >= h.value / 3 {
                l.value *= 1000
            }
            s.isLakh = l.isLakh || h.isLakh
            s.min = l.value
            s.max = h.value
            lo = l
        } else if let l = lo {
            if l.isLarge { s.notPay = true }
            s.isLakh = l.isLakh
            if upTo { s.max = l.value } else if from || orMore || openEnded { s.min = l.value } else { s.min = l.value; s.max = l.value }
        }
        // A unit named before the figure: "Annual Salary Range: $76,000", "hourly rate ... is $19".
        if s.interval == nil, let prefixUnit = unitBefore(s.first) { s.interval = prefixUnit }
        if s.interval != nil { s.hasPayEvidence = true }
        return s
    }

    private func isOpenTop(_ t: SalaryToken) -> Bool {
        switch SalaryLexicon.key(bytes, t.start, t.end) {
        case SalaryLexicon.key("competitive"), SalaryLexicon.key("negotiable"), SalaryLexicon.key("neg"),
             SalaryLexicon.key("doe"), SalaryLexicon.key("tbc"), SalaryLexicon.key("tbd"), SalaryLexicon.key("depending"):
            return true
        default: return false
        }
    }

    /// A unit a little after the statement in a salary field: "60,000 to 65,000. per year", "7.00 to Competitive
    /// per hour", "25,000 + Bonus per year". Stops at the next figure.
    func unitLater(after last: Int) -> PayInterval? {
        var j = last + 1
        while j < tokens.count, j <= last + 8 {
            let t = tokens[j]
            if t.kind == .number { return nil }
            // "per year", "a year", "/yr".
            if t.lexeme == .per || (t.kind == .punct && t.byte == 0x2F), j + 1 < tokens.count,
               case .unit(let u) = tokens[j + 1].lexeme { return u }
            if t.kind == .word, case .unit(let u) = t.lexeme, t.end - t.start >= 5 { return u }  // "annum", "hourly"
            j += 1
        }
        return nil
    }

    private func note(currency c: String, in s: inout SalaryStatement) {
        if c == "$" {
            if s.currency == nil { s.dollarOnly = true; s.currency = "$" }
        } else if s.currency == nil || s.currency == "$" {
            s.currency = c
            s.dollarOnly = false
        }
    }

    /// A dash glued to the number at the start of the text or after a non-number: "-1".
    private func isNegativeSign(before index: Int) -> Bool {
        guard index >= 1, tokens[index - 1].kind == .dash, tokens[index - 1].end == tokens[index].start else {
            return false
        }
        if index >= 2 {
            let prev = tokens[index - 2]
            if prev.kind == .number || prev.kind == .word || prev.kind == .currency { return false }
        }
        return true
    }

    /// "401k", "401(k)".
    private func isFourOhOneK(_ index: Int) -> Bool {
        let t = tokens[index]
        if t.isScaled && t.value == 401_000 { return true }
        guard t.value == 401, index + 2 < tokens.count else { return false }
        return tokens[index + 1].byte == 0x28 && tokens[index + 2].end - tokens[index + 2].start == 1
            && (bytes[tokens[index + 2].start] | 0x20) == 0x6B
    }

    /// Skips units ("per hour", "/yr", "p.a.", "a year"), currency codes and "USD" after an amount.
    private func skipTrailers(from start: Int, into s: inout SalaryStatement) -> Int {
        var i = start
        var steps = 0
        while i < tokens.count, steps < 6 {
            steps += 1
            let t = tokens[i]
            switch t.kind {
            case .currency:
                if case .currency(let c) = t.lexeme { note(currency: c, in: &s) }
                i += 1
                continue
            case .punct where t.byte == 0x2F:  // "/"
                if i + 1 < tokens.count, tokens[i + 1].kind == .word {
                    if case .unit(let u) = unitWord(i + 1) { s.interval = s.interval ?? u; i += 2 + unitExtra(i + 1); continue }
                    if tokens[i + 1].lexeme == .notPay { s.notPay = true }
                }
                return i
            case .punct where t.byte == 0x22 || (t.byte == 0x3F && !isSentenceEnd(t)):  // quote, lost character
                i += 1
                continue
            case .word:
                if case .unit(let u) = unitWord(i) { s.interval = s.interval ?? u; i += 1 + unitExtra(i); continue }
                if t.lexeme == .per, i + 1 < tokens.count {
                    if case .unit(let u) = unitWord(i + 1) { s.interval = s.interval ?? u; i += 2 + unitExtra(i + 1); continue }
                    if tokens[i + 1].lexeme == .notPay { s.notPay = true }
                    return i
                }
                if t.lexeme == .filler && t.end - t.start == 2 { i += 1; continue }  // "UK Pounds", "US dollars"
                return i
            default:
                return i
            }
        }
        return i
    }

    /// The unit a word (or "p/h", "p.a.", "p/hr") names.
    private func unitWord(_ i: Int) -> SalaryLexeme {
        let t = tokens[i]
        if case .unit = t.lexeme { return t.lexeme }
        let len = t.end - t.start
        if len == 1, bytes[t.start] | 0x20 == 0x70, i + 2 < tokens.count, tokens[i + 1].kind == .punct,
           tokens[i + 1].byte == 0x2F || tokens[i + 1].byte == 0x2E, tokens[i + 2].kind == .word {
            let u = tokens[i + 2]
            let c = bytes[u.start] | 0x20
            switch c {
            case 0x61: return .unit(.year)
            case 0x68: return .unit(.hour)
            case 0x64: return .unit(.day)
            case 0x77: return .unit(.week)
            case 0x6D: return .unit(.month)
            default: return .other
            }
        }
        if len == 1 {
            switch bytes[t.start] | 0x20 {
            case 0x68: return .unit(.hour)
            case 0x64: return .unit(.day)
            default: return .other
            }
        }
        return .other
    }

    /// Extra tokens a "p/h" or "p.a." unit spans.
    private func unitExtra(_ i: Int) -> Int {
        if case .unit = tokens[i].lexeme { return 0 }
        if tokens[i].end - tokens[i].start == 1, i + 2 < tokens.count, tokens[i + 1].kind == .punct { return 2 }
        return 0
    }

    /// A range connector at `i`: dash, "to", "and", "-", or a comma between two quoted amounts.
    private func connector(at i: Int) -> (Int, Bool)? {
        guard i < tokens.count else { return nil }
        let t = tokens[i]
        if t.kind == .dash { return (i + 1, true) }
        if t.kind == .word, t.lexeme == .to || t.lexeme == .and { return (i + 1, true) }
        if t.kind == .punct, t.byte == 0x2C, i + 1 < tokens.count {
            // ["$150,000.00/yr", "$180,000.00/yr"]: a comma between quoted items.
            let prev = tokens[i - 1], next = tokens[i + 1]
            if prev.byte == 0x22 && next.byte == 0x22 { return (i + 2, true) }
        }
        return nil
    }

    /// "LTD to", "plus enhancements to": one or two plain words, then "to"; the index after "to".
    private func looseConnector(at i: Int) -> Int? {
        var k = i
        while k < tokens.count, k < i + 2, tokens[k].kind == .word, tokens[k].lexeme != .to {
            switch tokens[k].lexeme {
            case .other, .plus, .filler: k += 1
            default: return nil
            }
        }
        guard k > i, k < tokens.count, tokens[k].kind == .word, tokens[k].lexeme == .to else { return nil }
        return k + 1
    }

    /// "annual", "hourly", "monthly" … within the few words before the statement, same sentence.
    private func unitBefore(_ first: Int) -> PayInterval? {
        var i = first - 1
        var steps = 0
        while i >= 0, steps < 10 {
            let t = tokens[i]
            if isSentenceEnd(t) { return nil }
            if t.kind == .number { return nil }
            if t.kind == .word, case .unit(let u) = t.lexeme {
                let len = t.end - t.start
                // Only adjectives ("annual", "hourly") count before a figure, not "years" of something.
                if len >= 5, bytes[t.end - 1] | 0x20 == 0x6C || bytes[t.end - 1] | 0x20 == 0x79 { return u }
            }
            i -= 1
            steps += 1
        }
        return nil
    }

    func isSentenceEnd(_ t: SalaryToken) -> Bool {
        guard t.kind == .punct else { return false }
        switch t.byte {
        case 0x2E:  // "." followed by space or a capital (not "Sr.", not a decimal: numbers eat those)
            let n = t.end < bytes.count ? bytes[t.end] : 0x20
            return n == 0x20 || n == 0x0A || (n >= 0x41 && n <= 0x5A)
        case 0x3F:  // "?" ends a sentence only before a space; cp1252 text shows lost characters as "?"
            return t.end >= bytes.count || bytes[t.end] == 0x20 || bytes[t.end] == 0x0A
        case 0x21, 0x3B, 0x7C: return true
        default: return false
        }
    }

    private func isWord(_ t: SalaryToken, _ word: StaticString) -> Bool {
        guard t.kind == .word, t.end - t.start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in (0..<w.count).allSatisfy { bytes[t.start + $0] | 0x20 == w[$0] } }
    }

    /// Context words: the nearest pay / not-pay word before the statement and right after it.
    func judgeContext(_ s: inout SalaryStatement) {
        var i = s.first - 1
        var steps = 0
        while i >= 0, steps < 12 {
            let t = tokens[i]
            if isSentenceEnd(t) { break }
            if t.kind == .word {
                if t.lexeme == .pay { s.hasPayEvidence = true; break }
                if t.lexeme == .notPay { s.notPay = true; break }
                if t.lexeme == .large { s.notPay = true; break }
            }
            if t.kind == .number, t.value == 401 || t.value == 401_000 { s.notPay = true; break }
            i -= 1
            steps += 1
        }
        var j = s.last + 1
        steps = 0
        var closeAfter = true
        while j < tokens.count, steps < 8 {
            let t = tokens[j]
            if isSentenceEnd(t) { break }
            if t.kind == .punct && t.byte == 0x2B { closeAfter = false }  // "+ bonus" is extra, not the figure
            if t.kind == .word {
                if t.lexeme == .and || t.lexeme == .plus { closeAfter = false }
                if t.lexeme == .large { s.notPay = true; break }
                if t.lexeme == .pay { s.hasPayEvidence = true; closeAfter = false }
                // "$25 gift card", "$5,000 sign-on bonus"; a figure with its own unit keeps it
                // ("20000/annum 20 Bonus per sign up", "14.39 - 17.55/hour Shift Allowance").
                if t.lexeme == .notPay, closeAfter, steps < 2, s.interval == nil { s.notPay = true; break }
                // "up to $1,600 a year for reimbursement of …": what the money is for, even with a unit.
                if t.lexeme == .notPay, closeAfter, steps < 3, j >= 1, isWord(tokens[j - 1], "for") {
                    s.notPay = true
                    break
                }
                if case .unit = t.lexeme, steps < 4 {
                    let len = t.end - t.start
                    if len >= 5 { s.hasPayEvidence = true }
                }
            }
            j += 1
            steps += 1
        }
    }

    /// "*11.22 per hour (Level 2 Coach) *13.33 per hour (Club Coach)": rates for several grades in one salary field
    /// are reported as the band. Only figures with the same stated unit and currency, and nothing between them that
    /// makes the next one extra pay ("+", "plus", "OTE", "bonus").
    func widenWithOtherRates(_ s: inout SalaryStatement) {
        guard let unit = s.interval, var lo = s.min, var hi = s.max else { return }
        var k = s.last + 1
        while k < tokens.count {
            let t = tokens[k]
            switch t.kind {
            case .number:
                guard let other = statement(at: k) else { k += 1; continue }
                // A rate has money or "per"/"/" ("13.33 per hour"); "40 hours per week" is a quantity of hours.
                let rateForm = other.currency != nil
                    || (k + 1 < tokens.count && (tokens[k + 1].lexeme == .per || tokens[k + 1].byte == 0x2F))
                guard other.interval != nil, rateForm else { k = other.last + 1; continue }  // "Level 2"
                guard other.interval == unit, !other.notPay, other.currency == nil || s.currency == nil
                        || other.currency == s.currency, let olo = other.min, let ohi = other.max else { return }
                var judged = other
                judgeContext(&judged)
                if judged.notPay { return }
                lo = Swift.min(lo, olo)
                hi = Swift.max(hi, ohi)
                s.min = lo
                s.max = hi
                s.last = other.last
                k = other.last + 1
            case .word where t.lexeme == .plus || t.lexeme == .notPay || t.lexeme == .pay || t.lexeme == .large:
                return
            case .punct where t.byte == 0x2B:
                return
            default:
                k += 1
            }
        }
    }

    /// "$126,000 - $148,000 (CA, NY, WA) and $110,000 - $130,000 (other …)": ranges by location are reported
    /// as the overall band.
    func widenWithAlternatives(_ s: inout SalaryStatement) {
        guard let lo = s.min, let hi = s.max, lo != hi else { return }
        var i = s.last + 1
        guard i < tokens.count, tokens[i].byte == 0x28 else { return }
        var steps = 0
        while i < tokens.count, tokens[i].byte != 0x29, steps < 12 { i += 1; steps += 1 }
        i += 1
        guard i + 1 < tokens.count, tokens[i].lexeme == .and || tokens[i].lexeme == .or else { return }
        i += 1
        if tokens[i].kind == .currency { i += 1 }
        guard i < tokens.count, tokens[i].kind == .number, let other = statement(at: i),
              let olo = other.min, let ohi = other.max, other.currency == nil || other.currency == s.currency
        else { return }
        s.min = Swift.min(lo, olo)
        s.max = Swift.max(hi, ohi)
        s.last = other.last
    }
}
