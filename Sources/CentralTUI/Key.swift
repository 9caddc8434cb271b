/// A key press, decoded from `wget_wch` (or scripted in tests).
public enum Key: Hashable, Sendable {
    /// A printable character or control character ("\u{03}" is Ctrl-C).
    case character(Character)
    /// Cursor and paging keys.
    case up, down, left, right, pageUp, pageDown, home, end
    /// Tab, Shift-Tab (KEY_BTAB), Enter, Esc.
    case tab, backTab, enter, escape
    /// Function key F1…F12.
    case function(Int)
    /// The terminal was resized (KEY_RESIZE).
    case resize
    /// A key code the console does not know.
    case unknown(Int32)

    /// How the key is written in hints and help.
    public func label(_ glyphs: Glyphs) -> String {
        switch self {
        case .character("\u{03}"): return "Ctrl-C"
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return glyphs.isASCII ? "Up" : "↑"
        case .down: return glyphs.isASCII ? "Down" : "↓"
        case .left: return glyphs.isASCII ? "Left" : "←"
        case .right: return glyphs.isASCII ? "Right" : "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .unknown(let code): return "#\(code)"
        }
    }
}
