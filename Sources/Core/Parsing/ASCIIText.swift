import Foundation

/// Byte-level versions of Foundation string operations for ASCII-only text, where they give the same result
/// without bridging to `NSString`. Callers check `isASCII` and keep the Foundation call for other text
/// (Foundation's case-insensitive and canonical-equivalence rules differ from bytes only beyond ASCII).
enum ASCIIText {
    /// True when every byte of `text` is below 0x80.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// True when `needle` occurs in `text` byte for byte.
    static func contains(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        return firstMatch(haystack, pattern, from: 0, ignoringCase: false) != nil
    }

    /// The index of the first occurrence of `pattern` in `bytes` at or after `start`; ASCII letters compare
    /// case-insensitively when `ignoringCase`.
    static func firstMatch(_ bytes: [UInt8], _ pattern: [UInt8], from start: Int, ignoringCase: Bool) -> Int? {
        guard !pattern.isEmpty, bytes.count - start >= pattern.count else { return nil }
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { ignoringCase && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        let first = fold(pattern[0])
        for i in start...(bytes.count - pattern.count) where fold(bytes[i]) == first {
            var j = 1
            while j < pattern.count && fold(bytes[i + j]) == fold(pattern[j]) { j += 1 }
            if j == pattern.count { return i }
        }
        return nil
    }

    /// `text` with every occurrence of each pattern, in turn, replaced by `replacement`: the same as calling
    /// `replacingOccurrences(of:with:options: .caseInsensitive)` once per pattern, in order.
    static func replacingCaseInsensitive(_ text: String, _ patterns: [[UInt8]], with replacement: UInt8) -> String {
        var bytes = Array(text.utf8)
        for pattern in patterns {
            guard var hit = firstMatch(bytes, pattern, from: 0, ignoringCase: true) else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0
            while true {
                out.append(contentsOf: bytes[copied..<hit])
                out.append(replacement)
                copied = hit + pattern.count
                guard let next = firstMatch(bytes, pattern, from: copied, ignoringCase: true) else { break }
                hit = next
            }
            out.append(contentsOf: bytes[copied...])
            bytes = out
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A set of strings that searches linearly while it is small (no hashing: most sets here hold a handful of skill
/// names) and switches to hashing once it grows, so that huge inputs stay linear overall.
struct SmallStringSet {
    private var items: [String] = []
    private var hashed: Set<String>?
    private static let linearLimit = 32

    init() {}

    init<S: Sequence>(_ strings: S) where S.Element == String {
        for string in strings { insert(string) }
    }

    func contains(_ string: String) -> Bool {
        if let hashed { return hashed.contains(string) }
        return items.contains(string)
    }

    /// Adds `string`; false when it was already there.
    @discardableResult
    mutating func insert(_ string: String) -> Bool {
        if hashed != nil { return hashed!.insert(string).inserted }
        if items.contains(string) { return false }
        items.append(string)
        if items.count > Self.linearLimit { hashed = Set(items) }
        return true
    }
}

/// Runs of text that a scanner copies unchanged: bytes that need no attention, and single spaces between them.
enum TextRuns {
    /// Where the run starting at `start` ends: the first byte that is neither "ordinary" nor a space followed by an
    /// ordinary byte. Ordinary is visible ASCII (`0x21...0x7E`) for plain text, and for HTML text
    /// (`html: true`) any byte above 0x20 except `<`, `&` and 0xEF.
    @inline(__always)
    static func end(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, html: Bool) -> Int {
        let count = bytes.count
        guard start < count, let base = bytes.baseAddress else { return start }
        var index = start
        while true {
            // Eight bytes at a time while a whole word belongs to the run.
            while index + 8 <= count, isRun(ByteWords.load(base + index), html: html) { index += 8 }
            // Then a byte at a time, for at most a word: the run ends there, or words go on after it.
            let stop = min(count, index + 8)
            while index < stop {
                let byte = bytes[index]
                if isOrdinary(byte, html: html) {
                    index += 1
                } else if byte == 0x20, index + 1 < count, isOrdinary(bytes[index + 1], html: html) {
                    index += 2
                } else {
                    return index
                }
            }
            if index >= count { return index }
        }
    }

    /// True when all eight bytes of `word` are in a run and the run goes on after its last byte: every byte
    /// ordinary or a space, no space next to a space, the last byte not a space (what follows it is not known).
    @inline(__always)
    static func isRun(_ word: UInt64, html: Bool) -> Bool {
        let spaces = ByteWords.equalMask(word, 0x20)
        var bad = ByteWords.belowMask(word, 0x20)
        if html {
            bad |= ByteWords.equalMask(word, UInt8(ascii: "<")) | ByteWords.equalMask(word, UInt8(ascii: "&"))
                | ByteWords.equalMask(word, 0xEF)
        } else {
            bad |= (word & ByteWords.highs) | ByteWords.equalMask(word, 0x7F)
        }
        return bad | (spaces & (spaces >> 8)) | (spaces >> 63) == 0
    }

    @inline(__always)
    static func isOrdinary(_ byte: UInt8, html: Bool) -> Bool {
        if html { return byte > 0x20 && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && byte != 0xEF }
        return byte &- 0x21 < 0x5E
    }
}

/// Eight bytes at a time (SWAR): whether a 64-bit word of text holds a byte of some kind. Each test is exact for
/// "some byte is …" (the borrow tricks can only misreport bytes above a byte that really matches).
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always) static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Some byte equals `byte`.
    @inline(__always) static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Some byte is below `limit` (at most 0x80).
    @inline(__always) static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// The high bit of every byte equal to `byte`, exactly (no borrow between bytes).
    @inline(__always) static func equalMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }

    /// The high bit of every byte below `limit` (at most 0x80), exactly.
    @inline(__always) static func belowMask(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        ~(((word & ~highs) &+ ones &* UInt64(0x80 - limit)) | word) & highs
    }

    /// Some byte is 0x80 or above.
    @inline(__always) static func hasNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }
}
