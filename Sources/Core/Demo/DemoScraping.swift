import Foundation

/// A fictional scraper program with its API key's public prefix.
public struct DemoScraper: Sendable, Equatable {
    /// "scraper-a" … "scraper-e".
    public var name: String
    /// Platforms it scrapes, e.g. ["indeed", "dice"].
    public var platforms: [String]
    /// The key's visible prefix ("cdk_" + 8 hex); the secret is never part of the demo.
    public var keyPrefix: String

    /// A scraper.
    public init(name: String, platforms: [String], keyPrefix: String) {
        self.name = name
        self.platforms = platforms
        self.keyPrefix = keyPrefix
    }
}

/// One row of scrape history (`scrape_activity_log`).
public struct DemoScrapeRun: Sendable, Equatable {
    /// Scraper name.
    public var scraper: String
    /// Canonical role scraped.
    public var role: String
    public var startedAt: Date
    /// Nil while in progress.
    public var finishedAt: Date?
    public var status: ScrapeStatus
    /// 0 while in progress.
    public var jobsFound: Int
    public var jobsImported: Int
    public var duplicates: Int
    /// Platforms scraped in this run.
    public var platforms: [String]
    /// Set for `timeout` and `failed`.
    public var errorMessage: String?

    /// Seconds from start to finish, nil while in progress.
    public var durationSeconds: Double? { finishedAt.map { $0.timeIntervalSince(startedAt) } }

    /// A run.
    public init(scraper: String, role: String, startedAt: Date, finishedAt: Date?, status: ScrapeStatus,
                jobsFound: Int, jobsImported: Int, duplicates: Int, platforms: [String], errorMessage: String?) {
        self.scraper = scraper
        self.role = role
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.jobsFound = jobsFound
        self.jobsImported = jobsImported
        self.duplicates = duplicates
        self.platforms = platforms
        self.errorMessage = errorMessage
    }
}

/// Makes scrapers and 24 hours of their history.
enum DemoScrapeFactory {
    static func scrapers(seed: UInt64) -> [DemoScraper] {
        var rng = DemoRandom(seed: seed, stream: 31)
        let platformSets = [["indeed", "dice"], ["linkedin", "glassdoor"], ["techfetch", "dice", "monster"],
                            ["indeed", "ziprecruiter"], ["monster", "naukri"]]
        return platformSets.enumerated().map { i, platforms in
            DemoScraper(name: "scraper-\(Character(UnicodeScalar(UInt8(97 + i))))", platforms: platforms,
                        keyPrefix: "cdk_\(rng.hex(8))")
        }
    }

    /// Runs oldest first. scraper-a and scraper-b are running now; scraper-e has been idle for three hours.
    static func history(scrapers: [DemoScraper], now: Date, seed: UInt64) -> [DemoScrapeRun] {
        var rng = DemoRandom(seed: seed, stream: 32)
        let roles = DemoRoleProfile.all.map(\.role.name)
        let lease = 30.0 * 60
        let end = now.timeIntervalSince1970.rounded(.down)
        var runs: [DemoScrapeRun] = []
        for (i, scraper) in scrapers.enumerated() {
            let stopAt = i == 4 ? end - 3 * 3600 - 600 : end
            var t = end - 24 * 3600 + Double(rng.int(60...900))
            while true {
                let duration = Double(rng.int(180...1_200))
                let platforms = rng.sample(scraper.platforms, rng.int(1...scraper.platforms.count))
                let role = rng.pick(roles)
                let isLast = t + duration + 20 * 60 > stopAt
                if isLast && i < 2 {
                    // Running now: started a few minutes ago.
                    let started = end - Double(rng.int(60...600))
                    runs.append(DemoScrapeRun(scraper: scraper.name, role: role,
                                              startedAt: Date(timeIntervalSince1970: started), finishedAt: nil,
                                              status: .inProgress, jobsFound: 0, jobsImported: 0, duplicates: 0,
                                              platforms: platforms, errorMessage: nil))
                    break
                }
                if t + duration > stopAt { break }
                let status = ScrapeStatus.allCases.filter { $0 != .inProgress }[rng.weighted([85, 6, 3, 3, 3])]
                var run = DemoScrapeRun(scraper: scraper.name, role: role, startedAt: Date(timeIntervalSince1970: t),
                                        finishedAt: Date(timeIntervalSince1970: t + duration), status: status,
                                        jobsFound: 0, jobsImported: 0, duplicates: 0, platforms: platforms,
                                        errorMessage: nil)
                fill(&run, lease: lease, rng: &rng)
                if run.finishedAt!.timeIntervalSince1970 > stopAt {  // would end in the future
                    run.status = .completed
                    run.finishedAt = Date(timeIntervalSince1970: t + duration)
                    fill(&run, lease: lease, rng: &rng)
                }
                runs.append(run)
                t = run.finishedAt!.timeIntervalSince1970 + Double(rng.int(22 * 60...45 * 60))
            }
        }
        // Make sure every kind appears at least once, whatever the seed.
        let early = runs.indices.filter {
            runs[$0].status == .completed && runs[$0].startedAt.timeIntervalSince1970 < end - 6 * 3600
        }
        for (k, status) in [ScrapeStatus.noJobs, .timeout, .failed, .completedLate].enumerated()
        where !runs.contains(where: { $0.status == status }) {
            let index = early[(3 + 7 * k) % early.count]
            runs[index].status = status
            fill(&runs[index], lease: lease, rng: &rng)
        }
        return runs.sorted { ($0.startedAt, $0.scraper) < ($1.startedAt, $1.scraper) }
    }

    /// Sets counts, finish time and error to fit the run's status.
    private static func fill(_ run: inout DemoScrapeRun, lease: Double, rng: inout DemoRandom) {
        let start = run.startedAt.timeIntervalSince1970
        run.errorMessage = nil
        switch run.status {
        case .completed, .completedLate:
            run.jobsFound = rng.int(4...80)
            run.duplicates = rng.int(0...(run.jobsFound / 3))
            run.jobsImported = run.jobsFound - run.duplicates
            if run.status == .completedLate {
                run.finishedAt = Date(timeIntervalSince1970: start + lease + Double(rng.int(60...900)))
            }
        case .noJobs:
            run.jobsFound = 0; run.jobsImported = 0; run.duplicates = 0
        case .timeout:
            run.jobsFound = rng.int(0...12)
            run.jobsImported = 0; run.duplicates = 0
            run.finishedAt = Date(timeIntervalSince1970: start + lease)
            run.errorMessage = "lease expired after 30 min without a heartbeat"
        case .failed:
            run.jobsFound = 0; run.jobsImported = 0; run.duplicates = 0
            run.errorMessage = rng.pick(["HTTP 403 from \(run.platforms[0]): blocked by bot protection",
                                         "navigation timeout of 60000 ms exceeded",
                                         "HTTP 429 Too Many Requests from \(run.platforms[0])",
                                         "POST /api/jobs failed: 413 Payload Too Large"])
        case .inProgress:
            break
        }
    }
}
