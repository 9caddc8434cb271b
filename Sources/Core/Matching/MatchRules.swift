import Foundation

/// The component rules as pure functions on plain values, shared by `MatchScorer` and `BatchMatcher`
/// so both produce identical numbers. Components are rounded to one decimal, the final score to two.
///
/// Rules (all scores 0–100):
/// - **Skills**: job skills split into required (weight `requiredSkillWeight`, default 2) and preferred (1);
///   a posting that does not distinguish has all skills required, so the score is the plain fraction.
///   `100 × (2·requiredMatched + preferredMatched) / (2·requiredTotal + preferredTotal)`.
///   Job lists no skills → left out. Job lists skills but candidate none → 0 (missing on candidate).
/// - **Experience**: min = job minimum (0 when only a maximum is given). Candidate ≥ min and ≤ max + 2 → 100;
///   below min → `100 × years / min` (linear, 0 at no experience); above max + 2 → 100 − 10 per extra year,
///   floor 50. Job states nothing → left out. Job asks min > 0 and the candidate states no years → 0.
/// - **Location**: see `location(jobMode:jobPlace:preference:places:)`.
/// - **Salary**: same currency only. Expectation ≤ job max (annualized) → 100; above → 100 − 2 per percent
///   over the max, floor 0. Job 100,000–120,000 USD/year vs expectation 132,000 USD/year → 80.
/// - **Semantic**: cosine of unit vectors × 100, negative → 0.
enum MatchRules {
    @inline(__always)
    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    @inline(__always)
    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    // MARK: Skills

    /// Skills score from match counts; nil when the job lists no skills, 0 when the candidate lists none.
    @inline(__always)
    static func skills(requiredMatched: Int, requiredTotal: Int, preferredMatched: Int, preferredTotal: Int,
                       candidateSkillCount: Int, requiredWeight: Double) -> Double? {
        if requiredTotal + preferredTotal == 0 { return nil }
        if candidateSkillCount == 0 { return 0 }
        let have = requiredWeight * Double(requiredMatched) + Double(preferredMatched)
        let want = requiredWeight * Double(requiredTotal) + Double(preferredTotal)
        return round1(100 * have / want)
    }

    // MARK: Experience

    enum ExperienceOutcome: Sendable, Equatable {
        case noRequirement, candidateUnknown, meets, below, overqualified
    }

    @inline(__always)
    static func experience(years: Double?, min: Double?, max: Double?,
                           config: ScoringConfig) -> (score: Double?, outcome: ExperienceOutcome) {
        if min == nil && max == nil { return (nil, .noRequirement) }
        let low = Swift.max(min ?? 0, 0)
        guard let years else { return low > 0 ? (0, .candidateUnknown) : (nil, .candidateUnknown) }
        if years < low { return (round1(100 * Swift.max(years, 0) / low), .below) }
        if let max, years > max + config.overMaximumToleranceYears {
            let extra = years - max - config.overMaximumToleranceYears
            return (round1(Swift.max(config.overqualifiedFloor, 100 - config.overqualifiedPenaltyPerYear * extra)),
                    .overqualified)
        }
        return (100, .meets)
    }

    // MARK: Location

    /// A place reduced to comparable keys (lower-cased strings, or interned codes in the batch engine).
    struct PlaceKey<Key: Equatable & Sendable>: Sendable, Equatable {
        var city: Key?
        var region: Key?
        var country: Key?
        var isEmpty: Bool { city == nil && region == nil && country == nil }
    }

    enum LocationOutcome: Sendable, Equatable {
        case unknownCandidate, unknownJobPlace
        case remoteWanted, remoteOpen, remoteButOnsiteWanted, remoteOutsideCountry
        case sameCity, sameRegion, sameCountry, elsewhere
    }

