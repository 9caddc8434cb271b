import Core
import Foundation

@testable import CentralTUI

/// A fixed dashboard snapshot and clock for render tests.
enum Fixture {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2024-12-09 10:36:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_733_740_560)

    static func at(_ h: Int, _ m: Int, _ s: Int) -> Date {
        now.addingTimeInterval(TimeInterval((h - 10) * 3600 + (m - 36) * 60 + s))
    }

    static let activity: [ScrapeActivityRow] = [
        ScrapeActivityRow(
            id: 101, startedAt: at(10, 35, 42), scraper: "Scraper-B", role: "ML Engineer", jobsFound: 127,
            durationSeconds: 342, status: .completed),
        ScrapeActivityRow(
            id: 102, startedAt: at(10, 31, 15), scraper: "Scraper-A", role: "Python Developer", jobsFound: 118,
            durationSeconds: 375, status: .completed),
        ScrapeActivityRow(
            id: 103, startedAt: at(10, 25, 0), scraper: "Scraper-A", role: "React Developer", jobsFound: 89,
            durationSeconds: 270, status: .completedLate),
        ScrapeActivityRow(
            id: 104, startedAt: at(10, 18, 0), scraper: "Scraper-B", role: "Data Scientist", jobsFound: 0,
            durationSeconds: 200, status: .noJobs),
        ScrapeActivityRow(
            id: 105, startedAt: at(10, 12, 0), scraper: "Scraper-C", role: "DevOps Engineer", jobsFound: nil,
            durationSeconds: nil, status: .timeout),
        ScrapeActivityRow(
            id: 106, startedAt: at(10, 5, 30), scraper: "Scraper-C", role: "Site Reliability Engineer",
            jobsFound: nil, durationSeconds: 12, status: .failed),
        ScrapeActivityRow(
            id: 107, startedAt: at(10, 1, 0), scraper: "Scraper-A", role: "Golang Developer", jobsFound: nil,
            durationSeconds: nil, status: .inProgress),
        ScrapeActivityRow(
            id: 108, startedAt: at(9, 50, 9), scraper: "Scraper-B", role: "Frontend Engineer", jobsFound: 64,
            durationSeconds: 301, status: .completed),
    ]

    static let snapshot = DashboardSnapshot(
        takenAt: now,
        scrapers: [
            ScraperRow(
                name: "Scraper-A", isActive: true, currentRole: "DevOps Engineer", lastActive: at(10, 34, 0),
                jobsPerHour: 245),
            ScraperRow(
                name: "Scraper-B", isActive: true, currentRole: "ML Engineer", lastActive: at(10, 31, 0),
                jobsPerHour: 189),
            ScraperRow(name: "Scraper-C", isActive: false, currentRole: nil, lastActive: at(9, 36, 0), jobsPerHour: 0),
        ],
        activity: activity,
        performance: [
            ScraperPerformanceRow(
                scraper: "Scraper-A", totalJobs: 2340, averageDurationSeconds: 312, successRate: 0.985, errors: 3),
            ScraperPerformanceRow(
                scraper: "Scraper-B", totalJobs: 1890, averageDurationSeconds: 285, successRate: 0.972, errors: 5),
            ScraperPerformanceRow(
                scraper: "Scraper-C", totalJobs: 456, averageDurationSeconds: 390, successRate: 0.85, errors: 12),
        ],
        batches: [
            ImportBatchRow(
                id: 7, fileName: "indeed-2024-12-09.json", platform: "indeed", startedAt: at(10, 31, 20), read: 45,
                imported: 41, duplicates: 3, rejected: 1),
            ImportBatchRow(
                id: 6, fileName: "dice-2024-12-09.csv", platform: "dice", startedAt: at(10, 31, 5), read: 32,
                imported: 28, updated: 4, duplicates: 0, rejected: 0),
            ImportBatchRow(
                id: 5, fileName: "monster-2024-12-08.json", platform: "monster", startedAt: at(-13, 0, 0),
                read: 1204, imported: 1100, duplicates: 90, rejected: 14),
        ],
        platforms: [
            PlatformCountRow(platform: "indeed", active: 1523, expired: 310),
            PlatformCountRow(platform: "dice", active: 870, expired: 95),
            PlatformCountRow(platform: "monster", active: 412, expired: 1201),
        ])

    /// Renders `model` into a fresh grid of its size.
    static func render(_ model: ConsoleModel, monochrome: Bool = false, glyphs: Glyphs = .unicode) -> GridTerminal {
        let grid = GridTerminal(width: model.state.size.width, height: model.state.size.height)
        model.render(
            into: grid, now: now, palette: Theme.standard.palette(monochrome: monochrome), glyphs: glyphs,
            timeZone: utc)
        return grid
    }

    /// A model at `width`×`height` holding the fixture snapshot.
    static func model(width: Int, height: Int) -> ConsoleModel {
        var model = ConsoleModel(size: TerminalSize(width: width, height: height))
        model.apply(snapshot: snapshot)
        return model
    }
}
