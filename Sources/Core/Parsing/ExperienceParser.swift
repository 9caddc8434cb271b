import Foundation

/// Years of experience from text, by scanning the UTF-8 bytes.
///
/// Reads "5+ years" (max nil), "3-5 yrs", "3–5 years", "3 to 5 Years", Dice's "N - M yrs", Naukri's "2-4 Yrs",
/// number words ("minimum of seven years", "five (5) years"), months ("60 months" → 5, "1 year 6 months" → 1.5),
/// schema.org `monthsOfExperience` and `required_experience_in_months`. "years old" / "years of age" are ages,
/// not experience. The first requirement in the text wins ("8+ years total …, 5+ years …" → 8).
///
/// With no number, seniority words decide (the highest found):
/// fresher / "no experience" 0–0; intern, trainee, graduate, entry level, junior 0–2; associate 1–3;
/// mid-level, intermediate 2–5; senior 5+; lead, staff, principal, architect 8+; director, head, VP, chief 10+.
public enum ExperienceParser {
    /// Years min/max from text such as "5+ years", "3-5 yrs"; nil when none. `seniorityWords: false` reads numbers
    /// only: in a description "lead" is mostly a verb and "head" an office ("reports to head office").
    public static func parse(_ text: String, seniorityWords: Bool = true) -> ExperienceRange? {
        scan(Array(text.utf8), seniorityWords: seniorityWords, inProse: false)
    }

    /// Years a job description asks for. Numbers only, and only those the sentence ties to experience:
    /// "10+ years of relevant experience", "experience: 3-5 years", "at least 5 years in software development".
    /// Durations that are something else are skipped: "after 6 months of service", "a 9+ month contract",
    /// "6 month maternity leave", "within 1 month", the company's own age ("established for over 40 years",
    /// "for over 16 years we have provided", "over 15 years combined experience"), and anything over 30 years.
    public static func fromDescription(_ text: String) -> ExperienceRange? {
        scan(Array(text.utf8), seniorityWords: false, inProse: true)
    }

    private static func scan(_ b: [UInt8], seniorityWords: Bool, inProse: Bool) -> ExperienceRange? {
        if let months = jsonMonths(b) { return months }
        if saysNoExperience(b, inProse: inProse) || SalaryParser.contains(b, "\"no_experience_required\": \"true\"") {
            return ExperienceRange(yearsMin: 0, yearsMax: 0)
        }
        var i = 0
        while i < b.count {
            if let (found, next, inMonths) = requirement(b, at: i) {
                // Adzuna masks numbers: "Minimum Experience **** to 4 years" states the maximum only.
                var range = found
                if let r = found, r.yearsMax == nil, isMaskedRangeStart(b, before: i) {
                    range = ExperienceRange(yearsMin: nil, yearsMax: r.yearsMin)
                }
                if let range, !inProse {
                    return range
                } else if var range, isExperienceInProse(b, start: i, end: next, isRange: range.yearsMax != nil,
                                                         isMonths: inMonths) {
                    if (range.yearsMin ?? 0) > 30 { range = lostDash(range) ?? range }
                    if (range.yearsMin ?? 0) <= 30 { return range }
                }
                i = next
            } else {
                i += 1
            }
        }
        return seniorityWords ? seniority(b) : nil
    }

    /// `"monthsOfExperience": 72.0`, `"required_experience_in_months": "24"`.
    private static func jsonMonths(_ b: [UInt8]) -> ExperienceRange? {
        for key: StaticString in ["monthsofexperience", "required_experience_in_months"] {
            guard var i = SalaryParser.firstIndex(b, key) else { continue }
            i += key.utf8CodeUnitCount
            while i < b.count, b[i] == 0x22 || b[i] == 0x3A || b[i] == 0x20 { i += 1 }
            var j = i
            while j < b.count, SalaryTokenizer.isDigit(b[j]) || b[j] == 0x2E { j += 1 }
            if j > i, let months = Double(String(decoding: b[i..<j], as: UTF8.self)) {
                return ExperienceRange(yearsMin: rounded(months / 12), yearsMax: nil)
            }
        }
        return nil
    }

