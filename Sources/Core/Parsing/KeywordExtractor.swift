import Foundation

/// Search keywords for a posting.
public enum KeywordExtractor {
    /// Search keywords (lower-case, de-duplicated): title words minus stopwords, then the canonical
    /// skills, then the most frequent non-stopword terms of the description; at most `limit`.
    public static func keywords(title: String, description: String, skills: [String], limit: Int = 20) -> [String] {
        let bytes = Array(description.utf8)
        return keywords(title: title, descriptionTokens: SkillTokenizer.tokens(bytes)[...], bytes: bytes, skills: skills, limit: limit)
    }

    /// `keywords(title:description:skills:limit:)` for a description already tokenized: `descriptionTokens`
    /// index `bytes`, which may hold more text than the description (the normalizer tokenizes title and
    /// description together).
    static func keywords(title: String, descriptionTokens tokens: ArraySlice<SkillToken>, bytes: [UInt8],
                         skills: [String], limit: Int = 20) -> [String] {
        keywords(titleWords: SkillTokenizer.texts(title), descriptionTokens: tokens, bytes: bytes, skills: skills, limit: limit)
    }

    /// The same for title and description tokenized together: `titleTokens` and `descriptionTokens` both index
    /// `bytes` (the title's tokens are the tokens the title alone gives: none crosses the newline after it).
    static func keywords(titleTokens: ArraySlice<SkillToken>, descriptionTokens tokens: ArraySlice<SkillToken>,
                         bytes: [UInt8], skills: [String], limit: Int = 20) -> [String] {
        let titleWords = titleTokens.map { lowercasedText(bytes, $0.start, $0.end) }
        return keywords(titleWords: titleWords, descriptionTokens: tokens, bytes: bytes, skills: skills, limit: limit)
    }

    /// `bytes[start..<end]` with ASCII letters lower-cased, as a string.
    static func lowercasedText(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { out in
            for offset in 0..<(end - start) {
                let byte = bytes[start + offset]
                out[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return end - start
        }
    }

    private static func keywords(titleWords: [String], descriptionTokens tokens: ArraySlice<SkillToken>, bytes: [UInt8],
                                 skills: [String], limit: Int) -> [String] {
        var result: [String] = []
        result.reserveCapacity(limit)
        // At most `limit` words: a linear search beats hashing each one.
        func add(_ word: String) {
            guard result.count < limit, !result.contains(word) else { return }
            result.append(word)
        }
        for word in titleWords where isKeyword(word) { add(word) }
        for skill in skills {
            let lower = trimmedSpaces(skill.lowercased())
            if !lower.isEmpty { add(lower) }
        }
        guard result.count < limit else { return result }
        // Count description terms by token key; build strings only for the winners.
        let frequent = tokens.withUnsafeBufferPointer { tokens in
            TokenCounter.frequent(tokens, minimumLength: 3, skipping: stopwordKeys)
        }
        for position in frequent where result.count < limit {
            let token = tokens[tokens.startIndex + position]
            let word = lowercasedText(bytes, token.start, token.end)
            if isKeyword(word) { add(word) }
        }
        return result
    }

    /// `text.trimmingCharacters(in: .whitespaces)` without Foundation when nothing needs trimming.
    private static func trimmedSpaces(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let isPlain = { (b: UInt8) in b > 0x20 && b < 0x80 }
        return isPlain(first) && isPlain(last) ? text : text.trimmingCharacters(in: .whitespaces)
    }

    private static func isKeyword(_ word: String) -> Bool {
        guard word.utf8.count >= 2 || word.contains("+") || word.contains("#") else { return false }
        // An ASCII word whose key is no stopword's key is no stopword (stopwords are ASCII); only other words
        // need the string set (which compares by canonical equivalence).
        var isASCII = true
        var key = SkillTokenizer.fnvOffset
        for byte in word.utf8 {
            isASCII = isASCII && byte < 0x80
            key = (key ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* SkillTokenizer.fnvPrime
        }
        if (!isASCII || stopwordKeys.contains(key)) && stopwords.contains(word) { return false }
        return word.utf8.contains { !($0 >= 0x30 && $0 <= 0x39) && $0 != UInt8(ascii: ".") }
    }

    private static let stopwordKeys = KeySet(stopwords.map(SkillTokenizer.key))

    /// English stopwords plus words that appear in nearly every posting.
    static let stopwords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "etc", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
        "to", "too", "under", "until", "up", "us", "very", "via", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "within", "would", "you", "your", "yours", "may",
        "including", "well", "able", "ability", "across", "along", "based", "work", "working", "job", "jobs", "role",
        "position", "team", "teams", "company", "experience", "experienced", "years", "year", "skills", "skill",
        "strong", "new", "including", "required", "requirements", "preferred", "responsibilities", "candidate",
        "candidates", "opportunity", "opportunities", "apply", "please", "equal", "employer", "employment", "status",
        "benefits", "including", "without", "regard", "race", "color", "religion", "sex", "gender", "national",
        "origin", "disability", "veteran", "protected", "applicants", "qualified", "knowledge", "understanding",
        "ensure", "provide", "support", "using", "use", "help", "make", "get", "one", "two", "three", "time",
        "day", "days", "week", "weeks", "like", "want", "need", "join", "looking", "seeking", "ideal", "plus",
        "minimum", "least", "e.g", "i.e", "etc.", "full", "part", "senior", "junior", "lead", "ii", "iii", "iv",
        "sr", "jr", "remote", "hybrid", "onsite", "location", "salary", "pay", "hour", "hourly", "annual", "usd",
        "nan", "null", "description", "related", "relevant", "include", "includes", "other", "all", "any",
    ]
}
