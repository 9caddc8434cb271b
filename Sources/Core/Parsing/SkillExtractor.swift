import Foundation

/// Finds canonical skill names in free text and normalises skill lists, using `SkillTaxonomy`.
public final class SkillExtractor: Sendable {
    /// Extractor over the built-in taxonomy.
    public static let shared = SkillExtractor()

    /// The taxonomy used.
    public let taxonomy: SkillTaxonomy

    /// Creates an extractor over `taxonomy`.
    public init(taxonomy: SkillTaxonomy = .shared) {
        self.taxonomy = taxonomy
    }

    /// Names each list phrase canonicalized to: skill lists repeat the same phrases across thousands of postings.
    private let memo = PhraseMemo<[String]>(capacity: 50_000)

    /// Canonical skill names found in free text, in order of first appearance, without duplicates.
    /// Word boundaries are respected ("Java" is not found in "JavaScript", "Go" not in "Google"), and
    /// short or ambiguous names (C, R, Go, Swift, Spring, …) need capitalisation and context.
    public func extract(from text: String) -> [String] {
        extract(tokens: SkillTokenizer.tokens(text))
    }

    /// `extract(from:)` for text already tokenized.
    func extract(tokens: [SkillToken]) -> [String] {
        var seen: [Int] = []
        var names: [String] = []
        for match in matches(in: tokens, listMode: false) where !seen.contains(match.skill) {
            seen.append(match.skill)
            names.append(taxonomy.skills[match.skill].name)
        }
        return names
    }

    /// Canonical names for a list of skill phrases (Dice "Required Skills" split on commas, Naukri
    /// space-separated key skills, JSON skill arrays). Compounds are split ("Angular JS and GWT"),
    /// qualifiers dropped ("Python (primary)"), spelling slips in long names fixed ("Kubernates").
    /// Unknown phrases are kept as given (trimmed), de-duplicated case-insensitively; placeholders such as
    /// "See Job Description" are dropped. Output is in order of first appearance.
    public func canonicalize(_ phrases: [String]) -> [String] {
        var output = OrderedNames()
        for phrase in phrases {
            // Adding a phrase's de-duplicated names gives the same list as adding them one by one.
            let names = memo.value(for: phrase) {
                var own = OrderedNames()
                canonicalizePhrase(phrase, depth: 0, into: &own)
                return own.names
            }
            for name in names { output.add(name) }
        }
        return output.names
    }

    // MARK: - Lists

    struct OrderedNames {
        var names: [String] = []
        var keys = SmallStringSet()

        mutating func add(_ name: String) {
            if keys.insert(name.lowercased()) { names.append(name) }
        }
    }

    private static let placeholders: Set<String> = [
        "see job description", "see below", "see description", "n/a", "na", "nan", "none", "null", "-", "tbd",
        "not specified", "other", "others", "various", "see jd", "as per jd",
    ]
    /// Instructions where a skill list should be (Dice: "Please refer to Job Description" ×15, "Well also need to
    /// see this on your resume", "See Required Skills Below").
    private static let instructionParts = [
        "job description", "resume", "see below", "more below", "skills below", "refer to", "please see",
        "as per ", "see jd", "send your", "detailed description",
    ]

    static func isPlaceholder(_ phrase: String) -> Bool {
        let lower = phrase.lowercased()
        return placeholders.contains(lower) || instructionParts.contains { lower.contains($0) }
    }

