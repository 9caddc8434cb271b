import CNcurses
import Foundation
import Testing

@testable import CentralTUI

/// The real ncurses adapter, without a tty: `newterm` on /dev/null, then read the screen back.
@Suite(.serialized) struct NcursesTerminalTests {
    private func readRow(_ window: NcursesTerminal.CursesWindow, _ row: Int32, width: Int32) -> String {
        var buffer = [wchar_t](repeating: 0, count: Int(width) + 1)
        _ = mvwinnwstr(window, row, 0, &buffer, width)
        let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var text = String(String.UnicodeScalarView(scalars))
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    @Test func drawsWideTextAndTheDashboardThroughNcurses() throws {
        let previous = String(cString: setlocale(LC_ALL, nil))
        setlocale(LC_ALL, "C.UTF-8")
        defer { setlocale(LC_ALL, previous) }
        let output = try #require(fopen("/dev/null", "w"))
        let input = try #require(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let screen = try #require(newterm("xterm-256color", output, input))
        defer {
            endwin()
            delscreen(screen)
        }
        let window = try #require(cn_stdscr())
        let terminal = NcursesTerminal(window: window, usesColor: false)
        #expect(terminal.size.width > 0 && terminal.size.height > 0)

        Canvas(terminal: terminal, glyphs: .unicode)
            .write("Zürich 東京 ok", row: 0, column: 0, width: 20, style: CellStyle(.bold))
        #expect(readRow(window, 0, width: 20) == "Zürich 東京 ok")

        var model = ConsoleModel(size: terminal.size)
        model.apply(snapshot: Fixture.snapshot)
        model.render(
            into: terminal, now: Fixture.now, palette: Theme.standard.palette(monochrome: true), glyphs: .unicode,
            timeZone: Fixture.utc)
        if terminal.size.width >= 60, terminal.size.height >= 16 {
            #expect(readRow(window, 0, width: Int32(terminal.size.width)).hasPrefix("CentralD"))
            #expect(readRow(window, 1, width: Int32(terminal.size.width)).contains("▶ ACTIVE SCRAPERS"))
        }
    }
}
