import Foundation

/// When a posting was published, from the forms platforms use, by scanning the UTF-8 bytes.
///
/// - ISO 8601 dates and datetimes anywhere in the text ("2025-05-15", "2024-12-17T04:08:47Z",
///   "2026-02-24T23:01:29.697567", "2024-07-05T12:36:32.000+02:00"); no zone means UTC.
/// - US dates "05/13/2024" (month first), "2024/05/01" (year first).
/// - Month names: "May 1, 2024", "1 May 2024", "Posted on September 3rd, 2024", RFC 2822 dates (the day; the time
///   of day is dropped); with no year ("Dec 3") the latest such day not after `now`.
/// - Epoch seconds or milliseconds as a number or numeric string, also in scientific notation
///   ("1.71354E+12", as spreadsheets mangle them; the precision lost stays lost).
/// - Relative to `now`: "Today", "Just posted", "Just Now", "Yesterday", "N minutes/hours/days/weeks/months ago",
///   "an hour ago", "a day ago",
///   "1h ago", "30+ days ago" (→ 30 days: the earliest the text allows us to say), "ageInDays=39",
///   with whatever prefix scrapers leave ("PostedPosted 3 days ago", "EmployerActive 3 days ago").
///   A month is 30 days, a year 365.
public enum PostedDateParser {
    /// ISO dates, epoch seconds/millis, "Today", "3 days ago", "30+ days ago" against `now`.
    public static func parse(_ text: String, now: Date) -> Date? {
        let b = Array(text.utf8)
        guard b.contains(where: { $0 > 0x20 }) else { return nil }
        if let iso = isoDate(b) { return iso }
        if let us = slashDate(b, yearFirst: false) { return us }
        if let slashed = slashDate(b, yearFirst: true) { return slashed }
        if let epoch = epoch(b) { return epoch }
        if let named = namedMonthDate(b, now: now) { return named }
        return relative(b, now: now)
    }

    // MARK: Absolute dates

    private static func digits(_ b: [UInt8], _ i: Int, _ n: Int) -> Int? {
        guard i >= 0, i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard SalaryTokenizer.isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }

    /// The first `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:]MM]` in the text.
    private static func isoDate(_ b: [UInt8]) -> Date? {
        var i = 0
        while i + 10 <= b.count {
            if (i == 0 || !SalaryTokenizer.isDigit(b[i - 1])), b[i + 4] == 0x2D, b[i + 7] == 0x2D,
               let y = digits(b, i, 4), let m = digits(b, i + 5, 2), let d = digits(b, i + 8, 2),
               (1...12).contains(m), (1...31).contains(d), i + 10 == b.count || !SalaryTokenizer.isDigit(b[i + 10]) {
                var seconds = Double(daysFromCivil(y, m, d)) * 86_400
                var j = i + 10
                if j + 5 < b.count + 0, j < b.count, b[j] == 0x54 || b[j] == 0x20, let hh = digits(b, j + 1, 2),
                   j + 3 < b.count, b[j + 3] == 0x3A, let mm = digits(b, j + 4, 2) {
                    seconds += Double(hh * 3600 + mm * 60)
                    j += 6
                    if j < b.count, b[j] == 0x3A, let ss = digits(b, j + 1, 2) {
                        seconds += Double(ss)
                        j += 3
                        if j < b.count, b[j] == 0x2E || b[j] == 0x2C {
                            j += 1
                            var scale = 0.1
                            while j < b.count, SalaryTokenizer.isDigit(b[j]) {
                                seconds += Double(b[j] - 0x30) * scale
                                scale /= 10
                                j += 1
                            }
                        }
                    }
                    if j < b.count, b[j] == 0x2B || b[j] == 0x2D, let oh = digits(b, j + 1, 2) {
                        var om = 0
                        if let m2 = digits(b, j + 3, 2) { om = m2 } else if j + 3 < b.count, b[j + 3] == 0x3A,
                                                                          let m3 = digits(b, j + 4, 2) { om = m3 }
                        let offset = Double(oh * 3600 + om * 60)
                        seconds += b[j] == 0x2B ? -offset : offset
                    }
                }
                return Date(timeIntervalSince1970: seconds)
            }
            i += 1
        }
        return nil
    }

