// TEMPORARY: replaced by the real parsers (helpers' branches). Signatures are the contract.
import Foundation

public enum SalaryParser {
    /// Parses free salary text; nil when the text holds no pay.
    public static func parse(_ text: String, source: SalarySource = .parsed, defaultCurrency: String? = nil) -> Salary? { nil }
}
public enum ExperienceParser {
    /// Years min/max from text such as "5+ years", "3-5 yrs"; nil when none.
    public static func parse(_ text: String) -> ExperienceRange? { nil }
}
public enum PostedDateParser {
    /// ISO dates, epoch seconds/millis, "Today", "3 days ago", "30+ days ago" against `now`.
    public static func parse(_ text: String, now: Date) -> Date? { nil }
}
public enum LocationParser {
    public static func parse(_ text: String) -> Location { Location() }
}
public struct WorkModeDecision: Sendable, Equatable {
    public var mode: WorkMode
    public var evidence: String?
    public init(mode: WorkMode, evidence: String?) { self.mode = mode; self.evidence = evidence }
}
public enum WorkModeDetector {
    /// texts: (field name, value) in priority order; flags: platform booleans (name, value).
    public static func detect(texts: [(field: String, value: String)], flags: [(field: String, value: Bool)]) -> WorkModeDecision {
        WorkModeDecision(mode: .unknown, evidence: nil)
    }
}
public enum TextCleaner {
    public static func plainText(fromHTML html: String) -> String { html }
    public static func plainText(fromMarkdown md: String) -> String { md }
    /// Detects HTML/Markdown and returns clean text.
    public static func clean(_ text: String) -> String { text }
}
public final class SkillExtractor: Sendable {
    public static let shared = SkillExtractor()
    /// Canonical skill names found in free text.
    public func extract(from text: String) -> [String] { [] }
    /// Canonical names for a list of skill phrases; unknown phrases kept as given (trimmed).
    public func canonicalize(_ phrases: [String]) -> [String] { phrases }
}
