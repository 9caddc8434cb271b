// TEMPORARY: replaced by the real parsers (helpers' branches). Signatures are the contract.
import Foundation

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
public enum KeywordExtractor {
    /// Search keywords (lower-case, de-duplicated) from a title and description.
    public static func keywords(title: String, description: String, skills: [String]) -> [String] { [] }
}
