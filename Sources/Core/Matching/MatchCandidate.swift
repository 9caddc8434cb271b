import Foundation

/// Where a candidate wants to work.
public enum RemotePreference: String, Codable, Sendable, CaseIterable {
    case remote, hybrid, onsite, any

    /// Lenient reading: "remote only", "on-site", "office", "flexible", "open" …; nil when unknown.
    public init?(text: String) {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        if t.contains("hybrid") {
            self = .hybrid
        } else if t.contains("remote") || t.contains("wfh") || t.contains("home") {
            self = .remote
        } else if t.contains("site") || t.contains("office") || t.contains("onsite") {
            self = .onsite
        } else if ["any", "flexible", "open", "either", "no preference", "all"].contains(t) {
            self = .any
        } else {
            return nil
        }
    }
}

/// A candidate as the scorer sees it: skills, years, pay expectation, places and an optional embedding.
///
/// Decodes the importers' snake_case JSON: `id`, `skills`, `total_experience_years`, `expected_salary`
/// (number or text such as "$60/hr"), `salary_currency`, `salary_interval`, `location` (current place),
/// `preferred_locations` (list or comma-separated text), `remote_preference`, `embedding`, `embedding_model`.
public struct MatchCandidate: Sendable, Equatable, Decodable {
    /// Candidate id as given.
    public var id: String
    /// Skills as written; canonicalized by the scorer.
    public var skills: [String]
    /// Total years of experience; nil when not stated.
    public var totalExperienceYears: Double?
    /// Expected pay in `salaryInterval` units; nil when not stated.
    public var expectedSalary: Double?
    /// ISO 4217 code of `expectedSalary`; nil when not stated.
    public var salaryCurrency: String?
    /// Unit of `expectedSalary`.
    public var salaryInterval: PayInterval
    /// Places as written: the current location first, then the preferred ones.
    public var preferredLocations: [String]
    /// `preferredLocations` parsed by `LocationParser`; places that parse to nothing are dropped.
    public var locations: [Location]
    /// Remote preference; nil when not stated.
    public var remotePreference: RemotePreference?
    /// Embedding of the profile; nil when none.
    public var embedding: [Float]?
    /// Model that produced `embedding`.
    public var embeddingModel: String?

    /// Builds a candidate; `preferredLocations` are parsed here.
    public init(id: String, skills: [String] = [], totalExperienceYears: Double? = nil, expectedSalary: Double? = nil,
                salaryCurrency: String? = nil, salaryInterval: PayInterval = .year, preferredLocations: [String] = [],
                remotePreference: RemotePreference? = nil, embedding: [Float]? = nil, embeddingModel: String? = nil) {
        self.id = id
        self.skills = skills
        self.totalExperienceYears = totalExperienceYears
        self.expectedSalary = expectedSalary
        self.salaryCurrency = salaryCurrency?.uppercased()
        self.salaryInterval = salaryInterval
        self.preferredLocations = preferredLocations
        self.locations = preferredLocations.map(LocationParser.parse).filter {
            $0.city != nil || $0.region != nil || $0.country != nil || $0.remote
        }
        self.remotePreference = remotePreference
        self.embedding = embedding
        self.embeddingModel = embeddingModel
    }

    /// Decodes the importers' snake_case JSON (see the type's documentation).
    public init(from decoder: any Decoder) throws {
        typealias D = MatchInputDecoding
        let c = try decoder.container(keyedBy: D.Key.self)
        var currency = D.string(c, "salary_currency") ?? D.string(c, "currency")
        var interval = D.interval(D.string(c, "salary_interval") ?? D.string(c, "salary_period"))
        var expected: Double?
        if let text = D.string(c, "expected_salary") {
            if let value = Double(text.replacingOccurrences(of: ",", with: "")) {
                expected = value
            } else if let parsed = SalaryParser.parse(text, defaultCurrency: currency) {
                expected = parsed.min ?? parsed.max
                currency = currency ?? parsed.currency
                interval = interval ?? parsed.interval
            }
        }
        var places: [String] = []
        if let current = D.string(c, "location") ?? D.string(c, "current_location") { places.append(current) }
        for place in D.strings(c, "preferred_locations") ?? [] where !places.contains(place) { places.append(place) }
        var preference = D.string(c, "remote_preference").flatMap(RemotePreference.init(text:))
        if preference == nil, D.bool(c, "open_to_remote") == true { preference = .any }
        self.init(
            id: D.string(c, "id") ?? D.string(c, "candidate_id") ?? "",
            skills: D.strings(c, "skills") ?? [],
            totalExperienceYears: D.number(c, "total_experience_years") ?? D.number(c, "experience_years"),
            expectedSalary: expected, salaryCurrency: currency, salaryInterval: interval ?? .year,
            preferredLocations: places, remotePreference: preference,
            embedding: D.vector(c, "embedding"), embeddingModel: D.string(c, "embedding_model"))
    }
}
