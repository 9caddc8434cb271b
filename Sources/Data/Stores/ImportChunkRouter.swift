import Core
import Foundation

/// Sends one file's postings to the database inside the import's transaction. Rows that repeat an
/// earlier row of the file are dropped here; the rest go in chunks through two steps, which `ImportPipeline`
/// runs on threads of their own. `lookUp` (the second connection, which sees committed postings only — imports
/// run one at a time, so this file's rows are the ones seen above) finds the rows already stored, under the same
/// platform and external id or with the same content under another id, takes ids from the table's sequence for
/// the new ones, and reads the stored candidates of their fingerprints for the grouper. `write` (the import's
/// connection) decides each new row's cross-platform group (`NearDuplicateGrouper`) and streams it through one
/// long binary `COPY job_postings`, so the server stores rows while the client parses the next ones; rows that
/// may update a posting or add a URL to one go to `import_stage` for the rules of `JobImportWriter`; exact
/// repeats of a stored posting go nowhere. Each new row is written once, not staged and copied again. New rows
/// are mapped to their canonical roles here too (`RoleAliasIndex`), copied into `role_job_mapping` at the end.
final class ImportChunkRouter {
    private let conn: PGConnection
    private let lookup: PGConnection
    private let fileName: String
    private let sourcePath: String
    /// The file's (platform, external id) pairs and content hashes so far, as 128-bit keys (no string per posting).
    private var seenKeys = Set<Key128>()
    private var seenContent = Set<Key128>()
    private var open: PGCopyWriter?
    private var stageBuffer: [(Int, JobPosting)] = []
    /// Fingerprints whose stored candidates were asked for (by `lookUp`, which owns this set).
    private var askedFingerprints = Set<String>()
    private let grouper = NearDuplicateGrouper(tolerance: JobImportWriter.simHashTolerance,
                                               limit: JobImportWriter.groupCandidates)
    /// The batch row of each platform seen so far (created when its first new row is written).
    private(set) var batchIds: [String: Int64] = [:]
    /// Rows copied into `job_postings`, per platform.
    private(set) var inserted: [String: Int] = [:]
    /// Rows copied into `import_stage`.
    private(set) var staged = 0
    private let roles: RoleAliasIndex
    /// (role, posting) of the copied rows, for `role_job_mapping`.
    private var roleMappings: [(role: Int64, job: Int64)] = []

    /// `connection` is the import's (in its transaction); `lookup` another one to the same database; `roles` the
    /// alias table.
    init(connection: PGConnection, lookup: PGConnection, fileName: String, sourcePath: String, roles: RoleAliasIndex) {
        self.conn = connection
        self.lookup = lookup
        self.fileName = fileName
        self.sourcePath = sourcePath
        self.roles = roles
    }

    /// Columns of a row copied into `job_postings`: the stage's minus `record_no`, plus the batch, the source URLs,
    /// the id (taken from the table's sequence beforehand, so that later rows can name it as their canonical
    /// posting) and the grouping.
    static let insertColumns = Array(JobImportWriter.stageColumns.dropFirst())
        + ["import_batch_id", "source_urls", "id", "canonical_job_id", "duplicate_reason"]

