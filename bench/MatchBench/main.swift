// Full re-match benchmark (issue 4): C candidates against J active jobs, database to database, with CentralD's
// engine (`MatchRunner`: blocked by preferred role, scored in memory on all cores, COPY + upsert), compared with
// the straightforward way — one SQL statement per candidate that scores its role's jobs in SQL with pgvector and
// inserts the kept pairs. Not a test: prints numbers, never fails.
// Run: swift build -c release --product bench-match && .build/release/bench-match [--candidates 2000] [--jobs 50000]
// Uses the database of `centrald db url` (bench/run.sh points CENTRALD_HOME at .build/bench-home) and REPLACES its
// job postings, candidates and matches.
import Core
import Data
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
let candidateCount = option("--candidates").flatMap(Int.init) ?? 2_000
let jobCount = option("--jobs").flatMap(Int.init) ?? 50_000
/// The SQL way is timed on this many candidates (evenly spread) and scaled to all: at full size it runs for an hour.
let baselineSample = option("--baseline-sample").flatMap(Int.init) ?? 200
/// Keep the data of the previous run (same sizes) instead of preparing it again.
let reuse = arguments.contains("--reuse")
let dimensions = 384
let model = "synthetic-384"

/// Prints a line at once (stdout may be a pipe).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = Date()
    let value = try body()
    return (value, Date().timeIntervalSince(start))
}

func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }

/// Architecture, CPU model and cores, read from uname and /proc/cpuinfo.
func machine() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
}
say("machine: \(machine())")
// In memory first: the scoring engine alone (BatchMatcher.scoreAll, every pair, both cores).
do {
    let (rate, kept, took) = MatchingBenchmark.run(candidates: 2_000, jobs: 5_000, seed: 7)
    say(String(format: "in memory: 2,000 × 5,000 = 10,000,000 pairs in %.2f s => %.2f million pairs/s (%d kept)",
               took, rate / 1e6, kept))
}
let conn: PGConnection
do {
    conn = try DatabaseLocator().connect()
} catch {
    say("cannot connect: \(error)")
    exit(0)
}

// MARK: - Data: roles, tenants, candidates, jobs through the real importer, synthetic vectors

@MainActor func prepare() throws {
    let loader = DemoLoader(connection: conn, directory: URL(fileURLWithPath: NSTemporaryDirectory()))
    try conn.query("TRUNCATE candidate_job_matches, match_status_events, candidates, role_job_mapping, job_postings, job_import_batches, job_import_errors, wf_events CASCADE")
    try loader.loadRoles()
    try loader.loadTenants()
    let people = DemoDataset(seed: 42, now: Date()).candidates(perTenant: (candidateCount + 2) / 3).prefix(candidateCount)
    try loader.insertCandidates(Array(people))

    // Generated postings draw from a pool with reposts; import until there are enough canonical active jobs.
    var file = 0
    var active = 0
    while active < jobCount {
        file += 1
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-match-\(file).jsonl")
        let missing = jobCount - active
        try DemoDataset.writeBenchFile(postings: missing + missing / 5 + 100, to: url, seed: UInt64(100 + file))
        let (summary, took) = try timed {
            try JobImportWriter(connection: conn).importFile(url, reader: JobFileReader(now: Date()), displayName: url.lastPathComponent)
        }
        try? FileManager.default.removeItem(at: url)
        active = try conn.query("SELECT count(*) FROM job_postings WHERE status = 'ACTIVE' AND canonical_job_id IS NULL").int(0, 0) ?? 0
        say("  imported \(summary.imported) postings in \(seconds(took)); \(active) canonical active jobs")
    }
    // Exactly jobCount active: expire the newest extra ones.
    try conn.query("""
        UPDATE job_postings SET status = 'EXPIRED', expired_at = now(), expired_reason = 'benchmark size'
        WHERE id IN (SELECT id FROM job_postings WHERE status = 'ACTIVE' AND canonical_job_id IS NULL ORDER BY id OFFSET $1)
        """, [jobCount])

    // Synthetic unit vectors: a centroid per role plus noise, so that a candidate is nearer its roles' jobs.
    var rng = DemoRandom(seed: 7, stream: 91)
    var centroids: [Int64: [Float]] = [:]
    func centroid(_ role: Int64) -> [Float] {
        if let c = centroids[role] { return c }
        let c = (0..<dimensions).map { _ in gaussian(&rng) }
        centroids[role] = c
        return c
    }
    func vector(role: Int64, noise: Float) -> String {
        let base = centroid(role)
        var v = base.map { $0 + noise * gaussian(&rng) }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        v = v.map { $0 / norm }
        return "[" + v.map { "\($0)" }.joined(separator: ",") + "]"
    }
    let jobs = try conn.query("""
        SELECT j.id, coalesce(min(m.role_id), 0) FROM job_postings j LEFT JOIN role_job_mapping m ON m.job_posting_id = j.id
        WHERE j.status = 'ACTIVE' AND j.canonical_job_id IS NULL GROUP BY j.id
        """)
    let people2 = try conn.query("SELECT id, coalesce(preferred_role_ids[1], 0) FROM candidates")
    try conn.transaction {
        try conn.query("CREATE TEMP TABLE bench_vectors (kind text, id bigint, v vector) ON COMMIT DROP")
        try conn.copyIn("COPY bench_vectors FROM STDIN") { writer in
            for i in 0..<jobs.rowCount {
                try writer.row(["job", String(jobs.int64(i, 0) ?? 0), vector(role: jobs.int64(i, 1) ?? 0, noise: 1.2)])
            }
            for i in 0..<people2.rowCount {
                try writer.row(["candidate", String(people2.int64(i, 0) ?? 0), vector(role: people2.int64(i, 1) ?? 0, noise: 1.2)])
            }
        }
        try conn.query("UPDATE job_postings j SET embedding = b.v, embedding_model = $1 FROM bench_vectors b WHERE b.kind = 'job' AND b.id = j.id", [model])
        try conn.query("UPDATE candidates c SET embedding = b.v, embedding_model = $1 FROM bench_vectors b WHERE b.kind = 'candidate' AND b.id = c.id", [model])
    }
    try conn.query("ANALYZE")
}

