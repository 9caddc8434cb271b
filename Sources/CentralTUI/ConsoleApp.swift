import CNcurses
import Core
import Dispatch
import Foundation

/// The run loop: the main thread owns curses, waits ~100 ms for a key, drains results posted by
/// the background refresher, and redraws when something changed (or the clock ticks a second).
final class ConsoleApp {
    private let options: ConsoleOptions
    private let glyphs: Glyphs
    private let refresher: DashboardRefresher
    private let stopFlag = StopFlag()

    init(source: DashboardSource, options: ConsoleOptions, glyphs: Glyphs) {
        self.options = options
        self.glyphs = glyphs
        refresher = DashboardRefresher(source: source, interval: options.refreshInterval)
    }

    func run() {
        let window = cn_stdscr()!
        raw()  // Ctrl-C arrives as a key and quits through the registry, so endwin always runs
        noecho()
        keypad(window, true)
        curs_set(0)
        wtimeout(window, 100)
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        let usesColor = !options.monochrome && has_colors()
        if usesColor {
            start_color()
            use_default_colors()
        }
        let terminal = NcursesTerminal(window: window, usesColor: usesColor)
        let palette = options.theme.palette(monochrome: !usesColor)
        var model = ConsoleModel(size: terminal.size, refreshInterval: options.refreshInterval)
        let signals = installSignalHandlers()
        defer { signals.forEach { $0.cancel() } }

        refresher.start()
        defer { refresher.stop() }
        var isDirty = true
        var lastSecond = 0
        while !stopFlag.isSet {
            for event in refresher.drain() {
                switch event {
                case .started: model.loadStarted()
                case .loaded(let snapshot): model.apply(snapshot: snapshot)
                case .failed(let message): model.apply(loadError: message)
                }
                isDirty = true
            }
            let now = Date()
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond { isDirty = true }  // "2 min ago" ages while idle
            if isDirty {
                model.render(into: terminal, now: now, palette: palette, glyphs: glyphs, timeZone: options.timeZone)
                terminal.flush()
                isDirty = false
                lastSecond = second
            }
            guard let key = terminal.readKey() else { continue }
            isDirty = true
            if key == .resize {
                model.resize(to: terminal.size)
                continue
            }
            switch model.handle(key: key) {
            case .quit: return
            case .refresh: refresher.requestRefresh()
            case .none: break
            }
        }
    }

    /// SIGTERM/SIGHUP end the loop so the terminal is restored.
    private func installSignalHandlers() -> [DispatchSourceSignal] {
        [SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let flag = stopFlag
            source.setEventHandler { flag.set() }
            source.resume()
            return source
        }
    }
}

/// A flag set from another thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