    private static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    /// A number (digits or word) at `i`, its value and end. Digits must not continue a longer token.
    private static func number(_ b: [UInt8], at i: Int) -> (Double, Int)? {
        guard i < b.count else { return nil }
        if SalaryTokenizer.isDigit(b[i]) {
            // Not the tail of a longer number or a decimal ("3.5"); text glued to a word is fine
            // ("field.3+ years", "experience5+ years": scraped lists lose their line breaks).
            if i > 0, SalaryTokenizer.isDigit(b[i - 1]) { return nil }
            if i > 1, b[i - 1] == 0x2E || b[i - 1] == 0x2C, SalaryTokenizer.isDigit(b[i - 2]) { return nil }
            var j = i, v = 0.0
            while j < b.count, SalaryTokenizer.isDigit(b[j]) { v = v * 10 + Double(b[j] - 0x30); j += 1 }
            if j + 1 < b.count, b[j] == 0x2E, SalaryTokenizer.isDigit(b[j + 1]) {
                var scale = 0.1
                j += 1
                while j < b.count, SalaryTokenizer.isDigit(b[j]) { v += Double(b[j] - 0x30) * scale; scale /= 10; j += 1 }
            }
            return (v, j)
        }
        guard SalaryTokenizer.isLetter(b[i]), i == 0 || !SalaryTokenizer.isLetter(b[i - 1]) else { return nil }
        var j = i
        while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
        guard let v = numberWordTable[SalaryLexicon.key(b, i, j)] else { return nil }
        // "five (5) years": the digits in parentheses repeat the word.
        var k = j
        while k < b.count, b[k] == 0x20 { k += 1 }
        if k < b.count, b[k] == 0x28 {
            var m = k + 1
            while m < b.count, SalaryTokenizer.isDigit(b[m]) { m += 1 }
            if m < b.count, b[m] == 0x29, m > k + 1 { j = m + 1 }
        }
        return (v, j)
    }

    private static func skipSpaces(_ b: [UInt8], _ i: Int) -> Int {
        var i = i
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || (b[i] == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0) {
            i += b[i] == 0xC2 ? 2 : 1
        }
        return i
    }

    /// A dash of any kind or "to" at `i`: the index after it.
    private static func rangeConnector(_ b: [UInt8], _ i: Int) -> Int? {
        guard i < b.count else { return nil }
        if b[i] == 0x2D || b[i] == 0x7E { return i + 1 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] >= 0x92 && b[i + 2] <= 0x95 { return i + 3 }
        if i + 2 < b.count, b[i] | 0x20 == 0x74, b[i + 1] | 0x20 == 0x6F, b[i + 2] == 0x20 { return i + 2 }
        return nil
    }

    enum Unit { case year, month }

    /// "years", "yrs", "yr", "year", "months", "mos" at `i` (after an optional apostrophe): unit and end.
    private static func unit(_ b: [UInt8], _ i: Int) -> (Unit, Int)? {
        var j = i
        while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
        guard j > i else { return nil }
        switch SalaryLexicon.key(b, i, j) {
        case SalaryLexicon.key("years"), SalaryLexicon.key("year"), SalaryLexicon.key("yrs"),
             SalaryLexicon.key("yr"), SalaryLexicon.key("y"):
            var k = j
            // "years'" / "years’"
            if k < b.count, b[k] == 0x27 { k += 1 }
            if k + 2 < b.count, b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x99 { k += 3 }
            return (.year, k)
        case SalaryLexicon.key("months"), SalaryLexicon.key("month"), SalaryLexicon.key("mos"),
             SalaryLexicon.key("mo"):
            return (.month, j)
        default: return nil
        }
    }

    /// A requirement starting at `i`: `(range, _)` when found; `(nil, next)` when a number there is not one.
    private static func requirement(_ b: [UInt8], at i: Int) -> (range: ExperienceRange?, next: Int, inMonths: Bool)? {
        guard let (v1, e1) = number(b, at: i) else { return nil }
        var j = e1
        var plus = false
        var v2: Double?
        j = skipSpaces(b, j)
        if j < b.count, b[j] == 0x2B { plus = true; j = skipSpaces(b, j + 1) }
        if !plus, let afterDash = rangeConnector(b, j) {
            let k = skipSpaces(b, afterDash)
            if let (v, e) = number(b, at: k) {
                v2 = v
                j = skipSpaces(b, e)
                if j < b.count, b[j] == 0x2B { j = skipSpaces(b, j + 1) }
            }
        }
        guard let (u, ue) = unit(b, j) else { return (nil, e1, false) }
        // Ages, not experience.
        let after = skipSpaces(b, ue)
        if startsWith(b, after, "old") || startsWith(b, after, "of age") { return (nil, ue, false) }
        let factor = u == .year ? 1.0 : 1.0 / 12
        var lo = v1 * factor
        var hi = v2.map { $0 * factor }
        guard lo <= 50, (hi ?? 0) <= 50 else { return (nil, ue, false) }
        // "1 year 6 months".
        if u == .year, v2 == nil, !plus, let (m, me) = number(b, at: after), let (mu, _) = unit(b, skipSpaces(b, me)),
           mu == .month {
            lo += m / 12
        }
        if let h = hi, h < lo { (lo, hi) = (h, lo) }
        return (ExperienceRange(yearsMin: rounded(lo), yearsMax: hi.map(rounded)), ue, u == .month)
    }

