import Foundation

/// Fictional, deterministic demo data: job files in several platforms' formats, tenants, candidates,
/// scrapers and their history. The same seed and `now` always give byte-identical output.
public struct DemoDataset: Sendable {
    /// Seed of every generator.
    public let seed: UInt64
    /// The moment the data is relative to (posting dates, scrape history).
    public let now: Date

    /// File name and number of records of each job file, in the order `writeJobFiles` returns them.
    public static let jobFiles: [(name: String, records: Int)] = [
        ("demo-jobspy.json", 150), ("demo-glassdoor.csv", 120), ("demo-dice.json", 100),
        ("demo-naukri.csv", 80), ("demo-scrapers.jsonl", 150),
    ]

    /// Demo data for `seed`, dated relative to `now`.
    public init(seed: UInt64 = 42, now: Date) {
        self.seed = seed
        self.now = now
    }

    /// Each job file's name and bytes, in `jobFiles` order.
    public func jobFileContents() -> [(name: String, data: Data)] {
        var factory = DemoJobFactory(seed: seed, stream: 1, now: now)
        let counts = Self.jobFiles.map(\.records)
        let jobSpy = DemoJobSpyFormat.render(factory: &factory, count: counts[0])
        let glassdoor = DemoGlassdoorFormat.render(factory: &factory, count: counts[1])
        let (dice, posted) = DemoDiceFormat.render(factory: &factory, count: counts[2])
        let naukri = DemoNaukriFormat.render(factory: &factory, count: counts[3])
        let own = DemoImportFormat.render(factory: &factory, count: counts[4], dice: posted)
        return zip(Self.jobFiles.map(\.name), [jobSpy, glassdoor, dice, naukri, own]).map { ($0, Data($1.utf8)) }
    }

    /// Writes the five job files into `directory` (created if missing) and returns their URLs.
    public func writeJobFiles(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try jobFileContents().map { name, data in
            let url = directory.appendingPathComponent(name)
            try data.write(to: url, options: .atomic)
            return url
        }
    }

    /// The three demo tenants.
    public var tenants: [DemoTenant] {
        [DemoTenant(slug: "acme-talent", name: "Acme Talent Partners"),
         DemoTenant(slug: "globex-staffing", name: "Globex Staffing"),
         DemoTenant(slug: "initech-recruiting", name: "Initech Recruiting")]
    }

    /// 100 candidates per tenant, 300 in all.
    public func candidates() -> [DemoCandidate] {
        candidates(perTenant: 100)
    }

    /// `perTenant` candidates for each of the three tenants (benchmarks use thousands).
    public func candidates(perTenant: Int) -> [DemoCandidate] {
        DemoCandidateFactory.make(tenants: tenants, perTenant: perTenant, seed: seed)
    }

    /// The five scrapers, "scraper-a" to "scraper-e".
    public var scrapers: [DemoScraper] { DemoScrapeFactory.scrapers(seed: seed) }

    /// About 150 scrape runs over the 24 hours before `now`, oldest first.
    public func scrapeHistory() -> [DemoScrapeRun] {
        DemoScrapeFactory.history(scrapers: scrapers, now: now, seed: seed)
    }

    /// The 25 canonical roles with their aliases.
    public var roles: [DemoRole] { DemoRoleProfile.all.map(\.role) }
}
