/// RFC 4180 CSV over a decoded string: quoted fields with doubled quotes, embedded newlines,
/// CRLF or LF. A last row with fewer columns than the header and no line end after it
/// is a file cut short (a download or copy that stopped): reported broken, not read as a posting with empty fields.
///
/// A quote left open to the end of the file is either a file cut short inside a quoted field (the rest of the file
/// is that field: one broken record, the records before it kept) or a stray quote in an otherwise complete row (the
/// rows after it are fine). See `nextRecord` for how the two are told apart.
public struct CSVReader {
    public struct Row {
        /// 1-based data row number (the header is row 0).
        public var number: Int
        public var fields: [String]
        /// Set when the row could not be read as CSV (e.g. a quote never closed).
        public var error: String?
        /// Damaged bytes the decoder repaired in this row, with the 0-based column that holds each.
        public var repairs: [(column: Int, repair: TextFileDecoder.Repair)] = []
    }

    /// The text as UTF-8. Every byte CSV gives meaning to (quote, comma, CR, LF, space) is ASCII, and ASCII
    /// bytes never occur inside a multi-byte character, so fields split on bytes are whole characters.
    private let bytes: [UInt8]
    private var i = 0
    private var rowNumber = 0
    public private(set) var header: [String] = []
    /// The decoder's repairs (offsets into `bytes`), and the first not yet placed in a row.
    private let repairs: [TextFileDecoder.Repair]
    private var nextRepair = 0
    /// The offset of `repairs[nextRepair]`, or `Int.max`: a field ending at `i` checks `nextRepairOffset < i` only.
    private var nextRepairOffset = Int.max
    /// True on the copy that looks ahead after an unclosed quote: it reports a second one instead of looking again.
    private var isProbing = false

