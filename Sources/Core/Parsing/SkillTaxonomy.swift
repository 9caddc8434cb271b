import Foundation

/// A skill of the taxonomy.
public struct Skill: Sendable, Equatable, Hashable {
    /// Stable identifier, e.g. "postgresql".
    public let id: String
    /// Display name, e.g. "PostgreSQL".
    public let name: String
    /// Group, e.g. "database", "language", "devops".
    public let category: String
    /// Lower-cased aliases, without match prefixes, e.g. ["postgres", "pg"].
    public let aliases: [String]
}

/// The skill taxonomy: canonical skills and their aliases, with lookup tables built once.
public final class SkillTaxonomy: Sendable {
    /// The built-in taxonomy (see `SkillTaxonomy+Data.swift`).
    public static let shared = SkillTaxonomy(data: builtInData)

    /// How an alias may match in free text.
    enum AliasRule: Sendable {
        /// Any case, any context.
        case plain
        /// Needs a capital first letter ("React", not "react to").
        case capitalized
        /// Needs all capitals ("REST", "SAS").
        case allCaps
        /// Needs capitalisation and context: a neighbouring skill, "programming", "in/with/using …".
        case contextual
        /// Only whole skill-list entries, never free text ("pg", "ts").
        case listOnly
    }

    struct Alias: Sendable {
        var tokens: [UInt64]
        var skill: Int
        var rule: AliasRule
    }

    /// All skills in file order.
    public let skills: [Skill]
    /// Number of aliases (including canonical names and generated spelling variants).
    public var aliasCount: Int { aliases.count }
    /// Number of skills.
    public var count: Int { skills.count }

    let aliases: [Alias]
    /// Alias indexes by first token, longest alias first.
    let byFirstToken: [UInt64: [Int]]
    /// 65,536-bit filter over first-token keys (top 16 bits): most words skip the dictionary lookup.
    let firstTokenFilter: [UInt64]
    /// `byFirstToken` in flat arrays, for the matcher's hot loop.
    let firstTokens: FirstTokenIndex
    /// Skill index by alias tokens joined with a space.
    let exact: [String: Int]
    /// Skill index by compact key: lower-cased letters, digits, "+", "#" only ("reactjs", "c#", "mssql").
    let compact: [String: Int]
    /// Compact keys of at least 6 bytes allowed for fuzzy matching.
    let fuzzyKeys: [(key: [UInt8], skill: Int)]
    /// For each fuzzy key, the set of its bytes folded into 64 bits (see `byteMask`).
    let fuzzyMasks: [UInt64]
    private let byID: [String: Int]

