import Dispatch
import Foundation

/// Scores many candidate–job pairs in memory with the rules of `MatchScorer`, on all cores.
///
/// Inputs are prepared once into flat arrays: skills as interned ids (a bitset per candidate, sorted id lists
/// per job), annual pay, interned currency/place/model codes, and unit vectors in one contiguous `[Float]`
/// per side. Scoring a pair is then a few bit tests, a handful of comparisons and one SIMD dot product.
/// Every number equals what `MatchScorer.score(_:_:)` gives for the same pair (the same `MatchRules`
/// functions and the same dot product run on the same values). Explanations are built only on request,
/// for kept pairs (`matchScore(for:)`).
public final class BatchMatcher: Sendable {
    /// Rules and configuration; also builds explanations.
    public let scorer: MatchScorer
    /// Candidates in input order; `BatchMatch.candidate` indexes this.
    public let candidates: [PreparedCandidate]
    /// Jobs in input order; `BatchMatch.job` indexes this.
    public let jobs: [PreparedJob]

    typealias Place = MatchRules.PlaceKey<UInt32>

    // Candidates
    private let words: Int
    private let candidateBits: [UInt64]
    private let candidateSkillCount: [Int32]
    private let candidateYears: [Double]
    private let candidateSalary: [Double]
    private let candidateCurrency: [UInt32]
    private let candidatePlaces: [Place]
    private let candidatePlaceStart: [Int32]
    private let candidatePreference: [RemotePreference?]
    private let candidateVectors: [Float]
    private let candidateVectorStart: [Int]
    private let candidateVectorLength: [Int32]
    private let candidateModel: [UInt32]

    // Jobs
    private let jobSkillIDs: [UInt32]
    private let jobRequiredStart: [Int32]
    private let jobPreferredStart: [Int32]
    private let jobPreferredEnd: [Int32]
    private let jobExperienceMin: [Double]
    private let jobExperienceMax: [Double]
    private let jobSalaryMin: [Double]
    private let jobSalaryMax: [Double]
    private let jobCurrency: [UInt32]
    private let jobMode: [WorkMode]
    private let jobPlace: [Place]
    private let jobVectors: [Float]
    private let jobVectorStart: [Int]
    private let jobVectorLength: [Int32]
    private let jobModel: [UInt32]

    /// Prepares raw candidates and jobs with `scorer`.
    public convenience init(candidates: [MatchCandidate], jobs: [MatchJob], scorer: MatchScorer = MatchScorer()) {
        self.init(prepared: candidates.map(scorer.prepare), jobs: jobs.map(scorer.prepare), scorer: scorer)
    }

