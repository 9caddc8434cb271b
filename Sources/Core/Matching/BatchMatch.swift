import Foundation

/// One scored pair from `BatchMatcher`: indexes into its inputs and the numbers of `MatchScore`, no text.
public struct BatchMatch: Sendable, Equatable {
    /// Index into the matcher's candidates.
    public var candidate: Int32
    /// Index into the matcher's jobs.
    public var job: Int32
    /// Weighted score, rounded to two decimals (same value as `MatchScore.matchScore`).
    public var matchScore: Double
    // Components; NaN = left out (exposed as optionals below).
    var skillsValue: Double
    var experienceValue: Double
    var locationValue: Double
    var salaryValue: Double
    var semanticValue: Double

    /// Skills component; nil when left out.
    public var skills: Double? { skillsValue.isNaN ? nil : skillsValue }
    /// Experience component; nil when left out.
    public var experience: Double? { experienceValue.isNaN ? nil : experienceValue }
    /// Location component; nil when left out.
    public var location: Double? { locationValue.isNaN ? nil : locationValue }
    /// Salary component; nil when left out.
    public var salary: Double? { salaryValue.isNaN ? nil : salaryValue }
    /// Semantic component; nil when left out.
    public var semantic: Double? { semanticValue.isNaN ? nil : semanticValue }

    /// Equal indexes and equal numbers, a left-out component equal only to a left-out one.
    public static func == (a: BatchMatch, b: BatchMatch) -> Bool {
        a.candidate == b.candidate && a.job == b.job && a.matchScore == b.matchScore && a.skills == b.skills
            && a.experience == b.experience && a.location == b.location && a.salary == b.salary
            && a.semantic == b.semantic
    }
}
