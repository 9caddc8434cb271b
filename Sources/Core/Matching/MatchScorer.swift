import Foundation

/// Scores one candidate against one job (DESIGN §7): five components, renormalized weights, grade, explanation.
///
/// "Unknown → left out" vs "known missing → 0": a component is left out (weights renormalize) when the job
/// states nothing to compare against (no skills, no experience, no place, no pay, no embedding) or the two
/// sides are not comparable (different currencies or embedding models). When the job asks for something
/// and the candidate states nothing — skills, or years against a minimum above 0 — the component scores 0,
/// so an empty profile never looks like a good match. A candidate's silence on its own wishes (pay,
/// places, remote preference) only leaves those components out.
public struct MatchScorer: Sendable {
    /// Weights, threshold, grades, rule constants.
    public var config: ScoringConfig
    /// Skill canonicalization (exact, alias, fuzzy).
    public var taxonomy: SkillTaxonomy

    /// A scorer with the given configuration and taxonomy.
    public init(config: ScoringConfig = .standard, taxonomy: SkillTaxonomy = .shared) {
        self.config = config
        self.taxonomy = taxonomy
    }

    /// Scores a pair. `semanticOverride` replaces the embedding cosine: 0…1 is a cosine (0.78 → 78),
    /// above 1 a percentage.
    public func score(_ candidate: MatchCandidate, _ job: MatchJob, semanticOverride: Double? = nil) -> MatchScore {
        score(prepare(candidate), prepare(job), semanticOverride: semanticOverride)
    }

    /// Scores a prepared pair.
    public func score(_ candidate: PreparedCandidate, _ job: PreparedJob,
                      semanticOverride: Double? = nil) -> MatchScore {
        var missing: [String] = []
        var parts: [(MatchComponent, Double?, ComponentStatus, [String])] = []

        // Skills
        let matched = (job.requiredSkills + job.preferredSkills).filter { candidate.skillKeys.contains($0.key) }
        let lacking = (job.requiredSkills + job.preferredSkills).filter { !candidate.skillKeys.contains($0.key) }
        let requiredMatched = job.requiredSkills.filter { candidate.skillKeys.contains($0.key) }.count
        let preferredMatched = job.preferredSkills.filter { candidate.skillKeys.contains($0.key) }.count
        let skills = MatchRules.skills(
            requiredMatched: requiredMatched, requiredTotal: job.requiredSkills.count,
            preferredMatched: preferredMatched, preferredTotal: job.preferredSkills.count,
            candidateSkillCount: candidate.skills.count, requiredWeight: config.requiredSkillWeight)
        do {
            var evidence: [String] = []
            var status = ComponentStatus.scored
            if skills == nil {
                evidence.append("job lists no skills")
                missing.append("job skills")
            } else if candidate.skills.isEmpty {
                let asked = names(job.requiredSkills + job.preferredSkills)
                evidence.append("candidate lists no skills; job asks for \(asked)")
                missing.append("candidate skills")
                status = .missingOnCandidate
            } else if job.preferredSkills.isEmpty {
                evidence.append("\(requiredMatched) of \(job.requiredSkills.count) job skills")
            } else {
                evidence.append("\(requiredMatched) of \(job.requiredSkills.count) required"
                    + " (×\(number(config.requiredSkillWeight)))"
                    + ", \(preferredMatched) of \(job.preferredSkills.count) preferred")
            }
            if skills != nil && !candidate.skills.isEmpty {
                if !matched.isEmpty { evidence.append("matched: \(names(matched))") }
                if !lacking.isEmpty { evidence.append("missing: \(names(lacking))") }
            }
            parts.append((.skills, skills, skills == nil ? .leftOut : status, evidence))
        }

        // Experience
        let experience = MatchRules.experience(years: candidate.years, min: job.experienceMin,
                                               max: job.experienceMax, config: config)
        do {
            let asked = yearsText(job.experienceMin, job.experienceMax)
            var status = ComponentStatus.scored
            let line: String
            switch experience.outcome {
            case .noRequirement:
                line = "job states no experience requirement"
                missing.append("job experience")
            case .candidateUnknown:
                line = "candidate states no years of experience; job asks \(asked)"
                missing.append("candidate experience")
                if experience.score != nil { status = .missingOnCandidate }
            case .meets:
                line = "\(number(candidate.years ?? 0)) years meets \(asked)"
            case .below:
                line = "\(number(candidate.years ?? 0)) years is below \(asked) (score = 100 × years / minimum)"
            case .overqualified:
                line = "\(number(candidate.years ?? 0)) years is over \(asked) by more than "
                    + "\(number(config.overMaximumToleranceYears)) years"
            }
            parts.append((.experience, experience.score, experience.score == nil ? .leftOut : status, [line]))
        }

        // Location
        let location = candidate.places.withUnsafeBufferPointer {
            MatchRules.location(jobMode: job.workMode, jobPlace: job.place, preference: candidate.preference,
                                places: $0)
        }
        parts.append((.location, location.score, location.score == nil ? .leftOut : .scored,
                      [locationText(location.outcome, candidate, job)]))
        if location.score == nil {
            missing.append(location.outcome == .unknownJobPlace ? "job location" : "candidate location")
        }

        // Salary
        let (salary, salaryLine) = salaryScore(candidate, job, missing: &missing)
        parts.append((.salary, salary, salary == nil ? .leftOut : .scored, [salaryLine]))

        // Semantic
        let (semantic, semanticLine) = semanticScore(candidate, job, override: semanticOverride, missing: &missing)
        parts.append((.semantic, semantic, semantic == nil ? .leftOut : .scored, [semanticLine]))

        let total = MatchRules.combine(skills: skills, experience: experience.score, location: location.score,
                                       salary: salary, semantic: semantic, weights: config.weights)
        let grade = config.grade(for: total)
        let explanation = explain(parts, total: total, grade: grade, missing: missing)
        return MatchScore(skills: skills, experience: experience.score, location: location.score, salary: salary,
                          semantic: semantic, matchScore: total, grade: grade, matchedSkills: matched.map(\.name),
                          missingSkills: lacking.map(\.name), explanation: explanation)
    }

