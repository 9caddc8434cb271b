import CUchardet
import Foundation

/// Turns a file's bytes into text: refuses binary files, strips a BOM, detects the encoding
/// (UTF-8 first, then Mozilla's uchardet) and converts.
///
/// A file that is UTF-8 but for a few damaged bytes stays UTF-8: only those bytes are read on their own (as
/// Windows-1252, the usual source of stray bytes in UTF-8 text), and stray NUL bytes are removed. Each such spot is
/// listed in `Decoded.repairs`, so that the reader can name the record and field that holds it.
public enum TextFileDecoder {
    public struct Decoded {
        public var text: String
        /// "UTF-8", "UTF-8 (BOM)", "WINDOWS-1252", "UTF-8 (3 invalid bytes read as Windows-1252)", …
        public var encoding: String
        /// The spots of `text` that are not the file's bytes as they stand, in text order.
        public var repairs: [Repair] = []
    }

    /// A byte (or run of bytes) of the file that was decoded on its own or removed.
    public struct Repair: Sendable, Equatable {
        /// Where in `text` (a UTF-8 offset): the character read in its place, or for a removed byte the last
        /// character before it.
        public var offset: Int
        /// Where in the file (a byte offset).
        public var fileOffset: Int
        /// What was done, e.g. "invalid UTF-8 byte 0x98 read as Windows-1252 '˜'".
        public var reason: String
    }

    public static func decode(_ data: Data, file: String) throws -> Decoded {
        if data.isEmpty { throw FileImportError(file: file, reason: "the file is empty") }
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: data, encoding: .utf16) else {
                throw FileImportError(file: file, reason: "starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            return Decoded(text: s, encoding: "UTF-16")
        }
        if !bom, let offset = binaryOffset(data) {
            throw FileImportError(file: file, reason: "binary data (control byte 0x\(String(data[data.startIndex + offset], radix: 16)) at byte \(offset)); expected JSON, JSON Lines or CSV text")
        }
        // Valid UTF-8 (the common case) is converted as it stands, without a copy of the bytes.
        let body = bom ? data.dropFirst(3) : data
        let hasNUL = body.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        if !hasNUL, let s = String(data: body, encoding: .utf8) { return Decoded(text: s, encoding: bom ? "UTF-8 (BOM)" : "UTF-8") }
        let bytes = [UInt8](data)
        if bom {
            // The mark says UTF-8 whatever the bytes after it hold: damaged bytes are read one by one.
            var decoded = repairedUTF8(bytes, from: 3)
            decoded.encoding = decoded.encoding.replacingOccurrences(of: "UTF-8", with: "UTF-8 (BOM)")
            return decoded
        }
        if isMostlyUTF8(bytes) { return repairedUTF8(bytes, from: 0) }
        return legacy(bytes)
    }

    // MARK: - UTF-8 with damaged bytes

