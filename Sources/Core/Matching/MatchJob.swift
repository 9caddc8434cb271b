import Foundation

/// A job as the scorer sees it: skills (required and preferred when the posting says), years, place, mode, pay.
///
/// Decodes the importers' snake_case JSON: `id`, `title`, `skills`, `required_skills`, `preferred_skills`,
/// `experience_min`/`experience_max` or `experience` text, `location` text, `work_mode` (or `is_remote`),
/// `salary_min`/`salary_max`/`salary_currency`/`salary_interval` or `salary` text, `embedding`, `embedding_model`.
public struct MatchJob: Sendable, Equatable, Decodable {
    /// Job id as given.
    public var id: String
    /// Title, for display only.
    public var title: String?
    /// Skills as written, when the posting does not split required and preferred.
    public var skills: [String]
    /// Must-have skills, when the posting says which.
    public var requiredSkills: [String]
    /// Nice-to-have skills, when the posting says which.
    public var preferredSkills: [String]
    /// Years asked for; nil when not stated.
    public var experience: ExperienceRange?
    /// Parsed place.
    public var location: Location
    /// Location as written, for evidence.
    public var locationText: String?
    /// Remote / hybrid / onsite / unknown.
    public var workMode: WorkMode
    /// Pay range; nil when not stated.
    public var salary: Salary?
    /// Embedding of the posting; nil when none.
    public var embedding: [Float]?
    /// Model that produced `embedding`.
    public var embeddingModel: String?

    /// Builds a job. A `location` that says remote makes an `.unknown` work mode `.remote`.
    public init(id: String, title: String? = nil, skills: [String] = [], requiredSkills: [String] = [],
                preferredSkills: [String] = [], experience: ExperienceRange? = nil, location: Location = Location(),
                locationText: String? = nil, workMode: WorkMode = .unknown, salary: Salary? = nil,
                embedding: [Float]? = nil, embeddingModel: String? = nil) {
        self.id = id
        self.title = title
        self.skills = skills
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.experience = experience
        self.location = location
        self.locationText = locationText
        self.workMode = workMode == .unknown && location.remote ? .remote : workMode
        self.salary = salary
        self.embedding = embedding
        self.embeddingModel = embeddingModel
    }

    /// A job from a stored posting.
    public init(id: String, posting: JobPosting, embedding: [Float]? = nil, embeddingModel: String? = nil) {
        self.init(id: id, title: posting.title, skills: posting.skills, experience: posting.experience,
                  location: posting.location, locationText: posting.locationRaw, workMode: posting.workMode,
                  salary: posting.salary, embedding: embedding, embeddingModel: embeddingModel)
    }

    /// Decodes the importers' snake_case JSON (see the type's documentation).
    public init(from decoder: any Decoder) throws {
        typealias D = MatchInputDecoding
        let c = try decoder.container(keyedBy: D.Key.self)
        var experience: ExperienceRange?
        let minYears = D.number(c, "experience_min"), maxYears = D.number(c, "experience_max")
        if minYears != nil || maxYears != nil {
            experience = ExperienceRange(yearsMin: minYears, yearsMax: maxYears)
        } else if let text = D.string(c, "experience") ?? D.string(c, "experience_range") {
            experience = ExperienceParser.parse(text)
        }
        let locationText = D.string(c, "location")
        var location = locationText.map(LocationParser.parse) ?? Location()
        if D.bool(c, "is_remote") == true { location.remote = true }
        var mode = WorkMode.unknown
        if let text = D.string(c, "work_mode")?.lowercased() {
            if text.contains("hybrid") {
                mode = .hybrid
            } else if text.contains("remote") {
                mode = .remote
            } else if text.contains("site") || text.contains("office") {
                mode = .onsite
            }
        }
        let currency = D.string(c, "salary_currency") ?? D.string(c, "currency")
        var salary: Salary?
        let low = D.number(c, "salary_min") ?? D.number(c, "min_amount")
        let high = D.number(c, "salary_max") ?? D.number(c, "max_amount")
        if low != nil || high != nil {
            let interval = D.interval(D.string(c, "salary_interval") ?? D.string(c, "interval")) ?? .year
            salary = Salary(currency: currency?.uppercased(), interval: interval, min: low ?? high, max: high ?? low,
                            source: .posted)
        } else if let text = D.string(c, "salary") {
            salary = SalaryParser.parse(text, defaultCurrency: currency)
        }
        self.init(
            id: D.string(c, "id") ?? D.string(c, "job_id") ?? "", title: D.string(c, "title"),
            skills: D.strings(c, "skills") ?? [], requiredSkills: D.strings(c, "required_skills") ?? [],
            preferredSkills: D.strings(c, "preferred_skills") ?? [], experience: experience, location: location,
            locationText: locationText, workMode: mode, salary: salary,
            embedding: D.vector(c, "embedding"), embeddingModel: D.string(c, "embedding_model"))
    }
}
