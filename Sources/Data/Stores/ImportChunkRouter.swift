import Core
import Foundation

/// Sends one file's postings to the database in chunks, inside the import's transaction: rows that
/// repeat an earlier row of the file are dropped here; of the rest, one query per chunk finds those
/// already stored (same platform and external id, or the same content on any platform). New rows are
/// copied straight into `job_postings`, known ones into `import_stage` for the update and
/// source-URL rules of `JobImportWriter`. Each new row is written once, not staged and copied again.
final class ImportChunkRouter {
    private let conn: PGConnection
    private let fileName: String
    private let sourcePath: String
    private var seenKeys = Set<String>()
    private var seenContent = Set<String>()
    /// The batch row of each platform seen so far (created when its first row is written).
    private(set) var batchIds: [String: Int64] = [:]
    /// Rows copied into `job_postings`, per platform.
    private(set) var inserted: [String: Int] = [:]
    /// Rows copied into `import_stage`.
    private(set) var staged = 0

    init(connection: PGConnection, fileName: String, sourcePath: String) {
        self.conn = connection
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
        var stage: [(Int, JobPosting)] = []
        for (i, row) in chunk.enumerated() {
            if known.contains(i) { stage.append(row) } else { fresh.append(row) }
        }
        for (_, p) in fresh where batchIds[p.platform] == nil { _ = try batchId(p.platform) }
        if !fresh.isEmpty {
            let columns = Self.insertColumns.joined(separator: ", ")
            try conn.copyIn("COPY job_postings (\(columns)) FROM STDIN") { writer in
                for (n, p) in fresh {
                    var row = JobImportWriter.copyRow(n, p)
                    row.removeFirst()
                    row.append(String(batchIds[p.platform]!))
                    row.append(p.url.map { [$0].pgText } ?? "{}")
                    try writer.row(row)
                    inserted[p.platform, default: 0] += 1
                }
            }
        }
        if !stage.isEmpty {
            let columns = JobImportWriter.stageColumns.joined(separator: ", ")
            try conn.copyIn("COPY import_stage (\(columns)) FROM STDIN") { writer in
                for (n, p) in stage { try writer.row(JobImportWriter.copyRow(n, p)) }
            }
            staged += stage.count
        }
    }

    /// Positions (0-based) of the rows whose platform and external id, or whose content, is already stored.
    private func knownRows(_ chunk: [(Int, JobPosting)]) throws -> Set<Int> {
        let r = try conn.query("""
            SELECT k.i - 1 FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(platform, external_id, hash, i)
            WHERE EXISTS (SELECT 1 FROM job_postings j WHERE j.platform = k.platform AND j.external_job_id = k.external_id)
               OR EXISTS (SELECT 1 FROM job_postings j WHERE j.content_hash = k.hash)
            """, [chunk.map(\.1.platform), chunk.map { Self.externalId($0.1) }, chunk.map(\.1.contentHash)])
        return Set((0..<r.rowCount).compactMap { r.int64($0, 0).map(Int.init) })
    }

    /// The external id stored for `p` (a content-hash id when the source has none).
    static func externalId(_ p: JobPosting) -> String { p.externalJobId ?? "h:" + p.contentHash }
}
