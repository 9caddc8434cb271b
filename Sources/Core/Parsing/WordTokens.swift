/// Lower-cased word tokens of a text, as hashed keys, for phrase lookups.
/// Letters, digits and `%` form words; everything else separates. Bytes of non-ASCII letters are kept.
struct WordTokens {
    /// Word keys (see `SkillTokenizer.key`).
    private(set) var keys: [UInt64] = []
    private let text: String

    init(_ text: String) {
        self.text = text
        keys = Self.scan(text, collectRanges: false).keys
    }

    private static func scan(_ text: String, collectRanges: Bool) -> (keys: [UInt64], ranges: [Range<Int>]) {
        var keys: [UInt64] = []
        var ranges: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { source in
            keys.reserveCapacity(source.count / 6)
            var hash = SkillTokenizer.fnvOffset
            var start = -1
            for index in 0..<source.count {
                let byte = source[index]
                var lower = byte
                let isWordByte: Bool
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x80 || byte >= 0x30 && byte <= 0x39 || byte == 0x25 {
                    isWordByte = true
                } else if byte >= 0x41 && byte <= 0x5A {
                    isWordByte = true
                    lower = byte | 0x20
                } else {
                    isWordByte = false
                }
                if isWordByte {
                    if start < 0 {
                        start = index
                        hash = SkillTokenizer.fnvOffset
                    }
                    hash = (hash ^ UInt64(lower)) &* SkillTokenizer.fnvPrime
                } else if start >= 0 {
                    keys.append(hash)
                    if collectRanges { ranges.append(start..<index) }
                    start = -1
                }
            }
            if start >= 0 {
                keys.append(hash)
                if collectRanges { ranges.append(start..<source.count) }
            }
        }
        return (keys, ranges)
    }

    /// True when the phrase keys occur at `index`.
    func matches(_ phrase: [UInt64], at index: Int) -> Bool {
        guard index + phrase.count <= keys.count else { return false }
        for (offset, key) in phrase.enumerated() where keys[index + offset] != key { return false }
        return true
    }

    /// Lower-cased text of words `from..<to`, joined by spaces (re-scans; used only for evidence).
    func text(_ from: Int, _ to: Int) -> String {
        let ranges = Self.scan(text, collectRanges: true).ranges
        let bytes = Array(text.utf8)
        return (from..<to).map { index in
            String(decoding: bytes[ranges[index]].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }.joined(separator: " ")
    }
}