    // MARK: - Components with text

    func salaryScore(_ candidate: PreparedCandidate, _ job: PreparedJob,
                     missing: inout [String]) -> (Double?, String) {
        guard let expected = candidate.expectedAnnual else {
            missing.append("candidate expected salary")
            return (nil, job.salaryMaxAnnual == nil ? "neither side states pay" : "candidate states no expected salary")
        }
        guard let low = job.salaryMinAnnual, let high = job.salaryMaxAnnual else {
            missing.append("job salary")
            return (nil, "job states no salary")
        }
        var note = ""
        switch (candidate.currency, job.currency) {
        case let (c?, j?) where c != j:
            missing.append("comparable salary currency")
            return (nil, "currencies differ (\(c) vs \(j)); no conversion, left out")
        case (nil, let j?): note = "; candidate currency not stated, taken as \(j)"
        case (let c?, nil): note = "; job currency not stated, taken as \(c)"
        case (nil, nil): note = "; no currency stated on either side, taken as equal"
        default: break
        }
        guard let score = MatchRules.salary(expectedAnnual: expected, jobMinAnnual: low, jobMaxAnnual: high,
                                            penaltyPerPercent: config.salaryPenaltyPerPercentOver) else {
            missing.append("job salary")
            return (nil, "job salary is not positive")
        }
        let unit = (candidate.currency ?? job.currency).map { " " + $0 } ?? ""
        let range = "\(money(low))–\(money(high))\(unit)/year"
        if score == 100 {
            return (score, "expects \(money(expected))\(unit)/year, within or below job \(range)\(note)")
        }
        let over = (expected - max(low, high)) / max(low, high) * 100
        return (score, "expects \(money(expected))\(unit)/year, \(number(MatchRules.round1(over)))% over job \(range)"
            + " (−\(number(config.salaryPenaltyPerPercentOver)) per percent)\(note)")
    }

