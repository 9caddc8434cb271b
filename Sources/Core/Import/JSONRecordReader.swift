import Foundation

/// Reads job records out of JSON text as scrapers write it: arrays, wrapper objects, JSON Lines,
/// bare `NaN`/`Infinity` tokens (not strict JSON), and arrays cut short (the complete records
/// before the cut are kept, the cut one is reported).
///
/// Job files are read into `JSONObject`s (`records(_:)`, `recordLine(_:number:)`) by `FastJSONParser`, with
/// `JSONSerialization` as the fallback for text outside its subset; `elements(_:)` and `parseLine(_:number:)`
/// give Foundation dictionaries (candidate files).
public enum JSONRecordReader {
    public enum Element {
        case record(number: Int, [String: Any])
        case broken(number: Int, reason: String)
    }

    /// One record of a job file.
    public enum Record: Sendable {
        case record(number: Int, JSONObject)
        case broken(number: Int, reason: String)
    }

    /// The records of a JSON document, and whether the document was cut off between two records.
    public struct Document: Sendable {
        public var records: [Record]
        /// When the records are in an array that the file ends inside of, after a complete record (`[{…}, {…},`):
        /// the number of the last complete record. (A file that ends inside a record reports that record as broken.)
        public var endsAfterRecord: Int?
        /// Where each record is in the text, when the array was split record by record (one range per record) and
        /// the text did not have to be rewritten for that (a bare `NaN` becomes `null`, which moves what follows).
        public var ranges: [Range<Int>]?
    }

    /// The keys of the records read so far, for telling the next record from an object nested in one.
    struct KnownKeys {
        var keys: Set<String> = []
        /// The fewest keys a record read so far had.
        var fewest = Int.max

        mutating func add(_ recordKeys: some Collection<String>) {
            keys.formUnion(recordKeys)
            fewest = min(fewest, recordKeys.count)
        }
    }

    /// True when an object with `keys` found while resyncing after a damaged element is taken for the array's next
    /// record: most of its keys are keys the records before had, and as many as half the keys of the smallest of
    /// them; with no record read yet, its keys are those of a job record (`SourceFormat.detect`). An object nested in
    /// a record has few keys, mostly of its own (`{"id": 2, "name": "Hybrid"}`), so the split does not resume
    /// inside a record.
    static func looksLikeRecord(keys: Set<String>, known: KnownKeys) -> Bool {
        guard !keys.isEmpty else { return false }
        if known.keys.isEmpty { return SourceFormat.detect(keys: keys) != nil }
        let common = keys.intersection(known.keys).count
        return common * 2 > keys.count && common * 2 >= known.fewest
    }

    /// Where each record of an array document is (nil for a wrapper object or a document that is not an array).
    public static func recordRanges(_ bytes: [UInt8]) -> [Range<Int>]? {
        guard let open = bytes.firstIndex(where: { !isSpace($0) }), bytes[open] == UInt8(ascii: "[") else { return nil }
        var ranges: [Range<Int>] = []
        _ = splitArray(bytes, from: open, isRecord: { _ in false }) { _, slice in
            ranges.append(slice ?? bytes.count..<bytes.count)
            return true
        }
        return ranges
    }

    /// The key of the record's own member that holds `offset` (for a nested value, the outer key), or nil when
    /// the offset is not inside a member's value.
    public static func fieldName(at offset: Int, in bytes: [UInt8], record: Range<Int>) -> String? {
        var depth = 0
        var inString = false
        var stringStart = 0
        var lastString: Range<Int>?
        var key: String?
        var k = record.lowerBound
        while k < min(offset, record.upperBound) {
            let c = bytes[k]
            if inString {
                if c == UInt8(ascii: "\\") { k += 1 } else if c == UInt8(ascii: "\"") {
                    inString = false
                    lastString = (stringStart + 1)..<k
                }
            } else if c == UInt8(ascii: "\"") {
                inString = true
                stringStart = k
            } else if c == UInt8(ascii: ":"), depth == 1, let name = lastString {
                key = String(decoding: bytes[name], as: UTF8.self)
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
            } else if c == UInt8(ascii: ","), depth == 1 {
                key = nil
            }
            k += 1
        }
        return key
    }

