/// One word of a text as the skill matcher sees it.
struct SkillToken {
    /// FNV-1a hash of the lower-cased token: letters and digits, with `+`/`#` suffixes ("c++", "c#"),
    /// inner dots ("node.js", "asp.net") and a leading dot (".net"). Compared instead of strings for speed.
    var key: UInt64
    /// UTF-8 offsets of the token in the source.
    var start: Int
    var end: Int
    /// First letter upper-case in the source.
    var isCapitalized: Bool
    /// Every letter upper-case in the source.
    var isAllCaps: Bool
    /// The non-space character right before / after the token, if touching it (e.g. "-" in "C-level").
    var touchingBefore: UInt8?
    var touchingAfter: UInt8?
    /// The character after `touchingAfter` (to tell "R." at a sentence end from "R.J.").
    var afterTouching: UInt8?
    /// Separator text between the previous token and this one contains one of `,;/|()` or a newline.
    var listSeparatorBefore: Bool
}

/// Splits text into `SkillToken`s by scanning UTF-8 bytes once.
enum SkillTokenizer {
    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The key of one lower-cased word, as `tokens(_:)` computes it.
    static func key(_ word: String) -> UInt64 {
        var hash = fnvOffset
        for byte in word.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            hash = (hash ^ UInt64(lower)) &* fnvPrime
        }
        return hash
    }

    /// Keys of a set of words.
    static func keys(_ words: [String]) -> Set<UInt64> {
        Set(words.map(key))
    }

    /// The lower-cased token texts (for building tables and for non-hot paths).
    static func texts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return tokens(text).map { token in
            String(decoding: bytes[token.start..<token.end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
                   as: UTF8.self)
        }
    }

    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte >= 0x80
    }

    static func tokens(_ text: String) -> [SkillToken] {
        tokens(Array(text.utf8))
    }

    /// Per byte: bit 0 a word byte (ASCII letter or digit, any byte ≥ 0x80), bit 1 an upper-case ASCII letter,
    /// bit 2 a lower-case ASCII letter, bit 3 a list separator (`,;/|()*`, newline, tab).
    private static let byteClasses: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        var bits: UInt8 = isAlnum(byte) ? 1 : 0
        if byte >= 0x41 && byte <= 0x5A { bits |= 2 }
        if byte >= 0x61 && byte <= 0x7A { bits |= 4 }
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "|"), UInt8(ascii: "("),
             UInt8(ascii: ")"), 0x0A, UInt8(ascii: "\t"), UInt8(ascii: "*"):
            bits |= 8
        default:
            break
        }
        return bits
    }

    /// The tokens of UTF-8 text; offsets index `text`.
    static func tokens(_ text: [UInt8]) -> [SkillToken] {
        text.withUnsafeBufferPointer { utf8 in
            byteClasses.withUnsafeBufferPointer { classes in tokens(utf8, classes: classes) }
        }
    }

    /// One pass over the bytes. The text reads as if a space followed it (what lookahead past the end sees).
    private static func tokens(_ utf8: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>) -> [SkillToken] {
        let count = utf8.count
        var result: [SkillToken] = []
        result.reserveCapacity(count / 5)
        @inline(__always) func byte(_ position: Int) -> UInt8 { position < count ? utf8[position] : 0x20 }
        @inline(__always) func isWordByte(_ byte: UInt8) -> Bool { classes[Int(byte)] & 1 != 0 }
        var index = 0
        var listSeparator = false
        while index < count {
            let first = utf8[index]
            let firstClass = classes[Int(first)]
            var startsDotToken = false
            if firstClass & 1 == 0 {
                if first == UInt8(ascii: ".") {
                    let next = byte(index + 1)
                    startsDotToken = isWordByte(next) && next >= 0x41 && (index == 0 || !isWordByte(utf8[index - 1]))
                }
                if !startsDotToken {
                    if firstClass & 8 != 0 { listSeparator = true }
                    index += 1
                    continue
                }
            }
            let start = index
            var hash = fnvOffset
            // The classes of the token's word bytes, or-ed: upper-case and lower-case letters seen.
            var seen: UInt8 = 0
            if startsDotToken {
                hash = (hash ^ UInt64(first)) &* fnvPrime
                index += 1
            }
            while index < count {
                let current = utf8[index]
                let currentClass = classes[Int(current)]
                if currentClass & 1 != 0 {
                    // ASCII upper case lower-cased (bit 1 of the class is 0x20's bit 5 shifted): no branch.
                    seen |= currentClass
                    hash = (hash ^ UInt64(current | ((currentClass & 2) << 4))) &* fnvPrime
                    index += 1
                } else if current == UInt8(ascii: "."), isWordByte(byte(index + 1)) {
                    hash = (hash ^ UInt64(current)) &* fnvPrime
                    index += 1
                } else if current == UInt8(ascii: "+") || current == UInt8(ascii: "#") {
                    // "c++", "c#", "f#"; not "a+b".
                    var end = index
                    while end < count, utf8[end] == current, end - index < 2 { end += 1 }
                    let after = byte(end)
                    if !isWordByte(after) || after == UInt8(ascii: ".") {
                        for position in index..<end { hash = (hash ^ UInt64(utf8[position])) &* fnvPrime }
                        index = end
                        if index < count, utf8[index] == UInt8(ascii: "."), isWordByte(byte(index + 1)) { continue }
                    }
                    break
                } else {
                    break
                }
            }
            let firstLetter = utf8[startsDotToken ? start + 1 : start]
            let before: UInt8? = start > 0 && utf8[start - 1] != 0x20 && utf8[start - 1] != 0x0A ? utf8[start - 1] : nil
            let after: UInt8? = index < count && utf8[index] != 0x20 && utf8[index] != 0x0A ? utf8[index] : nil
            result.append(SkillToken(
                key: hash, start: start, end: index,
                isCapitalized: firstLetter >= 0x41 && firstLetter <= 0x5A || (firstLetter >= 0x30 && firstLetter <= 0x39),
                isAllCaps: seen & 6 != 0 && seen & 4 == 0, touchingBefore: before, touchingAfter: after,
                afterTouching: index < count ? byte(index + 1) : nil, listSeparatorBefore: listSeparator))
            listSeparator = false
        }
        return result
    }
}
