import Data
import Foundation

/// Runs the built `centrald` with the test run's CENTRALD_HOME.
enum Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var path: String { root.appendingPathComponent(".build/debug/centrald").path }
    static var home: String {
        ProcessInfo.processInfo.environment["CENTRALD_HOME"] ?? root.appendingPathComponent(".build/test-home").path
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["CENTRALD_HOME"] = home
        env.removeValue(forKey: "DATABASE_URL")
        return env
    }

    /// Runs centrald with `args` and waits.
    @discardableResult
    static func run(_ args: [String]) throws -> Output {
        let r = try ProcessRunner.run([path] + args, environment: environment, separateStderr: true)
        return Output(status: r.status, stdout: r.text, stderr: r.stderr)
    }

    /// Starts centrald without waiting.
    static func start(_ args: [String]) throws -> pid_t {
        try ProcessRunner.spawn([path] + args, environment: environment)
    }

    /// Runs a shell command line (tmux, psql) and returns its stdout.
    @discardableResult
    static func sh(_ command: String) throws -> String {
        try ProcessRunner.run(["/bin/sh", "-c", command], separateStderr: true).text
    }
}
