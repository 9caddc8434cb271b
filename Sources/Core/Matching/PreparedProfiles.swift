import Foundation

/// One skill after canonicalization.
public struct CanonicalSkill: Sendable, Equatable, Hashable {
    /// Taxonomy id ("kubernetes"), or "?" + the lower-cased text for skills the taxonomy does not know.
    public var key: String
    /// Taxonomy name ("Kubernetes"), or the text as written.
    public var name: String
}

/// A candidate reduced to what the rules compare; built once by `MatchScorer.prepare(_:)`.
public struct PreparedCandidate: Sendable {
    /// Id of the source profile.
    public var id: String
    /// Distinct canonical skills, in the candidate's order.
    public var skills: [CanonicalSkill]
    var skillKeys: Set<String>
    /// Total years of experience.
    public var years: Double?
    /// Expected pay per year.
    public var expectedAnnual: Double?
    /// ISO 4217 code of the pay figures.
    public var currency: String?
    var places: [MatchRules.PlaceKey<String>]
    /// Places as written, parallel to `places`.
    var placeNames: [String]
    /// Remote preference; "Remote" among the places counts as `.any`.
    public var preference: RemotePreference?
    /// Unit-length embedding; nil when none or zero.
    public var unitVector: [Float]?
    /// Embedding model name.
    public var model: String?
}

/// A job reduced to what the rules compare; built once by `MatchScorer.prepare(_:)`.
public struct PreparedJob: Sendable {
    /// Id of the source profile.
    public var id: String
    /// Required skills (all skills when the posting does not distinguish), distinct, job order.
    public var requiredSkills: [CanonicalSkill]
    /// Preferred skills not also required.
    public var preferredSkills: [CanonicalSkill]
    /// Years asked for, minimum.
    public var experienceMin: Double?
    /// Years asked for, maximum.
    public var experienceMax: Double?
    /// Remote / hybrid / onsite / unknown.
    public var workMode: WorkMode
    var place: MatchRules.PlaceKey<String>
    var placeName: String
    /// Pay range per year, low end.
    public var salaryMinAnnual: Double?
    /// Pay range per year, high end.
    public var salaryMaxAnnual: Double?
    /// ISO 4217 code of the pay figures.
    public var currency: String?
    /// Unit-length embedding; nil when none.
    public var unitVector: [Float]?
    /// Embedding model name.
    public var model: String?
}

extension MatchScorer {
    /// Canonical skills for raw texts: exact or alias (`skill(named:)`), then fuzzy (`canonicalName(for:)`),
    /// then the lower-cased text itself; duplicates dropped.
    func canonicalSkills(_ texts: [String]) -> [CanonicalSkill] {
        var seen = Set<String>()
        var result: [CanonicalSkill] = []
        for raw in texts {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            var skill = taxonomy.skill(named: text)
            if skill == nil, let name = taxonomy.canonicalName(for: text) { skill = taxonomy.skill(named: name) }
            let canonical = skill.map { CanonicalSkill(key: $0.id, name: $0.name) }
                ?? CanonicalSkill(key: "?" + text.lowercased().split(separator: " ").joined(separator: " "),
                                  name: text)
            if seen.insert(canonical.key).inserted { result.append(canonical) }
        }
        return result
    }

    static func placeKey(_ location: Location) -> MatchRules.PlaceKey<String> {
        MatchRules.PlaceKey(city: location.city?.lowercased(), region: location.region?.lowercased(),
                            country: location.country?.uppercased())
    }

    /// A candidate ready for scoring.
    public func prepare(_ candidate: MatchCandidate) -> PreparedCandidate {
        let skills = canonicalSkills(candidate.skills)
        var places: [MatchRules.PlaceKey<String>] = []
        var names: [String] = []
        var preference = candidate.remotePreference
        let parsed = candidate.preferredLocations.map(LocationParser.parse)
        for (text, location) in zip(candidate.preferredLocations, parsed) {
            let key = Self.placeKey(location)
            if key.isEmpty {
                // "Remote" among the places: open to remote work.
                if location.remote, preference == nil { preference = .any }
                continue
            }
            places.append(key)
            names.append(text)
        }
        let model = candidate.embeddingModel
        return PreparedCandidate(
            id: candidate.id, skills: skills, skillKeys: Set(skills.map(\.key)),
            years: candidate.totalExperienceYears,
            expectedAnnual: candidate.expectedSalary.map { $0 * candidate.salaryInterval.perYear },
            currency: candidate.salaryCurrency?.uppercased(), places: places, placeNames: names,
            preference: preference, unitVector: candidate.embedding.flatMap(VectorMath.unit), model: model)
    }

    /// A job ready for scoring.
    public func prepare(_ job: MatchJob) -> PreparedJob {
        var required = canonicalSkills(job.requiredSkills)
        var preferred = canonicalSkills(job.preferredSkills)
        let requiredKeys = Set(required.map(\.key))
        preferred.removeAll { requiredKeys.contains($0.key) }
        let preferredKeys = Set(preferred.map(\.key))
        // Skills in the plain list that are not marked preferred count as required.
        for skill in canonicalSkills(job.skills)
        where !requiredKeys.contains(skill.key) && !preferredKeys.contains(skill.key)
            && !required.contains(skill) {
            required.append(skill)
        }
        let place = Self.placeKey(job.location)
        let name = job.locationText ?? [job.location.city, job.location.region, job.location.country]
            .compactMap { $0 }.joined(separator: ", ")
        return PreparedJob(
            id: job.id, requiredSkills: required, preferredSkills: preferred,
            experienceMin: job.experience?.yearsMin, experienceMax: job.experience?.yearsMax,
            workMode: job.workMode, place: place, placeName: name,
            salaryMinAnnual: job.salary?.annualMin ?? job.salary?.annualMax,
            salaryMaxAnnual: job.salary?.annualMax ?? job.salary?.annualMin,
            currency: job.salary?.currency?.uppercased(),
            unitVector: job.embedding.flatMap(VectorMath.unit), model: job.embeddingModel)
    }
}