    /// Parses taxonomy text: `id | name | category | alias, alias` lines; `#` starts a comment.
    public init(data: String) {
        var skills: [Skill] = []
        var aliases: [Alias] = []
        var aliasTexts: [String] = []
        for rawLine in data.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 3 else { continue }
            let index = skills.count
            var entries: [(String, AliasRule)] = []
            let listed = fields.count > 3 ? fields[3].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } : []
            for alias in listed where !alias.isEmpty {
                var text = alias.lowercased()
                var rule = AliasRule.plain
                switch text.first {
                case "~": rule = .contextual
                case "^": rule = .capitalized
                case "=": rule = .allCaps
                case "!": rule = .listOnly
                default: break
                }
                if rule != .plain { text.removeFirst() }
                entries.append((text, rule))
            }
            let nameKey = fields[1].lowercased()
            if !entries.contains(where: { $0.0 == nameKey }) { entries.insert((nameKey, .plain), at: 0) }
            var seen = Set<String>()
            var skillAliases: [String] = []
            for (text, rule) in entries {
                for variant in Self.variants(of: text) {
                    let tokens = SkillTokenizer.texts(variant)
                    guard !tokens.isEmpty, seen.insert(tokens.joined(separator: " ")).inserted else { continue }
                    aliases.append(Alias(tokens: tokens.map(SkillTokenizer.key), skill: index, rule: rule))
                    aliasTexts.append(tokens.joined(separator: " "))
                }
                skillAliases.append(text)
            }
            skills.append(Skill(id: fields[0], name: fields[1], category: fields[2], aliases: skillAliases))
        }
        var byFirstToken: [UInt64: [Int]] = [:]
        var exact: [String: Int] = [:]
        var compact: [String: Int] = [:]
        var fuzzy: [(key: [UInt8], skill: Int)] = []
        for (position, alias) in aliases.enumerated() {
            byFirstToken[alias.tokens[0], default: []].append(position)
            let key = aliasTexts[position]
            if exact[key] == nil { exact[key] = alias.skill }
            let compactKey = Self.compactKey(key)
            if !compactKey.isEmpty, compact[compactKey] == nil {
                compact[compactKey] = alias.skill
                if compactKey.utf8.count >= 6, alias.rule != .contextual, alias.rule != .listOnly {
                    fuzzy.append((Array(compactKey.utf8), alias.skill))
                }
            }
        }
        for key in byFirstToken.keys {
            byFirstToken[key]?.sort { aliases[$0].tokens.count > aliases[$1].tokens.count }
        }
        self.skills = skills
        self.aliases = aliases
        self.byFirstToken = byFirstToken
        var filter = [UInt64](repeating: 0, count: 1024)
        for key in byFirstToken.keys {
            let bit = Int(key >> 48)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.firstTokenFilter = filter
        self.firstTokens = FirstTokenIndex(byFirstToken: byFirstToken, aliases: aliases, skills: skills)
        self.exact = exact
        self.compact = compact
        self.fuzzyKeys = fuzzy
        self.fuzzyMasks = fuzzy.map { Self.byteMask($0.key) }
        self.byID = Dictionary(skills.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// "react.js" → also "react js" and "reactjs".
    private static func variants(of alias: String) -> [String] {
        var result = [alias]
        if alias.hasSuffix(".js") {
            let stem = String(alias.dropLast(3))
            result.append(stem + " js")
            result.append(stem + "js")
        }
        return result
    }

    /// Lower-cased letters, digits, "+" and "#" only.
    static func compactKey(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: bytes.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, UInt8(ascii: "+"), UInt8(ascii: "#"), 0x80...: bytes.append(byte)
            default: continue
            }
        }
        // A leading dot matters for ".net" vs "net"; keep it as a marker.
        if text.unicodeScalars.first(where: { !CharacterSet.whitespaces.contains($0) }) == "." { return "." + String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Alias indexes whose first token is `key`, longest first; nil for most words, cheaply.
    @inline(__always)
    func candidates(startingWith key: UInt64) -> [Int]? {
        let bit = Int(key >> 48)
        guard firstTokenFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return byFirstToken[key]
    }

    /// The skill with this id.
    public func skill(id: String) -> Skill? {
        byID[id].map { skills[$0] }
    }

    /// The skill whose name or alias is exactly `phrase` (case, spaces, dots and dashes ignored).
    public func skill(named phrase: String) -> Skill? {
        lookupIndex(phrase, fuzzy: false).map { skills[$0] }
    }

    /// Canonical name for one phrase, allowing small spelling mistakes in long names; nil when unknown.
    public func canonicalName(for phrase: String) -> String? {
        lookupIndex(phrase, fuzzy: true).map { skills[$0].name }
    }

    func lookupIndex(_ phrase: String, fuzzy: Bool) -> Int? {
        let tokens = SkillTokenizer.texts(phrase)
        guard !tokens.isEmpty else { return nil }
        let key = Self.compactKey(phrase)
        if let hit = compact[key] { return hit }
        if let hit = exact[tokens.joined(separator: " ")] { return hit }
        if fuzzy { return fuzzyMatch(key) }
        return nil
    }

    /// Edit distance ≤ 1 for keys of 6–9 bytes, ≤ 2 from 10 bytes (a swap of two neighbours is one edit:
    /// "Pyhton"); never for shorter keys, nor between an "-ing" word and a name that is none ("Testing" is not
    /// TestNG: a suffix is a word of its own, not a typo).
    func fuzzyMatch(_ key: String) -> Int? {
        let target = Array(key.utf8)
        guard target.count >= 6 else { return nil }
        let ing = Array("ing".utf8)
        let targetIsING = target.suffix(3).elementsEqual(ing)
        let limit = target.count >= 10 ? 2 : 1
        var best: (distance: Int, skill: Int)?
        let targetMask = Self.byteMask(target)
        // Spelling variants keep their first letter ("Kubernets", "Postgress"); without this rule "Studio" was
        // one deletion from "rstudio" and read as R.
        for (position, candidate) in fuzzyKeys.enumerated()
        where abs(candidate.key.count - target.count) <= limit && candidate.key.first == target.first
            && candidate.key.suffix(3).elementsEqual(ing) == targetIsING {
            let candidateLimit = candidate.key.count >= 10 ? min(limit, 2) : 1
            // Each edit adds or removes at most two distinct bytes, so far-apart byte sets cannot be close.
            if (targetMask ^ fuzzyMasks[position]).nonzeroBitCount > 2 * candidateLimit { continue }
            let distance = Self.editDistance(target, candidate.key, limit: candidateLimit)
            if distance <= candidateLimit, best == nil || distance < best!.distance {
                best = (distance, candidate.skill)
                if distance == 0 { break }
            }
        }
        return best?.skill
    }

    /// The bytes of `key` as a 64-bit set (byte value modulo 64). Two keys within edit distance d differ in at
    /// most 2d distinct bytes, and folding bytes together only lowers the count, so the mask difference bounds d.
    static func byteMask(_ key: [UInt8]) -> UInt64 {
        key.reduce(0) { $0 | (1 << UInt64($1 & 63)) }
    }

    /// Edit distance with swaps of neighbours (optimal string alignment), stopping early above `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a == b { return 0 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

/// The aliases by first token key in flat arrays: a probe of an open-addressing table (the keys are FNV hashes, so
/// their bits index it) gives a contiguous run of candidates, in `byFirstToken`'s order, whose token keys are
/// contiguous too. The matcher reads no dictionary and follows no pointer per token.
struct FirstTokenIndex: Sendable {
    struct Candidate: Sendable {
        var skill: Int32
        /// Where the alias's token keys start in `tokenKeys`.
        var tokensStart: Int32
        var tokenCount: Int16
        var rule: SkillTaxonomy.AliasRule
        /// The skill's category is "language" (context rules are stricter for other ambiguous names).
        var isLanguage: Bool
    }

    private let slotKeys: [UInt64]
    /// Per slot: start of its run in `candidates` and its length (0: empty slot).
    private let slotStarts: [Int32]
    private let slotCounts: [Int32]
    private let mask: Int
    let candidates: [Candidate]
    let tokenKeys: [UInt64]

    init(byFirstToken: [UInt64: [Int]], aliases: [SkillTaxonomy.Alias], skills: [Skill]) {
        var size = 16
        while size < byFirstToken.count * 2 { size <<= 1 }
        var slotKeys = [UInt64](repeating: 0, count: size)
        var slotStarts = [Int32](repeating: 0, count: size)
        var slotCounts = [Int32](repeating: 0, count: size)
        var candidates: [Candidate] = []
        var tokenKeys: [UInt64] = []
        for (key, list) in byFirstToken.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & (size - 1)
            while slotCounts[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slotKeys[slot] = key
            slotStarts[slot] = Int32(candidates.count)
            slotCounts[slot] = Int32(list.count)
            for position in list {
                let alias = aliases[position]
                candidates.append(Candidate(skill: Int32(alias.skill), tokensStart: Int32(tokenKeys.count),
                                            tokenCount: Int16(alias.tokens.count), rule: alias.rule,
                                            isLanguage: skills[alias.skill].category == "language"))
                tokenKeys += alias.tokens
            }
        }
        self.slotKeys = slotKeys
        self.slotStarts = slotStarts
        self.slotCounts = slotCounts
        self.mask = size - 1
        self.candidates = candidates
        self.tokenKeys = tokenKeys
    }

    /// The positions in `candidates` of the aliases starting with `key`, longest first; empty when none.
    @inline(__always)
    func candidates(startingWith key: UInt64) -> Range<Int> {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
        while true {
            let count = Int(slotCounts[slot])
            if count == 0 { return 0..<0 }
            if slotKeys[slot] == key {
                let start = Int(slotStarts[slot])
                return start..<(start + count)
            }
            slot = (slot + 1) & mask
        }
    }
}