    /// True when the text is UTF-8 with a few damaged bytes rather than a legacy 8-bit encoding: its valid multi-byte
    /// UTF-8 characters outnumber its invalid bytes, or the invalid bytes are at most one in 10,000 (an ASCII file
    /// with a few damaged bytes has no multi-byte characters at all). Text in Windows-1252 or Latin-1 almost never
    /// holds a valid multi-byte sequence by chance (it takes an accented capital followed by a C1 byte or symbol), so
    /// a real legacy file has none of the first and a high byte in most of its non-English words.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var multibyte = 0, invalid = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let n = validSequenceLength(bytes, at: i)
            if n > 0 { multibyte += 1; i += n } else { invalid += 1; i += 1 }
        }
        return invalid == 0 || multibyte > invalid || invalid * 10_000 <= bytes.count
    }

    /// The length of the valid UTF-8 sequence of two to four bytes that starts at `i`, or 0 (RFC 3629: no overlong
    /// forms, no surrogates, nothing past U+10FFFF).
    @inline(__always) static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < b.count && b[i + k] >= low && b[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// Windows-1252's characters for 0x80–0x9F (nil where it has none); 0xA0–0xFF are Latin-1's.
    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The bytes from `start` as UTF-8, each invalid byte read as Windows-1252 (U+FFFD for the five it leaves
    /// undefined) and each NUL removed, with a repair for every such spot.
    static func repairedUTF8(_ bytes: [UInt8], from start: Int) -> Decoded {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start + 64)
        var repairs: [Repair] = []
        var invalid = 0, nuls = 0
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0 {
                nuls += 1
                repairs.append(Repair(offset: max(0, out.count - 1), fileOffset: i, reason: "a NUL byte (binary data) was removed"))
                i += 1
            } else if b < 0x80 {
                out.append(b)
                i += 1
            } else if case let n = validSequenceLength(bytes, at: i), n > 0 {
                out.append(contentsOf: bytes[i..<(i + n)])
                i += n
            } else {
                invalid += 1
                let scalar = b >= 0xA0 ? Unicode.Scalar(b) : (cp1252High[Int(b) - 0x80] ?? "\u{FFFD}")
                let shown = scalar == "\u{FFFD}" ? "as U+FFFD (Windows-1252 has no character for it)"
                    : "as Windows-1252 '\(Character(scalar))'"
                repairs.append(Repair(offset: out.count, fileOffset: i,
                                      reason: "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) read \(shown)"))
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 1
            }
        }
        var encoding = "UTF-8"
        var notes: [String] = []
        if invalid > 0 { notes.append("\(invalid) invalid byte\(invalid == 1 ? "" : "s") read as Windows-1252") }
        if nuls > 0 { notes.append("\(nuls) NUL byte\(nuls == 1 ? "" : "s") removed") }
        if !notes.isEmpty { encoding += " (\(notes.joined(separator: ", ")))" }
        return Decoded(text: String(decoding: out, as: UTF8.self), encoding: encoding, repairs: repairs)
    }

    // MARK: - Legacy 8-bit encodings

    /// The whole file in the 8-bit encoding uchardet names (Windows-1252 when it names none), NUL bytes removed.
    static func legacy(_ bytes: [UInt8]) -> Decoded {
        let charset = detectCharset(bytes)
        let encoding: String.Encoding
        switch charset.uppercased() {
        case "ISO-8859-1": encoding = .isoLatin1
        case "ISO-8859-2", "WINDOWS-1250": encoding = .windowsCP1250
        case "WINDOWS-1251": encoding = .windowsCP1251
        case "MAC-CENTRALEUROPE", "MACINTOSH": encoding = .macOSRoman
        default: encoding = .windowsCP1252
        }
        // Decoded piece by piece between NUL bytes (usually one piece), so that each removed NUL has its offset.
        var text = ""
        var repairs: [Repair] = []
        var name = charset.isEmpty ? "WINDOWS-1252" : charset
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
            let piece = Data(bytes[start..<end])
            if let s = String(data: piece, encoding: encoding) {
                text += s
            } else {
                // Latin-1 maps every byte: nothing is lost, at worst a few characters are wrong.
                text += String(decoding: piece.map { UInt16($0) }, as: UTF16.self)
                name = "ISO-8859-1 (fallback)"
            }
            if end < bytes.count {
                repairs.append(Repair(offset: max(0, text.utf8.count - 1), fileOffset: end, reason: "a NUL byte (binary data) was removed"))
            }
            start = end + 1
        }
        return Decoded(text: text, encoding: name, repairs: repairs)
    }

    /// Where the file shows binary data, as git and grep judge it: a NUL byte in its first 8,000 bytes, or control
    /// bytes (other than tab, line ends, form feed and escape; NUL counted) making up more than 1 % of its first
    /// 64 KiB, at least 4 of them. A text file with a stray NUL or control byte deeper in is text: its records are
    /// judged one by one, and the valid ones kept. Returns the offset of the first such byte.
    static func binaryOffset(_ bytes: Data) -> Int? {
        let sample = bytes.prefix(65_536)
        var first: Int?
        var controls = 0
        var i = 0
        for b in sample {
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
                if b == 0 && i < 8_000 { return i }
                controls += 1
                if first == nil { first = i }
            }
            i += 1
        }
        guard let first, controls >= 4, controls * 100 > sample.count else { return nil }
        return first
    }

    static func detectCharset(_ bytes: [UInt8]) -> String {
        guard let ud = uchardet_new() else { return "" }
        defer { uchardet_delete(ud) }
        bytes.withUnsafeBytes { p in
            _ = uchardet_handle_data(ud, p.baseAddress?.assumingMemoryBound(to: CChar.self), p.count)
        }
        uchardet_data_end(ud)
        guard let name = uchardet_get_charset(ud) else { return "" }
        return String(cString: name)
    }
}
