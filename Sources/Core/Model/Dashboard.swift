import Foundation

/// Status of one scrape, as logged in `scrape_activity_log`.
public enum ScrapeStatus: String, Codable, Sendable, CaseIterable {
    case inProgress = "in_progress", completed, noJobs = "no_jobs", timeout, failed
    case completedLate = "completed_late"
}

/// One row of ACTIVE SCRAPERS.
public struct ScraperRow: Sendable, Equatable {
    public var name: String
    public var isActive: Bool
    public var currentRole: String?
    public var lastActive: Date?
    public var jobsPerHour: Int
    public init(name: String, isActive: Bool, currentRole: String?, lastActive: Date?, jobsPerHour: Int) {
        self.name = name
        self.isActive = isActive
        self.currentRole = currentRole
        self.lastActive = lastActive
        self.jobsPerHour = jobsPerHour
    }
}

/// One row of RECENT SCRAPE ACTIVITY.
public struct ScrapeActivityRow: Sendable, Equatable {
    public var id: Int64
    public var startedAt: Date
    public var scraper: String
    public var role: String
    public var jobsFound: Int?
    public var durationSeconds: Double?
    public var status: ScrapeStatus
    public init(id: Int64, startedAt: Date, scraper: String, role: String, jobsFound: Int?,
                durationSeconds: Double?, status: ScrapeStatus) {
        self.id = id
        self.startedAt = startedAt
        self.scraper = scraper
        self.role = role
        self.jobsFound = jobsFound
        self.durationSeconds = durationSeconds
        self.status = status
    }
}

/// One row of SCRAPER PERFORMANCE (LAST 24H).
public struct ScraperPerformanceRow: Sendable, Equatable {
    public var scraper: String
    public var totalJobs: Int
    public var averageDurationSeconds: Double?
    public var successRate: Double?  // 0...1
    public var errors: Int
    public init(scraper: String, totalJobs: Int, averageDurationSeconds: Double?, successRate: Double?, errors: Int) {
        self.scraper = scraper
        self.totalJobs = totalJobs
        self.averageDurationSeconds = averageDurationSeconds
        self.successRate = successRate
        self.errors = errors
    }
}

/// One import batch, newest first on the dashboard.
public struct ImportBatchRow: Sendable, Equatable {
    public var id: Int64
    public var fileName: String
    public var platform: String
    public var startedAt: Date
    public var read: Int
    public var imported: Int
    /// Postings already stored under the same platform and external id whose content changed.
    public var updated: Int
    public var duplicates: Int
    public var rejected: Int
    public init(id: Int64, fileName: String, platform: String, startedAt: Date, read: Int, imported: Int,
                updated: Int = 0, duplicates: Int, rejected: Int) {
        self.id = id
        self.fileName = fileName
        self.platform = platform
        self.startedAt = startedAt
        self.read = read
        self.imported = imported
        self.updated = updated
        self.duplicates = duplicates
        self.rejected = rejected
    }
}

/// Job counts per platform and status.
public struct PlatformCountRow: Sendable, Equatable {
    public var platform: String
    public var active: Int
    public var expired: Int
    public init(platform: String, active: Int, expired: Int) {
        self.platform = platform
        self.active = active
        self.expired = expired
    }
}

/// Everything the dashboard shows, read in one go by a background task.
public struct DashboardSnapshot: Sendable, Equatable {
    public var takenAt: Date
    public var scrapers: [ScraperRow]
    public var activity: [ScrapeActivityRow]
    public var performance: [ScraperPerformanceRow]
    public var batches: [ImportBatchRow]
    public var platforms: [PlatformCountRow]
    public init(takenAt: Date, scrapers: [ScraperRow] = [], activity: [ScrapeActivityRow] = [],
                performance: [ScraperPerformanceRow] = [], batches: [ImportBatchRow] = [],
                platforms: [PlatformCountRow] = []) {
        self.takenAt = takenAt
        self.scrapers = scrapers
        self.activity = activity
        self.performance = performance
        self.batches = batches
        self.platforms = platforms
    }
}

/// Where the dashboard's data comes from (PostgreSQL in the app, a fixed value in tests).
public protocol DashboardSource: Sendable {
    /// Reads a fresh snapshot; called off the UI thread.
    func loadDashboard(now: Date) throws -> DashboardSnapshot
}