/// A standard normal value from the demo's seeded generator (Box–Muller).
func gaussian(_ rng: inout DemoRandom) -> Float {
    let u = max(rng.unit(), 1e-12), v = rng.unit()
    return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
}

// MARK: - The straightforward way: one SQL statement per candidate

/// Scores one candidate's role jobs in SQL (skills overlap, years, place, annual pay, pgvector cosine; the same
/// weights and renormalization) and upserts the pairs scoring at least 50.
let baselineSQL = """
    WITH c AS (SELECT * FROM candidates WHERE id = $1),
    pool AS (
        SELECT DISTINCT j.* FROM c
        JOIN role_job_mapping m ON m.role_id = ANY (c.preferred_role_ids)
        JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'ACTIVE' AND j.canonical_job_id IS NULL),
    parts AS (
        SELECT c.tenant_id, c.id AS candidate_id, j.id AS job_id,
            ARRAY(SELECT s FROM unnest(j.skills) s WHERE lower(s) IN (SELECT lower(x) FROM unnest(c.skills) x)) AS matched,
            ARRAY(SELECT s FROM unnest(j.skills) s WHERE lower(s) NOT IN (SELECT lower(x) FROM unnest(c.skills) x)) AS missing,
            cardinality(j.skills) AS asked,
            CASE WHEN j.experience_min IS NULL OR c.total_experience_years IS NULL THEN NULL
                 WHEN c.total_experience_years >= j.experience_min THEN 100
                 ELSE greatest(0, 100 - 25 * (j.experience_min - c.total_experience_years)) END AS experience,
            CASE WHEN j.work_mode = 'remote' THEN CASE WHEN c.remote_preference IN ('remote', 'any') THEN 100 ELSE 90 END
                 WHEN EXISTS (SELECT 1 FROM unnest(c.preferred_locations) p WHERE lower(split_part(p, ',', 1)) = lower(j.city)) THEN 100
                 WHEN EXISTS (SELECT 1 FROM unnest(c.preferred_locations) p
                              WHERE lower(trim(split_part(p, ',', 2))) = lower(j.region)) THEN 70
                 WHEN j.city IS NULL AND j.region IS NULL THEN NULL
                 ELSE 0 END AS location,
            CASE WHEN c.expected_salary IS NULL OR j.salary_annual_max IS NULL THEN NULL
                 WHEN coalesce(c.salary_currency, j.salary_currency) IS DISTINCT FROM coalesce(j.salary_currency, c.salary_currency) THEN NULL
                 ELSE greatest(0, 100 - 2 * greatest(0, (c.expected_salary * CASE c.salary_interval WHEN 'HOUR' THEN 2080 ELSE 1 END
                                                     - j.salary_annual_max) / j.salary_annual_max * 100)) END AS salary,
            CASE WHEN c.embedding_model = j.embedding_model THEN 100 * (1 - (c.embedding <=> j.embedding)) END AS semantic
        FROM c, pool j),
    scored AS (
        SELECT *, CASE WHEN asked = 0 THEN NULL ELSE 100.0 * cardinality(matched) / asked END AS skills FROM parts),
    total AS (
        SELECT *, (coalesce(0.40 * skills, 0) + coalesce(0.25 * experience, 0) + coalesce(0.15 * location, 0)
                   + coalesce(0.10 * salary, 0) + coalesce(0.10 * semantic, 0))
                  / nullif((CASE WHEN skills IS NULL THEN 0 ELSE 0.40 END) + (CASE WHEN experience IS NULL THEN 0 ELSE 0.25 END)
                           + (CASE WHEN location IS NULL THEN 0 ELSE 0.15 END) + (CASE WHEN salary IS NULL THEN 0 ELSE 0.10 END)
                           + (CASE WHEN semantic IS NULL THEN 0 ELSE 0.10 END), 0) AS score
        FROM scored)
    INSERT INTO candidate_job_matches (tenant_id, candidate_id, job_posting_id, skills_score, experience_score, location_score,
                                       salary_score, semantic_score, match_score, grade, matched_skills, missing_skills, explanation)
    SELECT tenant_id, candidate_id, job_id, skills, experience, location, salary, semantic, round(score::numeric, 2),
           CASE WHEN score >= 80 THEN 'A' WHEN score >= 70 THEN 'B' WHEN score >= 60 THEN 'C' ELSE 'D' END, matched, missing,
           jsonb_build_object('skills', skills, 'experience', experience, 'location', location, 'salary', salary,
                              'semantic', semantic, 'matched', matched, 'missing', missing, 'scoring_version', 'sql-baseline')
    FROM total WHERE score >= 50
    ON CONFLICT (candidate_id, job_posting_id) DO UPDATE
    SET skills_score = EXCLUDED.skills_score, experience_score = EXCLUDED.experience_score,
        location_score = EXCLUDED.location_score, salary_score = EXCLUDED.salary_score,
        semantic_score = EXCLUDED.semantic_score, match_score = EXCLUDED.match_score, grade = EXCLUDED.grade,
        matched_skills = EXCLUDED.matched_skills, missing_skills = EXCLUDED.missing_skills,
        explanation = EXCLUDED.explanation, scored_at = now()
    """

