/// How a job title or preferred role is mapped to a canonical role when no alias matches: the lowest cosine
/// between the title's vector and a canonical role's vector (same model) that counts as the same role.
/// Thresholds are per model, since cosines of different models are not comparable.
public struct RoleNormalizationConfig: Sendable, Equatable {
    /// Model id → lowest cosine that counts as the same role.
    public var thresholds: [String: Double]

    /// all-MiniLM-L6-v2: 0.80, calibrated on `Tests/EmbeddingTests/Fixtures/role-title-pairs.tsv` (193 labelled
    /// title pairs, 103 same role / 90 different, incl. hard negatives), comparing `RoleTitle.canonical` of both
    /// titles as the normalizer does. Rule: the highest F1 among thresholds with precision >= 0.90, because a
    /// wrong merge sends candidates to another role's jobs while a missed one only queues a duplicate role.
    /// At 0.80: precision 0.903, recall 0.816, F1 0.857 (0.75: P 0.844 R 0.893; 0.85: P 0.948 R 0.709).
    /// `RoleThresholdCalibrationTests` recomputes it and fails below precision 0.90 or recall 0.78.
    public static let miniLMThreshold = 0.80
    /// gemini-embedding-001 at 768 dimensions: the seed's 0.85, not yet calibrated here (no key in this setup).
    public static let geminiThreshold = 0.85
    /// Used for a model with no calibrated threshold.
    public static let fallbackThreshold = 0.85

    /// The calibrated defaults.
    public static let standard = RoleNormalizationConfig(thresholds: [
        "all-MiniLM-L6-v2": miniLMThreshold, "gemini-embedding-001": geminiThreshold,
    ])

    /// Thresholds per model id.
    public init(thresholds: [String: Double]) { self.thresholds = thresholds }

    /// The threshold for `model`, or the fallback.
    public func threshold(for model: String) -> Double { thresholds[model] ?? Self.fallbackThreshold }
}
