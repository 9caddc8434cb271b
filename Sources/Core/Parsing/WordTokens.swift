/// Lower-cased word tokens of a text, as hashed keys, for phrase lookups.
/// Letters, digits and `%` form words; everything else separates. Bytes of non-ASCII letters are kept.
struct WordTokens {
    /// Word keys (see `SkillTokenizer.key`).
    private(set) var keys: [UInt64] = []
    private let text: String

    init(_ text: String) {
        self.text = text
        keys = Self.keys(text)
    }

    /// Per byte: 0 separates words, otherwise the byte as it goes into the word's key (ASCII lower-cased).
    private static let wordBytes: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        return byte >= 0x61 && byte <= 0x7A || byte >= 0x80 || byte >= 0x30 && byte <= 0x39 || byte == 0x25 ? byte : 0
    }

    /// The keys `scan` gives, without a branch per byte: the current key is stored at every byte and kept (by
    /// counting it) only where a word ends.
    private static func keys(_ text: String) -> [UInt64] {
        var copy = text
        return copy.withUTF8 { source in
            wordBytes.withUnsafeBufferPointer { table in
                [UInt64](unsafeUninitializedCapacity: source.count / 2 + 2) { keys, initialized in
                    var count = 0
                    let offset = SkillTokenizer.fnvOffset
                    var hash = offset
                    var inWord: UInt64 = 0
                    for byte in source {
                        let value = UInt64(table[Int(byte)])
                        let isWord = (value &+ 255) >> 8
                        keys[count] = hash
                        count &+= Int(truncatingIfNeeded: inWord & (isWord ^ 1))
                        let hashed = (hash ^ value) &* SkillTokenizer.fnvPrime
                        let keep = 0 &- isWord
                        hash = (hashed & keep) | (offset & ~keep)
                        inWord = isWord
                    }
                    if inWord != 0 {
                        keys[count] = hash
                        count += 1
                    }
                    initialized = count
                }
            }
        }
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
