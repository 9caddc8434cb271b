/// Lower-cased ASCII-folded word tokens of a text, for phrase lookups.
/// Letters, digits and `%` form words; everything else separates. Non-ASCII letters are kept as is.
struct WordTokens {
    /// The words, lower-cased.
    var words: [String] = []

    init(_ text: String) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"):
                current.append(byte)
            case 0x80...: current.append(byte)
            default: flush()
            }
        }
        flush()
    }

    /// True when `phrase` occurs at `index`.
    func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, word) in phrase.enumerated() where words[index + offset] != word { return false }
        return true
    }
}
