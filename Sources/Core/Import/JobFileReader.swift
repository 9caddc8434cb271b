import Foundation

/// Reads one file of job postings in any supported format and hands each record's outcome
/// (normalized posting or rejection) to the caller, in record order. JSON Lines files are
/// streamed; other files are read whole.
public struct JobFileReader {
    public struct FileInfo: Sendable {
        public var format: SourceFormat
        public var container: String  // "JSON", "JSON Lines", "CSV"
        public var encoding: String
        public var records: Int
        /// Problems with the file as a whole, such as a JSON array cut off between two records. Each is also
        /// among the warnings of the file's last posting outcome (when it has a posting), so that callers that
        /// collect outcome warnings report it without looking here.
        public var warnings: [RecordIssue] = []
    }

    public var normalizer: PostingNormalizer
    /// Threads that map and normalize records at once; 1 reads, normalizes and delivers on the calling thread only.
    public var workers: Int
    /// Records per batch handed to the workers (at most two batches are held at once).
    var batchSize = 1_024

    /// A reader that normalizes on `workers` threads (default: one per active processor). Outcomes reach `body`
    /// in record order on the calling thread, whatever the worker count.
    public init(now: Date = Date(), platformOverride: String? = nil,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        normalizer = PostingNormalizer(now: now, platformOverride: platformOverride)
        self.workers = max(1, workers)
    }

