/// The part of a job title that names the role: what role normalization compares and what a new canonical
/// role is called. Level words ("Senior", "Jr.", "Lead", "II") and anything after " - ", " | ", "(" or ","
/// are dropped: "Senior Kotlin Developer - Payments (Remote)" → "Kotlin Developer".
public enum RoleTitle {
    static let levelWords: Set<String> = [
        "senior", "sr", "sr.", "junior", "jr", "jr.", "lead", "principal", "staff", "i", "ii", "iii", "iv",
        "entry-level", "entry", "mid-level", "associate",
    ]

    /// Whitespace collapsed and trimmed.
    public static func clean(_ title: String) -> String {
        title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The role part of `title` (the cleaned title when dropping level words would leave nothing).
    public static func canonical(_ title: String) -> String {
        var base = clean(title)
        for sep in [" - ", " | ", " – ", " — ", "(", ","] {
            if let r = base.range(of: sep) { base = String(base[..<r.lowerBound]) }
        }
        let words = clean(base).split(separator: " ").filter { !levelWords.contains($0.lowercased()) }
        return words.isEmpty ? clean(base) : words.joined(separator: " ")
    }
}
