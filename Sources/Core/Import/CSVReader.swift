/// RFC 4180 CSV over a decoded string: quoted fields with doubled quotes, embedded newlines,
/// CRLF or LF. A quote left open runs to the end of the file; that record is reported broken
/// and the records before it are kept.
public struct CSVReader {
    public struct Row {
        /// 1-based data row number (the header is row 0).
        public var number: Int
        public var fields: [String]
        /// Set when the row could not be read as CSV (e.g. a quote never closed).
        public var error: String?
    }

    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var rowNumber = 0
    public private(set) var header: [String] = []

    public init(text: String) {
        scalars = Array(text.unicodeScalars)
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

    private mutating func nextRecord() -> (fields: [String], error: String?)? {
        guard i < scalars.count else { return nil }
        let recordStart = i
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quoteStart = 0
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.append("\"")
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
            case "\"" where field.isEmpty || field.allSatisfy({ $0 == " " }):
                field.removeAll()
                inQuotes = true
                quoteStart = i
            case ",":
                fields.append(String(field))
                field.removeAll()
            case "\r":
                if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                fallthrough
            case "\n":
                i += 1
                fields.append(String(field))
                return (fields, nil)
            default:
                field.append(c)
            }
            i += 1
        }
        fields.append(String(field))
        if inQuotes {
            // Resume on the line after the broken record's first line, so later rows survive.
            i = recordStart
            while i < scalars.count && scalars[i] != "\n" { i += 1 }
            i += 1
            let line = String(String.UnicodeScalarView(scalars[recordStart..<min(i, scalars.count)].prefix(60)))
            return ([], "a quote opened at character \(quoteStart - recordStart + 1) of the row is never closed (row starts \"\(line.trimmingCharacters(in: .whitespacesAndNewlines))\")")
        }
        return (fields, nil)
    }
}

import Foundation