    /// Builds the flat arrays from prepared profiles.
    public init(prepared candidates: [PreparedCandidate], jobs: [PreparedJob], scorer: MatchScorer = MatchScorer()) {
        self.scorer = scorer
        self.candidates = candidates
        self.jobs = jobs
        var interner = Interner()

        // Skill ids: only skills some job asks for need bits; candidate-only skills just count.
        var skillIDs: [String: UInt32] = [:]
        for job in jobs {
            for skill in job.requiredSkills + job.preferredSkills where skillIDs[skill.key] == nil {
                skillIDs[skill.key] = UInt32(skillIDs.count)
            }
        }
        let words = max(1, (skillIDs.count + 63) / 64)
        self.words = words
        var bits = [UInt64](repeating: 0, count: words * candidates.count)
        var places: [Place] = []
        var placeStart: [Int32] = [0]
        var vectors: [Float] = []
        var vectorStart: [Int] = []
        var vectorLength: [Int32] = []
        for (row, candidate) in candidates.enumerated() {
            for skill in candidate.skills {
                if let id = skillIDs[skill.key] { bits[row * words + Int(id >> 6)] |= 1 << UInt64(id & 63) }
            }
            places += candidate.places.map { interner.place($0) }
            placeStart.append(Int32(places.count))
            vectorStart.append(vectors.count)
            vectorLength.append(Int32(candidate.unitVector?.count ?? 0))
            vectors += candidate.unitVector ?? []
        }
        candidateBits = bits
        candidateSkillCount = candidates.map { Int32($0.skills.count) }
        candidateYears = candidates.map { $0.years ?? .nan }
        candidateSalary = candidates.map { $0.expectedAnnual ?? .nan }
        candidateCurrency = candidates.map { interner.code($0.currency) }
        candidatePlaces = places
        candidatePlaceStart = placeStart
        candidatePreference = candidates.map(\.preference)
        candidateVectors = vectors
        candidateVectorStart = vectorStart
        candidateVectorLength = vectorLength
        candidateModel = candidates.map { interner.code($0.model) }

        var ids: [UInt32] = []
        var requiredStart: [Int32] = [], preferredStart: [Int32] = [], preferredEnd: [Int32] = []
        vectors = []
        vectorStart = []
        vectorLength = []
        for job in jobs {
            requiredStart.append(Int32(ids.count))
            ids += job.requiredSkills.map { skillIDs[$0.key]! }.sorted()
            preferredStart.append(Int32(ids.count))
            ids += job.preferredSkills.map { skillIDs[$0.key]! }.sorted()
            preferredEnd.append(Int32(ids.count))
            vectorStart.append(vectors.count)
            vectorLength.append(Int32(job.unitVector?.count ?? 0))
            vectors += job.unitVector ?? []
        }
        jobSkillIDs = ids
        jobRequiredStart = requiredStart
        jobPreferredStart = preferredStart
        jobPreferredEnd = preferredEnd
        jobExperienceMin = jobs.map { $0.experienceMin ?? .nan }
        jobExperienceMax = jobs.map { $0.experienceMax ?? .nan }
        jobSalaryMin = jobs.map { $0.salaryMinAnnual ?? .nan }
        jobSalaryMax = jobs.map { $0.salaryMaxAnnual ?? .nan }
        jobCurrency = jobs.map { interner.code($0.currency) }
        jobMode = jobs.map(\.workMode)
        jobPlace = jobs.map { interner.place($0.place) }
        jobVectors = vectors
        jobVectorStart = vectorStart
        jobVectorLength = vectorLength
        jobModel = jobs.map { interner.code($0.model) }
    }

    // MARK: - Scoring

    /// All M × N pairs scoring at least `threshold` (default: the configuration's), in candidate then job order.
    public func scoreAll(threshold: Double? = nil) -> [BatchMatch] {
        let limit = threshold ?? scorer.config.threshold
        let chunk = 8, jobBlock = 256
        let chunks = (candidates.count + chunk - 1) / chunk
        return parallel(chunks) { index, out in
            let first = index * chunk, last = min(first + chunk, self.candidates.count)
            var blockStart = 0
            while blockStart < self.jobs.count {
                let blockEnd = min(blockStart + jobBlock, self.jobs.count)
                for c in first..<last {
                    for j in blockStart..<blockEnd {
                        let match = self.pair(c, j)
                        if match.matchScore >= limit { out.append(match) }
                    }
                }
                blockStart = blockEnd
            }
            // Restore candidate-then-job order inside the chunk.
            if self.jobs.count > jobBlock {
                out.sort { ($0.candidate, $0.job) < ($1.candidate, $1.job) }
            }
        }
    }

    /// Blocked scoring: candidate `i` against the jobs `jobIndices[i]` only (e.g. jobs of its preferred roles).
    public func score(jobIndices: [[Int]], threshold: Double? = nil) -> [BatchMatch] {
        precondition(jobIndices.count == candidates.count, "one job list per candidate")
        let limit = threshold ?? scorer.config.threshold
        let chunk = 16
        let chunks = (candidates.count + chunk - 1) / chunk
        return parallel(chunks) { index, out in
            for c in (index * chunk)..<min(index * chunk + chunk, self.candidates.count) {
                for j in jobIndices[c] {
                    let match = self.pair(c, j)
                    if match.matchScore >= limit { out.append(match) }
                }
            }
        }
    }

    /// The full `MatchScore` with explanation for one pair (built on demand, for kept pairs).
    public func matchScore(for match: BatchMatch) -> MatchScore {
        scorer.score(candidates[Int(match.candidate)], jobs[Int(match.job)])
    }

