import Foundation

/// A work mode with the field and phrase that decided it.
public struct WorkModeDecision: Sendable, Equatable {
    /// The decided mode.
    public var mode: WorkMode
    /// Which field and phrase decided it, e.g. `description: "fully remote"`; nil when unknown.
    public var evidence: String?

    /// Creates a decision.
    public init(mode: WorkMode, evidence: String?) {
        self.mode = mode
        self.evidence = evidence
    }
}

/// Decides remote / hybrid / onsite from a posting's fields and platform flags.
///
/// Rule, strongest first:
/// 1. Explicit text in a short field (location, work type, title, …), fields in the order given.
///    Within one field "hybrid" beats "remote", which beats "onsite"; a negated remote
///    ("not remote", "no remote", "remote not available") counts as onsite.
/// 2. Platform flags: any true flag (`is_remote`, `isRemote`, `workFromHomeAvailability`) means remote.
/// 3. Description heuristics: specific phrases only ("fully remote", "hybrid schedule", "onsite role").
/// 4. Flags that are all false mean onsite.
/// When flags disagree with the deciding text, or with each other, the evidence says so.
public enum WorkModeDetector {
    /// texts: (field name, value) in priority order; flags: platform booleans (name, value).
    public static func detect(texts: [(field: String, value: String)],
                              flags: [(field: String, value: Bool)]) -> WorkModeDecision {
        let trueFlags = flags.filter { $0.value }
        let falseFlags = flags.filter { !$0.value }
        func flagNote(for mode: WorkMode) -> String {
            let disagreeing = mode == .remote ? falseFlags : (mode == .onsite || mode == .hybrid ? trueFlags : [])
            guard !disagreeing.isEmpty else { return "" }
            let list = disagreeing.map { "\($0.field)=\($0.value)" }.joined(separator: ", ")
            return "; disagrees with flag \(list)"
        }
        for (field, value) in texts where !isDescriptionField(field) {
            if let hit = WorkModePhrases.scan(value, descriptive: false) {
                return WorkModeDecision(mode: hit.mode,
                                        evidence: "\(field): \"\(hit.phrase)\"" + flagNote(for: hit.mode))
            }
        }
        if let flag = trueFlags.first {
            var evidence = "\(flag.field)=true"
            if !falseFlags.isEmpty {
                evidence += "; disagrees with flag " + falseFlags.map { "\($0.field)=false" }.joined(separator: ", ")
            }
            return WorkModeDecision(mode: .remote, evidence: evidence)
        }
        for (field, value) in texts where isDescriptionField(field) {
            if let hit = WorkModePhrases.scan(value, descriptive: true) {
                return WorkModeDecision(mode: hit.mode,
                                        evidence: "\(field): \"\(hit.phrase)\"" + flagNote(for: hit.mode))
            }
        }
        if let flag = falseFlags.first {
            return WorkModeDecision(mode: .onsite, evidence: "\(flag.field)=false")
        }
        return WorkModeDecision(mode: .unknown, evidence: nil)
    }

    /// Long free-text fields, where only specific phrases count.
    static func isDescriptionField(_ field: String) -> Bool {
        // The names the importer passes on every posting, decided without lower-casing and searching.
        switch field {
        case "description": return true
        case "title", "location", "work_mode", "Location", "LocationRaw", "jobLocation", "jobLocationType", "Job Type",
             "Remote", "workplaceTypes":
            return false
        default:
            break
        }
        let name = field.lowercased()
        let isASCII = ASCIIText.isASCII(name)
        return ["description", "summary", "body", "details", "requirements", "text", "snippet"]
            .contains { isASCII ? ASCIIText.contains(name, $0) : name.contains($0) }
    }
}

/// Work-mode phrase tables and the scanner shared with `LocationParser`.
enum WorkModePhrases {
    struct Hit {
        var mode: WorkMode
        var phrase: String
        var isRemoteNegated: Bool
    }

    struct Phrase {
        var mode: WorkMode
        var keys: [UInt64]
        var text: String
    }

