/// Where each dashboard panel goes for a terminal size.
///
/// Rules: row 0 is the header, the last two rows are the status line and the key hints. Panels
/// stack in focus order; each needs a title line, a column header line and at least one data row.
/// Spare rows are dealt out one at a time, in panel order, to panels that have more data, so every
/// panel gets a share. From `sideBySideWidth` columns IMPORT BATCHES and JOBS BY PLATFORM share a
/// band. Bands that do not fit are elided from the bottom and a note says which and how many rows
/// are needed; panels never overlap.
struct DashboardLayout: Equatable {
    /// One placed panel; `height` counts its title and column header lines.
    struct Slot: Equatable {
        var panel: DashboardPanel
        var top: Int
        var left: Int
        var width: Int
        var height: Int
        /// Data rows the panel can show.
        var dataRows: Int { max(0, height - DashboardLayout.panelOverhead) }
    }

    /// Smallest terminal the dashboard draws in; below it a message says so.
    static let minimumSize = TerminalSize(width: 60, height: 16)
    /// Width from which the last two panels sit side by side.
    static let sideBySideWidth = 110
    /// Width of JOBS BY PLATFORM when side by side.
    static let platformsWidth = 34
    /// Title line plus column header line.
    static let panelOverhead = 2
    /// Header, status and footer lines.
    static let chromeRows = 3

    var slots: [Slot] = []
    var hidden: [DashboardPanel] = []
    /// Row for the "panels hidden" note, if any.
    var noteRow: Int?
    /// Height needed to show every panel with one data row.
    var heightNeeded = 0

    func slot(for panel: DashboardPanel) -> Slot? { slots.first { $0.panel == panel } }

    /// Lays out the panels; `rowCount` gives each panel's number of data rows.
    static func compute(size: TerminalSize, rowCount: (DashboardPanel) -> Int) -> DashboardLayout {
        var layout = DashboardLayout()
        let bands: [[DashboardPanel]] =
            size.width >= sideBySideWidth
            ? [[.scrapers], [.activity], [.performance], [.batches, .platforms]]
            : DashboardPanel.allCases.map { [$0] }
        let minBand = panelOverhead + 1
        layout.heightNeeded = chromeRows + bands.count * minBand
        let bodyRows = size.height - chromeRows
        var shown = bands
        while !shown.isEmpty, shown.count * minBand + (shown.count < bands.count ? 1 : 0) > bodyRows {
            shown.removeLast()
        }
        layout.hidden = bands.dropFirst(shown.count).flatMap { $0 }
        if !layout.hidden.isEmpty { layout.heightNeeded += 1 }

        let wants = shown.map { band in band.map { max(1, rowCount($0)) }.max() ?? 1 }
        var rows = Array(repeating: 1, count: shown.count)
        var spare = bodyRows - shown.count * minBand - (layout.hidden.isEmpty ? 0 : 1)
        while spare > 0 {
            var gave = false
            for i in shown.indices where spare > 0 && rows[i] < wants[i] {
                rows[i] += 1
                spare -= 1
                gave = true
            }
            if !gave { break }
        }

        var top = 1
        for (i, band) in shown.enumerated() {
            let height = rows[i] + panelOverhead
            if band.count == 2 {
                let right = platformsWidth
                let left = size.width - right - 1
                layout.slots.append(Slot(panel: band[0], top: top, left: 0, width: left, height: height))
                layout.slots.append(Slot(panel: band[1], top: top, left: left + 1, width: right, height: height))
            } else {
                layout.slots.append(Slot(panel: band[0], top: top, left: 0, width: size.width, height: height))
            }
            top += height
        }
        if !layout.hidden.isEmpty { layout.noteRow = top }
        return layout
    }
}
