import CNcurses

/// Box, marker and status glyphs, with an ASCII set for terminals whose codeset is not UTF-8.
public struct Glyphs: Sendable {
    /// Whether these are the plain ASCII fallbacks.
    public var isASCII: Bool
    /// Rule in an unfocused panel title line.
    public var rule: String
    /// Rule in the focused panel title line.
    public var focusRule: String
    /// Marks the focused panel title.
    public var focusMarker: String
    /// Marks the selected row.
    public var selectionMarker: String
    /// Ends truncated text.
    public var ellipsis: String
    /// Multiplication sign in sizes ("80×24").
    public var times: String
    /// Separator in header and status lines.
    public var separator: String
    /// Box corners and sides: top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
    public var box: (String, String, String, String, String, String)
    /// Status symbols.
    public var ok: String, empty: String, timeout: String, failed: String, running: String
    /// Scraper state symbols.
    public var active: String, idle: String
    /// Arrow keys, as shown in hints.
    public var upDown: String

    /// Box-drawing and symbol glyphs.
    public static let unicode = Glyphs(
        isASCII: false, rule: "─", focusRule: "━", focusMarker: "▶", selectionMarker: "▸", ellipsis: "…", times: "×",
        separator: "·", box: ("┌", "┐", "└", "┘", "─", "│"), ok: "✓", empty: "○", timeout: "!", failed: "✗",
        running: "↻", active: "●", idle: "○", upDown: "↑↓")
    /// Plain ASCII fallbacks.
    public static let ascii = Glyphs(
        isASCII: true, rule: "-", focusRule: "=", focusMarker: ">", selectionMarker: ">", ellipsis: "~", times: "x",
        separator: "|", box: ("+", "+", "+", "+", "-", "|"), ok: "+", empty: "-", timeout: "!", failed: "x",
        running: "~", active: "*", idle: "o", upDown: "Up/Dn")

    /// Unicode when the current locale's codeset is UTF-8 (call `setlocale` first), else ASCII.
    public static func detect() -> Glyphs { cn_codeset_is_utf8() != 0 ? .unicode : .ascii }
}
