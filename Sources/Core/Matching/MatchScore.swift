import Foundation

/// The five components of a match score.
public enum MatchComponent: String, Sendable, Codable, CaseIterable {
    case skills, experience, location, salary, semantic
}

/// What the scorer did with one component.
public enum ComponentStatus: String, Sendable, Codable {
    /// Both sides had data; the score counts.
    case scored
    /// The job asks for something the candidate does not state: scored 0 and counted.
    case missingOnCandidate = "missing_on_candidate"
    /// Not enough data to judge (or not comparable): left out, the weights renormalize.
    case leftOut = "left_out"
}

/// One component in the explanation.
public struct ComponentExplanation: Sendable, Equatable, Codable {
    /// Which component.
    public var component: MatchComponent
    /// 0–100, one decimal; nil when left out.
    public var score: Double?
    /// Scored, missing on the candidate (0), or left out.
    public var status: ComponentStatus
    /// Configured weight.
    public var weight: Double
    /// Share of the final score after renormalization (0 when left out); the applied weights sum to 1.
    public var appliedWeight: Double
    /// Human-readable evidence, e.g. "5 years ≥ 4 required".
    public var evidence: [String]

    enum CodingKeys: String, CodingKey {
        case component, score, status, weight, evidence
        case appliedWeight = "applied_weight"
    }
}

/// Why a pair scored what it did: evidence per component, what was missing, weights used, version.
public struct MatchExplanation: Sendable, Equatable, Codable {
    /// The five components in order: skills, experience, location, salary, semantic.
    public var components: [ComponentExplanation]
    /// Data that was missing on either side, in words ("candidate lists no skills").
    public var missing: [String]
    /// Applied (renormalized) weight per component name; left-out components are absent.
    public var weightsUsed: [String: Double]
    /// `ScoringConfig.scoringVersion` at scoring time.
    public var scoringVersion: String
    /// One line, e.g. "80.98 (A): skills 66.7, experience 100, location 90, salary 80, semantic 78".
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case components, missing, summary
        case weightsUsed = "weights_used"
        case scoringVersion = "scoring_version"
    }
}

/// The score of one candidate–job pair.
public struct MatchScore: Sendable, Equatable, Codable {
    /// Component scores 0–100 rounded to one decimal; nil = left out.
    public var skills: Double?
    /// Experience component.
    public var experience: Double?
    /// Location component.
    public var location: Double?
    /// Salary component.
    public var salary: Double?
    /// Semantic component.
    public var semantic: Double?
    /// Weighted mean of the present components, rounded to two decimals.
    public var matchScore: Double
    /// "A"…"D"; nil below the threshold.
    public var grade: String?
    /// Job skills the candidate has (display names, job order).
    public var matchedSkills: [String]
    /// Job skills the candidate lacks (display names, job order).
    public var missingSkills: [String]
    /// Evidence per component, missing data, weights used, scoring version.
    public var explanation: MatchExplanation

    /// True when the pair reaches the threshold.
    public var isMatch: Bool { grade != nil }

    enum CodingKeys: String, CodingKey {
        case skills, experience, location, salary, semantic, grade, explanation
        case matchScore = "match_score"
        case matchedSkills = "matched_skills"
        case missingSkills = "missing_skills"
    }
}
