/// Lower-cased word tokens of a text, as hashed keys, for phrase lookups.
/// Letters, digits and `%` form words; everything else separates. Bytes of non-ASCII letters are kept.
struct WordTokens {
    /// Word keys (see `SkillTokenizer.key`).
    var keys: [UInt64] = []
    /// UTF-8 ranges of the words in `source`.
    var ranges: [Range<Int>] = []
    private var source: [UInt8]

    init(_ text: String) {
        source = Array(text.utf8)
        var hash = SkillTokenizer.fnvOffset
        var start = -1
        for (index, byte) in source.enumerated() {
            let isWordByte: Bool
            var lower = byte
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                isWordByte = true
                lower = byte | 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"), 0x80...:
                isWordByte = true
            default:
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
                ranges.append(start..<index)
                start = -1
            }
        }
        if start >= 0 {
            keys.append(hash)
            ranges.append(start..<source.count)
        }
    }

    /// True when the phrase keys occur at `index`.
    func matches(_ phrase: [UInt64], at index: Int) -> Bool {
        guard index + phrase.count <= keys.count else { return false }
        for (offset, key) in phrase.enumerated() where keys[index + offset] != key { return false }
        return true
    }

    /// Lower-cased text of words `from..<to`, joined by spaces.
    func text(_ from: Int, _ to: Int) -> String {
        (from..<to).map { index in
            String(decoding: source[ranges[index]].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }.joined(separator: " ")
    }
}
