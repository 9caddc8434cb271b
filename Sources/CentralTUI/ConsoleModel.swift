import Core
import Foundation

/// What the run loop must do after a key.
public enum ConsoleCommand: Sendable, Equatable {
    /// Nothing beyond redrawing.
    case none
    /// Leave the console.
    case quit
    /// Load fresh data now.
    case refresh
}

/// The console's state machine: keys and load results in, state out; renders into any `Terminal`.
///
/// The run loop and the tests drive the same methods.
public struct ConsoleModel: Sendable {
    /// Current state.
    public private(set) var state: ConsoleState

    /// Creates a model for a terminal of `size`.
    public init(size: TerminalSize, refreshInterval: TimeInterval = 5) {
        state = ConsoleState(size: size, refreshInterval: refreshInterval)
    }

    /// Handles one key through the binding registry.
    public mutating func handle(key: Key) -> ConsoleCommand {
        if key == .resize { return .none }
        if state.isHelpVisible {
            state.isHelpVisible = false  // any key closes help
            return .none
        }
        guard let binding = KeyBindings.binding(for: key) else { return .none }
        switch binding.action {
        case .quit: return .quit
        case .help: state.isHelpVisible = true
        case .refresh:
            return .refresh
        case .nextPanel: state.focus = state.focus.next
        case .previousPanel: state.focus = state.focus.previous
        case .moveDown: moveSelection(by: 1)
        case .moveUp: moveSelection(by: -1)
        case .pageDown: moveSelection(by: max(1, pageSize - 1))
        case .pageUp: moveSelection(by: -max(1, pageSize - 1))
        case .moveTop: moveSelection(by: Int.min / 2)
        case .moveBottom: moveSelection(by: Int.max / 2)
        }
        normalize()
        return .none
    }

    /// Records that a load started.
    public mutating func loadStarted() { state.isRefreshing = true }

    /// Takes a fresh snapshot; selections stay on the same row ids.
    public mutating func apply(snapshot: DashboardSnapshot) {
        state.snapshot = snapshot
        state.loadError = nil
        state.isRefreshing = false
        normalize()
    }

    /// Records a failed load; the last good data stays.
    public mutating func apply(loadError message: String) {
        state.loadError = message
        state.isRefreshing = false
    }

    /// Adapts to a new terminal size.
    public mutating func resize(to size: TerminalSize) {
        state.size = size
        normalize()
    }

    /// Draws the current state.
    public func render(
        into terminal: Terminal, now: Date, palette: Palette = Theme.standard.palette(monochrome: false),
        glyphs: Glyphs = .unicode, timeZone: TimeZone = .current
    ) {
        let view = DashboardView(
            palette: palette, glyphs: glyphs, formatting: Formatting(timeZone: timeZone), showsFocus: true)
        view.render(state, now: now, into: terminal)
    }

    private var pageSize: Int { state.layout().slot(for: state.focus)?.dataRows ?? 1 }

    private mutating func moveSelection(by delta: Int) {
        let panel = state.focus
        let ids = panel.rowIDs(in: state.snapshot)
        guard let current = state.selectedIndex(in: panel) else { return }
        let target = max(0, min(ids.count - 1, current.addingReportingOverflow(delta).partialValue))
        state.selectedIDs[panel] = ids[target]
        state.selectedIndexes[panel] = target
    }

    /// Re-anchors selections on their ids and scrolls each list so its selection is visible.
    private mutating func normalize() {
        let layout = state.layout()
        for panel in DashboardPanel.allCases {
            let ids = panel.rowIDs(in: state.snapshot)
            guard let index = state.selectedIndex(in: panel) else {
                state.scrollOffsets[panel] = 0
                continue
            }
            // Only a selection the user made is pinned to its id; untouched lists stay at the top.
            if state.selectedIDs[panel] != nil { state.selectedIDs[panel] = ids[index] }
            state.selectedIndexes[panel] = index
            let visible = max(1, layout.slot(for: panel)?.dataRows ?? 1)
            var offset = state.scrollOffsets[panel] ?? 0
            if index < offset { offset = index }
            if index >= offset + visible { offset = index - visible + 1 }
            offset = max(0, min(offset, max(0, ids.count - visible)))
            state.scrollOffsets[panel] = offset
        }
    }
}
