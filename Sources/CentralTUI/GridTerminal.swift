/// An in-memory terminal: a grid of cells with styles, for tests and `--batch` output.
public final class GridTerminal: Terminal {
    /// One cell of the grid.
    public struct Cell: Sendable, Hashable {
        /// The grapheme shown; empty for the right half of a wide character.
        public var grapheme: String
        /// How it is drawn.
        public var style: CellStyle
    }

    /// Size in cells.
    public let size: TerminalSize
    /// Rows of cells, `size.height` × `size.width`.
    public private(set) var cells: [[Cell]]

    /// Creates a blank grid.
    public init(width: Int, height: Int) {
        size = TerminalSize(width: max(0, width), height: max(0, height))
        cells = Array(
            repeating: Array(repeating: Cell(grapheme: " ", style: .plain), count: size.width), count: size.height)
    }

    /// Blanks every cell.
    public func clear() {
        for row in cells.indices {
            for column in cells[row].indices { cells[row][column] = Cell(grapheme: " ", style: .plain) }
        }
    }

    /// Puts one grapheme; a wide one also claims the next cell. Out-of-range puts are ignored.
    public func put(_ grapheme: Character, width: Int, row: Int, column: Int, style: CellStyle) {
        guard row >= 0, row < size.height, column >= 0, column + max(width, 1) <= size.width else { return }
        cells[row][column] = Cell(grapheme: String(grapheme), style: style)
        if width == 2 { cells[row][column + 1] = Cell(grapheme: "", style: style) }
    }

    /// The screen as lines joined by "\n", trailing spaces trimmed.
    public var text: String { lines.joined(separator: "\n") }

    /// The screen as lines, trailing spaces trimmed.
    public var lines: [String] {
        cells.map { row in
            var line = row.map(\.grapheme).joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// Every distinct style used on screen.
    public var stylesUsed: Set<CellStyle> { Set(cells.flatMap { $0.map(\.style) }) }
}
