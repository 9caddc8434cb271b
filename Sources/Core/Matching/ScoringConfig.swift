import Foundation

/// Weights, threshold, grades and rule constants of the match score (DESIGN §7).
public struct ScoringConfig: Sendable, Equatable, Codable {
    /// Relative weights of the five components; only their ratios matter.
    public struct Weights: Sendable, Equatable, Codable {
        /// Skills weight (default 40).
        public var skills: Double
        /// Experience weight (default 25).
        public var experience: Double
        /// Location weight (default 15).
        public var location: Double
        /// Salary weight (default 10).
        public var salary: Double
        /// Semantic weight (default 10).
        public var semantic: Double

        /// The seed's 40 / 25 / 15 / 10 / 10.
        public init(skills: Double = 40, experience: Double = 25, location: Double = 15, salary: Double = 10,
                    semantic: Double = 10) {
            self.skills = skills
            self.experience = experience
            self.location = location
            self.salary = salary
            self.semantic = semantic
        }
    }

    /// A grade and the lowest score that earns it.
    public struct Grade: Sendable, Equatable, Codable {
        /// "A", "B", …
        public var name: String
        /// Lowest (rounded) score that earns the grade.
        public var minimum: Double

        /// A grade.
        public init(name: String, minimum: Double) {
            self.name = name
            self.minimum = minimum
        }
    }

    /// Component weights.
    public var weights: Weights
    /// Pairs scoring below this get no grade and are not kept by the batch engine.
    public var threshold: Double
    /// Grades, best first.
    public var grades: [Grade]
    /// Weight of one required skill relative to one preferred skill (preferred = 1).
    public var requiredSkillWeight: Double
    /// Years above the job's maximum that still score 100.
    public var overMaximumToleranceYears: Double
    /// Points lost per year above maximum + tolerance (floor `overqualifiedFloor`).
    public var overqualifiedPenaltyPerYear: Double
    /// Lowest experience score for an over-qualified candidate.
    public var overqualifiedFloor: Double
    /// Points lost per percent that the expectation exceeds the job's maximum pay.
    public var salaryPenaltyPerPercentOver: Double
    /// Written into every explanation; bump when a rule changes.
    public var scoringVersion: String

    /// The defaults of DESIGN §7.
    public init(weights: Weights = Weights(), threshold: Double = 50,
                grades: [Grade] = [Grade(name: "A", minimum: 80), Grade(name: "B", minimum: 70),
                                   Grade(name: "C", minimum: 60), Grade(name: "D", minimum: 50)],
                requiredSkillWeight: Double = 2, overMaximumToleranceYears: Double = 2,
                overqualifiedPenaltyPerYear: Double = 10, overqualifiedFloor: Double = 50,
                salaryPenaltyPerPercentOver: Double = 2, scoringVersion: String = "match-v1") {
        self.weights = weights
        self.threshold = threshold
        self.grades = grades
        self.requiredSkillWeight = requiredSkillWeight
        self.overMaximumToleranceYears = overMaximumToleranceYears
        self.overqualifiedPenaltyPerYear = overqualifiedPenaltyPerYear
        self.overqualifiedFloor = overqualifiedFloor
        self.salaryPenaltyPerPercentOver = salaryPenaltyPerPercentOver
        self.scoringVersion = scoringVersion
    }

    /// The default configuration.
    public static let standard = ScoringConfig()

    /// The grade for a (rounded) match score; nil below `threshold` or below every grade.
    public func grade(for score: Double) -> String? {
        guard score >= threshold else { return nil }
        return grades.first { score >= $0.minimum }?.name
    }
}
