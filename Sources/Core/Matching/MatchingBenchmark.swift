import Dispatch
import Foundation

/// Synthetic inputs and a timer for `BatchMatcher.scoreAll()`; a benchmark, not a test.
public enum MatchingBenchmark {
    /// Embedding size of the synthetic vectors (all-MiniLM-L6-v2's 384).
    public static let dimensions = 384

    /// Scores `candidates × jobs` synthetic pairs; preparation is not timed.
    public static func run(candidates: Int, jobs: Int,
                           seed: UInt64) -> (pairsPerSecond: Double, kept: Int, seconds: Double) {
        let (people, postings) = syntheticInputs(candidates: candidates, jobs: jobs, seed: seed)
        let matcher = BatchMatcher(candidates: people, jobs: postings)
        let start = DispatchTime.now().uptimeNanoseconds
        let kept = matcher.scoreAll()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (Double(candidates * jobs) / max(seconds, 1e-9), kept.count, seconds)
    }

    /// Seeded synthetic candidates and jobs: taxonomy skills, years, pay in several intervals and currencies,
    /// a dozen places, remote/hybrid/onsite, and 384-d vectors around a shared direction; some fields left
    /// empty so every rule branch runs.
    public static func syntheticInputs(candidates: Int, jobs: Int, seed: UInt64) -> ([MatchCandidate], [MatchJob]) {
        var random = DemoRandom(seed: seed, stream: 77)
        let taxonomy = SkillTaxonomy.shared.skills
        let pool = Array(taxonomy.prefix(160))
        let aliases = pool.flatMap { skill in ([skill.name] + skill.aliases.prefix(2)).map { ($0, skill.name) } }
        let places = ["San Francisco, CA", "Austin, TX", "Dallas, TX", "New York, NY", "Seattle, WA",
                      "Boston, MA", "London, UK", "Bengaluru, India", "Toronto, ON", "Berlin, Germany",
                      "Chicago, IL", "Denver, CO"]
        let parsed = Dictionary(uniqueKeysWithValues: places.map { ($0, LocationParser.parse($0)) })
        let remote = LocationParser.parse("Remote")
        let remoteUS = LocationParser.parse("Remote - US")
        let base = (0..<dimensions).map { _ in Float(random.unit() - 0.5) }
        func vector() -> [Float] { base.map { $0 + Float(random.unit() - 0.5) * 0.9 } }
        func money(_ currency: String) -> (PayInterval, Double) {
            switch random.int(0...9) {
            case 0...1: return (.hour, Double(random.int(25...110)))
            case 2: return (.month, Double(random.int(4...15)) * 1000)
            default: return (.year, Double(random.int(50...220)) * 1000)
            }
        }
        var people: [MatchCandidate] = []
        people.reserveCapacity(candidates)
        for index in 0..<candidates {
            let skills = random.sample(aliases, random.int(0...12)).map(\.0)
            let currency = random.chance(0.9) ? "USD" : "EUR"
            let (interval, amount) = money(currency)
            var candidate = MatchCandidate(
                id: "c\(index)", skills: skills,
                totalExperienceYears: random.chance(0.9) ? Double(random.int(0...25)) : nil,
                expectedSalary: random.chance(0.7) ? amount : nil, salaryCurrency: currency, salaryInterval: interval,
                remotePreference: random.chance(0.6) ? random.pick(RemotePreference.allCases) : nil,
                embedding: random.chance(0.9) ? vector() : nil,
                embeddingModel: random.chance(0.97) ? "bench-384" : "other-384")
            let chosen = random.chance(0.9) ? random.sample(places, random.int(1...2)) : []
            candidate.preferredLocations = chosen
            candidate.locations = chosen.compactMap { parsed[$0] }
            people.append(candidate)
        }
        var postings: [MatchJob] = []
        postings.reserveCapacity(jobs)
        for index in 0..<jobs {
            let skills = random.sample(pool, random.int(0...10)).map(\.name)
            let split = random.chance(0.3) ? random.int(0...skills.count) : skills.count
            let mode = random.pick([WorkMode.remote, .hybrid, .onsite, .unknown])
            let place = mode == .remote ? (random.chance(0.5) ? remote : remoteUS) : parsed[random.pick(places)]!
            let low = Double(random.int(0...8))
            let (interval, amount) = money("USD")
            postings.append(MatchJob(
                id: "j\(index)", skills: split == skills.count ? skills : [],
                requiredSkills: split == skills.count ? [] : Array(skills[..<split]),
                preferredSkills: split == skills.count ? [] : Array(skills[split...]),
                experience: random.chance(0.85)
                    ? ExperienceRange(yearsMin: low,
                                      yearsMax: random.chance(0.5) ? low + Double(random.int(1...6)) : nil)
                    : nil,
                location: place, workMode: mode,
                salary: random.chance(0.6)
                    ? Salary(currency: random.chance(0.92) ? "USD" : nil, interval: interval, min: amount,
                             max: amount * (1 + random.unit() * 0.4), source: .posted)
                    : nil,
                embedding: random.chance(0.95) ? vector() : nil, embeddingModel: "bench-384"))
        }
        return (people, postings)
    }
}
