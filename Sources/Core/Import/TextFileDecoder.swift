import CUchardet
import Foundation

/// Turns a file's bytes into text: refuses binary files, strips a BOM, detects the encoding
/// (UTF-8 first, then Mozilla's uchardet) and converts.
public enum TextFileDecoder {
    public struct Decoded {
        public var text: String
        /// "UTF-8", "UTF-8 (BOM)", "WINDOWS-1252", …
        public var encoding: String
    }

    public static func decode(_ data: Data, file: String) throws -> Decoded {
        if data.isEmpty { throw FileImportError(file: file, reason: "the file is empty") }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            guard let s = String(data: bytes, encoding: .utf8) else {
                throw FileImportError(file: file, reason: "starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return Decoded(text: s, encoding: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: bytes, encoding: .utf16) else {
                throw FileImportError(file: file, reason: "starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            return Decoded(text: s, encoding: "UTF-16")
        }
        if let offset = binaryOffset(bytes) {
            throw FileImportError(file: file, reason: "binary data (control byte 0x\(String(bytes[bytes.startIndex + offset], radix: 16)) at byte \(offset)); expected JSON, JSON Lines or CSV text")
        }
        if let s = String(data: bytes, encoding: .utf8) { return Decoded(text: s, encoding: "UTF-8") }
        let charset = detectCharset(bytes)
        let encoding: String.Encoding
        switch charset.uppercased() {
        case "ISO-8859-1": encoding = .isoLatin1
        case "ISO-8859-2", "WINDOWS-1250": encoding = .windowsCP1250
        case "WINDOWS-1251": encoding = .windowsCP1251
        case "MAC-CENTRALEUROPE", "MACINTOSH": encoding = .macOSRoman
        default: encoding = .windowsCP1252
        }
        if let s = String(data: bytes, encoding: encoding) { return Decoded(text: s, encoding: charset.isEmpty ? "WINDOWS-1252" : charset) }
        // Latin-1 maps every byte: nothing is lost, at worst a few characters are wrong.
        return Decoded(text: String(decoding: bytes.map { UInt16($0) }, as: UTF16.self), encoding: "ISO-8859-1 (fallback)")
    }

    /// Where the first 64 KiB show binary data: the first NUL, or the first control byte (other than tab, line
    /// ends, form feed and escape) when such bytes are more than 1 % of it and at least 4. A text file with a
    /// stray control byte or two is text: its records are judged one by one, and the valid ones kept.
    static func binaryOffset(_ bytes: Data) -> Int? {
        let sample = bytes.prefix(65_536)
        var first: Int?
        var controls = 0
        var i = 0
        for b in sample {
            if b == 0 { return i }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
                controls += 1
                if first == nil { first = i }
            }
            i += 1
        }
        guard let first, controls >= 4, controls * 100 > sample.count else { return nil }
        return first
    }

    static func detectCharset(_ bytes: Data) -> String {
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
