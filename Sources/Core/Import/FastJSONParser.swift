/// Reads JSON text byte by byte into `JSONNode`s: the importer's hot path, with no Foundation, no `Any` and no
/// dynamic casts.
///
/// It reads a subset of what `JSONSerialization` reads after `JSONRecordReader.sanitize`, and reads it the same
/// way: bare `NaN`, `Infinity` and `-Infinity` are null, escapes (`\uXXXX` with surrogate pairs included) are
/// decoded, numbers are those `NSNumber` would hold. For anything outside the subset it returns nil and the caller
/// falls back to `JSONSerialization`, so every outcome stays what Foundation gives: numbers with an exponent or
/// more than 15 digits, trailing commas (which Foundation accepts), repeated keys (Foundation keeps the last),
/// nesting deeper than `maxDepth`, and everything Foundation rejects (invalid UTF-8, control characters in
/// strings, lone surrogates, unknown escapes, garbage after the value).
struct FastJSONParser {
    /// Deeper nesting is left to `JSONSerialization` (whose own limit is 512).
    static let maxDepth = 128

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The value that is the whole of `bytes` (whitespace around it allowed), or nil when the text is not in the
    /// subset this parser reads exactly as `JSONSerialization` does.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONNode? {
        var parser = FastJSONParser(bytes)
        parser.skipSpace()
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == bytes.count ? value : nil
    }

    static func parse(_ bytes: [UInt8]) -> JSONNode? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> JSONNode? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    // MARK: - Values

    @inline(__always) private mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private mutating func value() -> JSONNode? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string().map(JSONNode.string)
        case UInt8(ascii: "{"):
            return object()
        case UInt8(ascii: "["):
            return array()
        case UInt8(ascii: "t"):
            return word("true") ? .bool(true) : nil
        case UInt8(ascii: "f"):
            return word("false") ? .bool(false) : nil
        case UInt8(ascii: "n"):
            return word("null") ? .null : nil
        // `sanitize` turns these into null when no letter, digit or `_` touches them; a touching one leaves
        // invalid JSON, and then the byte after the word is not one this parser accepts either.
        case UInt8(ascii: "N"):
            return word("NaN") ? .null : nil
        case UInt8(ascii: "I"):
            return word("Infinity") ? .null : nil
        case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "I"):
            return word("-Infinity") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number()
        default:
            return nil
        }
    }

    private mutating func word(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        index += count
        return true
    }

    private mutating func object() -> JSONNode? {
        depth += 1
        guard depth <= Self.maxDepth else { return nil }
        index += 1
        skipSpace()
        var object = JSONObject(capacity: 16)
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard let value = value() else { return nil }
            // A repeated key: Foundation keeps the last value; leave that to it.
            if object[key] != nil { return nil }
            object.append(key, value)
            skipSpace()
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "}") { break }
            guard byte == UInt8(ascii: ",") else { return nil }
            skipSpace()
        }
        depth -= 1
        return .object(object)
    }

    private mutating func array() -> JSONNode? {
        depth += 1
        guard depth <= Self.maxDepth else { return nil }
        index += 1
        skipSpace()
        var elements: [JSONNode] = []
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            guard let value = value() else { return nil }
            elements.append(value)
            skipSpace()
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { return nil }
            skipSpace()
        }
        depth -= 1
        return .array(elements)
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits: exact in a `Double`, so integers are what `NSNumber`'s
    /// integer gives as `doubleValue` ("-0" is 0) and `m / 10^k` is the correctly rounded decimal (both exact
    /// operands, one IEEE division), as `strtod` gives. Exponents and longer numbers are left to Foundation.
    private mutating func number() -> JSONNode? {
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        var mantissa: Int64 = 0
        var digits = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            digits = 1
            if index < bytes.count, isDigit(bytes[index]) { return nil }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                mantissa = mantissa &* 10 &+ Int64(bytes[index] &- 0x30)
                digits += 1
                index += 1
                if digits > 15 { return nil }
            }
        }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) {
                mantissa = mantissa &* 10 &+ Int64(bytes[index] &- 0x30)
                digits += 1
                fractionDigits += 1
                index += 1
                if digits > 15 { return nil }
            }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") { return nil }
        if fractionDigits == 0 { return .number(Double(negative ? -mantissa : mantissa)) }
        let magnitude = Double(mantissa) / Self.powersOfTen[fractionDigits]
        return .number(negative ? -magnitude : magnitude)
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: - Strings

    /// The string starting at the opening quote at `index`; nil when it is not valid JSON (control characters,
    /// invalid UTF-8, unknown escapes, lone surrogates) or not closed.
    private mutating func string() -> String? {
        index += 1
        let start = index
        let count = bytes.count
        while index < count {
            // 16 bytes at a time past plain text; byte by byte through a block that has something else.
            var limit = count
            if index + 16 <= count {
                if !Self.hasSpecialByte(bytes.baseAddress! + index) {
                    index += 16
                    continue
                }
                limit = index + 16
            }
            while index < limit {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") {
                    return escapedString(from: start)
                }
                if byte < 0x20 { return nil }
                if byte < 0x80 {
                    index += 1
                } else {
                    guard let length = scalarLength(at: index) else { return nil }
                    index += length
                }
            }
        }
        return nil
    }

    /// True when one of the 16 bytes at `pointer` is a quote, a backslash, a control character or not ASCII.
    @inline(__always) private static func hasSpecialByte(_ pointer: UnsafePointer<UInt8>) -> Bool {
        isSpecial(ByteWords.load(pointer)) || isSpecial(ByteWords.load(pointer + 8))
    }

    @inline(__always) private static func isSpecial(_ word: UInt64) -> Bool {
        ByteWords.hasNonASCII(word) || ByteWords.hasBelow(word, 0x20) || ByteWords.has(word, UInt8(ascii: "\""))
            || ByteWords.has(word, UInt8(ascii: "\\"))
    }

    private struct Invalid: Error {}

    /// The rest of a string with escapes, from its first backslash at `index`; the string's text starts at `start`.
    /// Its end is found first; the text is then decoded straight into the new string's storage (never longer than
    /// the escaped text).
    private mutating func escapedString(from start: Int) -> String? {
        let count = bytes.count
        var end = index
        while end < count {
            // Eight bytes at a time while they hold neither a quote nor a backslash (`end` stays off escapes).
            if end + 8 <= count {
                let word = ByteWords.load(bytes.baseAddress! + end)
                if !ByteWords.has(word, UInt8(ascii: "\"")) && !ByteWords.has(word, UInt8(ascii: "\\")) {
                    end += 8
                    continue
                }
            }
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            end += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < count else { return nil }
        let escapedFrom = index
        let source = bytes
        let text = try? String(unsafeUninitializedCapacity: end - start) { out -> Int in
            var written = escapedFrom - start
            if written > 0 {
                _ = out.initialize(from: UnsafeBufferPointer(rebasing: source[start..<escapedFrom]))
            }
            var position = escapedFrom
            @inline(__always) func put(_ byte: UInt8) {
                out[written] = byte
                written += 1
            }
            func hex4() throws -> UInt32 {
                guard position + 4 <= end else { throw Invalid() }
                var value: UInt32 = 0
                for offset in 0..<4 {
                    let byte = source[position + offset]
                    let digit: UInt8
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 0x30
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 0x61 + 10
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 0x41 + 10
                    default: throw Invalid()
                    }
                    value = value << 4 | UInt32(digit)
                }
                position += 4
                return value
            }
            while position < end {
                // 16 plain bytes at a time (no quote can come before `end`).
                if position + 16 <= end, !Self.hasSpecialByte(source.baseAddress! + position) {
                    UnsafeMutableRawPointer(out.baseAddress! + written)
                        .copyMemory(from: source.baseAddress! + position, byteCount: 16)
                    written += 16
                    position += 16
                    continue
                }
                let byte = source[position]
                if byte == UInt8(ascii: "\\") {
                    let escape = source[position + 1]
                    position += 2
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): put(escape)
                    case UInt8(ascii: "b"): put(0x08)
                    case UInt8(ascii: "f"): put(0x0C)
                    case UInt8(ascii: "n"): put(0x0A)
                    case UInt8(ascii: "r"): put(0x0D)
                    case UInt8(ascii: "t"): put(0x09)
                    case UInt8(ascii: "u"):
                        let unit = try hex4()
                        var scalar = unit
                        if unit >= 0xD800 && unit <= 0xDBFF {
                            // A high surrogate must be followed by an escaped low one.
                            guard position + 1 < end, source[position] == UInt8(ascii: "\\"), source[position + 1] == UInt8(ascii: "u")
                            else { throw Invalid() }
                            position += 2
                            let low = try hex4()
                            guard low >= 0xDC00 && low <= 0xDFFF else { throw Invalid() }
                            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else if unit >= 0xDC00 && unit <= 0xDFFF {
                            throw Invalid()
                        }
                        switch scalar {
                        case ..<0x80:
                            put(UInt8(scalar))
                        case ..<0x800:
                            put(UInt8(0xC0 | scalar >> 6))
                            put(UInt8(0x80 | scalar & 0x3F))
                        case ..<0x10000:
                            put(UInt8(0xE0 | scalar >> 12))
                            put(UInt8(0x80 | scalar >> 6 & 0x3F))
                            put(UInt8(0x80 | scalar & 0x3F))
                        default:
                            put(UInt8(0xF0 | scalar >> 18))
                            put(UInt8(0x80 | scalar >> 12 & 0x3F))
                            put(UInt8(0x80 | scalar >> 6 & 0x3F))
                            put(UInt8(0x80 | scalar & 0x3F))
                        }
                    default:
                        throw Invalid()
                    }
                    continue
                }
                if byte < 0x20 { throw Invalid() }
                if byte < 0x80 {
                    put(byte)
                    position += 1
                } else {
                    guard let length = Self.scalarLength(source, at: position), position + length <= end else { throw Invalid() }
                    for offset in 0..<length { put(source[position + offset]) }
                    position += length
                }
            }
            return written
        }
        guard let text else { return nil }
        index = end + 1
        return text
    }

    /// Length of the well-formed UTF-8 sequence of a non-ASCII scalar at `position`; nil when ill-formed
    /// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, cut short).
    @inline(__always) private func scalarLength(at position: Int) -> Int? {
        Self.scalarLength(bytes, at: position)
    }

    @inline(__always) private static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        let lead = bytes[position]
        let count = bytes.count
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            position + offset < count && bytes[position + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0xC2...0xDF:
            return isContinuation(1) ? 2 : nil
        case 0xE0...0xEF:
            guard isContinuation(1), isContinuation(2) else { return nil }
            let second = bytes[position + 1]
            if lead == 0xE0 && second < 0xA0 { return nil }
            if lead == 0xED && second >= 0xA0 { return nil }
            return 3
        case 0xF0...0xF4:
            guard isContinuation(1), isContinuation(2), isContinuation(3) else { return nil }
            let second = bytes[position + 1]
            if lead == 0xF0 && second < 0x90 { return nil }
            if lead == 0xF4 && second >= 0x90 { return nil }
            return 4
        default:
            return nil
        }
    }
}
