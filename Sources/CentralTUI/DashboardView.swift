import Core
import Foundation

/// Renders the scraper dashboard — (state, now, theme, size) → terminal cells.
struct DashboardView {
    let palette: Palette
    let glyphs: Glyphs
    let formatting: Formatting
    /// Whether the focused panel and selected row are marked (off for `--batch` text).
    let showsFocus: Bool

    func render(_ state: ConsoleState, now: Date, into terminal: Terminal) {
        terminal.clear()
        let canvas = Canvas(terminal: terminal, glyphs: glyphs)
        let size = terminal.size
        let minimum = DashboardLayout.minimumSize
        guard size.width >= minimum.width, size.height >= minimum.height else {
            renderTooSmall(canvas, need: minimum)
            return
        }
        renderHeader(state, canvas)
        let snapshot = state.snapshot
        let layout = DashboardLayout.compute(size: size) { $0.rowIDs(in: snapshot).count }
        for slot in layout.slots { renderPanel(slot, state: state, now: now, canvas: canvas) }
        if let noteRow = layout.noteRow {
            let names = layout.hidden.map(\.title).joined(separator: ", ")
            let noun = layout.hidden.count == 1 ? "panel" : "panels"
            canvas.write(
                "\(glyphs.ellipsis) \(layout.hidden.count) \(noun) hidden (\(names)): need \(layout.heightNeeded) rows",
                row: noteRow, column: 0, width: size.width, style: palette[.dim])
        }
        renderStatus(state, now: now, canvas)
        renderFooter(canvas)
        if state.isHelpVisible { HelpOverlay(palette: palette, glyphs: glyphs).render(canvas) }
    }

    // MARK: Chrome

    private func renderHeader(_ state: ConsoleState, _ canvas: Canvas) {
        let width = canvas.size.width
        let right =
            state.snapshot.map { "snapshot \(formatting.timestamp($0.takenAt))" } ?? "no data yet"
        let rightWidth = DisplayWidth.of(right)
        var column = canvas.append("CentralD", row: 0, column: 0, limit: width - rightWidth - 1, style: palette[.title])
        column = canvas.append(
            " \(glyphs.separator) Scraper monitoring", row: 0, column: column, limit: width - rightWidth - 1,
            style: palette[.normal])
        canvas.write(right, row: 0, column: width - rightWidth, width: rightWidth, style: palette[.dim])
    }

    private func renderStatus(_ state: ConsoleState, now: Date, _ canvas: Canvas) {
        let row = canvas.size.height - 2
        let width = canvas.size.width
        if let error = state.loadError {
            let kept = state.snapshot.map { "showing data from \(formatting.clock($0.takenAt, now: now))" }
            let text = ["\(glyphs.failed) Load failed: \(error)", kept ?? "retrying"]
                .joined(separator: " \(glyphs.separator) ")
            canvas.write(text, row: row, column: 0, width: width, style: palette[.error])
            return
        }
        guard let snapshot = state.snapshot else {
            canvas.write("Loading\(glyphs.ellipsis)", row: row, column: 0, width: width, style: palette[.dim])
            return
        }
        var parts = [
            "Updated \(formatting.clock(snapshot.takenAt, now: now))",
            "auto-refresh every \(Formatting.duration(state.refreshInterval))",
        ]
        if state.isRefreshing { parts.append("refreshing\(glyphs.ellipsis)") }
        canvas.write(
            parts.joined(separator: " \(glyphs.separator) "), row: row, column: 0, width: width, style: palette[.dim])
    }

    private func renderFooter(_ canvas: Canvas) {
        let row = canvas.size.height - 1
        let width = canvas.size.width
        var column = 0
        for binding in KeyBindings.all where binding.showsInFooter {
            let key = binding.primaryKeyLabel(glyphs)
            let needed = (column == 0 ? 0 : 2) + DisplayWidth.of(key) + 1 + DisplayWidth.of(binding.title)
            if column + needed > width { break }
            if column > 0 {
                column = canvas.append("  ", row: row, column: column, limit: width, style: palette[.normal])
            }
            column = canvas.append(key, row: row, column: column, limit: width, style: palette[.key])
            column = canvas.append(" " + binding.title, row: row, column: column, limit: width, style: palette[.dim])
        }
    }

