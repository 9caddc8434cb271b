import Core
import Foundation

/// Sends one file's postings to the database inside the import's transaction. Rows that repeat an
/// earlier row of the file are dropped here; of the rest, one query per chunk (on a second connection,
/// so that it can run while the import's COPY is open) finds those already stored: the same platform
/// and external id, or the same content under another id. New rows stream through one long
/// `COPY job_postings`, so the server stores them while the client parses the next ones; rows that
/// may update a posting or add a URL to one go to `import_stage` for the rules of `JobImportWriter`;
/// exact repeats of a stored posting go nowhere. Each new row is written once, not staged and copied again.
final class ImportChunkRouter {
    private let conn: PGConnection
    private let lookup: PGConnection
    private let fileName: String
    private let sourcePath: String
    private var seenKeys = Set<String>()
    private var seenContent = Set<String>()
    private var open: PGCopyWriter?
    private var stageBuffer: [(Int, JobPosting)] = []
    /// The batch row of each platform seen so far (created when its first new row is written).
    private(set) var batchIds: [String: Int64] = [:]
    /// Rows copied into `job_postings`, per platform.
    private(set) var inserted: [String: Int] = [:]
    /// Rows copied into `import_stage`.
    private(set) var staged = 0

    /// `connection` is the import's (in its transaction); `lookup` another one to the same database.
    init(connection: PGConnection, lookup: PGConnection, fileName: String, sourcePath: String) {
        self.conn = connection
        self.lookup = lookup
        self.fileName = fileName
        self.sourcePath = sourcePath
    }

    /// Columns of a row copied into `job_postings`: the stage's minus `record_no`, plus the batch and the source URLs.
    static let insertColumns = Array(JobImportWriter.stageColumns.dropFirst()) + ["import_batch_id", "source_urls"]

    /// Whether `p` is the first of the file with its platform and external id and, among those, with its
    /// content (the same rule as deleting later duplicates from a staging table, in record order).
    func isFirstInFile(_ p: JobPosting) -> Bool {
        guard seenKeys.insert(p.platform + "\u{1F}" + Self.externalId(p)).inserted else { return false }
        return seenContent.insert(p.contentHash).inserted
    }

    /// The batch row of `platform`, created on first use; counts are filled in when the file is done.
    func batchId(_ platform: String) throws -> Int64 {
        if let id = batchIds[platform] { return id }
        try closeCopy()
        let r = try conn.query("""
            INSERT INTO job_import_batches (file_name, source_path, platform, format) VALUES ($1, $2, $3, '') RETURNING id
            """, [fileName, sourcePath, platform])
        let id = r.int64(0, 0) ?? 0
        batchIds[platform] = id
        return id
    }

    /// Writes one chunk of rows that are first in their file.
    func write(_ chunk: [(Int, JobPosting)]) throws {
        guard !chunk.isEmpty else { return }
        let known = try knownRows(chunk)
        var fresh: [(Int, JobPosting)] = []
        for (i, row) in chunk.enumerated() {
            switch known[i] {
            case nil: fresh.append(row)
            case true?: stageBuffer.append(row)
            case false?: break  // the same posting, stored under the same id: a duplicate
            }
        }
        for platform in Set(fresh.map(\.1.platform)).sorted() where batchIds[platform] == nil { _ = try batchId(platform) }
        if !fresh.isEmpty {
            let writer = try open ?? conn.beginCopy("COPY job_postings (\(Self.insertColumns.joined(separator: ", "))) FROM STDIN")
            open = writer
            for (n, p) in fresh {
                var row = JobImportWriter.copyRow(n, p)
                row.removeFirst()
                row.append(String(batchIds[p.platform]!))
                row.append(p.url.map { [$0].pgText } ?? "{}")
                try writer.row(row)
                inserted[p.platform, default: 0] += 1
            }
        }
        if stageBuffer.count >= JobImportWriter.chunkSize { try flushStage() }
    }

    /// Stores everything still buffered or streaming; throws the server's error if a row was refused.
    func finish() throws {
        try flushStage()
        try closeCopy()
    }

    /// Aborts an open COPY after `error` (nothing of it is stored); the transaction then rolls back.
    func abort(_ error: Error) {
        guard let writer = open else { return }
        open = nil
        try? conn.endCopy(writer, failure: error)
    }

    private func flushStage() throws {
        guard !stageBuffer.isEmpty else { return }
        try closeCopy()
        try conn.copyIn("COPY import_stage (\(JobImportWriter.stageColumns.joined(separator: ", "))) FROM STDIN") { writer in
            for (n, p) in stageBuffer { try writer.row(JobImportWriter.copyRow(n, p)) }
        }
        staged += stageBuffer.count
        stageBuffer.removeAll(keepingCapacity: true)
    }

    private func closeCopy() throws {
        guard let writer = open else { return }
        open = nil
        try conn.endCopy(writer)
    }

    /// For each row (0-based position) already stored: true when it must go through the stage (its id
    /// is stored with other content, or its content under another id), false when it is stored as is.
    /// Rows not in the result are new. Runs on the lookup connection: it sees committed postings, and
    /// imports run one at a time, so the rows of this file not yet committed are the ones seen above.
    private func knownRows(_ chunk: [(Int, JobPosting)]) throws -> [Int: Bool] {
        let r = try lookup.query("""
            SELECT i, key_hash IS DISTINCT FROM hash OR other FROM (
                SELECT k.i - 1 AS i, k.hash,
                       (SELECT j.content_hash FROM job_postings j
                        WHERE j.platform = k.platform AND j.external_job_id = k.external_id) AS key_hash,
                       EXISTS (SELECT 1 FROM job_postings j WHERE j.content_hash = k.hash
                               AND (j.platform, j.external_job_id) <> (k.platform, k.external_id)) AS other
                FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(platform, external_id, hash, i)) r
            WHERE key_hash IS NOT NULL OR other
            """, [chunk.map(\.1.platform), chunk.map { Self.externalId($0.1) }, chunk.map(\.1.contentHash)])
        var known: [Int: Bool] = [:]
        for row in 0..<r.rowCount { if let i = r.int(row, 0) { known[i] = r.bool(row, 1) ?? true } }
        return known
    }

    /// The external id stored for `p` (a content-hash id when the source has none).
    static func externalId(_ p: JobPosting) -> String { p.externalJobId ?? "h:" + p.contentHash }
}
