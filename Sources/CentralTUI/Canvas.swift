/// Writes strings into a `Terminal`, measuring in display columns and clipping to a region.
struct Canvas {
    let terminal: Terminal
    let glyphs: Glyphs

    var size: TerminalSize { terminal.size }

    /// Writes `text` at `row`, `column`, padded/truncated to exactly `width` columns.
    func write(
        _ text: String, row: Int, column: Int, width: Int, style: CellStyle, alignRight: Bool = false
    ) {
        guard width > 0, row >= 0, row < size.height else { return }
        let clipped = min(width, size.width - column)
        guard clipped > 0 else { return }
        let fitted = DisplayWidth.fit(text, to: clipped, alignRight: alignRight, ellipsis: glyphs.ellipsis)
        var x = column
        for character in fitted {
            var shown = character
            var w = DisplayWidth.of(character)
            if w == 0 {
                if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? true {
                    shown = "?"
                    w = 1
                } else {
                    continue  // lone combining mark: nothing to place
                }
            }
            if x + w > column + clipped { break }
            terminal.put(shown, width: w, row: row, column: x, style: style)
            x += w
        }
        while x < column + clipped {
            terminal.put(" ", width: 1, row: row, column: x, style: style)
            x += 1
        }
    }

    /// Writes `text` without padding, returning the column after it.
    @discardableResult
    func append(_ text: String, row: Int, column: Int, limit: Int, style: CellStyle) -> Int {
        let w = min(DisplayWidth.of(text), limit - column)
        guard w > 0 else { return column }
        write(text, row: row, column: column, width: w, style: style)
        return column + w
    }

    /// Fills `width` cells with a repeated one-column glyph.
    func fill(_ glyph: String, row: Int, column: Int, width: Int, style: CellStyle) {
        guard width > 0 else { return }
        write(String(repeating: glyph, count: width), row: row, column: column, width: width, style: style)
    }
}
