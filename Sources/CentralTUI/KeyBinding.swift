/// What a binding does when its key is pressed.
public enum ConsoleAction: String, Sendable, CaseIterable {
    /// One case per binding in `KeyBindings.all`.
    case quit, help, nextPanel, previousPanel, moveDown, moveUp, pageDown, pageUp, moveTop, moveBottom, refresh
}

/// One key binding: the single source for the footer hints and the `?` help.
public struct KeyBinding: Sendable, Identifiable {
    /// Stable id, e.g. "panel.next".
    public let id: String
    /// The action run.
    public let action: ConsoleAction
    /// Keys that trigger it.
    public let keys: [Key]
    /// Short title ("Quit").
    public let title: String
    /// One-line help.
    public let help: String
    /// Whether the footer shows it (help always does).
    public let showsInFooter: Bool

    /// Keys as shown to the user, "↓ / j".
    public func keyLabel(_ glyphs: Glyphs) -> String { keys.map { $0.label(glyphs) }.joined(separator: "/") }
    /// The first key only, for the footer.
    public func primaryKeyLabel(_ glyphs: Glyphs) -> String { keys.first?.label(glyphs) ?? "" }
}

/// The console's key bindings.
public enum KeyBindings {
    /// Every binding, in help order.
    public static let all: [KeyBinding] = [
        KeyBinding(
            id: "quit", action: .quit, keys: [.character("q"), .character("\u{03}")], title: "Quit",
            help: "Leave the console", showsInFooter: true),
        KeyBinding(
            id: "help", action: .help, keys: [.character("?"), .function(1)], title: "Help",
            help: "Show this list; any key closes it", showsInFooter: true),
        KeyBinding(
            id: "panel.next", action: .nextPanel, keys: [.tab], title: "Next panel",
            help: "Focus the next panel", showsInFooter: true),
        KeyBinding(
            id: "panel.previous", action: .previousPanel, keys: [.backTab], title: "Previous panel",
            help: "Focus the previous panel", showsInFooter: false),
        KeyBinding(
            id: "selection.down", action: .moveDown, keys: [.character("j"), .down], title: "Down",
            help: "Select the next row", showsInFooter: true),
        KeyBinding(
            id: "selection.up", action: .moveUp, keys: [.character("k"), .up], title: "Up",
            help: "Select the previous row", showsInFooter: true),
        KeyBinding(
            id: "selection.pageDown", action: .pageDown, keys: [.pageDown], title: "Page down",
            help: "Move the selection one page down", showsInFooter: false),
        KeyBinding(
            id: "selection.pageUp", action: .pageUp, keys: [.pageUp], title: "Page up",
            help: "Move the selection one page up", showsInFooter: false),
        KeyBinding(
            id: "selection.top", action: .moveTop, keys: [.home, .character("g")], title: "Top",
            help: "Select the first row", showsInFooter: false),
        KeyBinding(
            id: "selection.bottom", action: .moveBottom, keys: [.end, .character("G")], title: "Bottom",
            help: "Select the last row", showsInFooter: false),
        KeyBinding(
            id: "refresh", action: .refresh, keys: [.character("r")], title: "Refresh",
            help: "Reload the dashboard now", showsInFooter: true),
    ]

    /// The binding for a key, if any.
    public static func binding(for key: Key) -> KeyBinding? { all.first { $0.keys.contains(key) } }
}