    private static func table(_ rows: [(WorkMode, String)]) -> [UInt64: [Phrase]] {
        var byFirst: [UInt64: [Phrase]] = [:]
        for (mode, phrase) in rows {
            let keys = phrase.split(separator: " ").map { SkillTokenizer.key(String($0)) }
            byFirst[keys[0], default: []].append(Phrase(mode: mode, keys: keys, text: phrase))
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.keys.count > $1.keys.count } }
        return byFirst
    }

    /// Phrases for short fields (location, work type, title).
    static let explicit = table([
        (.remote, "remote"), (.remote, "remotely"), (.remote, "anywhere"), (.remote, "telecommute"),
        (.remote, "telecommuting"), (.remote, "wfh"), (.remote, "work from home"), (.remote, "work from anywhere"),
        (.remote, "home based"), (.remote, "homebased"), (.remote, "telework"),
        (.hybrid, "hybrid"), (.onsite, "onsite"), (.onsite, "on site"), (.onsite, "in office"),
        (.onsite, "work from office"), (.onsite, "office based"), (.onsite, "in person"), (.onsite, "wfo"),
    ])

    /// Specific phrases for descriptions, where a bare "remote" or "hybrid" is too weak
    /// ("remote monitoring", "hybrid cloud").
    static let descriptive = table([
        (.remote, "fully remote"), (.remote, "100% remote"), (.remote, "remote position"), (.remote, "remote role"),
        (.remote, "remote job"), (.remote, "remote opportunity"), (.remote, "remote work"),
        (.remote, "remote working"), (.remote, "work remotely"), (.remote, "working remotely"),
        (.remote, "work from home"), (.remote, "work from anywhere"), (.remote, "telecommute"),
        (.remote, "telecommuting"), (.remote, "remote first"), (.remote, "is remote"), (.remote, "permanent remote"),
        (.remote, "remote only"), (.remote, "remote eligible"), (.remote, "remote friendly"),
        (.remote, "remote based"), (.remote, "home based"), (.remote, "wfh"),
        (.hybrid, "hybrid role"), (.hybrid, "hybrid position"), (.hybrid, "hybrid work"),
        (.hybrid, "hybrid working"), (.hybrid, "hybrid schedule"), (.hybrid, "hybrid model"),
        (.hybrid, "hybrid arrangement"), (.hybrid, "is hybrid"), (.hybrid, "hybrid remote"),
        (.hybrid, "hybrid environment"), (.hybrid, "days in office"), (.hybrid, "days in the office"),
        (.onsite, "fully onsite"), (.onsite, "fully on site"), (.onsite, "100% onsite"), (.onsite, "100% on site"),
        (.onsite, "onsite position"), (.onsite, "on site position"), (.onsite, "onsite role"),
        (.onsite, "on site role"), (.onsite, "work from office"), (.onsite, "is onsite"),
        (.onsite, "in office position"), (.onsite, "in person role"), (.onsite, "in person position"),
        (.onsite, "must work onsite"), (.onsite, "required to work onsite"), (.onsite, "onsite only"),
    ])

    /// 1,024-bit filters over first-word keys (top 10 bits): most words skip the dictionary lookup.
    private static func filter(_ table: [UInt64: [Phrase]]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 16)
        for key in table.keys {
            let bit = Int(key >> 54)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return bits
    }
    private static let explicitFilter = filter(explicit)
    private static let descriptiveFilter = filter(descriptive)

    private static let negators: Set<UInt64> = SkillTokenizer.keys(["not", "no", "non", "never", "without", "cannot", "isn"])
    private static let notKey = SkillTokenizer.key("not")
    private static let noKey = SkillTokenizer.key("no")
    private static let unavailableKey = SkillTokenizer.key("unavailable")

    /// The strongest work-mode phrase in `text`, or nil.
    static func scan(_ text: String, descriptive isDescriptive: Bool) -> Hit? {
        let tokens = WordTokens(text)
        let phrases = isDescriptive ? descriptive : explicit
        var remote: Hit?
        var hybrid: Hit?
        var onsite: Hit?
        var remoteEnd = 0
        var index = 0
        let words = tokens.keys
        let filter = isDescriptive ? descriptiveFilter : explicitFilter
        while index < words.count {
            let bit = Int(words[index] >> 54)
            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let candidates = phrases[words[index]] else {
                index += 1
                continue
            }
            var matched = false
            for phrase in candidates where tokens.matches(phrase.keys, at: index) {
                let count = phrase.keys.count
                switch phrase.mode {
                case .remote:
                    if index >= 1, temporaryKeys.contains(words[index - 1]) {
                        // Indeed's "Temporarily remote" (COVID era) is remote now; the evidence keeps the word
                        // so that a recruiter sees it is not for good.
                        if remote == nil {
                            remote = Hit(mode: .remote, phrase: tokens.text(index - 1, index + count), isRemoteNegated: false)
                            remoteEnd = index + count
                        }
                    } else if phrase.text.hasPrefix("home"), index >= 1, buildingWords.contains(words[index - 1]) {
                        // "a care home based in Bury St Edmunds": the home is the workplace.
                        break
                    } else if isNegated(words, start: index, count: count) {
                        if onsite == nil {
                            let from = max(0, index - 4)  // the negation, up to four words away, is in the evidence
                            let to = min(words.count, index + count + 4)
                            onsite = Hit(mode: .onsite, phrase: tokens.text(from, to), isRemoteNegated: true)
                        }
                    } else if remote == nil {
                        remote = Hit(mode: .remote, phrase: phrase.text, isRemoteNegated: false)
                        remoteEnd = index + count
                    }
                case .hybrid:
                    if hybrid == nil, !isNegated(words, start: index, count: count) {
                        hybrid = Hit(mode: .hybrid, phrase: phrase.text, isRemoteNegated: false)
                    }
                case .onsite:
                    if onsite == nil { onsite = Hit(mode: .onsite, phrase: phrase.text, isRemoteNegated: false) }
                case .unknown:
                    break
                }
                index += count
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        if hybrid == nil, remote != nil, hasOfficeDays(words) {
            hybrid = Hit(mode: .hybrid, phrase: (remote?.phrase ?? "") + " with days in the office", isRemoteNegated: false)
        }
        // "Telecommuting Options: Telecommuting Not Allowed": a negated remote outweighs a bare mention.
        if hybrid == nil, remote != nil, let negated = onsite, negated.isRemoteNegated { return negated }
        // "WFH flexibility", "Work from home Fridays", "work from home on occasion": some of the time.
        if hybrid == nil, let hit = remote, remoteEnd < words.count,
           occasionalWords.contains(words[remoteEnd]) || (remoteEnd + 1 < words.count && words[remoteEnd] == onKey
                                                          && occasionalWords.contains(words[remoteEnd + 1])) {
            hybrid = Hit(mode: .hybrid, phrase: hit.phrase + " " + tokens.text(remoteEnd, min(words.count, remoteEnd + 2)),
                         isRemoteNegated: false)
        }
        // "Work from home 2 days a week", "remote three days per week": some days remote is hybrid.
        if hybrid == nil, let hit = remote, hasDaysAWeek(words[remoteEnd..<min(words.count, remoteEnd + 5)]) {
            hybrid = Hit(mode: .hybrid, phrase: hit.phrase + " some days a week", isRemoteNegated: false)
        }
        return hybrid ?? remote ?? onsite
    }

    /// Words between a negation and "remote" that keep it negated: "not eligible for remote work", "no option
    /// to work remote"; and after it: "remote work is not an option", "remote is not possible".
    private static let bridgeBefore: Set<UInt64> = SkillTokenizer.keys([
        "eligible", "for", "a", "an", "open", "to", "available", "offered", "considered", "possible", "option",
        "work", "fully", "100",
    ])
    private static let bridgeAfter: Set<UInt64> = SkillTokenizer.keys([
        "work", "working", "is", "are", "will", "be", "would", "this", "position", "role", "option", "options",
    ])

    /// "not remote", "no remote", "remote not available", "remote: no", "not eligible for remote work",
    /// "remote work is not an option".
    static func isNegated(_ words: [UInt64], start: Int, count: Int) -> Bool {
        for back in 1...4 where start - back >= 0 {
            if negators.contains(words[start - back]) { return true }
            // Beyond the next two words only a chain of bridge words carries the negation.
            if back >= 2, !bridgeBefore.contains(words[start - back]) { break }
        }
        let end = start + count
        for ahead in 0..<4 where end + ahead < words.count {
            let word = words[end + ahead]
            // "Remote: No" negates; "Remote, no relocation needed" does not ("no" before another word).
            if word == notKey || word == unavailableKey || word == isntKey || word == cannotKey
                || (word == noKey && end + ahead == words.count - 1) {
                return true
            }
            if !bridgeAfter.contains(word) { break }
        }
        return false
    }

    /// "in our Austin office 2 days a week", "3 days a week in the office": remote with office days is hybrid.
    static func hasOfficeDays(_ words: [UInt64]) -> Bool {
        for (i, word) in words.enumerated() where word == officeKey {
            let near = words[max(0, i - 6)..<min(words.count, i + 6)]
            if near.contains(where: { $0 == daysKey || $0 == dayKey }) && near.contains(weekKey) { return true }
        }
        return false
    }

    /// "2 days a week", "three days per week" right after a remote phrase.
    static func hasDaysAWeek(_ words: ArraySlice<UInt64>) -> Bool {
        words.contains(where: { $0 == daysKey || $0 == dayKey }) && words.contains(weekKey)
    }
    private static let temporaryKeys: Set<UInt64> = SkillTokenizer.keys(["temporarily", "temporary"])
    private static let buildingWords: Set<UInt64> = SkillTokenizer.keys([
        "care", "nursing", "residential", "retirement", "childrens", "children", "group", "funeral", "rest", "foster",
    ])
    private static let occasionalWords: Set<UInt64> = SkillTokenizer.keys([
        "flexibility", "flexible", "fridays", "friday", "mondays", "days", "day", "occasionally", "occasion",
    ])
    private static let onKey = SkillTokenizer.key("on")
    private static let officeKey = SkillTokenizer.key("office")
    private static let daysKey = SkillTokenizer.key("days")
    private static let dayKey = SkillTokenizer.key("day")
    private static let weekKey = SkillTokenizer.key("week")
    private static let isntKey = SkillTokenizer.key("isn")
    private static let cannotKey = SkillTokenizer.key("cannot")
}