    // MARK: - Descriptions

    /// "No experience", "no prior experience". In a description "No Experience" can be an answer option of a
    /// screening question: there only a statement counts ("no experience required / necessary / needed", "no prior
    /// experience", "no previous experience").
    private static func saysNoExperience(_ b: [UInt8], inProse: Bool) -> Bool {
        if SalaryParser.contains(b, "no prior experience") { return true }
        guard inProse else { return SalaryParser.contains(b, "no experience") }
        if SalaryParser.contains(b, "no previous experience") { return true }
        var from = 0
        while let at = SalaryParser.firstIndex(b, "no experience", from: from) {
            if let next = words(b, after: at + 13, limit: 1).first, statedNone.contains(next) { return true }
            from = at + 13
        }
        return false
    }

    /// "**** to " or "****-" right before `index`.
    private static func isMaskedRangeStart(_ b: [UInt8], before index: Int) -> Bool {
        var i = index - 1
        while i >= 0, b[i] == 0x20 { i -= 1 }
        if i >= 1, b[i] | 0x20 == 0x6F, b[i - 1] | 0x20 == 0x74 { i -= 2 } else if i >= 0, b[i] == 0x2D { i -= 1 } else { return false }
        while i >= 0, b[i] == 0x20 { i -= 1 }
        return i >= 0 && b[i] == 0x2A
    }

    /// Whether the sentence around the figure at `start..<end` ("5+ years") ties it to the experience asked for.
    static func isExperienceInProse(_ b: [UInt8], start: Int, end: Int, isRange: Bool, isMonths: Bool = false) -> Bool {
        let before = words(b, before: start, limit: 8)
        let after = words(b, after: end, limit: 8)
        // What the duration is of: a contract, leave, service; or the company's own history.
        if let first = after.first, durationNouns.contains(first) { return false }
        if after.count >= 2, after[0] == ofKey || after[0] == inKey, durationNouns.contains(after[1]) { return false }
        if let last = before.last, durationLeadIns.contains(last) { return false }
        if before.contains(where: companyWords.contains) { return false }
        // "We're looking for managers with 1 years experience" asks; "For over 16 years we have provided" boasts.
        let near = after.prefix(3)
        if near.contains(where: weWords.contains), !near.contains(where: experienceWords.contains) { return false }
        if near.contains(where: sharedWords.contains) { return false }  // "over 15 years combined experience"
        if before.contains(where: experienceWords.contains) || after.contains(where: experienceWords.contains) {
            return true
        }
        // Months without the word experience are how long the job lasts ("for a minimum of 3 months").
        if isMonths { return false }
        // "5+ years performing file processing", "3-5 years in a similar role": the form of a requirement;
        // "at least 5 years in software development", "Minimum 2 years proven success": stated as one.
        return isRange || b[start..<end].contains(0x2B) || before.suffix(4).contains(where: requirementCues.contains)
    }

    /// Adzuna's texts lost their dashes: "35 years experience" is 3-5. Only for two-digit figures no one asks
    /// for (over 30 years) whose digits rise.
    private static func lostDash(_ range: ExperienceRange) -> ExperienceRange? {
        guard range.yearsMax == nil, let value = range.yearsMin, value == value.rounded(), value < 100 else { return nil }
        let lo = (value / 10).rounded(.down), hi = value - lo * 10
        guard lo < hi else { return nil }
        return ExperienceRange(yearsMin: lo, yearsMax: hi)
    }