    public init(text: String, repairs: [TextFileDecoder.Repair] = []) {
        bytes = Array(text.utf8)
        self.repairs = repairs
        nextRepairOffset = repairs.first?.offset ?? Int.max
        if let first = nextRecord() {
            header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The next data row, or nil at the end.
    public mutating func next() -> Row? {
        while let rec = nextRecord() {
            if rec.fields.count == 1 && rec.fields[0].isEmpty && rec.error == nil && rec.repairs.isEmpty { continue }  // blank line
            rowNumber += 1
            return Row(number: rowNumber, fields: rec.fields, error: rec.error, repairs: rec.repairs)
        }
        return nil
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    private typealias Record = (fields: [String], error: String?, repairs: [(column: Int, repair: TextFileDecoder.Repair)])

    private mutating func nextRecord() -> Record? {
        guard i < bytes.count else { return nil }
        let recordStart = i
        let firstRepair = nextRepair
        var fields: [String] = []
        var field: [UInt8] = []
        var placed: [(column: Int, repair: TextFileDecoder.Repair)] = []
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
                if nextRepairOffset < i { placeRepairs(column: fields.count, into: &placed) }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case Self.cr:
                if i + 1 < bytes.count && bytes[i + 1] == Self.lf { i += 1 }
                fallthrough
            case Self.lf:
                if nextRepairOffset < i { placeRepairs(column: fields.count, into: &placed) }
                fields.append(String(decoding: field, as: UTF8.self))
                i += 1
                return (fields, nil, placed)
            default:
                field.append(c)
            }
            i += 1
        }
        if nextRepairOffset < i { placeRepairs(column: fields.count, into: &placed) }
        fields.append(String(decoding: field, as: UTF8.self))
        if inQuotes {
            let lineText = String(decoding: bytes[recordStart..<min(lineEnd(after: recordStart), bytes.count)], as: UTF8.self)
            let line = String(String.UnicodeScalarView(lineText.unicodeScalars.prefix(60)))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            // Position in characters (Unicode scalars), not bytes: count the bytes that start a scalar.
            let column = bytes[recordStart..<quoteStart].filter { $0 & 0xC0 != 0x80 }.count + 1
            if isProbing { return ([], "a second quote never closed", []) }
            // The quote runs to the end of the file. Two stories fit that:
            // - a stray quote in a complete row (`2,"QA Engineer,Selenium,1 - 2 yrs`), the rows after it fine;
            // - a file cut short inside a quoted field, so the rest of the file is that field's text (a description's
            //   lines, whose commas split them into any number of "columns").
            // Re-reading the rest line by line is right only for the first, and the second must not store the
            // description's lines as postings. So the rows are re-read only when both hold: the stray quote's line,
            // with the quote taken as a plain character, has exactly the header's columns (a field cut short leaves
            // its row's later columns missing), and every row after it, read to the end of the file, has exactly the
            // header's columns and no quote left open. Otherwise the file is cut short: one broken record.
            let resume = lineEnd(after: quoteStart) + 1
            if !header.isEmpty, resume < bytes.count,
               columnsWithStrayQuote(from: recordStart, to: resume - 1, stray: quoteStart) == header.count,
               restReadsAsRows(from: resume) {
                i = resume
                nextRepair = firstRepair
                while nextRepair < repairs.count && repairs[nextRepair].offset < resume { nextRepair += 1 }
                nextRepairOffset = nextRepair < repairs.count ? repairs[nextRepair].offset : Int.max
                return ([], "a quote opened at character \(column) of the row is never closed (row starts \"\(line)\")", [])
            }
            i = bytes.count
            return ([], "truncated: the file ends inside a quoted field (its quote opens at character \(column) of the row; "
                        + "row starts \"\(line)\")", [])
        }
        if !header.isEmpty, fields.count < header.count, !(fields.count == 1 && fields[0].isEmpty) {
            let line = String(String.UnicodeScalarView(
                String(decoding: bytes[recordStart...], as: UTF8.self).unicodeScalars.prefix(60)))
            return ([], "truncated: the file ends inside this row, after \(fields.count) of \(header.count) columns "
                        + "(row starts \"\(line.trimmingCharacters(in: .whitespacesAndNewlines))\")", [])
        }
        return (fields, nil, placed)
    }

    /// Places the repairs before `i` in the field that ends at `i`.
    private mutating func placeRepairs(column: Int, into placed: inout [(column: Int, repair: TextFileDecoder.Repair)]) {
        while nextRepair < repairs.count && repairs[nextRepair].offset < i {
            placed.append((column, repairs[nextRepair]))
            nextRepair += 1
        }
        nextRepairOffset = nextRepair < repairs.count ? repairs[nextRepair].offset : Int.max
    }

    /// The index of the first line feed at or after `start`, or the end of the text.
    private func lineEnd(after start: Int) -> Int {
        var k = start
        while k < bytes.count && bytes[k] != Self.lf { k += 1 }
        return k
    }

    /// The number of columns in `bytes[start..<end]` read as one row, with the quote at `stray` a plain character;
    /// nil when another quote in it is left open.
    private func columnsWithStrayQuote(from start: Int, to end: Int, stray: Int) -> Int? {
        var columns = 1
        var inQuotes = false
        var atFieldStart = true
        var k = start
        while k < end {
            let c = bytes[k]
            if inQuotes {
                if c == Self.quote {
                    if k + 1 < end && bytes[k + 1] == Self.quote { k += 2; continue }
                    inQuotes = false
                }
            } else if c == Self.quote && atFieldStart && k != stray {
                inQuotes = true
            } else if c == Self.comma {
                columns += 1
                atFieldStart = true
                k += 1
                continue
            } else if c != 0x20 {
                atFieldStart = false
            }
            k += 1
        }
        return inQuotes ? nil : columns
    }

    /// True when the text from `start` to the end reads as rows of exactly the header's columns (blank lines aside).
    private func restReadsAsRows(from start: Int) -> Bool {
        var probe = self
        probe.i = start
        probe.isProbing = true
        while let rec = probe.nextRecord() {
            if rec.error == nil && rec.fields.count == 1 && rec.fields[0].isEmpty { continue }
            if rec.error != nil || rec.fields.count != header.count { return false }
        }
        return true
    }
}