    /// "05/13/2024" (month/day/year) or, `yearFirst`, "2024/05/01" (year/month/day).
    private static func slashDate(_ b: [UInt8], yearFirst: Bool) -> Date? {
        let (s1, s2) = yearFirst ? (4, 7) : (2, 5)
        var i = 0
        while i + 10 <= b.count {
            if (i == 0 || !SalaryTokenizer.isDigit(b[i - 1])), b[i + s1] == 0x2F, b[i + s2] == 0x2F,
               i + 10 == b.count || !SalaryTokenizer.isDigit(b[i + 10]) || !yearFirst {
                let fields = yearFirst ? (digits(b, i, 4), digits(b, i + 5, 2), digits(b, i + 8, 2))
                                       : (digits(b, i + 6, 4), digits(b, i, 2), digits(b, i + 3, 2))
                if let y = fields.0, let m = fields.1, let d = fields.2, (1...12).contains(m), (1...31).contains(d) {
                    return Date(timeIntervalSince1970: Double(daysFromCivil(y, m, d)) * 86_400)
                }
            }
            i += 1
        }
        return nil
    }

    /// "May 1, 2024", "1 May 2024", "Mon, 13 May 2024 10:00:00 GMT", "Posted Dec 3" (no year: the latest
    /// such day not after `now`). A month name counts only next to a day number.
    private static func namedMonthDate(_ b: [UInt8], now: Date) -> Date? {
        // Words and numbers, in order.
        var tokens: [(isNumber: Bool, value: Int, start: Int, end: Int)] = []
        var i = 0
        while i < b.count {
            if SalaryTokenizer.isDigit(b[i]) {
                var j = i, v = 0
                while j < b.count, SalaryTokenizer.isDigit(b[j]), j - i < 5 { v = v * 10 + Int(b[j] - 0x30); j += 1 }
                while j < b.count, SalaryTokenizer.isDigit(b[j]) { j += 1 }
                // "1st", "2nd", "3rd", "13th".
                var k = j
                while k < b.count, SalaryTokenizer.isLetter(b[k]), k - j < 2 { k += 1 }
                let suffix = SalaryLexicon.key(b, j, k)
                if k > j, [SalaryLexicon.key("st"), SalaryLexicon.key("nd"), SalaryLexicon.key("rd"),
                           SalaryLexicon.key("th")].contains(suffix), k == b.count || !SalaryTokenizer.isLetter(b[k]) {
                    j = k
                }
                tokens.append((true, v, i, j))
                i = j
            } else if SalaryTokenizer.isLetter(b[i]) {
                var j = i
                while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
                tokens.append((false, 0, i, j))
                i = j
            } else {
                i += 1
            }
        }
        for (index, token) in tokens.enumerated() where !token.isNumber {
            guard let month = monthNumbers[SalaryLexicon.key(b, token.start, token.end)] else { continue }
            var day: Int?
            var year: Int?
            var next = index + 1
            if next < tokens.count, tokens[next].isNumber, (1...31).contains(tokens[next].value),
               tokens[next].end - tokens[next].start <= 4 {
                day = tokens[next].value  // "May 1, 2024"
                next += 1
            } else if index >= 1, tokens[index - 1].isNumber, (1...31).contains(tokens[index - 1].value) {
                day = tokens[index - 1].value  // "1 May 2024"
            }
            guard let day else { continue }
            if next < tokens.count, tokens[next].isNumber, tokens[next].end - tokens[next].start == 4,
               (1970...2100).contains(tokens[next].value) {
                year = tokens[next].value
            }
            let calendarDay = { (y: Int) in Double(daysFromCivil(y, month, day)) * 86_400 }
            if let year { return Date(timeIntervalSince1970: calendarDay(year)) }
            let nowYear = UTCCalendar.parts(now).year
            let thisYear = calendarDay(nowYear)
            return Date(timeIntervalSince1970: thisYear <= now.timeIntervalSince1970 ? thisYear : calendarDay(nowYear - 1))
        }
        return nil
    }

