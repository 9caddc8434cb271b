import Foundation
import Testing

@testable import Data

/// The test run's own PostgreSQL: the embedded server under `$CENTRALD_HOME` (make test sets it
/// to .build/test-home), started on first use. Each test gets a fresh database of its own.
enum TestDatabase {
    nonisolated(unsafe) static let embedded: EmbeddedPostgres = {
        let env = ProcessInfo.processInfo.environment
        let home = env["CENTRALD_HOME"].map { URL(fileURLWithPath: $0) } ?? repoRoot.appendingPathComponent(".build/test-home")
        return EmbeddedPostgres(home: home, log: { _ in })
    }()

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var started = false

    /// A new, migrated database; returns a connection to it and its conninfo.
    static func fresh(_ name: String = #function) throws -> (PGConnection, String) {
        lock.lock()
        defer { lock.unlock() }
        if !started {
            try embedded.ensureRunning()
            started = true
        }
        let db = "t_" + name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(40) + "_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let admin = try PGConnection(conninfo: embedded.conninfo(database: "postgres"))
        try admin.query("CREATE DATABASE \(db)")
        let info = embedded.conninfo(database: db)
        let conn = try PGConnection(conninfo: info)
        try Migrator(connection: conn).migrate()
        return (conn, info)
    }

    /// `../shared/data` next to the repository, or `CENTRALD_SHARED_DATA`, when present.
    static var sharedData: URL? {
        let env = ProcessInfo.processInfo.environment
        let dir = env["CENTRALD_SHARED_DATA"].map { URL(fileURLWithPath: $0) }
            ?? repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: dir.appendingPathComponent("jobs").path) ? dir : nil
    }

    /// Writes `content` to a temporary file with `name` and returns its URL.
    static func file(_ name: String, _ content: String) throws -> URL {
        try file(name, Data(content.utf8))
    }

    static func file(_ name: String, _ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("centrald-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}

extension PGConnection {
    /// First column of the first row as Int.
    func scalar(_ sql: String, _ params: [PGBindable?] = []) throws -> Int? {
        try query(sql, params).int(0, 0)
    }
    func text(_ sql: String, _ params: [PGBindable?] = []) throws -> String? {
        try query(sql, params).string(0, 0)
    }
}
