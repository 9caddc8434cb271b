import Foundation

extension MatchExplanation {
    /// The explanation as JSON with the keys of its `Codable` form (left-out scores as `null`), written by hand:
    /// `JSONEncoder` took most of a match run's time once scoring was fast.
    public var jsonText: String {
        var out = ""
        out.reserveCapacity(1200)
        json.write(into: &out)
        return out
    }

    var json: JSONValue {
        .object([
            ("components", .array(components.map { c in
                .object([
                    ("component", .string(c.component.rawValue)),
                    ("score", c.score.map(JSONValue.number) ?? .null),
                    ("status", .string(c.status.rawValue)),
                    ("weight", .number(c.weight)),
                    ("applied_weight", .number(c.appliedWeight)),
                    ("evidence", .array(c.evidence.map(JSONValue.string))),
                ])
            })),
            ("missing", .array(missing.map(JSONValue.string))),
            ("weights_used", .object(weightsUsed.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
            ("scoring_version", .string(scoringVersion)),
            ("summary", .string(summary)),
        ])
    }
}