    /// "invalid JSON at byte X (in "field"): reason", from Foundation's account of the element's first error.
    static func invalidJSONReason(_ b: [UInt8], _ slice: Range<Int>) -> String {
        var at = slice.lowerBound
        var why = "not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: Data(b[slice]), options: [.fragmentsAllowed])
        } catch let error as NSError {
            // "Unescaped control character around character 8."
            let text = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
            if let marker = text.range(of: " around character ") {
                at += Int(text[marker.upperBound...].prefix { $0.isNumber }) ?? 0
                why = String(text[..<marker.lowerBound])
            } else {
                why = text
            }
            why = why.prefix(1).lowercased() + why.dropFirst()
        }
        let field = fieldName(at: at, in: b, record: slice).map { " (in \"\($0)\")" } ?? ""
        return "invalid JSON at byte \(at)\(field): \(why)"
    }

    // MARK: - Job records (JSONObject)

    /// One JSON Lines line as a record.
    public static func recordLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Record {
        if case .object(let object)? = FastJSONParser.parse(line) { return .record(number: number, object) }
        switch parseLine(Array(line), number: number) {
        case .record(let n, let d): return .record(number: n, JSONObject(foundation: d))
        case .broken(let n, let reason): return .broken(number: n, reason: reason)
        }
    }

    public static func recordLine(_ line: [UInt8], number: Int) -> Record {
        line.withUnsafeBufferPointer { recordLine($0, number: number) }
    }

    /// Every record in a JSON document (array or object), read as `elements(_:)` reads them.
    public static func records(_ bytes: [UInt8]) -> Document {
        var whole = FastJSONParser.parse(bytes)
        if whole == nil, let parsed = try? JSONSerialization.jsonObject(with: Data(sanitize(bytes)), options: [.fragmentsAllowed]) {
            whole = JSONNode(foundation: parsed)
        }
        if let whole {
            let records: [Record] = recordArray(in: whole).enumerated().map { i, value in
                if case .object(let o) = value { return .record(number: i + 1, o) }
                return .broken(number: i + 1, reason: "element is \(value.typeName), not an object")
            }
            return Document(records: records)
        }
        // Not parseable as a whole: split the first top-level array element by element.
        let clean = sanitize(bytes)
        guard let open = clean.firstIndex(of: UInt8(ascii: "[")) else {
            return Document(records: [.broken(number: 1, reason: "not valid JSON and no array of records found")])
        }
        var records: [Record] = []
        var ranges: [Range<Int>] = []
        // The keys of the records read so far: a place to resume after damage must start a record like them.
        var knownKeys = KnownKeys()
        func parse(_ slice: Range<Int>) -> JSONNode? {
            if let value = FastJSONParser.parse(clean[slice]) { return value }
            return (try? JSONSerialization.jsonObject(with: Data(clean[slice]), options: [.fragmentsAllowed])).map(JSONNode.init(foundation:))
        }
        func isRecord(_ slice: Range<Int>) -> Bool {
            guard case .object(let o)? = parse(slice) else { return false }
            return looksLikeRecord(keys: Set(o.keys), known: knownKeys)
        }
        let end = splitArray(clean, from: open, isRecord: isRecord) { number, slice in
            guard let slice else {
                records.append(.broken(number: number, reason: "truncated JSON: the file ends inside this record"))
                ranges.append(clean.count..<clean.count)
                return true
            }
            ranges.append(slice)
            guard let value = parse(slice) else {
                records.append(.broken(number: number, reason: invalidJSONReason(clean, slice)))
                return false
            }
            if case .object(let o) = value {
                knownKeys.add(o.keys)
                records.append(.record(number: number, o))
            } else {
                records.append(.broken(number: number, reason: "element is \(value.typeName), not an object"))
            }
            return true
        }
        // The ranges are offsets into `clean`: they say where records are in `bytes` only if nothing was rewritten.
        var document = Document(records: records, ranges: clean == bytes ? ranges : nil)
        if case .endOfText(let complete) = end, complete > 0 { document.endsAfterRecord = complete }
        return document
    }

    /// The list of records inside a parsed document: the array itself, or the largest array of objects inside a
    /// wrapper object (the first of equal ones, in the file's order), or the object itself when it is one record.
    static func recordArray(in value: JSONNode) -> [JSONNode] {
        if case .array(let a) = value { return a }
        guard case .object(let d) = value else { return [value] }
        if d["@type"] != nil || d["title"] != nil || d["jsonld"] != nil { return [value] }
        var best: [JSONNode] = []
        func visit(_ v: JSONNode, depth: Int) {
            guard depth < 4 else { return }
            if case .array(let a) = v, case .object? = a.first, a.count > best.count { best = a }
            if case .object(let o) = v { o.members.forEach { visit($0.value, depth: depth + 1) } }
        }
        visit(value, depth: 0)
        return best.isEmpty ? [value] : best
    }

    // MARK: - Foundation dictionaries

    /// True when the text looks like JSON Lines (first line a complete object, more lines follow).
    public static func isJSONLines(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), bytes[first] == UInt8(ascii: "{") else { return false }
        guard let end = bytes[first...].firstIndex(of: 0x0A) else { return false }
        let line = Array(bytes[first..<end])
        guard (try? JSONSerialization.jsonObject(with: Data(sanitize(line)))) is [String: Any] else { return false }
        return bytes[(end + 1)...].contains(where: { !isSpace($0) })
    }

    /// Every record in a JSON document (array or object).
    public static func elements(_ bytes: [UInt8]) -> [Element] {
        let clean = sanitize(bytes)
        if let whole = try? JSONSerialization.jsonObject(with: Data(clean), options: [.fragmentsAllowed]) {
            let records = recordArray(in: whole)
            return records.enumerated().map { i, r in
                if let d = r as? [String: Any] { return .record(number: i + 1, d) }
                return .broken(number: i + 1, reason: "element is \(typeName(r)), not an object")
            }
        }
        // Not parseable as a whole: split the first top-level array element by element.
        guard let open = clean.firstIndex(of: UInt8(ascii: "[")) else {
            return [.broken(number: 1, reason: "not valid JSON and no array of records found")]
        }
        return splitArray(clean, from: open)
    }

    /// The list of records inside a parsed document: the array itself, or the largest array of
    /// objects inside a wrapper object, or the object itself when it is one record.
    static func recordArray(in value: Any) -> [Any] {
        if let a = value as? [Any] { return a }
        guard let d = value as? [String: Any] else { return [value] }
        if d["@type"] != nil || d["title"] != nil || d["jsonld"] != nil { return [d] }
        var best: [Any] = []
        func visit(_ v: Any, depth: Int) {
            guard depth < 4 else { return }
            if let a = v as? [Any], a.first is [String: Any], a.count > best.count { best = a }
            if let o = v as? [String: Any] { o.values.forEach { visit($0, depth: depth + 1) } }
        }
        visit(d, depth: 0)
        return best.isEmpty ? [d] : best
    }

    /// Splits `[ {...}, {...}, … ` into elements; an element cut off by the end of the text is reported, and after a
    /// damaged one the split resumes at the next record (as `records(_:)` does).
    static func splitArray(_ b: [UInt8], from open: Int) -> [Element] {
        var out: [Element] = []
        var knownKeys = KnownKeys()
        func isRecord(_ slice: Range<Int>) -> Bool {
            guard let d = (try? JSONSerialization.jsonObject(with: Data(b[slice]))) as? [String: Any] else { return false }
            return looksLikeRecord(keys: Set(d.keys), known: knownKeys)
        }
        _ = splitArray(b, from: open, isRecord: isRecord) { number, slice in
            guard let slice else {
                out.append(.broken(number: number, reason: "truncated JSON: the file ends inside this record"))
                return true
            }
            do {
                let v = try JSONSerialization.jsonObject(with: Data(b[slice]), options: [.fragmentsAllowed])
                if let d = v as? [String: Any] {
                    knownKeys.add(d.keys)
                    out.append(.record(number: number, d))
                } else {
                    out.append(.broken(number: number, reason: "element is \(typeName(v)), not an object"))
                }
            } catch {
                out.append(.broken(number: number, reason: invalidJSONReason(b, slice)))
                return false
            }
            return true
        }
        return out
    }

    /// How an array split by `splitArray` ended.
    enum ArrayEnd: Equatable {
        /// At its closing bracket.
        case closed
        /// Inside an element (reported to the caller as a cut element).
        case insideElement
        /// The text ended after `complete` whole elements, before the closing bracket.
        case endOfText(complete: Int)
    }

    /// Splits `[ {...}, {...}, … ` into the byte ranges of its elements, passing each with its 1-based number to
    /// `element`; an element cut off by the end of the text is passed with a nil range, and the split stops there.
    ///
    /// `element` returns false for an element it could not read. Its end as found by counting brackets outside
    /// strings cannot be trusted then: one damaged quote turns strings into structure and structure into strings
    /// for the rest of the file, so the next comma "between elements" may be one inside a description. The split
    /// resumes instead at the next place where a record of the array starts: a `{` after a comma (whatever the
    /// string state was), whose object, read from there, is complete, is followed by a comma or the closing bracket,
    /// and is a record like the others (`isRecord`: say, its keys are mostly keys the records read so far had, so an
    /// object nested in a record is not taken for one). The bytes in between are the damaged element. An element
    /// that seems to run to the end of the text is also taken as damaged when such a record follows it.
    static func splitArray(_ b: [UInt8], from open: Int, isRecord: (Range<Int>) -> Bool,
                           element: (Int, Range<Int>?) -> Bool) -> ArrayEnd {
        var i = open + 1
        var number = 0
        while i < b.count {
            while i < b.count && (isSpace(b[i]) || b[i] == UInt8(ascii: ",")) { i += 1 }
            if i >= b.count { break }
            if b[i] == UInt8(ascii: "]") { return .closed }
            number += 1
            let start = i
            guard let end = elementEnd(b, from: start) else {
                if let resume = nextRecordStart(b, after: start, isRecord: isRecord) {
                    _ = element(number, start..<lastNonSpace(b, before: resume))
                    i = resume
                    continue
                }
                _ = element(number, nil)
                return .insideElement
            }
            i = end
            if !element(number, start..<end) {
                guard let resume = nextRecordStart(b, after: start, isRecord: isRecord) else { return .closed }
                i = resume
            }
        }
        return .endOfText(complete: number)
    }

    /// Where the element starting at `start` ends (after its closing bracket, or at the comma after a scalar), by
    /// counting brackets outside strings; nil when the text ends first.
    private static func elementEnd(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        var depth = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i + 1 }
            } else if depth == 0 && c == UInt8(ascii: ",") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The first record start after `start` as `splitArray` describes it, or nil.
    private static func nextRecordStart(_ b: [UInt8], after start: Int, isRecord: (Range<Int>) -> Bool) -> Int? {
        var k = start + 1
        while k < b.count {
            defer { k += 1 }
            guard b[k] == UInt8(ascii: "{") else { continue }
            let before = lastNonSpace(b, before: k)
            guard before > 0, b[before - 1] == UInt8(ascii: ",") else { continue }
            guard let end = elementEnd(b, from: k), b[end - 1] == UInt8(ascii: "}") else { continue }
            var after = end
            while after < b.count && isSpace(b[after]) { after += 1 }
            guard after == b.count || b[after] == UInt8(ascii: ",") || b[after] == UInt8(ascii: "]") else { continue }
            if isRecord(k..<end) { return k }
        }
        return nil
    }

    /// The index just after the last non-space byte before `index`.
    private static func lastNonSpace(_ b: [UInt8], before index: Int) -> Int {
        var k = index
        while k > 0 && isSpace(b[k - 1]) { k -= 1 }
        return k
    }

    /// Parses one JSON Lines line.
    public static func parseLine(_ line: [UInt8], number: Int) -> Element {
        guard let v = try? JSONSerialization.jsonObject(with: Data(sanitize(line)), options: [.fragmentsAllowed]) else {
            return .broken(number: number, reason: "invalid JSON on line \(number)")
        }
        guard let d = v as? [String: Any] else { return .broken(number: number, reason: "line is \(typeName(v)), not an object") }
        return .record(number: number, d)
    }

    /// Replaces bare NaN, Infinity and -Infinity outside strings with null.
    static func sanitize(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(UInt8(ascii: "N")) || b.contains(UInt8(ascii: "I")), hasBareNonFinite(b) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var inString = false
        var i = 0
        let null: [UInt8] = Array("null".utf8)
        func matches(_ word: String, at k: Int) -> Bool {
            let w = Array(word.utf8)
            guard k + w.count <= b.count, Array(b[k..<(k + w.count)]) == w else { return false }
            let after = k + w.count < b.count ? b[k + w.count] : 0x20
            return !(isAlnum(after))
        }
        while i < b.count {
            let c = b[i]
            if inString {
                out.append(c)
                if c == UInt8(ascii: "\\"), i + 1 < b.count { out.append(b[i + 1]); i += 2; continue }
                if c == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") { inString = true }
            let prevIsWord = i > 0 && isAlnum(b[i - 1])
            if !prevIsWord {
                if c == UInt8(ascii: "N"), matches("NaN", at: i) { out += null; i += 3; continue }
                if c == UInt8(ascii: "I"), matches("Infinity", at: i) { out += null; i += 8; continue }
                if c == UInt8(ascii: "-"), matches("-Infinity", at: i) { out += null; i += 9; continue }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// True when "N" or "I" starts a word outside a string: the only places `sanitize` may change anything.
    /// Text in string values mentions "New York" and "Inc." on nearly every line; this check avoids the copy.
    private static func hasBareNonFinite(_ b: [UInt8]) -> Bool {
        var inString = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "N") || c == UInt8(ascii: "I") {
                return true
            }
            i += 1
        }
        return false
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_")
    }
    static func typeName(_ v: Any) -> String {
        switch v {
        case is [Any]: return "an array"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is NSNull: return "null"
        default: return "not an object"
        }
    }
}
