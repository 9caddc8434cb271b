import Foundation

/// The scraper or site a file came from, detected from its field names.
public enum SourceFormat: String, Sendable, CaseIterable {
    /// CentralD's own import format (what scrapers post): JSON/JSONL with `external_id`, `platform`.
    case centrald
    /// JobSpy output (Indeed, LinkedIn, Google, Glassdoor rows), JSON or CSV.
    case jobspy
    /// Dice job-search API response items.
    case diceAPI = "dice-api"
    /// Dice CSV sample (designation, skills, experience).
    case diceCSV = "dice-csv"
    /// Indeed scrape (JobTitle, JobUrl, PostDate, ExtractDate).
    case indeed
    /// Glassdoor scrape CSV (Job Title, Salary Estimate, Company Name with rating).
    case glassdoor
    /// Naukri.com CSV (Job Role, Key Skills, INR salaries).
    case naukri
    /// Adzuna job-salary data (Title, FullDescription, SalaryRaw, SalaryNormalized).
    case adzuna
    /// schema.org JobPosting JSON-LD.
    case schemaOrg = "schema.org"
    /// Anything else with a recognisable title field.
    case generic

    /// The platform recorded for postings when the record does not name one.
    public var defaultPlatform: String {
        switch self {
        case .centrald, .generic: return "import"
        case .jobspy: return "jobspy"
        case .diceAPI, .diceCSV: return "dice"
        case .indeed: return "indeed"
        case .glassdoor: return "glassdoor"
        case .naukri: return "naukri"
        case .adzuna: return "adzuna"
        case .schemaOrg: return "schema.org"
        }
    }

    /// Detects the source from one record's keys.
    public static func detect(keys: Set<String>) -> SourceFormat? {
        let lower = Set(keys.map { $0.lowercased() })
        func has(_ k: String...) -> Bool { k.allSatisfy { lower.contains($0.lowercased()) } }
        if has("@type") || has("jsonld") || has("@graph") { return .schemaOrg }
        if has("site", "job_url") { return .jobspy }
        if has("detailsPageUrl") || has("workFromHomeAvailability") || has("companyName", "jobLocation") { return .diceAPI }
        if has("JobTitle", "JobUrl") { return .indeed }
        if has("Job Title", "Salary Estimate") { return .glassdoor }
        if has("Designation", "Required Skills") { return .diceCSV }
        if has("Job Role", "Key Skills") || has("Salary per annual") { return .naukri }
        if has("FullDescription") || has("SalaryNormalized") { return .adzuna }
        if has("external_id", "title") || has("platform", "title") { return .centrald }
        if has("title") || has("job_title") || has("position") || has("Job Title") { return .generic }
        return nil
    }
}
