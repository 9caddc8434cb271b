import Core
import Foundation

/// Value formatting for the dashboard: fixed, locale-independent output.
struct Formatting {
    let timeZone: TimeZone

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// "10:35:42" when `date` is on the same day as `now`, else "12-08 10:35".
    func clock(_ date: Date, now: Date) -> String {
        let c = calendar.dateComponents([.month, .day, .hour, .minute, .second], from: date)
        if calendar.isDate(date, inSameDayAs: now) {
            return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        }
        return String(format: "%02d-%02d %02d:%02d", c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "2024-12-09 10:36:00".
    func timestamp(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }

    /// "just now", "2 min ago", "1 hour ago", "3 days ago"; "-" when unknown.
    static func ago(_ date: Date?, now: Date) -> String {
        guard let date else { return "-" }
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 60 { return seconds < -60 ? "in future" : "just now" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min ago" }
        let hours = minutes / 60
        if hours < 24 { return hours == 1 ? "1 hour ago" : "\(hours) hours ago" }
        let days = hours / 24
        return days == 1 ? "1 day ago" : "\(days) days ago"
    }

    /// "5m 42s", "45s", "1h 02m"; "-" when unknown.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "-" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h \(String(format: "%02d", (total % 3600) / 60))m"
    }

    /// "2,340".
    static func count(_ value: Int?) -> String {
        guard let value else { return "-" }
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// "98.5%" from 0…1; "-" when unknown.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "-" }
        return String(format: "%.1f%%", ratio * 100)
    }

    /// Word and symbol for a scrape status, with the role that colours it.
    static func status(_ status: ScrapeStatus, glyphs: Glyphs) -> (text: String, role: ThemeRole) {
        switch status {
        case .completed: return ("\(glyphs.ok) Completed", .ok)
        case .completedLate: return ("\(glyphs.ok) Late", .warn)
        case .noJobs: return ("\(glyphs.empty) No jobs", .warn)
        case .timeout: return ("\(glyphs.timeout) Timeout", .error)
        case .failed: return ("\(glyphs.failed) Failed", .error)
        case .inProgress: return ("\(glyphs.running) Running", .normal)
        }
    }
}
