import CNcurses

/// The real terminal: draws through ncursesw. Only the main (UI) thread may use it.
final class NcursesTerminal: Terminal {
    /// Hides the platform's `WINDOW` pointer type from the rest of the module.
    typealias CursesWindow = UnsafeMutablePointer<WINDOW>

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private let window: CursesWindow
    private let usesColor: Bool
    /// Colour pairs are finite: one per (fg, bg), allocated on first use.
    private var pairs: [PairKey: Int16] = [:]

    init(window: CursesWindow, usesColor: Bool) {
        self.window = window
        self.usesColor = usesColor
    }

    var size: TerminalSize { TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    func clear() { werase(window) }

    func put(_ grapheme: Character, width: Int, row: Int, column: Int, style: CellStyle) {
        var attributes = attr_t(UInt32(bitPattern: cn_a_normal()))
        if style.attributes.contains(.bold) { attributes |= attr_t(UInt32(bitPattern: cn_a_bold())) }
        if style.attributes.contains(.dim) { attributes |= attr_t(UInt32(bitPattern: cn_a_dim())) }
        if style.attributes.contains(.reverse) { attributes |= attr_t(UInt32(bitPattern: cn_a_reverse())) }
        if style.attributes.contains(.underline) { attributes |= attr_t(UInt32(bitPattern: cn_a_underline())) }
        let pair = usesColor && style.hasColor ? pairNumber(style) : 0
        wattr_set(window, attributes, pair, nil)
        var wide = grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let count = Int32(wide.count)
        wide.append(0)
        _ = mvwaddnwstr(window, Int32(row), Int32(column), &wide, count)
    }

    /// Sends the frame to the screen (ncurses sends only what changed).
    func flush() { wrefresh(window) }

    /// Waits up to the window's timeout for a key; nil on timeout.
    func readKey() -> Key? {
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == ERR { return nil }
        let value = Int32(bitPattern: UInt32(code))
        if result == KEY_CODE_YES { return Self.functionKey(value) }
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return .unknown(value) }
            return .character(Character(scalar))
        }
    }

    private static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case cn_key_f(1)...cn_key_f(12): return .function(Int(code - cn_key_f(0)))
        default: return .unknown(code)
        }
    }

    private func pairNumber(_ style: CellStyle) -> Int16 {
        let key = PairKey(foreground: style.foreground?.rawValue ?? -1, background: style.background?.rawValue ?? -1)
        if let pair = pairs[key] { return pair }
        let pair = Int16(pairs.count + 1)
        guard Int32(pair) < cn_color_pairs() else { return 0 }
        init_pair(pair, key.foreground, key.background)
        pairs[key] = pair
        return pair
    }
}
