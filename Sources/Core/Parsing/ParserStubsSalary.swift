// TEMPORARY: replaced by the real parsers (helpers' branches). Signatures are the contract.
import Foundation

public enum SalaryParser {
    /// Parses free salary text; nil when the text holds no pay.
    public static func parse(_ text: String, source: SalarySource = .parsed, defaultCurrency: String? = nil) -> Salary? { nil }
    /// The first pay statement in a job description (source .parsed); nil when none.
    public static func extract(fromDescription text: String, defaultCurrency: String? = nil) -> Salary? { nil }
}
public enum ExperienceParser {
    /// Years min/max from text such as "5+ years", "3-5 yrs"; nil when none.
    public static func parse(_ text: String) -> ExperienceRange? { nil }
}
public enum PostedDateParser {
    /// ISO dates, epoch seconds/millis, "Today", "3 days ago", "30+ days ago" against `now`.
    public static func parse(_ text: String, now: Date) -> Date? { nil }
}