    /// Up to `limit` lower-cased word keys before `index`, nearest last, stopping at the sentence's start.
    private static func words(_ b: [UInt8], before index: Int, limit: Int) -> [UInt64] {
        var out: [UInt64] = []
        var i = index - 1
        while i >= 0, out.count < limit {
            let c = b[i]
            if isSentenceBreak(b, i) { break }
            guard SalaryTokenizer.isLetter(c) else { i -= 1; continue }
            var j = i
            while j > 0, SalaryTokenizer.isLetter(b[j - 1]) { j -= 1 }
            out.append(SalaryLexicon.key(b, j, i + 1))
            i = j - 1
        }
        return out.reversed()
    }

    /// Up to `limit` lower-cased word keys from `index` on, stopping at the sentence's end.
    private static func words(_ b: [UInt8], after index: Int, limit: Int) -> [UInt64] {
        var out: [UInt64] = []
        var i = index
        while i < b.count, out.count < limit {
            if isSentenceBreak(b, i) { break }
            guard SalaryTokenizer.isLetter(b[i]) else { i += 1; continue }
            var j = i
            while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
            out.append(SalaryLexicon.key(b, i, j))
            i = j
        }
        return out
    }

    /// ".", "!", "?", ";" before a space or line end, a line break, a bullet.
    private static func isSentenceBreak(_ b: [UInt8], _ i: Int) -> Bool {
        switch b[i] {
        case 0x0A, 0x3B: return true
        case 0x2E, 0x21, 0x3F:
            // Also "required.5+ years": scraped lists lose the space after a full stop.
            if i + 1 >= b.count || b[i + 1] == 0x20 || b[i + 1] == 0x0A { return true }
            return i > 0 && SalaryTokenizer.isLetter(b[i - 1]) && !SalaryTokenizer.isLetter(b[i + 1])
        case 0xE2: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0xA2  // •
        default: return false
        }
    }

    private static func keys(_ words: [String]) -> Set<UInt64> { Set(words.map { SalaryLexicon.key($0) }) }
    private static let ofKey = SalaryLexicon.key("of")
    private static let inKey = SalaryLexicon.key("in")
    private static let experienceWords = keys(["experience", "experienced", "exp", "expertise", "background", "related",
                                                "similar", "equivalent", "relevant", "comparable",
                                                "track", "proven"])
    private static let durationNouns = keys([
        "contract", "contracts", "leave", "service", "probation", "probationary", "assignment", "project",
        "internship", "duration", "period", "term", "maternity", "paternity", "parental", "notice", "warranty",
        "ago", "old", "fixed", "ftc", "temp", "temporary", "extension", "extendable", "renewable", "program",
        "programme", "course", "training", "sabbatical", "vesting", "cliff", "employment", "tenure", "onboarding",
        "after", "before", "later", "from", "into", "since",
    ])
    private static let durationLeadIns = keys(["within", "after", "every", "per", "each", "first", "next", "last",
                                               "past", "initial", "up", "until", "during", "ago"])
    private static let companyWords = keys([
        "established", "founded", "serving", "served", "history", "trading", "combined",
        "collective", "collectively", "company", "firm", "business", "heritage", "since", "anniversary",
    ])
    private static let weWords = keys(["we", "our", "ours", "us"])
    private static let statedNone = keys(["required", "necessary", "needed"])
    private static let sharedWords = keys(["combined", "collective", "collectively", "cumulative", "between"])
    private static let requirementCues = keys([
        "minimum", "min", "least", "require", "required", "requires", "requirement", "need", "needs", "must",
        "have", "with", "possess", "bring", "ideally", "preferably", "plus", "more", "candidates", "you",
    ])

