import Core

/// The dashboard's panels, in focus order.
public enum DashboardPanel: Int, CaseIterable, Sendable, Hashable {
    case scrapers, activity, performance, batches, platforms

    /// Exact title shown on screen.
    public var title: String {
        switch self {
        case .scrapers: return "ACTIVE SCRAPERS"
        case .activity: return "RECENT SCRAPE ACTIVITY"
        case .performance: return "SCRAPER PERFORMANCE (LAST 24H)"
        case .batches: return "IMPORT BATCHES"
        case .platforms: return "JOBS BY PLATFORM"
        }
    }

    /// Stable row ids of this panel in `snapshot`, in display order (selection follows ids).
    public func rowIDs(in snapshot: DashboardSnapshot?) -> [String] {
        guard let snapshot else { return [] }
        switch self {
        case .scrapers: return snapshot.scrapers.map(\.name)
        case .activity: return snapshot.activity.map { String($0.id) }
        case .performance: return snapshot.performance.map(\.scraper)
        case .batches: return snapshot.batches.map { String($0.id) }
        case .platforms: return snapshot.platforms.map(\.platform)
        }
    }

    /// Next panel, wrapping.
    var next: DashboardPanel { DashboardPanel(rawValue: (rawValue + 1) % Self.allCases.count)! }
    /// Previous panel, wrapping.
    var previous: DashboardPanel {
        DashboardPanel(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count)!
    }
}
