import Core
import Foundation

/// A table column: header text, width bounds and how important it is when space runs out.
struct TableColumn {
    var title: String
    /// Header used when the column is narrower than `title`.
    var shortTitle: String
    var minWidth: Int
    var idealWidth: Int
    var alignRight = false
    /// Columns with the highest number are dropped first on narrow terminals.
    var dropOrder = 0
    /// Receives the width left over after every column reached its ideal width.
    var isFlexible = false
    /// Never truncated below its widest cell (up to `idealWidth`), e.g. times.
    var keepsWhole = false
}

/// One cell: text plus the role that styles it.
struct TableCell {
    var text: String
    var role: ThemeRole = .normal
}

/// The columns and rows of one panel.
struct PanelTable {
    var columns: [TableColumn]
    var rows: [[TableCell]]

    /// Columns kept and their widths for `width` columns (one space between columns).
    /// Ideal widths shrink to the widest header or cell, so short columns leave room for long ones.
    static func fit(_ columns: [TableColumn], rows: [[TableCell]] = [], width: Int) -> [(index: Int, width: Int)] {
        var columns = columns
        if !rows.isEmpty {
            for i in columns.indices {
                let content = rows.map { DisplayWidth.of($0[i].text) }.max() ?? 0
                let needed = max(DisplayWidth.of(columns[i].title), content)
                columns[i].idealWidth = max(columns[i].minWidth, min(columns[i].idealWidth, needed))
                if columns[i].keepsWhole { columns[i].minWidth = columns[i].idealWidth }
            }
        }
        var kept = Array(columns.indices)
        func minimum() -> Int { kept.reduce(0) { $0 + columns[$1].minWidth } + max(0, kept.count - 1) }
        while kept.count > 1, minimum() > width {
            let drop = kept.max { columns[$0].dropOrder < columns[$1].dropOrder }!
            kept.removeAll { $0 == drop }
        }
        var widths = kept.map { columns[$0].minWidth }
        var spare = width - minimum()
        while spare > 0 {
            var gave = false
            for (i, index) in kept.enumerated() where spare > 0 && widths[i] < columns[index].idealWidth {
                widths[i] += 1
                spare -= 1
                gave = true
            }
            if !gave { break }
        }
        if spare > 0, let flex = kept.firstIndex(where: { columns[$0].isFlexible }) { widths[flex] += spare }
        return zip(kept, widths).map { (index: $0, width: $1) }
    }

