import Foundation

/// remote / hybrid / onsite / unknown.
public enum WorkMode: String, Codable, Sendable, CaseIterable {
    case remote, hybrid, onsite, unknown
}

/// A place, split into parts; `remote` is true when the text itself says remote/anywhere.
public struct Location: Codable, Sendable, Equatable {
    public var city: String?
    public var region: String?
    public var country: String?
    public var remote: Bool

    public init(city: String? = nil, region: String? = nil, country: String? = nil, remote: Bool = false) {
        self.city = city
        self.region = region
        self.country = country
        self.remote = remote
    }
}

/// Years of experience asked for.
public struct ExperienceRange: Codable, Sendable, Equatable {
    public var yearsMin: Double?
    public var yearsMax: Double?

    public init(yearsMin: Double?, yearsMax: Double?) {
        self.yearsMin = yearsMin
        self.yearsMax = yearsMax
    }
}

/// A job posting after mapping and normalization, ready to store.
public struct JobPosting: Sendable, Equatable {
    public var platform: String
    public var externalJobId: String?
    public var url: String?
    public var title: String
    public var company: String?
    public var locationRaw: String?
    public var location: Location
    public var workMode: WorkMode
    public var workModeEvidence: String?
    public var description: String
    public var requirements: String?
    public var skills: [String]
    public var salaryRaw: String?
    public var salary: Salary?
    public var experienceRaw: String?
    public var experience: ExperienceRange?
    public var jobType: String?
    public var keywords: [String]
    public var postedAt: Date?
    /// Hash of normalized company, title, location and description: identical content = duplicate.
    public var contentHash: String
    /// Hash of what the poster can edit besides the content: pay, experience, skills, work mode, job type and
    /// requirements. The same platform and external id with another content or revision hash is an update.
    public var revisionHash: String = ""
    /// Normalized company + title + place: postings of one job on several platforms share it.
    public var fingerprint: String = ""
    /// 64-bit SimHash of the description's word shingles: near-identical texts differ in few bits.
    public var descriptionSimHash: Int64 = 0

    public init(platform: String, externalJobId: String? = nil, url: String? = nil, title: String,
                company: String? = nil, locationRaw: String? = nil, location: Location = Location(),
                workMode: WorkMode = .unknown, workModeEvidence: String? = nil, description: String = "",
                requirements: String? = nil, skills: [String] = [], salaryRaw: String? = nil,
                salary: Salary? = nil, experienceRaw: String? = nil, experience: ExperienceRange? = nil,
                jobType: String? = nil, keywords: [String] = [], postedAt: Date? = nil, contentHash: String = "") {
        self.platform = platform
        self.externalJobId = externalJobId
        self.url = url
        self.title = title
        self.company = company
        self.locationRaw = locationRaw
        self.location = location
        self.workMode = workMode
        self.workModeEvidence = workModeEvidence
        self.description = description
        self.requirements = requirements
        self.skills = skills
        self.salaryRaw = salaryRaw
        self.salary = salary
        self.experienceRaw = experienceRaw
        self.experience = experience
        self.jobType = jobType
        self.keywords = keywords
        self.postedAt = postedAt
        self.contentHash = contentHash
    }
}
