import Core
import Foundation

/// Everything the console shows besides the theme: data, focus, selection, overlays, size.
public struct ConsoleState: Sendable, Equatable {
    /// Last good snapshot, if any.
    public var snapshot: DashboardSnapshot?
    /// Message of the last failed load; cleared by the next good one.
    public var loadError: String?
    /// Whether a load is running.
    public var isRefreshing = false
    /// Seconds between automatic refreshes (shown in the status line).
    public var refreshInterval: TimeInterval
    /// The focused panel.
    public var focus: DashboardPanel = .scrapers
    /// Selected row id per panel (kept across refreshes).
    public var selectedIDs: [DashboardPanel: String] = [:]
    /// Index of the selection per panel, used when the selected row disappears.
    public var selectedIndexes: [DashboardPanel: Int] = [:]
    /// First visible data row per panel.
    public var scrollOffsets: [DashboardPanel: Int] = [:]
    /// Whether the `?` overlay is open.
    public var isHelpVisible = false
    /// Terminal size the state was laid out for.
    public var size: TerminalSize

    /// Creates an empty state.
    public init(size: TerminalSize, refreshInterval: TimeInterval = 5) {
        self.size = size
        self.refreshInterval = refreshInterval
    }

    /// Index of the selected row in `panel`, or nil when it has no rows.
    public func selectedIndex(in panel: DashboardPanel) -> Int? {
        let ids = panel.rowIDs(in: snapshot)
        guard !ids.isEmpty else { return nil }
        if let id = selectedIDs[panel], let index = ids.firstIndex(of: id) { return index }
        return min(selectedIndexes[panel] ?? 0, ids.count - 1)
    }

    /// Layout of the panels at the current size.
    func layout() -> DashboardLayout {
        let snapshot = self.snapshot
        return DashboardLayout.compute(size: size) { $0.rowIDs(in: snapshot).count }
    }
}
