/// The `?` overlay: every binding from the registry in a centred box; any key closes it.
struct HelpOverlay {
    let palette: Palette
    let glyphs: Glyphs

    func render(_ canvas: Canvas) {
        let size = canvas.size
        let bindings = KeyBindings.all
        let keyWidth = min(16, bindings.map { DisplayWidth.of($0.keyLabel(glyphs)) }.max() ?? 4)
        let titleWidth = bindings.map { DisplayWidth.of($0.title) }.max() ?? 8
        let wanted = 4 + keyWidth + 2 + titleWidth + 2 + (bindings.map { DisplayWidth.of($0.help) }.max() ?? 0)
        let width = min(size.width - 2, wanted)
        let height = min(size.height, bindings.count + 4)
        let left = (size.width - width) / 2
        let top = (size.height - height) / 2
        let (tl, tr, bl, br, h, v) = glyphs.box
        let border = palette[.title]

        let heading = " Keybindings "
        canvas.write(tl + h, row: top, column: left, width: 2, style: border)
        let after = canvas.append(
            heading, row: top, column: left + 2, limit: left + width - 1, style: palette[.focusTitle])
        canvas.fill(h, row: top, column: after, width: left + width - 1 - after, style: border)
        canvas.write(tr, row: top, column: left + width - 1, width: 1, style: border)

        let inner = width - 4
        var lines: [(String, String, String)] = bindings.map { ($0.keyLabel(glyphs), $0.title, $0.help) }
        lines.append(("", "", ""))
        lines.append(("", "Press any key to close", ""))
        let bodyRows = max(0, height - 2)
        for (i, line) in lines.prefix(bodyRows).enumerated() {
            let row = top + 1 + i
            canvas.write(v, row: row, column: left, width: 1, style: border)
            canvas.write("", row: row, column: left + 1, width: width - 2, style: palette[.normal])
            if line.0.isEmpty {
                canvas.write(line.1, row: row, column: left + 2, width: inner, style: palette[.dim])
            } else {
                let keyColumn = min(keyWidth, inner)
                canvas.write(line.0, row: row, column: left + 2, width: keyColumn, style: palette[.key])
                let titleColumn = left + 2 + keyColumn + 2
                let titleSpace = min(titleWidth, left + width - 2 - titleColumn)
                canvas.write(line.1, row: row, column: titleColumn, width: titleSpace, style: palette[.normal])
                let helpColumn = titleColumn + titleSpace + 2
                canvas.write(
                    line.2, row: row, column: helpColumn, width: left + width - 2 - helpColumn, style: palette[.dim])
            }
            canvas.write(v, row: row, column: left + width - 1, width: 1, style: border)
        }
        if height >= 2 {
            canvas.write(bl, row: top + height - 1, column: left, width: 1, style: border)
            canvas.fill(h, row: top + height - 1, column: left + 1, width: width - 2, style: border)
            canvas.write(br, row: top + height - 1, column: left + width - 1, width: 1, style: border)
        }
    }
}