    /// Unknown phrases of skill lists that are no skill: a job title ("Software Engineer", "Project Manager"),
    /// a word every posting could list ("Development", "Management", "Project", "Lifecycle"), employment terms
    /// ("Full Time", "Contract W2"), a number or state code, or a fragment of a sentence ("their prime contractors.
    /// Wi", "INC. specializes in delivering secure"). Unknown phrases that are none of these are kept as written.
    static func isNotASkill(_ phrase: String) -> Bool {
        let words = phrase.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let last = words.last else { return true }
        if words.count == 1, genericWords.contains(last) || last.allSatisfy(\.isNumber) { return true }
        if words.allSatisfy({ employmentWords.contains($0) || roleNouns.contains($0) }) { return true }
        if words.allSatisfy(qualities.contains) { return true }  // "analytical written", "verbal"
        if roleNouns.contains(last) { return true }
        if words.count == 1, phrase.count == 2, phrase == phrase.uppercased(),
           LocationTables.usStateLookup[words[0]] != nil { return true }  // "TX"
        if phrase.contains(". ") || phrase.contains("..") || words.contains(where: sentenceWords.contains) { return true }
        // "4-5", "3+ Months Contract to Hire", "4+ years experience in dimensional": experience or terms, no skill.
        if !phrase.contains(where: \.isLetter) { return true }
        if phrase.contains(where: \.isNumber), words.contains(where: durationWords.contains) { return true }
        if words.contains(where: { $0.hasPrefix("experience") }) { return true }
        if words.allSatisfy(benefitWords.contains) { return true }  // "health insurance", "401k", "PTO"
        return false
    }

    private static let roleNouns: Set<String> = [
        "developer", "developers", "engineer", "engineers", "manager", "managers", "analyst", "analysts", "architect",
        "architects", "director", "recruiter", "technician", "consultant", "programmer", "programmers", "lead",
        "senior", "sr", "jr", "junior", "admin", "administrator", "tester", "testers", "supervisor", "specialist",
        "coordinator", "intern", "officer", "executive", "associate", "scientist", "designer", "owner",
    ]
    /// Words that alone name no skill.
    private static let genericWords: Set<String> = [
        "development", "management", "project", "projects", "lifecycle", "software", "systems", "system",
        "applications", "application", "computer", "computers", "data", "web", "technical", "technology",
        "technologies", "support", "it", "quality", "performance", "design", "automated", "iterative", "micro",
        "reliable", "secure", "analytical", "verbal", "written", "oral", "word", "ms", "skills", "tools", "tool",
        "other", "etc", "good", "strong", "excellent", "knowledge", "ability", "experience", "team", "solutions",
        "services", "release", "metrics", "scripts", "foundation", "materials", "test", "libraries", "library",
        "frameworks", "framework", "specification", "implementation", "maintenance", "operations", "various",
        "basic", "learn", "advanced", "intermediate", "expert", "beginner", "familiarity", "exposure",
    ]
    private static let qualities: Set<String> = [
        "analytical", "written", "verbal", "oral", "reliable", "secure", "good", "strong", "excellent", "effective",
        "organizational", "organisational", "communication", "skills",
    ]
    private static let durationWords: Set<String> = [
        "year", "years", "yr", "yrs", "month", "months", "mo", "mos", "week", "weeks", "day", "days", "hours",
    ]
    private static let benefitWords: Set<String> = [
        "health", "dental", "vision", "medical", "life", "insurance", "401k", "401(k)", "pto", "paid", "vacation",
        "holidays", "benefits", "bonus", "pension", "retirement", "plan",
    ]
    private static let employmentWords: Set<String> = [
        "full", "part", "time", "contract", "w2", "c2c", "corp", "to", "permanent", "temporary", "fulltime",
        "parttime", "travel", "telecommuting", "not", "available", "required", "preferred", "hire", "remote",
        "on", "site", "onsite", "hybrid", "office",
    ]
    private static let sentenceWords: Set<String> = [
        "their", "our", "we", "you", "your", "is", "are", "was", "were", "will", "be", "specializes", "delivering",
        "provides", "provide", "including", "that", "which", "who", "please", "must", "should", "can",
    ]

    /// The most words an unknown phrase of a skill list may have to be kept as a skill of its own: longer ones
    /// are sentences ("Certification preferred with relevant practical experience"), kept only for the known
    /// skills in them.
    static let longestUnknownPhrase = 6

