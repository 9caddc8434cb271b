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

    /// Offset of the first NUL or other non-text control byte in the first 64 KiB, if any.
    static func binaryOffset(_ bytes: Data) -> Int? {
        var i = 0
        for b in bytes.prefix(65_536) {
            if b == 0 || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B) { return i }
            i += 1
        }
        return nil
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