    /// Whether `p` is the first of the file with its platform and external id and, among those, with its
    /// content (the same rule as deleting later duplicates from a staging table, in record order).
    func isFirstInFile(_ p: JobPosting) -> Bool {
        guard seenKeys.insert(Key128(p.platform + "\u{1F}" + Self.externalId(p))).inserted else { return false }
        return seenContent.insert(Key128(p.contentHash)).inserted
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

    /// What the lookup connection found for one chunk: which rows are stored already, ids for the new ones, and
    /// the stored candidates of fingerprints not seen before in the file.
    struct LookedUp {
        var chunk: [(Int, JobPosting)]
        var known: [Int: Bool]
        var ids: [Int64]
        var candidates: [(fingerprint: String, stored: [NearDuplicateGrouper.Candidate])]
    }

    /// Step 1 of writing a chunk of rows that are first in their file; uses only the lookup connection, so it can run
    /// on its own thread while `write` streams the chunk before.
    func lookUp(_ chunk: [(Int, JobPosting)]) throws -> LookedUp {
        let known = chunk.isEmpty ? [:] : try knownRows(chunk)
        let fresh = chunk.indices.filter { known[$0] == nil }
        let ids = fresh.isEmpty ? [] : try newIds(fresh.count)
        let candidates = try storedCandidates(fresh.map { chunk[$0].1.fingerprint })
        return LookedUp(chunk: chunk, known: known, ids: ids, candidates: candidates)
    }

    /// Step 2: streams the chunk's new rows into `job_postings` and buffers the rest for the stage; uses only the
    /// import's connection.
    func write(_ chunk: LookedUp) throws {
        guard !chunk.chunk.isEmpty else { return }
        for (fingerprint, stored) in chunk.candidates { grouper.load(fingerprint, stored: stored) }
        var fresh: [(Int, JobPosting)] = []
        for (i, row) in chunk.chunk.enumerated() {
            switch chunk.known[i] {
            case nil: fresh.append(row)
            case true?: stageBuffer.append(row)
            case false?: break  // the same posting, stored under the same id: a duplicate
            }
        }
        for platform in Set(fresh.map(\.1.platform)).sorted() where batchIds[platform] == nil { _ = try batchId(platform) }
        if !fresh.isEmpty {
            let writer = try open ?? startCopy()
            var row = PGBinaryRow()
            for ((_, p), id) in zip(fresh, chunk.ids) {
                row.bytes.removeAll(keepingCapacity: true)
                var canonical: Int64?, reason: String?
                if case .duplicate(let c, let r) = grouper.decide(p, id: id) { (canonical, reason) = (c, r) }
                Self.binaryRow(p, batchId: batchIds[p.platform]!, id: id, canonical: canonical, reason: reason, into: &row)
                try writer.raw(row.bytes)
                inserted[p.platform, default: 0] += 1
                for role in roles.roleIds(in: p.title) { roleMappings.append((role, id)) }
            }
        }
        if stageBuffer.count >= JobImportWriter.chunkSize { try flushStage() }
    }

    /// Stores everything still buffered or streaming, then the role mappings of the copied rows; throws the
    /// server's error if a row was refused.
    func finish() throws {
        try flushStage()
        try closeCopy()
        guard !roleMappings.isEmpty else { return }
        // The postings are new (ids from the sequence), so no mapping of theirs can exist yet.
        try conn.copyIn("COPY role_job_mapping (role_id, job_posting_id, method) FROM STDIN") { writer in
            for (role, job) in roleMappings { try writer.row([String(role), String(job), "alias"]) }
        }
        roleMappings.removeAll()
    }

    /// Completes the grouping of the copied rows (after `finish`): settles the postings whose test needed a
    /// stored description. Returns grouped postings per platform. (A grouped posting keeps its own URL; the view
    /// `job_posting_sources` lists every URL of a canonical posting.)
    func finishGrouping() throws -> [String: Int] {
        if !grouper.pending.isEmpty {
            var pairs: [(index: Int, canonical: Int64, prefix: String)] = []
            for (index, p) in grouper.pending.enumerated() {
                for c in p.deferred { pairs.append((index, c.id, p.prefix)) }
            }
            let r = try conn.query("""
                SELECT k.i - 1 FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS k(canonical, prefix, i)
                JOIN job_postings c ON c.id = k.canonical
                WHERE position(k.prefix IN c.description) > 0
                """, [pairs.map { String($0.canonical) }.pgText, pairs.map(\.prefix).pgText])
            var passed = Set<Int>()
            for row in 0..<r.rowCount { if let i = r.int(row, 0) { passed.insert(i) } }
            struct Pair: Hashable { let index: Int, canonical: Int64 }
            let passing = Set(pairs.indices.filter(passed.contains).map { Pair(index: pairs[$0].index, canonical: pairs[$0].canonical) })
            let updates = grouper.resolve { passing.contains(Pair(index: $0, canonical: $1)) }
            if !updates.isEmpty {
                try conn.query("""
                    UPDATE job_postings d SET canonical_job_id = u.canonical, duplicate_reason = u.reason
                    FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS u(id, canonical, reason)
                    WHERE d.id = u.id
                    """, [updates.map { String($0.id) }.pgText, updates.map { String($0.canonical) }.pgText,
                          updates.map(\.reason).pgText])
            }
        }
        return grouper.grouped
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

    /// Starts the binary COPY into `job_postings` (see `insertColumns`, `binaryRow`).
    private func startCopy() throws -> PGCopyWriter {
        let writer = try conn.beginCopy("COPY job_postings (\(Self.insertColumns.joined(separator: ", "))) FROM STDIN WITH (FORMAT binary)")
        try writer.raw(PGBinaryRow.header)
        open = writer
        return writer
    }

    private func closeCopy() throws {
        guard let writer = open else { return }
        open = nil
        try writer.raw(PGBinaryRow.trailer)
        try conn.endCopy(writer)
    }

    /// One row of `insertColumns` in binary COPY form: the values of `JobImportWriter.copyRow` (the staging
    /// table's text form) without the record number, then the batch, the source URLs, the id and the grouping.
    static func binaryRow(_ p: JobPosting, batchId: Int64, id: Int64, canonical: Int64?, reason: String?,
                          into row: inout PGBinaryRow) {
        let s = p.salary
        row.begin(fields: insertColumns.count)
        row.text(p.platform)
        row.text(externalId(p))
        row.text(p.url)
        row.text(p.title)
        row.text(p.company)
        row.text(p.locationRaw)
        row.text(p.location.city)
        row.text(p.location.region)
        row.text(p.location.country)
        row.text(p.workMode.rawValue)
        row.text(p.workModeEvidence)
        row.text(p.description)
        row.text(p.requirements)
        row.textArray(p.skills)
        row.text(p.salaryRaw)
        row.text(s?.currency)
        row.text(s?.interval.rawValue)
        row.numeric(s?.min)
        row.numeric(s?.max)
        row.numeric(s?.annualMin)
        row.numeric(s?.annualMax)
        row.text(s?.source.rawValue)
        row.bool(s?.unstated ?? false)
        row.text(s?.note)
        row.text(p.experienceRaw)
        row.numeric(p.experience?.yearsMin)
        row.numeric(p.experience?.yearsMax)
        row.text(p.jobType)
        row.textArray(p.keywords)
        row.timestamp(p.postedAt)
        row.text(p.contentHash)
        row.text(p.fingerprint)
        row.int8(p.descriptionSimHash)
        row.text(p.revisionHash)
        row.int8(batchId)
        row.textArray(p.url.map { [$0] } ?? [])
        row.int8(id)
        row.int8(canonical)
        row.text(reason)
    }

    /// `count` ids from `job_postings`' sequence, in increasing order (on the lookup connection: the import's
    /// own is busy with the COPY; a sequence is not transactional).
    private func newIds(_ count: Int) throws -> [Int64] {
        let r = try lookup.query("""
            SELECT nextval(pg_get_serial_sequence('job_postings', 'id')) FROM generate_series(1, $1)
            """, [count])
        let ids = (0..<r.rowCount).compactMap { r.int64($0, 0) }.sorted()
        guard ids.count == count else { throw PGError(message: "asked for \(count) posting ids, got \(ids.count)", context: "import") }
        return ids
    }

    /// The stored candidates of the fingerprints not asked for before in this file: the earliest postings of each
    /// that are not grouped themselves (the partial index on fingerprint and id serves it). Fingerprints with none
    /// come back with an empty list.
    private func storedCandidates(_ fingerprints: [String]) throws -> [(fingerprint: String, stored: [NearDuplicateGrouper.Candidate])] {
        let unknown = fingerprints.filter { !$0.isEmpty && askedFingerprints.insert($0).inserted }
        guard !unknown.isEmpty else { return [] }
        let r = try lookup.query("""
            SELECT fingerprint, id, platform, description_simhash, length(description), left(description, $2)
            FROM (SELECT fingerprint, id, platform, description_simhash, description,
                         row_number() OVER (PARTITION BY fingerprint ORDER BY id) AS rank
                  FROM job_postings
                  WHERE fingerprint = ANY ($1::text[]) AND fingerprint <> '' AND canonical_job_id IS NULL) r
            WHERE rank <= $3
            ORDER BY fingerprint, id
            """, [unknown.pgText, NearDuplicateGrouper.prefixCharacters, JobImportWriter.groupCandidates])
        var stored: [String: [NearDuplicateGrouper.Candidate]] = [:]
        for row in 0..<r.rowCount {
            guard let fingerprint = r.string(row, 0), let id = r.int64(row, 1) else { continue }
            stored[fingerprint, default: []].append(NearDuplicateGrouper.Candidate(
                id: id, platform: r.string(row, 2) ?? "", simHash: r.int64(row, 3) ?? 0,
                characters: r.int(row, 4) ?? 0, prefix: r.string(row, 5) ?? ""))
        }
        return unknown.map { ($0, stored[$0] ?? []) }
    }

    /// For each row (0-based position) already stored: true when it must go through the stage (its id
    /// is stored with other content, or its content under another id), false when it is stored as is.
    /// Rows not in the result are new. Runs on the lookup connection: it sees committed postings, and
    /// imports run one at a time, so the rows of this file not yet committed are the ones seen above.
    private func knownRows(_ chunk: [(Int, JobPosting)]) throws -> [Int: Bool] {
        let r = try lookup.query("""
            SELECT i, key_hash IS DISTINCT FROM hash || revision OR other FROM (
                SELECT k.i - 1 AS i, k.hash, k.revision,
                       (SELECT j.content_hash || j.revision_hash FROM job_postings j
                        WHERE j.platform = k.platform AND j.external_job_id = k.external_id) AS key_hash,
                       EXISTS (SELECT 1 FROM job_postings j WHERE j.content_hash = k.hash
                               AND (j.platform, j.external_job_id) <> (k.platform, k.external_id)) AS other
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
                     WITH ORDINALITY AS k(platform, external_id, hash, revision, i)) r
            WHERE key_hash IS NOT NULL OR other
            """, [chunk.map(\.1.platform), chunk.map { Self.externalId($0.1) }, chunk.map(\.1.contentHash),
                  chunk.map(\.1.revisionHash)])
        var known: [Int: Bool] = [:]
        for row in 0..<r.rowCount { if let i = r.int(row, 0) { known[i] = r.bool(row, 1) ?? true } }
        return known
    }

    /// The external id stored for `p` (a content-hash id when the source has none).
    static func externalId(_ p: JobPosting) -> String { p.externalJobId ?? "h:" + p.contentHash }
}

/// A string as two independent 64-bit hashes of its bytes, for sets of a file's keys (a false "seen": ~2⁻¹²⁸).
struct Key128: Hashable {
    let a: UInt64, b: UInt64

    init(_ text: String) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x9e37_79b9_7f4a_7c15
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b &+ UInt64(byte)) &* 0xbf58_476d_1ce4_e5b9
            b ^= b >> 29
        }
        self.a = a
        self.b = b
    }
}
