/// Semantic roles the console draws with; a theme maps each to a style.
public enum ThemeRole: String, CaseIterable, Sendable {
    /// Ordinary text.
    case normal
    /// Header line and panel titles.
    case title
    /// Title of the focused panel.
    case focusTitle
    /// Table column headers.
    case header
    /// The selected row in the focused panel.
    case selected
    /// Healthy states (completed, active).
    case ok
    /// Needs attention (no jobs, slow).
    case warn
    /// Failures (timeout, failed, load errors).
    case error
    /// Secondary text (rules, idle, hints).
    case dim
    /// Keys in the footer and help.
    case key
}

/// A named set of styles per role, with a monochrome variant used under `NO_COLOR` or without colours.
public struct Theme: Sendable {
    /// Theme name.
    public var name: String
    /// Styles with colour.
    public var color: [ThemeRole: CellStyle]
    /// Styles using attributes only.
    public var monochrome: [ThemeRole: CellStyle]

    /// Creates a theme; roles not given fall back to `.plain`.
    public init(name: String, color: [ThemeRole: CellStyle], monochrome: [ThemeRole: CellStyle]) {
        self.name = name
        self.color = color
        self.monochrome = monochrome
    }

    /// The style table to draw with.
    public func palette(monochrome isMonochrome: Bool) -> Palette {
        Palette(styles: isMonochrome ? monochrome : color, isMonochrome: isMonochrome)
    }

    /// Built-in default theme.
    public static let standard = Theme(
        name: "default",
        color: [
            .normal: .plain,
            .title: CellStyle(.bold, foreground: .cyan),
            .focusTitle: CellStyle([.bold, .reverse], foreground: .cyan),
            .header: CellStyle([.bold, .underline]),
            .selected: CellStyle(.bold, foreground: .black, background: .cyan),
            .ok: CellStyle(foreground: .green),
            .warn: CellStyle(.bold, foreground: .yellow),
            .error: CellStyle(.bold, foreground: .red),
            .dim: CellStyle(.dim),
            .key: CellStyle(.bold, foreground: .blue),
        ],
        monochrome: [
            .normal: .plain,
            .title: CellStyle(.bold),
            .focusTitle: CellStyle([.bold, .reverse]),
            .header: CellStyle([.bold, .underline]),
            .selected: CellStyle(.reverse),
            .ok: .plain,
            .warn: CellStyle(.bold),
            .error: CellStyle([.bold, .underline]),
            .dim: CellStyle(.dim),
            .key: CellStyle(.bold),
        ])
}

/// Resolved styles for one run (colour or monochrome).
public struct Palette: Sendable {
    let styles: [ThemeRole: CellStyle]
    /// Whether colours are off.
    public let isMonochrome: Bool
    /// The style for a role.
    public subscript(role: ThemeRole) -> CellStyle { styles[role] ?? .plain }
}