    public func read(_ url: URL, _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        let name = url.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw FileImportError(file: name, reason: "no such file")
        }
        if isDir.boolValue { throw FileImportError(file: name, reason: "is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw FileImportError(file: name, reason: "cannot be opened for reading (permission denied?)")
        }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 1 << 16))
        if head.isEmpty { throw FileImportError(file: name, reason: "the file is empty") }
        if !head.starts(with: [0xEF, 0xBB, 0xBF]), TextFileDecoder.binaryOffset(Data(head)) == nil, JSONRecordReader.isJSONLines(head) {
            return try readJSONLines(handle: handle, head: head, file: name, body)
        }
        let data = Data(head) + handle.readDataToEndOfFile()
        let decoded = try TextFileDecoder.decode(data, file: name)
        let firstChar = decoded.text.unicodeScalars.first(where: { !$0.properties.isWhitespace })
        if firstChar == "[" || firstChar == "{" {
            return try readJSON(Array(decoded.text.utf8), encoding: decoded.encoding, repairs: decoded.repairs, file: name, body)
        }
        return try readCSV(decoded.text, encoding: decoded.encoding, repairs: decoded.repairs, file: name, body)
    }

    // MARK: - Containers

    private func readJSON(_ bytes: [UInt8], encoding: String, repairs: [TextFileDecoder.Repair], file: String,
                          _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        let document = JSONRecordReader.records(bytes)
        let repairIssues = Self.repairIssues(repairs, in: bytes, ranges: repairs.isEmpty ? nil : document.ranges ?? JSONRecordReader.recordRanges(bytes))
        let elements = document.records
        var format: SourceFormat?
        for case .record(_, let r) in elements {
            if let f = SourceFormat.detect(keys: Set(r.keys)) { format = f; break }
        }
        guard let format else {
            if case .broken(let number, let reason)? = elements.first, elements.count == 1 {
                throw FileImportError(file: file, reason: "record \(number): \(reason); no record is complete, so nothing was read")
            }
            throw unrecognised(file, elements.lazy.compactMap { if case .record(_, let r) = $0 { return r.keys } else { return nil } }.first)
        }
        var warnings: [RecordIssue] = []
        if let last = document.endsAfterRecord {
            let name = URL(fileURLWithPath: file).lastPathComponent
            warnings.append(RecordIssue(
                recordNumber: last, field: "file",
                reason: "\(name) is truncated: it ends after record \(last) without closing the array of records "
                    + "(records 1–\(last) were read; any later ones are missing)",
                severity: .warning))
        }
        // The warning travels with the file's last posting, so that callers collecting outcome warnings report it:
        // outcomes from the latest posting on are held back until the next posting or the end.
        var held: [RecordOutcome] = []
        func pass(_ outcome: RecordOutcome) throws {
            if warnings.isEmpty { return try body(outcome) }
            if case .posting = outcome {
                for earlier in held { try body(earlier) }
                held = [outcome]
            } else if held.isEmpty {
                try body(outcome)
            } else {
                held.append(outcome)
            }
        }
        var start = 0
        try deliver(format: format, pass) {
            guard start < elements.count else { return nil }
            defer { start = min(elements.count, start + batchSize) }
            return elements[start..<min(elements.count, start + batchSize)].map { element in
                if case .record(let n, _) = element, let issues = repairIssues[n] { return .repaired(element, issues) }
                return .element(element)
            }
        }
        if let warning = warnings.first {
            var warning = warning
            if case .posting(let n, let posting, var own)? = held.first {
                warning.platform = posting.platform
                own.append(warning)
                held[0] = .posting(recordNumber: n, posting, warnings: own)
            }
            for outcome in held { try body(outcome) }
        }
        return FileInfo(format: format, container: "JSON", encoding: encoding, records: elements.count, warnings: warnings)
    }

    private func readJSONLines(handle: FileHandle, head: [UInt8], file: String, _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        var lines = LineSplitter(handle: handle, head: head)
        var format: SourceFormat?
        var number = 0
        func nextLine() -> [UInt8]? {
            while let line = lines.next() {
                if line.contains(where: { !JSONRecordReader.isSpace($0) }) {
                    number += 1
                    return line
                }
            }
            return nil
        }
        // One by one until the first record fixes the format (almost always line 1), and throughout with one worker.
        while format == nil || workers == 1, let line = nextLine() {
            let element = JSONRecordReader.recordLine(line, number: number)
            if format == nil, case .record(_, let r) = element {
                format = SourceFormat.detect(keys: Set(r.keys))
                if format == nil { throw unrecognised(file, Array(r.keys)) }
            }
            try body(Self.outcome(element, format: format ?? .centrald, normalizer: normalizer))
        }
        if let format, workers > 1 {
            try deliver(format: format, body) {
                var batch: [Pending] = []
                while batch.count < batchSize, let line = nextLine() { batch.append(.line(number: number, line)) }
                return batch.isEmpty ? nil : batch
            }
        }
        return FileInfo(format: format ?? .centrald, container: "JSON Lines", encoding: "UTF-8", records: number)
    }

    private func readCSV(_ text: String, encoding: String, repairs: [TextFileDecoder.Repair], file: String,
                         _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        var reader = CSVReader(text: text, repairs: repairs)
        let header = reader.header
        guard header.count >= 2 else {
            throw FileImportError(file: file, reason: "neither JSON nor CSV: the first line has no comma-separated columns")
        }
        guard let format = SourceFormat.detect(keys: Set(header)) else { throw unrecognised(file, header) }
        var count = 0
        try deliver(format: format, body) {
            var batch: [Pending] = []
            while batch.count < batchSize, let row = reader.next() {
                count += 1
                if let error = row.error {
                    batch.append(.done(.rejected(RecordIssue(recordNumber: row.number, field: "row", reason: error, platform: nil))))
                    continue
                }
                var record = JSONObject(capacity: header.count)
                for (i, key) in header.enumerated() where i < row.fields.count && record[key] == nil {
                    record.append(key, .string(row.fields[i]))
                }
                if row.repairs.isEmpty {
                    batch.append(.element(.record(number: row.number, record)))
                } else {
                    let issues = Self.repairIssues(row.repairs.map { (header.indices.contains($0.column) ? header[$0.column] : "column \($0.column + 1)", $0.repair) },
                                                   recordNumber: row.number)
                    batch.append(.repaired(.record(number: row.number, record), issues))
                }
            }
            return batch.isEmpty ? nil : batch
        }
        return FileInfo(format: format, container: "CSV", encoding: encoding, records: count)
    }

    // MARK: - Normalizing

    /// A record on its way to normalization.
    private enum Pending {
        case line(number: Int, [UInt8])
        case element(JSONRecordReader.Record)
        /// A record with bytes the decoder repaired: the issues become warnings of its posting.
        case repaired(JSONRecordReader.Record, [RecordIssue])
        case done(RecordOutcome)
    }

    /// The warnings for the decoder's repairs in a JSON document, by record number: each repair in the record whose
    /// range holds it, under the record's key that holds it. Repairs outside the records are left to the file's
    /// encoding line ("UTF-8 (2 invalid bytes read as Windows-1252)").
    static func repairIssues(_ repairs: [TextFileDecoder.Repair], in bytes: [UInt8], ranges: [Range<Int>]?) -> [Int: [RecordIssue]] {
        guard let ranges, !repairs.isEmpty else { return [:] }
        var byRecord: [Int: [(field: String, repair: TextFileDecoder.Repair)]] = [:]
        var r = 0
        for repair in repairs {
            while r < ranges.count && ranges[r].upperBound <= repair.offset { r += 1 }
            guard r < ranges.count, ranges[r].contains(repair.offset) else { continue }
            let field = JSONRecordReader.fieldName(at: repair.offset, in: bytes, record: ranges[r]) ?? "record"
            byRecord[r + 1, default: []].append((field, repair))
        }
        return byRecord.reduce(into: [:]) { out, entry in out[entry.key] = repairIssues(entry.value, recordNumber: entry.key) }
    }

    /// One warning per field for the decoder's repairs in one record, naming the first repair and its file offset.
    static func repairIssues(_ repairs: [(field: String, repair: TextFileDecoder.Repair)], recordNumber: Int) -> [RecordIssue] {
        var fields: [String] = []
        var byField: [String: [TextFileDecoder.Repair]] = [:]
        for (field, repair) in repairs {
            if byField[field] == nil { fields.append(field) }
            byField[field, default: []].append(repair)
        }
        return fields.map { field in
            let all = byField[field]!
            let more = all.count > 1 ? " (and \(all.count - 1) more damaged byte\(all.count == 2 ? "" : "s") in this field)" : ""
            return RecordIssue(recordNumber: recordNumber, field: field,
                               reason: "\(all[0].reason) at byte \(all[0].fileOffset) of the file\(more)", severity: .warning)
        }
    }

    /// Normalizes the batches `next` returns, on `workers` threads when there are several, and passes the
    /// outcomes to `body` in record order on this thread.
    private func deliver(format: SourceFormat, _ body: (RecordOutcome) throws -> Void, next: () throws -> [Pending]?) throws {
        let normalizer = normalizer
        let outcome: @Sendable (Pending) -> RecordOutcome = { pending in
            switch pending {
            case .line(let number, let line):
                return Self.outcome(JSONRecordReader.recordLine(line, number: number), format: format, normalizer: normalizer)
            case .element(let element):
                return Self.outcome(element, format: format, normalizer: normalizer)
            case .repaired(let element, let issues):
                let outcome = Self.outcome(element, format: format, normalizer: normalizer)
                guard case .posting(let n, let posting, let warnings) = outcome else { return outcome }
                let own = issues.map { issue in
                    var issue = issue
                    issue.platform = posting.platform
                    return issue
                }
                return .posting(recordNumber: n, posting, warnings: own + warnings)
            case .done(let outcome):
                return outcome
            }
        }
        if workers == 1 {
            while let batch = try next() {
                for pending in batch { try body(outcome(pending)) }
            }
            return
        }
        try OrderedParallelMap<Pending, RecordOutcome>(workers: workers).run(next: next, transform: outcome, deliver: body)
    }

    private static func outcome(_ element: JSONRecordReader.Record, format: SourceFormat,
                                normalizer: PostingNormalizer) -> RecordOutcome {
        switch element {
        case .broken(let n, let reason):
            return .rejected(RecordIssue(recordNumber: n, field: "record", reason: reason))
        case .record(let n, let record):
            let raw = SourceMapping.map(record, format: format)
            return normalizer.normalize(raw, recordNumber: n, defaultPlatform: format.defaultPlatform)
        }
    }

    private func unrecognised(_ file: String, _ keys: [String]?) -> FileImportError {
        let shown = (keys ?? []).sorted().prefix(8).joined(separator: ", ")
        return FileImportError(file: file, reason: "records have no recognisable job fields (no title/job title column); fields seen: \(shown)")
    }
}

/// The lines of a file read 1 MiB at a time, without their newline; the last line needs none.
private struct LineSplitter {
    private let handle: FileHandle
    private var pending: [UInt8]
    private var start = 0
    private var atEnd = false

    init(handle: FileHandle, head: [UInt8]) {
        self.handle = handle
        pending = head
    }

    mutating func next() -> [UInt8]? {
        while true {
            let from = start
            let newline: Int? = pending.withUnsafeBufferPointer { buffer in
                guard from < buffer.count, let base = buffer.baseAddress,
                      let found = memchr(base + from, 0x0A, buffer.count - from) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                defer { start = newline + 1 }
                return Array(pending[start..<newline])
            }
            if atEnd { return nil }
            pending.removeSubrange(..<start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true; pending.append(0x0A) } else { pending += chunk }
        }
    }
}
