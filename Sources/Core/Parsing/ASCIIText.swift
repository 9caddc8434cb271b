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
