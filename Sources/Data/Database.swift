import Foundation

/// Where CentralD's database is: `DATABASE_URL`, the standard `PG*` variables, or the
/// embedded private cluster (started on demand).
public struct DatabaseLocator {
    public enum Source: Equatable {
        case url(String)
        case pgEnvironment
        case embedded
    }

    public let source: Source

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            source = .url(url)
        } else if ["PGHOST", "PGDATABASE", "PGSERVICE", "PGPORT", "PGUSER"].contains(where: { environment[$0].map { !$0.isEmpty } ?? false }) {
            source = .pgEnvironment
        } else {
            source = .embedded
        }
    }

    /// The libpq conninfo to use, starting the embedded server when that is the source.
    public func conninfo(embedded: EmbeddedPostgres = EmbeddedPostgres()) throws -> String {
        switch source {
        case .url(let u): return u
        case .pgEnvironment: return ""
        case .embedded:
            try embedded.ensureRunning()
            return embedded.conninfo()
        }
    }

    /// Opens a connection and applies pending migrations.
    public func connect(migrate: Bool = true) throws -> PGConnection {
        let conn = try PGConnection(conninfo: try conninfo())
        if migrate { _ = try Migrator(connection: conn).migrate() }
        return conn
    }
}
