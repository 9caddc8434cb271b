import Foundation

public enum PostedDateParser {
    /// ISO dates, epoch seconds/millis, "Today", "3 days ago", "30+ days ago" against `now`.
    public static func parse(_ text: String, now: Date) -> Date? { nil }
}