    private func renderTooSmall(_ canvas: Canvas, need: TerminalSize) {
        let size = canvas.size
        let lead = "Terminal too small:"
        let detail =
            "need \(need.width)\(glyphs.times)\(need.height), have \(size.width)\(glyphs.times)\(size.height)"
        let message =
            DisplayWidth.of(lead + " " + detail) <= size.width
            ? [lead + " " + detail] : Self.wrap(lead, width: size.width) + Self.wrap(detail, width: size.width)
        let lines = message + Self.wrap("Press q to quit", width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let w = min(DisplayWidth.of(line), size.width)
            canvas.write(
                line, row: top + i, column: max(0, (size.width - w) / 2), width: w,
                style: i < lines.count - 1 ? palette[.warn] : palette[.dim])
        }
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Panels

    private func renderPanel(_ slot: DashboardLayout.Slot, state: ConsoleState, now: Date, canvas: Canvas) {
        let panel = slot.panel
        let isFocused = showsFocus && state.focus == panel
        let table = PanelTable.make(panel, snapshot: state.snapshot, now: now, glyphs: glyphs, formatting: formatting)
        let count = table.rows.count
        let offset = max(0, min(state.scrollOffsets[panel] ?? 0, max(0, count - slot.dataRows)))
        let selected = isFocused ? state.selectedIndex(in: panel) : nil

        // Title line: "── ACTIVE SCRAPERS (3) ────── 1-3/8 ─"; focused: "━▶ ACTIVE SCRAPERS (3) ◀━━━━".
        let limit = slot.left + slot.width
        let rule = isFocused ? glyphs.focusRule : glyphs.rule
        let ruleStyle = isFocused ? palette[.title] : palette[.dim]
        var column = canvas.append(rule, row: slot.top, column: slot.left, limit: limit, style: ruleStyle)
        let title =
            isFocused
            ? "\(glyphs.focusMarker) \(panel.title) \(glyphs.separator) \(count) "
            : " \(panel.title) \(glyphs.separator) \(count) "
        column = canvas.append(
            title, row: slot.top, column: column, limit: limit,
            style: isFocused ? palette[.focusTitle] : palette[.title])
        var position = ""
        if count > slot.dataRows {
            position = " \(offset + 1)-\(min(count, offset + slot.dataRows))/\(count) "
        }
        let positionWidth = DisplayWidth.of(position)
        canvas.fill(rule, row: slot.top, column: column, width: limit - column - positionWidth, style: ruleStyle)
        if positionWidth > 0, limit - positionWidth > column {
            canvas.write(
                position, row: slot.top, column: limit - positionWidth, width: positionWidth, style: palette[.dim])
        }

        // Column header and rows, after a one-column gutter for the selection marker.
        let fitted = PanelTable.fit(table.columns, rows: table.rows, width: slot.width - 1)
        var x = slot.left + 1
        for (index, (column, width)) in fitted.enumerated() {
            let spec = table.columns[column]
            let header = DisplayWidth.of(spec.title) <= width ? spec.title : spec.shortTitle
            canvas.write(
                header, row: slot.top + 1, column: x, width: width, style: palette[.header], alignRight: spec.alignRight
            )
            x += width
            if index < fitted.count - 1 { x += 1 }
        }
        if table.rows.isEmpty {
            let text = state.snapshot == nil ? "Loading\(glyphs.ellipsis)" : "(none)"
            canvas.write(text, row: slot.top + 2, column: slot.left + 1, width: slot.width - 1, style: palette[.dim])
        }
        for line in 0..<slot.dataRows {
            let index = offset + line
            guard index < table.rows.count else { break }
            let row = slot.top + 2 + line
            let isSelected = index == selected
            let rowStyle = isSelected ? palette[.selected] : palette[.normal]
            canvas.write(
                isSelected ? glyphs.selectionMarker : " ", row: row, column: slot.left, width: 1, style: rowStyle)
            var x = slot.left + 1
            for (n, (column, width)) in fitted.enumerated() {
                let cell = table.rows[index][column]
                canvas.write(
                    cell.text, row: row, column: x, width: width, style: isSelected ? rowStyle : palette[cell.role],
                    alignRight: table.columns[column].alignRight)
                x += width
                if n < fitted.count - 1 {
                    canvas.write(" ", row: row, column: x, width: 1, style: rowStyle)
                    x += 1
                }
            }
            if x < limit { canvas.write("", row: row, column: x, width: limit - x, style: rowStyle) }
        }
        // Separator left of a side-by-side panel.
        if slot.left > 0 {
            for r in slot.top..<(slot.top + slot.height) {
                canvas.write(glyphs.box.5, row: r, column: slot.left - 1, width: 1, style: palette[.dim])
            }
        }
    }
}