// MARK: - Run

do {
    say("data: \(candidateCount) candidates, \(jobCount) active jobs (generated, imported with the real importer; \(dimensions)-dim synthetic vectors)")
    let (_, prepTime) = try timed { if !reuse { try prepare() } }
    let pairs = try conn.query("""
        SELECT count(*) FROM candidates c JOIN LATERAL (SELECT DISTINCT m.job_posting_id FROM role_job_mapping m
            JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'ACTIVE' AND j.canonical_job_id IS NULL
            WHERE m.role_id = ANY (c.preferred_role_ids)) p ON true
        """).int(0, 0) ?? 0
    say("  prepared in \(seconds(prepTime)); \(pairs) candidate–job pairs share a preferred role")

    try conn.query("TRUNCATE candidate_job_matches CASCADE")
    let runner = MatchRunner(connection: conn)
    let (first, firstTime) = try timed { try runner.rerunMatches(.all) }
    say(String(format: "centrald match --all, empty table: %@ (load %.1f s, score %.1f s, write %.1f s); %d pairs scored, %d kept, %d inserted",
               seconds(firstTime), first.loadSeconds, first.scoreSeconds, first.writeSeconds, first.pairsScored, first.kept, first.inserted))
    let (second, secondTime) = try timed { try runner.rerunMatches(.all) }
    say(String(format: "centrald match --all again, nothing changed: %@ (load %.1f s, score %.1f s, write %.1f s); %d unchanged, %d updated",
               seconds(secondTime), second.loadSeconds, second.scoreSeconds, second.writeSeconds, second.unchanged, second.updated))

    try conn.query("TRUNCATE candidate_job_matches CASCADE")
    let all = try conn.query("SELECT id FROM candidates ORDER BY id")
    let step = max(1, all.rowCount / max(1, baselineSample))
    let sample = stride(from: 0, to: all.rowCount, by: step).map { all.int64($0, 0) ?? 0 }
    let (_, sampleTime) = try timed {
        for id in sample { try conn.query(baselineSQL, [id]) }
    }
    let baselineKept = try conn.query("SELECT count(*) FROM candidate_job_matches").int(0, 0) ?? 0
    let baselineTime = sampleTime * Double(all.rowCount) / Double(sample.count)
    say(String(format: "one SQL query per candidate (pgvector + SQL scoring), empty table: %.1f s for %d of %d candidates "
               + "(%d kept) => %.0f s for all", sampleTime, sample.count, all.rowCount, baselineKept, baselineTime))
    say(String(format: "ratio: the SQL way takes %.1f× as long as centrald's engine (first run)", baselineTime / firstTime))
    say(String(format: "ratio on a re-run with nothing changed: at least %.1f× (the SQL way scores and writes every pair "
               + "again, its first-run time is a lower bound; centrald compares and writes nothing)", baselineTime / secondTime))
    try conn.query("TRUNCATE candidate_job_matches CASCADE")
} catch {
    say("benchmark failed: \(error)")
}
