/// Text attributes a cell can carry; they keep meaning when there is no colour.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold (bright) text.
    public static let bold = CellAttributes(rawValue: 1 << 0)
    /// Dim (half-bright) text.
    public static let dim = CellAttributes(rawValue: 1 << 1)
    /// Foreground and background swapped.
    public static let reverse = CellAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// The eight basic terminal colours (curses numbering).
public enum TerminalColor: Int16, Sendable, Hashable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How one cell looks: attributes plus optional colours (`nil` = the terminal's default).
public struct CellStyle: Sendable, Hashable {
    /// Bold, dim, reverse, underline.
    public var attributes: CellAttributes
    /// Foreground colour, or the terminal default.
    public var foreground: TerminalColor?
    /// Background colour, or the terminal default.
    public var background: TerminalColor?
    /// Creates a style.
    public init(_ attributes: CellAttributes = [], foreground: TerminalColor? = nil, background: TerminalColor? = nil) {
        self.attributes = attributes
        self.foreground = foreground
        self.background = background
    }
    /// No attributes, default colours.
    public static let plain = CellStyle()
    /// Whether the style uses a colour pair.
    public var hasColor: Bool { foreground != nil || background != nil }
}

/// A terminal size in cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int
    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    /// "80×24".
    public var description: String { "\(width)×\(height)" }
}

/// Where views draw: ncurses in the app, an in-memory grid in tests.
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: TerminalSize { get }
    /// Blanks every cell.
    func clear()
    /// Puts one grapheme occupying `width` (1 or 2) columns at `row`, `column`.
    func put(_ grapheme: Character, width: Int, row: Int, column: Int, style: CellStyle)
}