    private static let monthNumbers: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        let names = [["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"],
                     ["jun", "june"], ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"],
                     ["oct", "october"], ["nov", "november"], ["dec", "december"]]
        for (index, group) in names.enumerated() {
            for name in group { table[SalaryLexicon.key(name)] = index + 1 }
        }
        return table
    }()

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The whole text is a number: seconds below 1e11, milliseconds above.
    private static func epoch(_ b: [UInt8]) -> Date? {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x22 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x22 || b[e - 1] == 0x0A || b[e - 1] == 0x0D { e -= 1 }
        guard e > s, SalaryTokenizer.isDigit(b[s]) else { return nil }
        for k in s..<e {
            let c = b[k]
            guard SalaryTokenizer.isDigit(c) || c == 0x2E || c == 0x45 || c == 0x65 || c == 0x2B || c == 0x2D else {
                return nil
            }
        }
        guard let v = Double(String(decoding: b[s..<e], as: UTF8.self)), v.isFinite, v > 0 else { return nil }
        let seconds = v >= 1e11 ? v / 1000 : v
        guard seconds >= 1e8, seconds < 1e10 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    // MARK: Relative

    private static func relative(_ b: [UInt8], now: Date) -> Date? {
        if let at = SalaryParser.firstIndex(b, "ageindays=") {
            var j = at + 10, v = 0.0, any = false
            while j < b.count, SalaryTokenizer.isDigit(b[j]) { v = v * 10 + Double(b[j] - 0x30); j += 1; any = true }
            return any ? now.addingTimeInterval(-v * 86_400) : nil
        }
        if SalaryParser.contains(b, "yesterday") { return now.addingTimeInterval(-86_400) }
        // "N unit(s) ago", "30+ days ago", "1h ago".
        var i = 0
        while i < b.count {
            guard SalaryTokenizer.isDigit(b[i]), i == 0 || !SalaryTokenizer.isDigit(b[i - 1]) else { i += 1; continue }
            var j = i, v = 0.0
            while j < b.count, SalaryTokenizer.isDigit(b[j]) { v = v * 10 + Double(b[j] - 0x30); j += 1 }
            if j < b.count, b[j] == 0x2B { j += 1 }
            while j < b.count, b[j] == 0x20 { j += 1 }
            var k = j
            while k < b.count, SalaryTokenizer.isLetter(b[k]) { k += 1 }
            if k > j, let unit = unitSeconds(b, j, k) {
                var after = k
                while after < b.count, b[after] == 0x20 { after += 1 }
                if SalaryParser.firstIndex(b, "ago", from: after) == after {
                    return now.addingTimeInterval(-v * unit)
                }
            }
            i = j
        }
        // "an hour ago", "a day ago", "a month ago".
        var w = 0
        while w < b.count {
            guard SalaryTokenizer.isLetter(b[w]), w == 0 || !SalaryTokenizer.isLetter(b[w - 1]) else { w += 1; continue }
            var e = w
            while e < b.count, SalaryTokenizer.isLetter(b[e]) { e += 1 }
            let word = SalaryLexicon.key(b, w, e)
            if word == SalaryLexicon.key("a") || word == SalaryLexicon.key("an") {
                var j = e
                while j < b.count, b[j] == 0x20 { j += 1 }
                var k = j
                while k < b.count, SalaryTokenizer.isLetter(b[k]) { k += 1 }
                var after = k
                while after < b.count, b[after] == 0x20 { after += 1 }
                if k > j, let unit = unitSeconds(b, j, k), SalaryParser.firstIndex(b, "ago", from: after) == after {
                    return now.addingTimeInterval(-unit)
                }
            }
            w = e
        }
        if SalaryParser.contains(b, "today") || SalaryParser.contains(b, "just posted")
            || SalaryParser.contains(b, "just now") || SalaryParser.contains(b, "moments ago")
            || SalaryParser.contains(b, "few seconds ago") || SalaryParser.contains(b, "new") && b.count <= 12 {
            return now
        }
        return nil
    }

    /// Seconds in a unit word: "m"/"min"/"minutes" are minutes, "mo"/"months" months (30 days).
    private static func unitSeconds(_ b: [UInt8], _ i: Int, _ j: Int) -> Double? {
        typealias L = SalaryLexicon
        switch L.key(b, i, j) {
        case L.key("s"), L.key("sec"), L.key("secs"), L.key("second"), L.key("seconds"): return 1
        case L.key("m"), L.key("min"), L.key("mins"), L.key("minute"), L.key("minutes"): return 60
        case L.key("h"), L.key("hr"), L.key("hrs"), L.key("hour"), L.key("hours"): return 3600
        case L.key("d"), L.key("day"), L.key("days"): return 86_400
        case L.key("w"), L.key("wk"), L.key("wks"), L.key("week"), L.key("weeks"): return 7 * 86_400
        case L.key("mo"), L.key("mos"), L.key("month"), L.key("months"): return 30 * 86_400
        case L.key("y"), L.key("yr"), L.key("yrs"), L.key("year"), L.key("years"): return 365 * 86_400
        default: return nil
        }
    }
}
