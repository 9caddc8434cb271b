/// The unit a pay figure is stated in.
public enum PayInterval: String, Codable, Sendable, CaseIterable {
    case hour = "HOUR", day = "DAY", week = "WEEK", month = "MONTH", year = "YEAR"

    /// Units per year used to annualize (documented constants: 2,080 h, 260 d, 52 w, 12 m).
    public var perYear: Double {
        switch self {
        case .hour: return 2080
        case .day: return 260
        case .week: return 52
        case .month: return 12
        case .year: return 1
        }
    }
}

/// Where a salary figure came from.
public enum SalarySource: String, Codable, Sendable {
    /// Stated by the employer in a structured field.
    case posted
    /// An estimate by the platform (e.g. "Glassdoor est.").
    case estimated
    /// Found in free text (description or a salary text field without structure).
    case parsed
}

/// A normalized pay range.
public struct Salary: Codable, Sendable, Equatable {
    /// ISO 4217 code, e.g. "USD"; nil when the text gives none and no default applies.
    public var currency: String?
    /// The stated (or guessed, see `unstated`) interval.
    public var interval: PayInterval
    /// Amounts as stated, in `interval` units.
    public var min: Double?
    public var max: Double?
    /// Annualized amounts (`interval.perYear` times the stated figure).
    public var annualMin: Double?
    public var annualMax: Double?
    public var source: SalarySource
    /// True when the text gives no unit and `interval` is a guess; `note` says why.
    public var unstated: Bool
    /// Anything the parser decided that a person should know (guess reason, min/max swapped).
    public var note: String?

    public init(currency: String?, interval: PayInterval, min: Double?, max: Double?,
                source: SalarySource, unstated: Bool = false, note: String? = nil) {
        self.currency = currency
        self.interval = interval
        var lo = min, hi = max
        var note = note
        if let a = lo, let b = hi, a > b {
            (lo, hi) = (b, a)
            note = [note, "min > max swapped"].compactMap { $0 }.joined(separator: "; ")
        }
        self.min = lo
        self.max = hi
        // To the cent: 11.22 × 2,080 is 23,337.6, not 23,337.600000000002.
        self.annualMin = lo.map { ($0 * interval.perYear * 100).rounded() / 100 }
        self.annualMax = hi.map { ($0 * interval.perYear * 100).rounded() / 100 }
        self.source = source
        self.unstated = unstated
        self.note = note
    }
}
