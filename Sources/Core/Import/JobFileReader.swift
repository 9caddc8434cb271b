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
    }

    public var normalizer: PostingNormalizer

    public init(now: Date = Date(), platformOverride: String? = nil) {
        normalizer = PostingNormalizer(now: now, platformOverride: platformOverride)
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
            return try readJSON(Array(decoded.text.utf8), encoding: decoded.encoding, file: name, body)
        }
        return try readCSV(decoded.text, encoding: decoded.encoding, file: name, body)
    }

    // MARK: - Containers

    private func readJSON(_ bytes: [UInt8], encoding: String, file: String, _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        let elements = JSONRecordReader.elements(bytes)
        var format: SourceFormat?
        for case .record(_, let r) in elements {
            if let f = SourceFormat.detect(keys: Set(r.keys)) { format = f; break }
        }
        guard let format else {
            if case .broken(_, let reason)? = elements.first, elements.count == 1 {
                throw FileImportError(file: file, reason: reason)
            }
            throw unrecognised(file, elements.lazy.compactMap { if case .record(_, let r) = $0 { return Array(r.keys) } else { return nil } }.first)
        }
        for e in elements { try handle(e, format: format, body) }
        return FileInfo(format: format, container: "JSON", encoding: encoding, records: elements.count)
    }

    private func readJSONLines(handle: FileHandle, head: [UInt8], file: String, _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        var format: SourceFormat?
        var number = 0
        var pending: [UInt8] = head
        var atEnd = false
        func process(_ line: ArraySlice<UInt8>) throws {
            guard line.contains(where: { !JSONRecordReader.isSpace($0) }) else { return }
            number += 1
            let element = JSONRecordReader.parseLine(Array(line), number: number)
            if format == nil, case .record(_, let r) = element {
                format = SourceFormat.detect(keys: Set(r.keys))
                if format == nil { throw unrecognised(file, Array(r.keys)) }
            }
            try self.handle(element, format: format ?? .centrald, body)
        }
        while true {
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                try process(pending[start..<nl])
                start = nl + 1
            }
            pending.removeSubrange(..<start)
            if atEnd { break }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true; pending.append(0x0A) } else { pending += chunk }
        }
        return FileInfo(format: format ?? .centrald, container: "JSON Lines", encoding: "UTF-8", records: number)
    }

    private func readCSV(_ text: String, encoding: String, file: String, _ body: (RecordOutcome) throws -> Void) throws -> FileInfo {
        var reader = CSVReader(text: text)
        let header = reader.header
        guard header.count >= 2 else {
            throw FileImportError(file: file, reason: "neither JSON nor CSV: the first line has no comma-separated columns")
        }
        guard let format = SourceFormat.detect(keys: Set(header)) else { throw unrecognised(file, header) }
        var count = 0
        while let row = reader.next() {
            count += 1
            if let error = row.error {
                try body(.rejected(RecordIssue(recordNumber: row.number, field: "row", reason: error, platform: nil)))
                continue
            }
            var record: [String: Any] = [:]
            for (i, key) in header.enumerated() where i < row.fields.count && record[key] == nil {
                record[key] = row.fields[i]
            }
            try handle(.record(number: row.number, record), format: format, body)
        }
        return FileInfo(format: format, container: "CSV", encoding: encoding, records: count)
    }

    private func handle(_ element: JSONRecordReader.Element, format: SourceFormat, _ body: (RecordOutcome) throws -> Void) throws {
        switch element {
        case .broken(let n, let reason):
            try body(.rejected(RecordIssue(recordNumber: n, field: "record", reason: reason)))
        case .record(let n, let record):
            let raw = SourceMapping.map(record, format: format)
            try body(normalizer.normalize(raw, recordNumber: n, defaultPlatform: format.defaultPlatform))
        }
    }

    private func unrecognised(_ file: String, _ keys: [String]?) -> FileImportError {
        let shown = (keys ?? []).sorted().prefix(8).joined(separator: ", ")
        return FileImportError(file: file, reason: "records have no recognisable job fields (no title/job title column); fields seen: \(shown)")
    }
}
