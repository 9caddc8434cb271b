import Foundation

/// Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN WITH (FORMAT binary)`): every field a 32-bit length
/// and the value's own binary form, so the server neither scans text for escapes nor parses numbers, arrays or
/// dates (a quarter of its time for 2.5 KB postings). Text fields go as their UTF-8 bytes, NUL dropped as in the
/// text format; numeric values are sent as the exact decimal their text form (`PGArray.number`) names.
struct PGBinaryRow {
    /// The signature, flags and header-extension length that open the stream.
    static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]
    /// The field count -1 that closes the stream.
    static let trailer: [UInt8] = [0xFF, 0xFF]

    /// Microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01.
    static let postgresEpochSeconds: Int64 = 946_684_800
    static let textOid: UInt32 = 25

    var bytes: [UInt8] = []

    mutating func begin(fields: Int) {
        put16(UInt16(fields))
    }

    mutating func null() {
        put32(UInt32.max)
    }

    mutating func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { utf8 in
            let nul = utf8.contains(0)
            put32(UInt32(nul ? utf8.count - utf8.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : utf8.count))
            if nul {
                for byte in utf8 where byte != 0 { bytes.append(byte) }
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    mutating func int8(_ value: Int64?) {
        guard let value else { return null() }
        put32(8)
        put64(UInt64(bitPattern: value))
    }

    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        put32(1)
        bytes.append(value ? 1 : 0)
    }

    /// `timestamptz`: microseconds since 2000-01-01 UTC, the fraction truncated as `PGTime.iso` truncates it.
    mutating func timestamp(_ value: Date?) {
        guard let value else { return null() }
        let t = value.timeIntervalSince1970
        let whole = floor(t)
        let micros = Int64((t - whole) * 1_000_000)
        int8((Int64(whole) - Self.postgresEpochSeconds) * 1_000_000 + micros)
    }

    /// A one-dimensional `text[]` (lower bound 1; an empty array has no dimension).
    mutating func textArray(_ values: [String]) {
        let lengthAt = bytes.count
        put32(0)
        let start = bytes.count
        put32(values.isEmpty ? 0 : 1)  // dimensions
        put32(0)  // no NULL elements
        put32(Self.textOid)
        if !values.isEmpty {
            put32(UInt32(values.count))
            put32(1)
            for value in values { text(value) }
        }
        setLength(at: lengthAt, UInt32(bytes.count - start))
    }

    /// `numeric`, exactly the value (and display scale) `numeric_in` gives for `PGArray.number(value)`.
    mutating func numeric(_ value: Double?) {
        guard let value, let text = PGArray.number(value) else { return null() }
        guard let decimal = PGNumeric(text) else { return null() }
        put32(UInt32(8 + 2 * decimal.digits.count))
        put16(UInt16(decimal.digits.count))
        put16(UInt16(bitPattern: decimal.weight))
        put16(decimal.sign)
        put16(UInt16(decimal.scale))
        for digit in decimal.digits { put16(digit) }
    }

    private mutating func put16(_ v: UInt16) {
        bytes.append(UInt8(v >> 8))
        bytes.append(UInt8(v & 0xFF))
    }

    private mutating func put32(_ v: UInt32) {
        put16(UInt16(v >> 16))
        put16(UInt16(v & 0xFFFF))
    }

    private mutating func put64(_ v: UInt64) {
        put32(UInt32(v >> 32))
        put32(UInt32(v & 0xFFFF_FFFF))
    }

    private mutating func setLength(at offset: Int, _ v: UInt32) {
        bytes[offset] = UInt8(v >> 24)
        bytes[offset + 1] = UInt8((v >> 16) & 0xFF)
        bytes[offset + 2] = UInt8((v >> 8) & 0xFF)
        bytes[offset + 3] = UInt8(v & 0xFF)
    }
}

/// A decimal in PostgreSQL's `numeric` wire form: base-10000 digits, the weight of the first (its power of
/// 10000), a sign word and the display scale.
struct PGNumeric: Equatable {
    var digits: [UInt16]
    var weight: Int16
    var sign: UInt16
    var scale: Int

    static let positive: UInt16 = 0x0000, negative: UInt16 = 0x4000
    static let nan: UInt16 = 0xC000, plusInfinity: UInt16 = 0xD000, minusInfinity: UInt16 = 0xF000

    /// Reads a decimal the way `numeric_in` does: optional sign, digits with an optional point, an optional
    /// exponent; NaN and (-)Infinity by name. Nil for anything else.
    init?(_ text: String) {
        switch text.lowercased() {
        case "nan": self.init(digits: [], weight: 0, sign: Self.nan, scale: 0); return
        case "inf", "infinity", "+inf", "+infinity": self.init(digits: [], weight: 0, sign: Self.plusInfinity, scale: 0); return
        case "-inf", "-infinity": self.init(digits: [], weight: 0, sign: Self.minusInfinity, scale: 0); return
        default: break
        }
        var bytes = Array(text.utf8)[...]
        var sign = Self.positive
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = Self.negative }
            bytes = bytes.dropFirst()
        }
        var decimals: [UInt8] = []
        var fraction = 0
        var seenPoint = false
        var exponent = 0
        while let byte = bytes.first {
            if byte >= 0x30 && byte <= 0x39 {
                decimals.append(byte - 0x30)
                if seenPoint { fraction += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard !decimals.isEmpty else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), abs(value) < 10_000 else { return nil }
            exponent = value
            bytes = []
        }
        guard bytes.isEmpty else { return nil }
        // The value is `decimals` with the point after `point` of them; the display scale is the digits after it.
        let point = decimals.count - fraction + exponent
        let scale = max(0, fraction - exponent)
        // Align the point to a group boundary, then pad to whole groups covering the integer part too.
        let lead = ((4 - point % 4) % 4 + 4) % 4
        var padded = [UInt8](repeating: 0, count: lead) + decimals
        let alignedPoint = point + lead
        while padded.count < alignedPoint || padded.count % 4 != 0 { padded.append(0) }
        var groups: [UInt16] = []
        for i in stride(from: 0, to: padded.count, by: 4) {
            var group: UInt16 = 0
            for digit in padded[i..<(i + 4)] { group = group * 10 + UInt16(digit) }
            groups.append(group)
        }
        var weight = alignedPoint / 4 - 1
        while let first = groups.first, first == 0 {
            groups.removeFirst()
            weight -= 1
        }
        while let last = groups.last, last == 0 { groups.removeLast() }
        if groups.isEmpty {
            weight = 0
            sign = Self.positive
        }
        self.init(digits: groups, weight: Int16(clamping: weight), sign: sign, scale: scale)
    }

    init(digits: [UInt16], weight: Int16, sign: UInt16, scale: Int) {
        self.digits = digits
        self.weight = weight
        self.sign = sign
        self.scale = scale
    }
}