    /// Builds the table for `panel` from `snapshot`.
    static func make(
        _ panel: DashboardPanel, snapshot: DashboardSnapshot?, now: Date, glyphs: Glyphs, formatting: Formatting
    ) -> PanelTable {
        let s = snapshot ?? DashboardSnapshot(takenAt: now)
        switch panel {
        case .scrapers:
            return PanelTable(
                columns: [
                    TableColumn(title: "Scraper", shortTitle: "Scraper", minWidth: 9, idealWidth: 16),
                    TableColumn(title: "Status", shortTitle: "Status", minWidth: 8, idealWidth: 9),
                    TableColumn(
                        title: "Current Role", shortTitle: "Role", minWidth: 8, idealWidth: 28, dropOrder: 1,
                        isFlexible: true),
                    TableColumn(title: "Last Active", shortTitle: "Last", minWidth: 10, idealWidth: 12, dropOrder: 2),
                    TableColumn(title: "Jobs/Hour", shortTitle: "Jobs/h", minWidth: 6, idealWidth: 9, alignRight: true),
                ],
                rows: s.scrapers.map { r in
                    [
                        TableCell(text: r.name),
                        r.isActive
                            ? TableCell(text: "\(glyphs.active) Active", role: .ok)
                            : TableCell(text: "\(glyphs.idle) Idle", role: .dim),
                        TableCell(text: r.currentRole ?? "-"),
                        TableCell(text: Formatting.ago(r.lastActive, now: now)),
                        TableCell(text: Formatting.count(r.jobsPerHour)),
                    ]
                })
        case .activity:
            return PanelTable(
                columns: [
                    TableColumn(title: "Time", shortTitle: "Time", minWidth: 8, idealWidth: 11, keepsWhole: true),
                    TableColumn(title: "Scraper", shortTitle: "Scraper", minWidth: 9, idealWidth: 14),
                    TableColumn(title: "Role", shortTitle: "Role", minWidth: 8, idealWidth: 28, isFlexible: true),
                    TableColumn(title: "Jobs", shortTitle: "Jobs", minWidth: 4, idealWidth: 6, alignRight: true),
                    TableColumn(
                        title: "Duration", shortTitle: "Dur", minWidth: 7, idealWidth: 8, alignRight: true, dropOrder: 1
                    ),
                    TableColumn(title: "Status", shortTitle: "Status", minWidth: 11, idealWidth: 11),
                ],
                rows: s.activity.map { r in
                    let status = Formatting.status(r.status, glyphs: glyphs)
                    return [
                        TableCell(text: formatting.clock(r.startedAt, now: now)),
                        TableCell(text: r.scraper),
                        TableCell(text: r.role),
                        TableCell(text: Formatting.count(r.jobsFound)),
                        TableCell(text: Formatting.duration(r.durationSeconds)),
                        TableCell(text: status.text, role: status.role),
                    ]
                })
        case .performance:
            return PanelTable(
                columns: [
                    TableColumn(title: "Scraper", shortTitle: "Scraper", minWidth: 9, idealWidth: 16, isFlexible: true),
                    TableColumn(title: "Total Jobs", shortTitle: "Jobs", minWidth: 7, idealWidth: 12, alignRight: true),
                    TableColumn(
                        title: "Avg Duration", shortTitle: "Avg dur", minWidth: 7, idealWidth: 14, alignRight: true),
                    TableColumn(
                        title: "Success Rate", shortTitle: "Success", minWidth: 7, idealWidth: 14, alignRight: true),
                    TableColumn(title: "Errors", shortTitle: "Errors", minWidth: 6, idealWidth: 8, alignRight: true),
                ],
                rows: s.performance.map { r in
                    let rateRole: ThemeRole = (r.successRate ?? 1) < 0.9 ? .warn : .normal
                    return [
                        TableCell(text: r.scraper),
                        TableCell(text: Formatting.count(r.totalJobs)),
                        TableCell(text: Formatting.duration(r.averageDurationSeconds)),
                        TableCell(text: Formatting.percent(r.successRate), role: rateRole),
                        TableCell(text: Formatting.count(r.errors), role: r.errors > 0 ? .error : .normal),
                    ]
                })
        case .batches:
            return PanelTable(
                columns: [
                    TableColumn(title: "Time", shortTitle: "Time", minWidth: 8, idealWidth: 11, keepsWhole: true),
                    TableColumn(
                        title: "File", shortTitle: "File", minWidth: 8, idealWidth: 28, dropOrder: 1, isFlexible: true),
                    TableColumn(title: "Platform", shortTitle: "Platform", minWidth: 8, idealWidth: 10, dropOrder: 2),
                    TableColumn(title: "Read", shortTitle: "Read", minWidth: 5, idealWidth: 6, alignRight: true),
                    TableColumn(title: "Imported", shortTitle: "Imp", minWidth: 5, idealWidth: 8, alignRight: true),
                    // "Upd" unless there is room to spare: the file name comes first.
                    TableColumn(
                        title: "Updated", shortTitle: "Upd", minWidth: 4, idealWidth: 5, alignRight: true, dropOrder: 3),
                    TableColumn(title: "Duplicates", shortTitle: "Dup", minWidth: 5, idealWidth: 10, alignRight: true),
                    TableColumn(title: "Rejected", shortTitle: "Rej", minWidth: 5, idealWidth: 8, alignRight: true),
                ],
                rows: s.batches.map { r in
                    [
                        TableCell(text: formatting.clock(r.startedAt, now: now)),
                        TableCell(text: r.fileName),
                        TableCell(text: r.platform),
                        TableCell(text: Formatting.count(r.read)),
                        TableCell(text: Formatting.count(r.imported)),
                        TableCell(text: Formatting.count(r.updated), role: r.updated > 0 ? .normal : .dim),
                        TableCell(text: Formatting.count(r.duplicates), role: r.duplicates > 0 ? .dim : .normal),
                        TableCell(text: Formatting.count(r.rejected), role: r.rejected > 0 ? .warn : .normal),
                    ]
                })
        case .platforms:
            return PanelTable(
                columns: [
                    TableColumn(
                        title: "Platform", shortTitle: "Platform", minWidth: 8, idealWidth: 14, isFlexible: true),
                    TableColumn(title: "Active", shortTitle: "Active", minWidth: 6, idealWidth: 8, alignRight: true),
                    TableColumn(title: "Expired", shortTitle: "Expired", minWidth: 7, idealWidth: 8, alignRight: true),
                    TableColumn(
                        title: "Total", shortTitle: "Total", minWidth: 6, idealWidth: 8, alignRight: true, dropOrder: 1),
                ],
                rows: s.platforms.map { r in
                    [
                        TableCell(text: r.platform),
                        TableCell(text: Formatting.count(r.active)),
                        TableCell(text: Formatting.count(r.expired), role: .dim),
                        TableCell(text: Formatting.count(r.active + r.expired)),
                    ]
                })
        }
    }
}
