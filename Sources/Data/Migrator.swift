import Foundation

/// Applies the numbered SQL files in `Migrations/` in order, each in its own transaction,
/// under an advisory lock so that concurrent commands never apply one twice.
public struct Migrator {
    public struct Migration {
        public var version: Int
        public var name: String
        public var sql: String
    }

    /// Arbitrary constant naming CentralD's migration lock.
    static let lockKey: Int64 = 0x43_65_6E_74_72_61_6C

    let connection: PGConnection

    public init(connection: PGConnection) { self.connection = connection }

    /// Every migration shipped with this build, by version.
    public static func bundled() throws -> [Migration] {
        guard let dir = Bundle.module.url(forResource: "Migrations", withExtension: nil) else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try files.map { file in
            guard let version = Int(file.prefix(while: \.isNumber)) else {
                throw EmbeddedPostgresError(description: "migration file \(file) does not start with a number")
            }
            let name = String(file.dropFirst(file.prefix(while: \.isNumber).count).drop(while: { $0 == "_" }).dropLast(4))
            return Migration(version: version, name: name, sql: try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// Applies what is missing; returns the versions applied now.
    @discardableResult
    public func migrate() throws -> [Int] {
        try connection.query("SELECT pg_advisory_lock($1)", [Self.lockKey])
        defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [Self.lockKey]) }
        try connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """)
        let done = try connection.query("SELECT version FROM schema_migrations")
        let applied = Set((0..<done.rowCount).compactMap { done.int($0, 0) })
        var now: [Int] = []
        for m in try Self.bundled() where !applied.contains(m.version) {
            try connection.transaction {
                try connection.execute(script: m.sql)
                try connection.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name])
            }
            now.append(m.version)
        }
        return now
    }

    /// (version, name, applied_at) of applied migrations.
    public func applied() throws -> [(Int, String, String)] {
        let r = try connection.query("SELECT version, name, applied_at::text FROM schema_migrations ORDER BY version")
        return (0..<r.rowCount).map { (r.int($0, 0) ?? 0, r.string($0, 1) ?? "", r.string($0, 2) ?? "") }
    }
}
