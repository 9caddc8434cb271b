import CNcurses
import Core
import Foundation

/// Settings for the full-screen console.
public struct ConsoleOptions: Sendable {
    /// Seconds between automatic dashboard loads.
    public var refreshInterval: TimeInterval
    /// Draw without colour (bold/reverse/underline only). Defaults to whether `NO_COLOR` is set and non-empty.
    public var monochrome: Bool
    /// Styles per semantic role.
    public var theme: Theme
    /// Force ASCII glyphs; `nil` decides from the locale's codeset.
    public var asciiOnly: Bool?
    /// Time zone for clock times on screen.
    public var timeZone: TimeZone

    /// Creates options; `monochrome: nil` reads `NO_COLOR`.
    public init(
        refreshInterval: TimeInterval = 5, monochrome: Bool? = nil, theme: Theme = .standard, asciiOnly: Bool? = nil,
        timeZone: TimeZone = .current
    ) {
        self.refreshInterval = refreshInterval
        self.monochrome = monochrome ?? Self.isNoColorRequested()
        self.theme = theme
        self.asciiOnly = asciiOnly
        self.timeZone = timeZone
    }

    /// Whether `NO_COLOR` is present and non-empty (no-color.org).
    public static func isNoColorRequested(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// Why the console could not start.
public enum ConsoleError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (use `renderDashboardText` instead).
    case notATerminal
    /// ncurses could not set up the terminal named by `TERM`.
    case cannotInitialize(term: String)

    /// Message for the user.
    public var description: String {
        switch self {
        case .notATerminal: return "the console needs a terminal on stdin and stdout (try --batch)"
        case .cannotInitialize(let term): return "cannot initialise terminal type '\(term)'"
        }
    }
}

/// Runs the full-screen dashboard until the user presses `q` (or Ctrl-C, SIGTERM, SIGHUP).
///
/// Sets the locale (`setlocale(LC_ALL, "")`) before ncurses starts, loads data from `source` on a
/// background thread every `options.refreshInterval` seconds, and restores the terminal on return.
public func runConsole(source: DashboardSource, options: ConsoleOptions = ConsoleOptions()) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw ConsoleError.notATerminal }
    setlocale(LC_ALL, "")
    let glyphs: Glyphs = options.asciiOnly.map { $0 ? .ascii : .unicode } ?? .detect()
    guard let screen = cn_newterm(nil) else {
        throw ConsoleError.cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
    }
    let app = ConsoleApp(source: source, options: options, glyphs: glyphs)
    app.run()
    endwin()
    delscreen(screen)
}

/// One frame of the dashboard as plain text (for `centrald tui --batch` or a non-terminal stdout).
public func renderDashboardText(_ snapshot: DashboardSnapshot, width: Int, height: Int, now: Date) -> String {
    renderDashboardText(snapshot, loadError: nil, width: width, height: height, now: now)
}

/// One frame as plain text; `loadError` shows in the status line (with `snapshot` as the last good data, if any).
public func renderDashboardText(
    _ snapshot: DashboardSnapshot?, loadError: String?, width: Int, height: Int, now: Date,
    glyphs: Glyphs = .detect(), timeZone: TimeZone = .current, refreshInterval: TimeInterval = 5
) -> String {
    let grid = GridTerminal(width: width, height: height)
    var state = ConsoleState(size: grid.size, refreshInterval: refreshInterval)
    state.snapshot = snapshot
    state.loadError = loadError
    let view = DashboardView(
        palette: Theme.standard.palette(monochrome: true), glyphs: glyphs,
        formatting: Formatting(timeZone: timeZone), showsFocus: false)
    view.render(state, now: now, into: grid)
    return grid.text
}
