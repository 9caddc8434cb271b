import CentralTUI
import Core
import Data
import Foundation

/// `centrald tui [--batch] [--width N --height N] [--interval S]`.
enum TUICommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["width", "height", "interval"])
        try args.allowFlags(["batch", "no-color"])
        let conninfo = try DatabaseLocator().conninfo()
        _ = try Migrator(connection: PGConnection(conninfo: conninfo)).migrate()
        let source = PostgresDashboardSource(conninfo: conninfo)
        let interactive = isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        if args.flag("batch") || !interactive {
            return try printFrame(source, args)
        }
        var options = ConsoleOptions(refreshInterval: Double(args.option("interval") ?? "") ?? 5)
        if args.flag("no-color") { options.monochrome = true }
        do {
            try runConsole(source: source, options: options)
        } catch ConsoleError.notATerminal {
            return try printFrame(source, args)
        }
        return 0
    }

    /// One frame as plain text (for scripts, CI and `make demo` without a terminal).
    static func printFrame(_ source: PostgresDashboardSource, _ args: Arguments) throws -> Int32 {
        setlocale(LC_ALL, "")
        let width = Int(args.option("width") ?? "") ?? Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
        let height = Int(args.option("height") ?? "") ?? Int(ProcessInfo.processInfo.environment["LINES"] ?? "") ?? 40
        let now = Date()
        do {
            let snap = try source.loadDashboard(now: now)
            print(renderDashboardText(snap, width: width, height: height, now: now))
            return 0
        } catch {
            print(renderDashboardText(nil, loadError: "\(error)", width: width, height: height, now: now))
            return 1
        }
    }
}
