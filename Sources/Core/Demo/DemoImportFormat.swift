import Foundation

/// One line of CentralD's own import format (JSON Lines), the format scrapers post.
struct DemoImportRecord {
    var platform: String
    var externalId: String
    var url: String
    /// Nil writes no "title" key (a bad record).
    var title: String?
    var company: String
    var location: String
    var description: String
    var salary: String?
    var salaryMin: Int?
    var salaryMax: Int?
    var salaryCurrency: String?
    var salaryInterval: String?
    var experience: String
    var skills: [String]
    var workMode: String?
    var postedAt: Date
    var jobType: String

    /// The JSON object on one line, keys in a fixed order, no trailing newline.
    /// `escapedDescription` is the description already JSON-escaped (without quotes), for speed.
    func line(escapedDescription: String? = nil) -> String {
        var out = "{\"platform\":"
        out.reserveCapacity(description.utf8.count + 600)
        DemoJSON.quote(platform, into: &out)
        out += ",\"external_id\":"; DemoJSON.quote(externalId, into: &out)
        out += ",\"url\":"; DemoJSON.quote(url, into: &out)
        if let title { out += ",\"title\":"; DemoJSON.quote(title, into: &out) }
        out += ",\"company\":"; DemoJSON.quote(company, into: &out)
        out += ",\"location\":"; DemoJSON.quote(location, into: &out)
        if let escapedDescription {
            out += ",\"description\":\"" + escapedDescription + "\""
        } else {
            out += ",\"description\":"; DemoJSON.quote(description, into: &out)
        }
        if let salary { out += ",\"salary\":"; DemoJSON.quote(salary, into: &out) }
        if let salaryMin { out += ",\"salary_min\":\(salaryMin)" }
        if let salaryMax { out += ",\"salary_max\":\(salaryMax)" }
        if let salaryCurrency { out += ",\"salary_currency\":\"\(salaryCurrency)\"" }
        if let salaryInterval { out += ",\"salary_interval\":\"\(salaryInterval)\"" }
        out += ",\"experience\":"; DemoJSON.quote(experience, into: &out)
        out += ",\"skills\":["
        for (i, skill) in skills.enumerated() {
            if i > 0 { out += "," }
            DemoJSON.quote(skill, into: &out)
        }
        out += "]"
        if let workMode { out += ",\"work_mode\":\"\(workMode)\"" }
        out += ",\"posted_at\":\"\(DemoDate.iso(postedAt))\",\"job_type\":\"\(jobType)\"}"
        return out
    }
}

/// Builds own-format records from demo jobs.
enum DemoImportFormat {
    static let platforms = ["indeed", "techfetch", "monster", "linkedin", "glassdoor", "ziprecruiter"]

    /// A record for `job` on `platform`, with pay, experience and work mode in one of several styles.
    static func record(_ job: DemoJob, platform: String, rng: inout DemoRandom) -> DemoImportRecord {
        let id: String
        let url: String
        switch platform {
        case "indeed":
            id = rng.hex(16); url = "https://www.indeed.com/viewjob?jk=\(id)"
        case "techfetch":
            id = "TF-\(rng.int(1_000_000...9_999_999))"; url = "https://www.techfetch.com/job-description/\(id)"
        case "monster":
            id = rng.uuid(); url = "https://www.monster.com/job-openings/\(id)"
        case "linkedin":
            id = String(rng.int(4_100_000_000...4_299_999_999)); url = "https://www.linkedin.com/jobs/view/\(id)"
        case "glassdoor":
            id = String(rng.int(1_000_000_000...1_999_999_999)); url = "https://www.glassdoor.com/job-listing/?jl=\(id)"
        default:
            id = rng.hex(12); url = "https://www.ziprecruiter.com/jobs/\(id)"
        }
        let location: String
        if job.workMode == .remote && rng.chance(0.35) {
            location = rng.pick(["Remote", "Remote - US", "Anywhere"])
        } else if job.city.countryCode == "US" {
            location = job.city.short
        } else {
            location = "\(job.city.name), \(job.city.regionName), \(job.city.country)"
        }
        let html = platform == "techfetch" || platform == "monster" || rng.chance(0.2)
        var record = DemoImportRecord(
            platform: platform, externalId: id, url: url, title: job.title, company: job.company, location: location,
            description: html ? job.description.html() : job.description.plainText(), salary: nil,
            experience: "", skills: job.skills, workMode: nil, postedAt: job.postedAt, jobType: "")
        if let pay = job.pay {
            switch rng.int(0...3) {
            case 0: record.salary = job.payText ?? DemoJobFactory.payText(pay, style: rng.int(0...2))
            case 1: break  // structured only
            default:
                record.salary = DemoJobFactory.payText(pay, style: rng.int(0...2))
            }
            if record.salary == nil || rng.chance(0.5) {
                record.salaryMin = pay.min
                record.salaryMax = pay.max
                record.salaryCurrency = pay.currency
                record.salaryInterval = pay.interval.rawValue
            }
        } else if rng.chance(0.3) {
            record.salary = rng.pick(["Competitive", "DOE", "Market rate"])
        }
        record.experience = switch rng.int(0...3) {
        case 0: "\(job.experienceMin)+ years"
        case 1: job.experienceText
        case 2: "Minimum \(job.experienceMin) years"
        default: "\(job.experienceMin)+ yrs"
        }
        if rng.chance(0.7) {
            record.workMode = job.workMode == .onsite ? "onsite" : job.workMode.rawValue
        }
        record.jobType = switch job.jobType {
        case .fulltime: "full_time"
        case .contract: "contract"
        case .parttime: "part_time"
        }
        return record
    }

    /// The whole file: `count` lines including repeats of Dice postings, exact repeats and three bad records.
    static func render(factory: inout DemoJobFactory, count: Int, dice: [DemoDiceFormat.Posted]) -> String {
        var rng = DemoRandom(seed: factory.rng.next(), stream: 15)
        var lines: [String] = []
        let direct = dice.filter { $0.isDirectHire }
        // The same Dice posting, posted again by a scraper with Dice's own id.
        for post in direct.prefix(4) {
            var r = record(post.job, platform: "dice", rng: &rng)
            r.externalId = post.id
            r.url = post.url
            lines.append(r.line())
        }
        // The same job found on another board: other id, same title, company, city and text.
        for post in direct.dropFirst(4).prefix(3) {
            lines.append(record(post.job, platform: "techfetch", rng: &rng).line())
        }
        while lines.count < count - 3 {
            let platform = platforms[lines.count % platforms.count]
            var r = record(factory.makeJob(region: .anywhere), platform: platform, rng: &rng)
            switch lines.count {
            case 20: r.title = nil
            case 45: r.salary = "$-5"; r.salaryMin = nil; r.salaryMax = nil; r.salaryCurrency = nil; r.salaryInterval = nil
            case 90: r.salary = "call us"; r.salaryMin = nil; r.salaryMax = nil; r.salaryCurrency = nil; r.salaryInterval = nil
            default: break
            }
            lines.append(r.line())
        }
        lines.insert(lines[30], at: 50)  // exact repeats
        lines.insert(lines[60], at: 100)
        lines.append(lines[110])
        return lines.joined(separator: "\n") + "\n"
    }
}
