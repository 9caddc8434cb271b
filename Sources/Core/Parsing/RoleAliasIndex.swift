/// Canonical roles by alias (`role_aliases`), for mapping job titles while a file is imported. An alias
/// matches when it appears in the title as whole words: the title is lower-cased and cut into words at every
/// character other than a–z, 0–9, `+`, `#` and `.`, and each run of 1…n words (n: the most words of any alias)
/// is looked up as it stands, words joined by one space. "Senior Python Developer (Remote)" holds
/// "python developer"; "Python Developers wanted" does not; "Lead C++ Developer / Python Engineer" holds both
/// "c++ developer" and "python engineer". The same rule as the import's SQL for rows that go through its stage.
public struct RoleAliasIndex: Sendable {
    private let roles: [String: Int64]
    /// The most words of any alias.
    private let longest: Int

    /// `aliases`: (alias, role id) pairs as stored (lower-case).
    public init<S: Sequence>(_ aliases: S) where S.Element == (alias: String, roleId: Int64) {
        var roles: [String: Int64] = [:]
        var longest = 1
        for (alias, roleId) in aliases {
            roles[alias] = roleId
            longest = max(longest, alias.split(separator: " ", omittingEmptySubsequences: false).count)
        }
        self.roles = roles
        self.longest = longest
    }

    public var isEmpty: Bool { roles.isEmpty }

    /// The roles whose alias appears in `title`, each once, in the order of their first word in the title.
    public func roleIds(in title: String) -> [Int64] {
        guard !roles.isEmpty else { return [] }
        let words = Self.words(title)
        var found: [Int64] = []
        for start in words.indices {
            var phrase = ""
            for end in start..<min(words.count, start + longest) {
                if end > start { phrase += " " }
                phrase += words[end]
                if let id = roles[phrase], !found.contains(id) { found.append(id) }
            }
        }
        return found
    }

    /// The title's words: lower-cased, split at every byte that is not a–z, 0–9, `+`, `#` or `.`.
    static func words(_ title: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in title.lowercased().utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "#"), UInt8(ascii: "."):
                word.append(byte)
            default:
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
