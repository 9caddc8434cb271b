import Data
import Foundation

/// `centrald db start|stop|status|url|migrate`.
enum DBCommand {
    static let help = """
        usage: centrald db start|stop|status|url|migrate

          start     start the embedded PostgreSQL (created on first use under $CENTRALD_HOME)
          stop      stop it
          status    is it running, where, which migrations are applied
          url       print a libpq URL (psql "$(centrald db url)")
          migrate   apply pending schema migrations
        With DATABASE_URL (or PG* variables) set, url/migrate/status use that server instead.
        """

    static func run(_ args: [String]) throws -> Int32 {
        guard let sub = args.first else { throw UsageError("db needs a subcommand") }
        let locator = DatabaseLocator()
        let embedded = EmbeddedPostgres()
        switch sub {
        case "start":
            guard locator.source == .embedded else {
                print("DATABASE_URL/PG* is set: using that server, nothing to start")
                return 0
            }
            try embedded.ensureRunning()
            _ = try Migrator(connection: PGConnection(conninfo: embedded.conninfo())).migrate()
            print("running: \(embedded.url())")
        case "stop":
            print(try embedded.stop() ? "stopped" : "not running")
        case "status":
            if locator.source != .embedded {
                let conn = try locator.connect(migrate: false)
                let v = try conn.query("SELECT version()").string(0, 0) ?? ""
                print("external server: \(v)")
                try printMigrations(conn)
                return 0
            }
            let s = try embedded.status()
            if let pid = s.pid {
                print("running  pid \(pid)  port \(s.port.map(String.init) ?? "?")")
                print("data     \(s.dataDir)")
                print("socket   \(s.socketDir)")
                print("url      \(embedded.url())")
                try printMigrations(PGConnection(conninfo: embedded.conninfo()))
            } else {
                print(s.isInitialized ? "stopped  (data in \(s.dataDir))" : "not created yet (starts on first use)")
                return 3
            }
        case "url":
            switch locator.source {
            case .url(let u): print(u)
            case .pgEnvironment: print("(from PG* environment variables)")
            case .embedded:
                try embedded.ensureRunning()
                print(embedded.url())
            }
        case "migrate":
            let conn = try locator.connect(migrate: false)
            let applied = try Migrator(connection: conn).migrate()
            print(applied.isEmpty ? "schema up to date" : "applied migrations: \(applied.map(String.init).joined(separator: ", "))")
        default:
            throw UsageError("unknown db subcommand '\(sub)'")
        }
        return 0
    }

    private static func printMigrations(_ conn: PGConnection) throws {
        let exists = try conn.query("SELECT to_regclass('schema_migrations') IS NOT NULL").bool(0, 0) ?? false
        guard exists else { return print("schema   not migrated") }
        for (v, name, at) in try Migrator(connection: conn).applied() {
            print(String(format: "schema   %04d %@ (%@)", v, name, at))
        }
    }
}
