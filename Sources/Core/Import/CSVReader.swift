/// RFC 4180 CSV over a decoded string: quoted fields with doubled quotes, embedded newlines,
/// CRLF or LF. A quote left open runs to the end of the file; that record is reported broken
/// and the records before it are kept. A last row with fewer columns than the header and no line end after it
/// is a file cut short (a download or copy that stopped): reported broken, not read as a posting with empty fields.
public struct CSVReader {
    public struct Row {
        /// 1-based data row number (the header is row 0).
        public var number: Int
        public var fields: [String]
        /// Set when the row could not be read as CSV (e.g. a quote never closed).
        public var error: String?
    }

    /// The text as UTF-8. Every byte CSV gives meaning to (quote, comma, CR, LF, space) is ASCII, and ASCII
    /// bytes never occur inside a multi-byte character, so fields split on bytes are whole characters.
    private let bytes: [UInt8]
    private var i = 0
    private var rowNumber = 0
    public private(set) var header: [String] = []

    public init(text: String) {
        bytes = Array(text.utf8)
        if let first = nextRecord() {
            header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The next data row, or nil at the end.
    public mutating func next() -> Row? {
        while let rec = nextRecord() {
            if rec.fields.count == 1 && rec.fields[0].isEmpty && rec.error == nil { continue }  // blank line
            rowNumber += 1
            return Row(number: rowNumber, fields: rec.fields, error: rec.error)
        }
        return nil
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    private mutating func nextRecord() -> (fields: [String], error: String?)? {
        guard i < bytes.count else { return nil }
        let recordStart = i
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteStart = 0
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == Self.quote {
                    if i + 1 < bytes.count && bytes[i + 1] == Self.quote {
                        field.append(Self.quote)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case Self.quote where field.allSatisfy({ $0 == 0x20 }):
                field.removeAll()
                inQuotes = true
                quoteStart = i
            case Self.comma:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case Self.cr:
                if i + 1 < bytes.count && bytes[i + 1] == Self.lf { i += 1 }
                fallthrough
            case Self.lf:
                i += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, nil)
            default:
                field.append(c)
            }
            i += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        if inQuotes {
            // Resume on the line after the broken record's first line, so later rows survive.
            i = recordStart
            while i < bytes.count && bytes[i] != Self.lf { i += 1 }
            i += 1
            let lineText = String(decoding: bytes[recordStart..<min(i, bytes.count)], as: UTF8.self)
            let line = String(String.UnicodeScalarView(lineText.unicodeScalars.prefix(60)))
            // Position in characters (Unicode scalars), not bytes: count the bytes that start a scalar.
            let column = bytes[recordStart..<quoteStart].filter { $0 & 0xC0 != 0x80 }.count + 1
            return ([], "a quote opened at character \(column) of the row is never closed (row starts \"\(line.trimmingCharacters(in: .whitespacesAndNewlines))\")")
        }
        if !header.isEmpty, fields.count < header.count, !(fields.count == 1 && fields[0].isEmpty) {
            let line = String(String.UnicodeScalarView(
                String(decoding: bytes[recordStart...], as: UTF8.self).unicodeScalars.prefix(60)))
            return ([], "truncated: the file ends inside this row, after \(fields.count) of \(header.count) columns "
                        + "(row starts \"\(line.trimmingCharacters(in: .whitespacesAndNewlines))\")")
        }
        return (fields, nil)
    }
}

import Foundation