    /// Words trimmed from the edges of an unknown part before retrying ("Strong background in Angular JS").
    private static let edgeFillers: Set<String> = [
        "strong", "background", "in", "with", "of", "knowledge", "experience", "experienced", "skills", "skill",
        "good", "excellent", "solid", "proficiency", "proficient", "expertise", "expert", "hands", "on", "working",
        "understanding", "familiarity", "and", "or", "the", "a", "an", "using", "must", "have", "nice", "extensive",
        "preferred", "required", "plus", "years", "year", "exp", "etc", "e.g", "including", "framework",
        "preferably", "prefered",
    ]
    private static let splitters = [",", ";", "|", "\n", "\t", " and ", " or ", " & ", " vs. ", " vs ", " - ", " – ",
                                    " * ", "•", " + ", "◦", "▪", "■", "●", "○", "➢", "\u{F0B7}", "\u{F020}", "\u{F0A7}"]

    private static let phraseEdges = CharacterSet.whitespacesAndNewlines.union(.init(charactersIn: "-*•·\"'"))
    private static let asciiSplitters = splitters.filter(ASCIIText.isASCII).map { Array($0.utf8) }

    /// `raw` without edge spaces, dashes, bullets and quotes; skips Foundation when both ends are plain ASCII.
    private static func trimPhrase(_ raw: String) -> String {
        guard let first = raw.utf8.first, let last = raw.utf8.last else { return raw }
        let isPlain = { (b: UInt8) in b > 0x20 && b < 0x7F && b != UInt8(ascii: "-") && b != UInt8(ascii: "*")
            && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'") }
        return isPlain(first) && isPlain(last) ? raw : raw.trimmingCharacters(in: phraseEdges)
    }

    /// Splits on `splitters` (case-insensitive, applied in order), on bytes when the phrase is ASCII.
    private static func splitOnSplitters(_ phrase: String) -> [String] {
        var lowered = phrase
        if ASCIIText.isASCII(phrase) {
            lowered = ASCIIText.replacingCaseInsensitive(phrase, asciiSplitters, with: 0x1F)
        } else {
            for splitter in splitters {
                lowered = lowered.replacingOccurrences(of: splitter, with: "\u{1F}", options: .caseInsensitive)
            }
        }
        return lowered.split(separator: "\u{1F}").map(String.init)
    }

    private func canonicalizePhrase(_ raw: String, depth: Int, into output: inout OrderedNames) {
        var phrase = Self.trimPhrase(raw)
        guard !phrase.isEmpty, !Self.isPlaceholder(phrase) else { return }
        if let index = taxonomy.lookupIndex(phrase, fuzzy: true) {
            output.add(taxonomy.skills[index].name)
            return
        }
        if depth < 4, Self.isBooleanExpression(phrase) {
            for part in Self.booleanTerms(phrase) { canonicalizePhrase(part, depth: depth + 1, into: &output) }
            return
        }
        // Qualifier in parentheses: "Python (primary)" → "Python"; "Cloud (AWS)" keeps both.
        if let open = phrase.firstIndex(of: "("), depth < 4 {
            let close = phrase[open...].firstIndex(of: ")") ?? phrase.endIndex
            let inner = String(phrase[phrase.index(after: open)..<close])
            let outer = String(phrase[..<open]) + (close < phrase.endIndex ? String(phrase[phrase.index(after: close)...]) : "")
            let innerKnown = !inner.isEmpty && !matches(in: SkillTokenizer.tokens(inner), listMode: true).isEmpty
            canonicalizePhrase(outer, depth: depth + 1, into: &output)
            if innerKnown { canonicalizePhrase(inner, depth: depth + 1, into: &output) }
            return
        }
        if depth < 4 {
            var parts = Self.splitOnSplitters(phrase)
            if parts.count == 1, phrase.contains("/"), !hasKnownNameWithSlash(phrase) {
                // "Java/Python" is two skills; in "A/B Testing" a one-letter part that is no skill makes the
                // slash part of a name, kept whole.
                let slashParts = phrase.split(separator: "/").map(String.init)
                if slashParts.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).count > 1
                                           || taxonomy.lookupIndex($0, fuzzy: false) != nil }) {
                    parts = slashParts
                }
            }
            if parts.count > 1 {
                for part in parts { canonicalizePhrase(part, depth: depth + 1, into: &output) }
                return
            }
        }
        let trimmed = trimEdges(phrase)
        if trimmed != phrase, trimmed.count >= 3 || trimmed.first?.isUppercase == true, let index = taxonomy.lookupIndex(trimmed, fuzzy: true) {
            output.add(taxonomy.skills[index].name)
            return
        }
        phrase = trimmed.isEmpty ? phrase : trimmed
        // Space-separated skills without delimiters ("Excel Data Analysis SQL Server Data mining").
        let tokens = SkillTokenizer.tokens(phrase)
        let found = matches(in: tokens, listMode: true)
        guard !found.isEmpty else {
            if tokens.count <= Self.longestUnknownPhrase, !Self.isNotASkill(phrase) { output.add(phrase) }
            return
        }
        let bytes = Array(phrase.utf8)
        var cursor = 0
        for match in found {
            if match.first > cursor { addLeftover(tokens[cursor..<match.first], bytes: bytes, into: &output) }
            output.add(taxonomy.skills[match.skill].name)
            cursor = match.first + match.count
        }
        if cursor < tokens.count { addLeftover(tokens[cursor...], bytes: bytes, into: &output) }
    }

    /// Dice boolean searches: "(JAVA over 4 year(s) ) AND (SPRING over 4 year(s) ) AND(CLOUD OR AWS)".
    static func isBooleanExpression(_ phrase: String) -> Bool {
        let contains: (String) -> Bool = ASCIIText.isASCII(phrase) ? { ASCIIText.contains(phrase, $0) } : { phrase.contains($0) }
        return contains(" AND ") || contains(" OR ") || contains("AND(") || contains("year(s)")
            || (contains("(") && contains(" or ") && contains("*"))
    }

    /// The search terms of a boolean expression, without operators, parentheses, wildcards and
    /// "over N year(s)".
    static func booleanTerms(_ phrase: String) -> [String] {
        let spaced = phrase.replacingOccurrences(of: "year(s)", with: " ")
            .replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .replacingOccurrences(of: "*", with: " ")
        var terms: [String] = []
        var current: [Substring] = []
        let words = spaced.split(separator: " ")
        var index = 0
        func flush() {
            if !current.isEmpty { terms.append(current.joined(separator: " ")) }
            current.removeAll()
        }
        while index < words.count {
            let word = words[index]
            let upper = word.uppercased()
            if word == "(" || word == ")" || upper == "AND" || upper == "OR" || upper == "NOT" {
                flush()
            } else if upper == "OVER", index + 1 < words.count, Int(words[index + 1]) != nil {
                index += 1
            } else if !(upper == "YEAR" || upper == "YEARS") {
                current.append(word)
            }
            index += 1
        }
        flush()
        return terms
    }

    private func trimEdges(_ phrase: String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        while let first = words.first, Self.edgeFillers.contains(first.lowercased()) { words.removeFirst() }
        while let last = words.last, Self.edgeFillers.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
            words.removeLast()
        }
        let joined = words.joined(separator: " ")
        // Letters and digits at both ends: nothing to trim (the common case), no Foundation call.
        let isAlnum = { (b: UInt8) in (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        if let first = joined.utf8.first, let last = joined.utf8.last, isAlnum(first), isAlnum(last) { return joined }
        return joined.trimmingCharacters(in: Self.edgePunctuation)
    }

    private static let edgePunctuation = CharacterSet.punctuationCharacters.union(.whitespaces)

    private func addLeftover(_ tokens: ArraySlice<SkillToken>, bytes: [UInt8], into output: inout OrderedNames) {
        guard let first = tokens.first, let last = tokens.last else { return }
        let text = String(decoding: bytes[first.start..<last.end], as: UTF8.self)
        // Naukri lists items with spaces only ("Report writing Data collection"): a capital after a lower-case
        // word starts the next item.
        for chunk in Self.itemsOfSpacedList(text) {
            let trimmed = trimEdges(chunk)
            guard !trimmed.isEmpty, !Self.isPlaceholder(trimmed) else { continue }
            if let index = taxonomy.lookupIndex(trimmed, fuzzy: false) {
                output.add(taxonomy.skills[index].name)
            } else if trimmed.split(separator: " ").count <= Self.longestUnknownPhrase, !Self.isNotASkill(trimmed) {
                output.add(trimmed)
            }
        }
    }

    /// "CI/CD pipelines", "PL/SQL procedures": a word with a slash that is a known name, which must not be split.
    private func hasKnownNameWithSlash(_ phrase: String) -> Bool {
        phrase.split(separator: " ").contains { word in
            word.contains("/")
                && taxonomy.lookupIndex(String(word).trimmingCharacters(in: Self.edgePunctuation), fuzzy: false) != nil
        }
    }

    /// "Report writing Data collection Gap analysis" → "Report writing", "Data collection", "Gap analysis".
    static func itemsOfSpacedList(_ text: String) -> [String] {
        var items: [String] = []
        var current: [Substring] = []
        for word in text.split(separator: " ") {
            if let previous = current.last, previous.first?.isLowercase == true, word.first?.isUppercase == true {
                items.append(current.joined(separator: " "))
                current.removeAll()
            }
            current.append(word)
        }
        if !current.isEmpty { items.append(current.joined(separator: " ")) }
        return items
    }

    // MARK: - Matching

    struct Match {
        var first: Int
        var count: Int
        var skill: Int
    }

    /// Longest alias match at each token, left to right, applying the alias rules.
    func matches(in tokens: [SkillToken], listMode: Bool) -> [Match] {
        var result: [Match] = []
        let filter = taxonomy.firstTokenFilter
        let index = taxonomy.firstTokens
        var position = 0
        while position < tokens.count {
            let key = tokens[position].key
            var matched: Match?
            // A 65,536-bit filter over first-token keys: most words stop here.
            let bit = Int(key >> 48)
            if filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 {
                for candidate in index.candidates(startingWith: key) {
                    let alias = index.candidates[candidate]
                    guard fits(alias, index, tokens, at: position),
                          accepts(alias, tokens, at: position, listMode: listMode) else { continue }
                    matched = Match(first: position, count: Int(alias.tokenCount), skill: Int(alias.skill))
                    break
                }
            }
            if let matched {
                result.append(matched)
                position += matched.count
            } else {
                position += 1
            }
        }
        return result
    }

    @inline(__always)
    private func fits(_ alias: FirstTokenIndex.Candidate, _ index: FirstTokenIndex, _ tokens: [SkillToken], at position: Int) -> Bool {
        let count = Int(alias.tokenCount)
        guard position + count <= tokens.count else { return false }
        let start = Int(alias.tokensStart)
        for offset in 1..<max(count, 1) where tokens[position + offset].key != index.tokenKeys[start + offset] {
            return false
        }
        return true
    }

    private func accepts(_ alias: FirstTokenIndex.Candidate, _ tokens: [SkillToken], at index: Int, listMode: Bool) -> Bool {
        switch alias.rule {
        case .plain:
            return true
        case .capitalized:
            return listMode || tokens[index].isCapitalized
        case .allCaps:
            return listMode || tokens[index..<index + Int(alias.tokenCount)].allSatisfy(\.isAllCaps)
        case .listOnly:
            return false
        case .contextual:
            return SkillContext.allows(tokens, at: index, count: Int(alias.tokenCount), isLanguage: alias.isLanguage) { position in
                self.startsPlainSkill(tokens, at: position)
            }
        }
    }

    /// True when a non-contextual alias starts at `position` (used as list context for C, R, Go, …).
    private func startsPlainSkill(_ tokens: [SkillToken], at position: Int) -> Bool {
        guard position >= 0, position < tokens.count else { return false }
        let key = tokens[position].key
        let bit = Int(key >> 48)
        guard taxonomy.firstTokenFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        let index = taxonomy.firstTokens
        for candidate in index.candidates(startingWith: key) {
            let alias = index.candidates[candidate]
            if alias.rule == .contextual || alias.rule == .listOnly { continue }
            if fits(alias, index, tokens, at: position) { return true }
        }
        return false
    }
}
