import Foundation

/// A problem with one record of a file: which record, which field, why.
public struct RecordIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The record was not imported.
        case rejected
        /// The record was imported without this field's value.
        case warning
    }

    /// 1-based record number in the file (CSV: data row, JSON: array element or line).
    public var recordNumber: Int
    public var field: String
    public var reason: String
    public var severity: Severity
    /// The platform the record belongs to, when known.
    public var platform: String?

    public init(recordNumber: Int, field: String, reason: String, severity: Severity = .rejected, platform: String? = nil) {
        self.recordNumber = recordNumber
        self.field = field
        self.reason = reason
        self.severity = severity
        self.platform = platform
    }

    public var description: String { "record \(recordNumber): \(field): \(reason)" }
}

/// A file that could not be read at all (missing, empty, binary, unrecognised).
public struct FileImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
    public var description: String { "\(file): \(reason)" }
}

/// What happened to one record while reading a file.
public enum RecordOutcome: Sendable {
    case posting(recordNumber: Int, JobPosting, warnings: [RecordIssue])
    case rejected(RecordIssue)
}

/// The import result for one platform of one file (one `job_import_batches` row).
public struct ImportBatchSummary: Sendable, Equatable, Codable {
    public var batchId: Int64
    public var platform: String
    public var read: Int
    public var imported: Int
    /// Already stored under the same platform and external id, with changed content: updated in place.
    public var updated: Int
    /// Repeats dropped plus `grouped`.
    public var duplicates: Int
    /// Of the duplicates: the same job from another source or a repost, stored with its own URL under its
    /// canonical posting (the rest were repeats of a record already stored, and were dropped).
    public var grouped: Int
    public var rejected: Int
    public var warnings: Int
    public init(batchId: Int64, platform: String, read: Int, imported: Int, updated: Int = 0, duplicates: Int,
                grouped: Int = 0, rejected: Int, warnings: Int) {
        self.batchId = batchId
        self.platform = platform
        self.read = read
        self.imported = imported
        self.updated = updated
        self.duplicates = duplicates
        self.grouped = grouped
        self.rejected = rejected
        self.warnings = warnings
    }
}

/// The import result for one file.
public struct FileImportSummary: Sendable {
    public var file: String
    public var format: String
    public var batches: [ImportBatchSummary]
    /// Rejections and warnings, in record order (all of them; printing shows the first few).
    public var issues: [RecordIssue]
    public var seconds: Double

    public init(file: String, format: String, batches: [ImportBatchSummary], issues: [RecordIssue], seconds: Double) {
        self.file = file
        self.format = format
        self.batches = batches
        self.issues = issues
        self.seconds = seconds
    }

    public var read: Int { batches.reduce(0) { $0 + $1.read } }
    public var imported: Int { batches.reduce(0) { $0 + $1.imported } }
    public var updated: Int { batches.reduce(0) { $0 + $1.updated } }
    public var duplicates: Int { batches.reduce(0) { $0 + $1.duplicates } }
    public var grouped: Int { batches.reduce(0) { $0 + $1.grouped } }
    public var rejected: Int { batches.reduce(0) { $0 + $1.rejected } }
    public var warnings: Int { batches.reduce(0) { $0 + $1.warnings } }
}
