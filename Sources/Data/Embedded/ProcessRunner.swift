import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (initdb, pg_ctl, runuser) and captures its output.
///
/// Uses posix_spawn + waitpid rather than Foundation's Process: Process did not reap `runuser`
/// here (it stayed a zombie and waitUntilExit never returned).
struct ProcessRunner {
    struct Output {
        var status: Int32
        var text: String
    }

    /// Runs `args[0]` with the rest as arguments; when `asUser` is set, through `runuser -u`.
    static func run(_ args: [String], asUser user: String? = nil) throws -> Output {
        var argv = args
        if let user {
            let runuser = FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser"
            argv = [runuser, "-u", user, "--"] + args
        }
        // Output goes to a file, not a pipe: a server started by pg_ctl inherits its descriptors.
        let outPath = NSTemporaryDirectory() + "centrald-\(getpid())-\(UUID().uuidString).out"
        defer { unlink(outPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else {
            throw EmbeddedPostgresError(description: "cannot run \(argv[0]): \(String(cString: strerror(rc)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        return Output(status: exitCode, text: text)
    }
}