    func semanticScore(_ candidate: PreparedCandidate, _ job: PreparedJob, override: Double?,
                       missing: inout [String]) -> (Double?, String) {
        if let override {
            let score = override > 1 ? MatchRules.round1(min(override, 100)) : MatchRules.semantic(cosine: override)
            return (score, "similarity given: \(number(override))")
        }
        guard let a = candidate.unitVector, let b = job.unitVector else {
            missing.append(candidate.unitVector == nil ? "candidate embedding" : "job embedding")
            return (nil, candidate.unitVector == nil ? "candidate has no embedding" : "job has no embedding")
        }
        guard candidate.model == job.model, a.count == b.count else {
            missing.append("embeddings from the same model")
            return (nil, "embedding models differ (\(candidate.model ?? "unknown") \(a.count)-d vs "
                + "\(job.model ?? "unknown") \(b.count)-d); left out")
        }
        let cosine = Double(VectorMath.dot(a, b))
        let line = "cosine \(number(MatchRules.round2(cosine))) (\(job.model ?? "unknown model"))"
        return (MatchRules.semantic(cosine: cosine), line)
    }

    func locationText(_ outcome: MatchRules.LocationOutcome, _ candidate: PreparedCandidate,
                      _ job: PreparedJob) -> String {
        let wants = candidate.placeNames.isEmpty ? "no place" : candidate.placeNames.joined(separator: " / ")
        let pref = candidate.preference.map { "prefers \($0.rawValue)" } ?? "no remote preference"
        let where_ = job.placeName.isEmpty ? "no place" : job.placeName
        switch outcome {
        case .unknownCandidate:
            return "candidate gives no location or remote preference; job \(job.workMode.rawValue) \(where_)"
        case .unknownJobPlace: return "job gives no place and is not remote"
        case .remoteWanted: return "remote job; candidate prefers remote"
        case .remoteOpen: return "remote job; candidate (\(wants), \(pref)) can work remotely: 90"
        case .remoteButOnsiteWanted: return "remote job; candidate prefers onsite"
        case .remoteOutsideCountry: return "remote job limited to \(where_); candidate is in \(wants)"
        case .sameCity: return "same city: \(wants) vs \(job.workMode.rawValue) \(where_); \(pref)"
        case .sameRegion: return "same region: \(wants) vs \(job.workMode.rawValue) \(where_); \(pref)"
        case .sameCountry: return "same country: \(wants) vs \(job.workMode.rawValue) \(where_); \(pref)"
        case .elsewhere: return "\(wants) vs \(job.workMode.rawValue) \(where_); \(pref)"
        }
    }

    // MARK: - Explanation

    func explain(_ parts: [(MatchComponent, Double?, ComponentStatus, [String])], total: Double, grade: String?,
                 missing: [String]) -> MatchExplanation {
        let weights = config.weights
        func weight(_ c: MatchComponent) -> Double {
            switch c {
            case .skills: return weights.skills
            case .experience: return weights.experience
            case .location: return weights.location
            case .salary: return weights.salary
            case .semantic: return weights.semantic
            }
        }
        let present = parts.filter { $0.1 != nil }.reduce(0.0) { $0 + weight($1.0) }
        var used: [String: Double] = [:]
        var components: [ComponentExplanation] = []
        var summary: [String] = []
        for (component, score, status, evidence) in parts {
            let applied = score == nil || present == 0 ? 0 : weight(component) / present
            if score != nil { used[component.rawValue] = applied }
            components.append(ComponentExplanation(component: component, score: score, status: status,
                                                   weight: weight(component), appliedWeight: applied,
                                                   evidence: evidence))
            summary.append("\(component.rawValue) " + (score.map(number) ?? "left out"))
        }
        let head = number(total) + (grade.map { " (\($0))" } ?? " (below \(number(config.threshold)))")
        return MatchExplanation(components: components, missing: missing, weightsUsed: used,
                                scoringVersion: config.scoringVersion,
                                summary: head + ": " + summary.joined(separator: ", "))
    }

    // MARK: - Formatting

    func names(_ skills: [CanonicalSkill]) -> String { skills.map(\.name).joined(separator: ", ") }

    func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    func money(_ value: Double) -> String {
        let whole = Int(value.rounded())
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (whole < 0 ? "-" : "") + digits + grouped
    }

    func yearsText(_ low: Double?, _ high: Double?) -> String {
        switch (low, high) {
        case let (l?, h?): return "\(number(l))–\(number(h)) years"
        case let (l?, nil): return "\(number(l))+ years"
        case let (nil, h?): return "up to \(number(h)) years"
        default: return "no requirement"
        }
    }
}
