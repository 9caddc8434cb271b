/// Context rules for ambiguous skill names (C, R, Go, Swift, Spring, Node, …) in free text.
enum SkillContext {
    /// Words after the name that make it a technology ("Go developer", "C programming").
    static let languageWordsAfter: Set<UInt64> = SkillTokenizer.keys([
        "programming", "language", "languages", "lang", "developer", "developers", "development", "engineer",
        "engineers", "code", "coding", "programmer", "programmers", "backend", "microservices", "modules",
        "scripts", "scripting", "sdk", "compiler", "toolchain", "framework", "frameworks", "runtime", "packages",
        "libraries", "boot",
    ])
    /// Words before the name that make it a technology ("experience in Go", "written in C").
    static let languageWordsBefore: Set<UInt64> = SkillTokenizer.keys(["in", "with", "using", "of", "like", "including", "e.g", "and", "or"])
    /// Neighbours that make a capital letter something else ("Series C", "C-level", "R&D", "Vitamin C").
    static let blockedBefore: Set<UInt64> = SkillTokenizer.keys([
        "series", "grade", "class", "type", "vitamin", "plan", "section", "part", "tier", "option", "exhibit",
        "appendix", "schedule", "form", "building", "suite", "room", "floor", "unit", "round", "category", "group",
        "phase", "step", "division", "level", "model", "size", "letter", "hepatitis", "block", "wing", "lot", "row",
        "zone", "gate", "hall", "dr", "mr", "ms", "mrs", "let", "lets", "let's", "will", "to", "must", "should",
        "can", "ready", "good", "free", "a", "the",
    ])
    static let blockedAfter: Set<UInt64> = SkillTokenizer.keys([
        "suite", "level", "levels", "corp", "corporation", "inc", "series", "class", "grade", "section", "rating",
        "score", "shares", "round", "student", "to", "ahead", "live", "through", "beyond", "back", "above", "get",
        "getter", "getters", "for", "the", "a", "out", "on", "into", "up", "over", "far", "green",
    ])
    static let andKey = SkillTokenizer.key("and")
    static let orKey = SkillTokenizer.key("or")

    /// Characters touching the name that make it part of something else ("R&D", "C-suite", "O'R").
    static func isBadJoiner(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte == UInt8(ascii: "-") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "=") || byte == 0xE2
    }

    /// Whether an ambiguous alias at `index` (spanning `count` tokens) is a skill mention.
    static func allows(_ tokens: [SkillToken], at index: Int, count: Int, isLanguage: Bool,
                       startsSkill: (Int) -> Bool) -> Bool {
        let first = tokens[index]
        let last = tokens[index + count - 1]
        guard first.isCapitalized else { return false }
        if isBadJoiner(first.touchingBefore) || isBadJoiner(last.touchingAfter) { return false }
        if first.touchingBefore == UInt8(ascii: ".") { return false }
        if last.touchingAfter == UInt8(ascii: "."), let next = last.afterTouching, SkillTokenizer.isAlnum(next) {
            return false
        }
        // Across a slash only another skill counts: "C/C++" yes, "A/R", "Wires/Swift" no.
        if first.touchingBefore == UInt8(ascii: "/"), !startsSkillEnding(at: index - 1, tokens: tokens, startsSkill: startsSkill) {
            return false
        }
        if last.touchingAfter == UInt8(ascii: "/"), !startsSkill(index + count) { return false }
        let previous = index > 0 ? tokens[index - 1].key : nil
        let next = index + count < tokens.count ? tokens[index + count].key : nil
        if let previous, blockedBefore.contains(previous), !first.listSeparatorBefore { return false }
        if let next, blockedAfter.contains(next), !(index + count < tokens.count && tokens[index + count].listSeparatorBefore) {
            return false
        }
        // A skill list around it: "C, C++", "Python/R", "SQL, R and SAS".
        let before = index - 1
        if before >= 0 {
            if startsSkillEnding(at: before, tokens: tokens, startsSkill: startsSkill) { return true }
            if tokens[before].key == andKey || tokens[before].key == orKey,
               before - 1 >= 0, startsSkillEnding(at: before - 1, tokens: tokens, startsSkill: startsSkill) {
                return true
            }
        }
        let after = index + count
        if after < tokens.count {
            if startsSkill(after) { return true }
            if tokens[after].key == andKey || tokens[after].key == orKey, startsSkill(after + 1) { return true }
        }
        if let next, languageWordsAfter.contains(next) { return true }
        // "experience in Go", "written in C": only for programming languages ("startup in Phoenix" is not).
        if isLanguage, let previous, languageWordsBefore.contains(previous), previous != andKey, previous != orKey,
           !first.listSeparatorBefore {
            return first.end - first.start > 1 || next == nil || tokens[index + count].listSeparatorBefore
        }
        return false
    }

    /// True when some skill alias ends at `position` (checks single-token and two-token skills).
    private static func startsSkillEnding(at position: Int, tokens: [SkillToken], startsSkill: (Int) -> Bool) -> Bool {
        if startsSkill(position) { return true }
        if position >= 1, startsSkill(position - 1) { return true }
        return false
    }
}