    private static func startsWith(_ b: [UInt8], _ i: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] | 0x20 != s.utf8Start[k] && b[i + k] != s.utf8Start[k] { return false }
        return true
    }

    /// The highest seniority word in the text, mapped to years (see the type's documentation).
    private static func seniority(_ b: [UInt8]) -> ExperienceRange? {
        var best: (rank: Int, range: ExperienceRange)?
        var i = 0
        while i < b.count {
            // A literal "\n" (escaped newline in scraped JSON) separates words.
            if b[i] == 0x5C, i + 1 < b.count, b[i + 1] == 0x6E || b[i + 1] == 0x74 || b[i + 1] == 0x72 { i += 2; continue }
            guard SalaryTokenizer.isLetter(b[i]) else { i += 1; continue }
            var j = i
            while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
            let word = SalaryLexicon.key(b, i, j)
            if let level = seniorityWordTable[word], level.rank > (best?.rank ?? -1), isSeniority(word, b, after: j) {
                best = level
            }
            i = j
        }
        return best?.range
    }

    /// "Staff", "Lead", "Chief" and "Head" are ranks only in some titles: "Staff Engineer" but not "Staff Nurse",
    /// "Lead Developer" but not "Lead Cashier" or "Service Desk Lead", "Chief Technology Officer" but not
    /// "Chief Cook", "Head of Data" but not "Head Chef".
    private static func isSeniority(_ word: UInt64, _ b: [UInt8], after end: Int) -> Bool {
        switch word {
        case staffKey: return nextWord(b, after: end).map(technicalNouns.contains) ?? false
        case leadKey: return containsWord(b, professionalNouns)
        case chiefKey: return nextWord(b, after: end).map(executiveWords.contains) ?? false
        case headKey: return nextWord(b, after: end) == SalaryLexicon.key("of")
        default: return true
        }
    }

    private static func nextWord(_ b: [UInt8], after end: Int) -> UInt64? {
        var i = end
        while i < b.count, !SalaryTokenizer.isLetter(b[i]) {
            if b[i] == 0x2C || b[i] == 0x28 || b[i] == 0x2D { return nil }  // "Lead, …", "Staff (…)", "Staff - …"
            i += 1
        }
        var j = i
        while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
        return j > i ? SalaryLexicon.key(b, i, j) : nil
    }

    private static func containsWord(_ b: [UInt8], _ words: Set<UInt64>) -> Bool {
        var i = 0
        while i < b.count {
            guard SalaryTokenizer.isLetter(b[i]) else { i += 1; continue }
            var j = i
            while j < b.count, SalaryTokenizer.isLetter(b[j]) { j += 1 }
            if words.contains(SalaryLexicon.key(b, i, j)) { return true }
            i = j
        }
        return false
    }

    private static let staffKey = SalaryLexicon.key("staff")
    private static let leadKey = SalaryLexicon.key("lead")
    private static let chiefKey = SalaryLexicon.key("chief")
    private static let headKey = SalaryLexicon.key("head")
    private static let technicalNouns = keys([
        "engineer", "software", "data", "developer", "scientist", "product", "designer", "analyst", "security",
        "machine", "site", "backend", "frontend", "full", "ml", "research", "platform", "infrastructure", "cloud",
        "applied", "systems", "mobile", "ios", "android", "devops", "sre", "technical", "architect",
    ])
    private static let professionalNouns = keys([
        "engineer", "engineers", "developer", "developers", "architect", "scientist", "analyst", "designer",
        "consultant", "programmer", "tester", "administrator", "devops", "sre", "engineering", "software", "data",
        "qa", "security", "product", "technical", "researcher", "accountant", "auditor",
    ])
    private static let executiveWords = keys([
        "officer", "executive", "technology", "technical", "information", "data", "operating", "financial",
        "marketing", "product", "security", "architect", "engineer", "scientist", "of", "digital", "revenue",
        "people", "medical", "nursing", "compliance", "risk", "investment", "commercial", "strategy",
    ])

    private static let numberWordTable = PackedKeyTable(numberWords)
    private static let seniorityWordTable = PackedKeyTable(seniorityWords)

    private static let numberWords: [UInt64: Double] = {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                     "twenty"]
        var d = [UInt64: Double]()
        for (n, w) in words.enumerated() { d[SalaryLexicon.key(w)] = Double(n) }
        return d
    }()

    private static let seniorityWords: [UInt64: (rank: Int, range: ExperienceRange)] = {
        var d = [UInt64: (rank: Int, range: ExperienceRange)]()
        func add(_ rank: Int, _ lo: Double, _ hi: Double?, _ words: [String]) {
            for w in words { d[SalaryLexicon.key(w)] = (rank, ExperienceRange(yearsMin: lo, yearsMax: hi)) }
        }
        add(0, 0, 0, ["fresher", "freshers"])
        add(1, 0, 2, ["intern", "internship", "trainee", "graduate", "entry", "junior", "jr", "apprentice"])
        add(2, 1, 3, ["associate"])
        add(3, 2, 5, ["mid", "intermediate"])
        add(4, 5, nil, ["senior", "sr"])
        add(5, 8, nil, ["lead", "staff", "principal", "architect"])
        add(6, 10, nil, ["director", "head", "vp", "chief", "cto", "cfo", "ceo", "cio"])
        return d
    }()
}