    /// Location table.
    /// Remote job: candidate prefers remote 100; candidate any/hybrid/none but gives a place 90 (the seed's
    /// San Francisco vs Remote); job limited to a country none of the candidate's places is in 50; candidate
    /// wants onsite 40; candidate gives neither place nor preference → left out.
    /// Other jobs (onsite, hybrid, unknown mode) by the best candidate place: same city 100, same region 70,
    /// same country 40, elsewhere 0; then capped by preference: remote-only candidate vs onsite job ≤ 20,
    /// vs hybrid job ≤ 50; hybrid-preferring candidate vs onsite job ≤ 80. Job without a place or candidate
    /// without places → left out, except a remote-only candidate vs an onsite (20) or hybrid (50) job.
    static func location<Key>(jobMode: WorkMode, jobPlace: PlaceKey<Key>, preference: RemotePreference?,
                              places: UnsafeBufferPointer<PlaceKey<Key>>)
        -> (score: Double?, outcome: LocationOutcome) {
        if jobMode == .remote {
            if preference == .onsite { return (40, .remoteButOnsiteWanted) }
            if let country = jobPlace.country {
                var known = false, inside = false
                for place in places where place.country != nil {
                    known = true
                    if place.country == country { inside = true }
                }
                if known && !inside { return (50, .remoteOutsideCountry) }
            }
            if preference == .remote { return (100, .remoteWanted) }
            if preference != nil || !places.isEmpty { return (90, .remoteOpen) }
            return (nil, .unknownCandidate)
        }
        var cap = 100.0
        if preference == .remote {
            if jobMode == .onsite { cap = 20 } else if jobMode == .hybrid { cap = 50 }
        } else if preference == .hybrid && jobMode == .onsite {
            cap = 80
        }
        if jobPlace.isEmpty { return (nil, .unknownJobPlace) }
        if places.isEmpty {
            return cap < 100 ? (cap, .elsewhere) : (nil, .unknownCandidate)
        }
        var best = 0.0
        var outcome = LocationOutcome.elsewhere
        for place in places {
            let countryFits = place.country == nil || jobPlace.country == nil || place.country == jobPlace.country
            let regionFits = place.region == nil || jobPlace.region == nil || place.region == jobPlace.region
            if place.city != nil, place.city == jobPlace.city, regionFits, countryFits {
                best = 100
                outcome = .sameCity
                break
            } else if place.region != nil, place.region == jobPlace.region, countryFits, best < 70 {
                best = 70
                outcome = .sameRegion
            } else if place.country != nil, place.country == jobPlace.country, best < 40 {
                best = 40
                outcome = .sameCountry
            }
        }
        return (Swift.min(best, cap), outcome)
    }

    // MARK: Salary

    /// Salary score for annualized same-currency amounts; nil when the job's range is not positive.
    @inline(__always)
    static func salary(expectedAnnual: Double, jobMinAnnual: Double, jobMaxAnnual: Double,
                       penaltyPerPercent: Double) -> Double? {
        let top = Swift.max(jobMinAnnual, jobMaxAnnual)
        guard top > 0 else { return nil }
        if expectedAnnual <= top { return 100 }
        let percentOver = (expectedAnnual - top) / top * 100
        return round1(Swift.max(0, 100 - penaltyPerPercent * percentOver))
    }

    // MARK: Semantic

    @inline(__always)
    static func semantic(cosine: Double) -> Double { round1(Swift.max(0, Swift.min(1, cosine)) * 100) }

    // MARK: Combination

    /// Weighted mean of the present components, rounded to two decimals; 0 when none is present.
    @inline(__always)
    static func combine(skills: Double?, experience: Double?, location: Double?, salary: Double?, semantic: Double?,
                        weights: ScoringConfig.Weights) -> Double {
        var sum = 0.0, total = 0.0
        if let skills { sum += weights.skills * skills; total += weights.skills }
        if let experience { sum += weights.experience * experience; total += weights.experience }
        if let location { sum += weights.location * location; total += weights.location }
        if let salary { sum += weights.salary * salary; total += weights.salary }
        if let semantic { sum += weights.semantic * semantic; total += weights.semantic }
        return total > 0 ? round2(sum / total) : 0
    }
}
