/// One word of a text as the skill matcher sees it.
struct SkillToken {
    /// Lower-cased text: letters and digits, with `+`/`#` suffixes ("c++", "c#"), inner dots
    /// ("node.js", "asp.net") and a leading dot (".net").
    var text: String
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
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte >= 0x80
    }

    static func tokens(_ text: String) -> [SkillToken] {
        var result: [SkillToken] = []
        var utf8 = Array(text.utf8)
        utf8.append(0x20)
        let count = utf8.count - 1
        var index = 0
        var listSeparator = false
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        while index < count {
            let byte = utf8[index]
            let startsDotToken = byte == UInt8(ascii: ".") && isAlnum(utf8[index + 1])
                && (index == 0 || !isAlnum(utf8[index - 1])) && utf8[index + 1] >= 0x41
            guard isAlnum(byte) || startsDotToken else {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "|"), UInt8(ascii: "("),
                     UInt8(ascii: ")"), 0x0A, UInt8(ascii: "\t"), UInt8(ascii: "*"):
                    listSeparator = true
                default:
                    break
                }
                index += 1
                continue
            }
            let start = index
            buffer.removeAll(keepingCapacity: true)
            var hasLetter = false
            var allCaps = true
            if startsDotToken {
                buffer.append(byte)
                index += 1
            }
            while index < count {
                let current = utf8[index]
                if isAlnum(current) {
                    if current >= 0x41 && current <= 0x5A {
                        hasLetter = true
                        buffer.append(current | 0x20)
                    } else {
                        if current >= 0x61 && current <= 0x7A {
                            hasLetter = true
                            allCaps = false
                        }
                        buffer.append(current)
                    }
                    index += 1
                } else if current == UInt8(ascii: "."), isAlnum(utf8[index + 1]) {
                    buffer.append(current)
                    index += 1
                } else if current == UInt8(ascii: "+") || current == UInt8(ascii: "#") {
                    // "c++", "c#", "f#"; not "a+b".
                    var end = index
                    while end < count, utf8[end] == current, end - index < 2 { end += 1 }
                    if end < count + 1, !isAlnum(utf8[end]) || utf8[end] == UInt8(ascii: ".") {
                        buffer.append(contentsOf: utf8[index..<end])
                        index = end
                        if index < count, utf8[index] == UInt8(ascii: "."), isAlnum(utf8[index + 1]) { continue }
                    }
                    break
                } else {
                    break
                }
            }
            let first = utf8[startsDotToken ? start + 1 : start]
            let before: UInt8? = start > 0 && utf8[start - 1] != 0x20 && utf8[start - 1] != 0x0A ? utf8[start - 1] : nil
            let after: UInt8? = index < count && utf8[index] != 0x20 && utf8[index] != 0x0A ? utf8[index] : nil
            result.append(SkillToken(
                text: String(decoding: buffer, as: UTF8.self), start: start, end: index,
                isCapitalized: first >= 0x41 && first <= 0x5A || (first >= 0x30 && first <= 0x39),
                isAllCaps: hasLetter && allCaps, touchingBefore: before, touchingAfter: after,
                afterTouching: index + 1 <= count ? utf8[index + 1] : nil, listSeparatorBefore: listSeparator))
            listSeparator = false
        }
        return result
    }
}
