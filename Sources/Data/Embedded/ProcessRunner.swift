import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (initdb, pg_ctl, runuser, tmux) and captures its output.
///
/// Uses posix_spawn + waitpid rather than Foundation's Process: here Process did not reap a
/// child whose own child outlives it (`runuser` starting PostgreSQL, `sh` starting a tmux server):
/// the child stayed a zombie and waitUntilExit never returned.
public struct ProcessRunner {
    public struct Output {
        public var status: Int32
        /// stdout, with stderr too unless `separateStderr` was asked for.
        public var text: String
        public var stderr: String
    }

    /// Runs `args[0]` with the rest as arguments; when `asUser` is set, through `runuser -u`.
    /// `environment` replaces the environment when given.
    public static func run(_ args: [String], asUser user: String? = nil, environment: [String: String]? = nil,
                           separateStderr: Bool = false) throws -> Output {
        let outPath = tempPath("out"), errPath = tempPath("err")
        defer { unlink(outPath); unlink(errPath) }
        let pid = try spawn(args, asUser: user, environment: environment, stdout: outPath, stderr: separateStderr ? errPath : nil)
        let status = wait(pid)
        return Output(status: status, text: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: separateStderr ? ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "") : "")
    }

    /// Starts a process without waiting; output goes to the given files (or /dev/null).
    /// Output goes to files, not pipes: a server started by the child inherits its descriptors.
    public static func spawn(_ args: [String], asUser user: String? = nil, environment: [String: String]? = nil,
                             stdout: String? = nil, stderr: String? = nil) throws -> pid_t {
        var argv = args
        if let user {
            let runuser = FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser"
            argv = [runuser, "-u", user, "--"] + args
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let cEnv: [UnsafeMutablePointer<CChar>?]? = environment.map { env in env.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { cEnv?.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = cEnv.map { posix_spawnp(&pid, argv[0], &actions, nil, cArgs, $0) } ?? posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else {
            throw EmbeddedPostgresError(description: "cannot run \(argv[0]): \(String(cString: strerror(rc)))")
        }
        return pid
    }

    /// Waits for `pid`; returns its exit code (128 + signal when killed).
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func tempPath(_ kind: String) -> String {
        NSTemporaryDirectory() + "centrald-\(getpid())-\(UUID().uuidString).\(kind)"
    }
}