    /// Scores one pair without keeping or explaining it.
    public func pair(_ c: Int, _ j: Int) -> BatchMatch {
        let config = scorer.config
        // Skills: bit tests of the job's ids in the candidate's bitset.
        let required = Int(jobRequiredStart[j]), preferred = Int(jobPreferredStart[j]), end = Int(jobPreferredEnd[j])
        var requiredMatched = 0, preferredMatched = 0
        candidateBits.withUnsafeBufferPointer { bits in
            jobSkillIDs.withUnsafeBufferPointer { ids in
                let base = c * words
                for k in required..<preferred {
                    let id = ids[k]
                    requiredMatched &+= Int((bits[base + Int(id >> 6)] >> UInt64(id & 63)) & 1)
                }
                for k in preferred..<end {
                    let id = ids[k]
                    preferredMatched &+= Int((bits[base + Int(id >> 6)] >> UInt64(id & 63)) & 1)
                }
            }
        }
        let skills = MatchRules.skills(
            requiredMatched: requiredMatched, requiredTotal: preferred - required, preferredMatched: preferredMatched,
            preferredTotal: end - preferred, candidateSkillCount: Int(candidateSkillCount[c]),
            requiredWeight: config.requiredSkillWeight)

        let experience = MatchRules.experience(
            years: optional(candidateYears[c]), min: optional(jobExperienceMin[j]), max: optional(jobExperienceMax[j]),
            config: config
        ).score

        let location = candidatePlaces.withUnsafeBufferPointer { all in
            let from = Int(candidatePlaceStart[c]), to = Int(candidatePlaceStart[c + 1])
            return MatchRules.location(
                jobMode: jobMode[j], jobPlace: jobPlace[j], preference: candidatePreference[c],
                places: UnsafeBufferPointer(rebasing: all[from..<to])
            ).score
        }

        var salary: Double?
        let expected = candidateSalary[c], low = jobSalaryMin[j], high = jobSalaryMax[j]
        if !expected.isNaN, !low.isNaN, !high.isNaN {
            let a = candidateCurrency[c], b = jobCurrency[j]
            if a == 0 || b == 0 || a == b {
                salary = MatchRules.salary(expectedAnnual: expected, jobMinAnnual: low, jobMaxAnnual: high,
                                           penaltyPerPercent: config.salaryPenaltyPerPercentOver)
            }
        }

        var semantic: Double?
        let length = Int(candidateVectorLength[c])
        if length > 0, length == Int(jobVectorLength[j]), candidateModel[c] == jobModel[j] {
            let cosine = candidateVectors.withUnsafeBufferPointer { a in
                jobVectors.withUnsafeBufferPointer { b in
                    VectorMath.dot(a.baseAddress! + candidateVectorStart[c], b.baseAddress! + jobVectorStart[j],
                                   count: length)
                }
            }
            semantic = MatchRules.semantic(cosine: Double(cosine))
        }

        let total = MatchRules.combine(skills: skills, experience: experience, location: location, salary: salary,
                                       semantic: semantic, weights: config.weights)
        return BatchMatch(candidate: Int32(c), job: Int32(j), matchScore: total, skillsValue: skills ?? .nan,
                          experienceValue: experience ?? .nan, locationValue: location ?? .nan,
                          salaryValue: salary ?? .nan, semanticValue: semantic ?? .nan)
    }

    @inline(__always)
    private func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }

    /// Runs `body` for each chunk on all cores; each chunk appends to its own array; results in chunk order.
    private func parallel(_ chunks: Int, _ body: @Sendable (Int, inout [BatchMatch]) -> Void) -> [BatchMatch] {
        ChunkedParallel.run(chunks, body)
    }
}

/// Interns strings to small codes; 0 stands for nil.
private struct Interner {
    var codes: [String: UInt32] = [:]

    mutating func code(_ text: String?) -> UInt32 {
        guard let text else { return 0 }
        if let code = codes[text] { return code }
        let code = UInt32(codes.count + 1)
        codes[text] = code
        return code
    }

    mutating func place(_ key: MatchRules.PlaceKey<String>) -> MatchRules.PlaceKey<UInt32> {
        // Separate namespaces so a city never equals a region of the same name.
        MatchRules.PlaceKey(city: key.city.map { code("city:" + $0) }, region: key.region.map { code("region:" + $0) },
                            country: key.country.map { code("country:" + $0) })
    }
}
