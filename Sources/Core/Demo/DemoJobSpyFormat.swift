import Foundation

/// JobSpy's JSON output (`scraped_jobs.json`): a pretty array, Python `\u` escapes, bare `NaN` for missing.
enum DemoJobSpyFormat {
    private static let nan = DemoJSON.Value.raw("NaN")

    /// One record; `site` is "indeed", "linkedin" or "google".
    static func record(_ job: DemoJob, site: String, rng: inout DemoRandom) -> [(String, DemoJSON.Value)] {
        let id: String
        let url: String
        var direct = nan
        let companySlug = job.company.replacingOccurrences(of: "&", with: "and").replacingOccurrences(of: ".", with: "")
            .split(separator: " ").joined(separator: "-")
        switch site {
        case "indeed":
            let jk = rng.hex(16)
            id = "in-\(jk)"
            url = "https://www.indeed.com/viewjob?jk=\(jk)"
            if rng.chance(0.6) {
                direct = .string("https://jobs.example.com/\(companySlug.lowercased())/\(rng.int(100_000...999_999))?source=indeed")
            }
        case "linkedin":
            let n = rng.int(4_100_000_000...4_299_999_999)
            id = "li-\(n)"
            url = "https://www.linkedin.com/jobs/view/\(n)"
        default:
            let token = String((0..<22).map { _ in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")[rng.int(0...63)] })
            id = "go-\(token)=="
            url = "https://careers.example.com/\(companySlug.lowercased())/job/\(rng.hex(10))?utm_campaign=google_jobs_apply&utm_source=google_jobs_apply&utm_medium=organic"
        }

        let location: String
        if site == "linkedin" && job.workMode == .remote && rng.chance(0.4) {
            location = ""
        } else if job.city.countryCode == "US" {
            location = site == "indeed" ? "\(job.city.name), \(job.city.regionCode), US" : job.city.short
        } else {
            location = "\(job.city.name), \(job.city.regionName), \(job.city.country)"
        }

        var interval = nan, minAmount = nan, maxAmount = nan, currency = nan, source = nan
        if let pay = job.pay, site == "indeed" || job.payText != nil {
            interval = .string(pay.interval == .hour ? "hourly" : "yearly")
            minAmount = DemoJSON.amount(pay.min)
            maxAmount = DemoJSON.amount(pay.max)
            currency = .string(pay.currency)
            source = .string(site == "indeed" && rng.chance(0.7) ? "direct_data" : "description")
        }
        let jobType: DemoJSON.Value
        switch (job.jobType, rng.int(0...4)) {
        case (_, 0): jobType = nan
        case (.parttime, _): jobType = .string("parttime, fulltime")
        default: jobType = .string(job.jobType.rawValue)
        }
        let description = site == "indeed" ? job.description.indeedMarkdown()
            : "Job Description\n\n" + job.description.plainText()
        let level: DemoJSON.Value = site == "linkedin"
            ? .string(["entry level", "mid-senior level", "mid-senior level", "director"][job.seniority.rawValue]) : nan
        let industry: DemoJSON.Value = site == "google" ? nan
            : .string(rng.pick(["Software Development", "IT Services and IT Consulting", "Financial Services",
                                "Hospitals and Health Care", "Retail"]))
        let companyURL: DemoJSON.Value = switch site {
        case "indeed": .string("https://www.indeed.com/cmp/\(companySlug)")
        case "linkedin": .string("https://www.linkedin.com/company/\(companySlug.lowercased())")
        default: nan
        }
        return [
            ("id", .string(id)), ("site", .string(site)), ("job_url", .string(url)), ("job_url_direct", direct),
            ("title", .string(job.title)), ("company", .string(job.company)), ("location", .string(location)),
            ("date_posted", .string(DemoDate.day(job.postedAt))), ("job_type", jobType), ("salary_source", source),
            ("interval", interval), ("min_amount", minAmount), ("max_amount", maxAmount), ("currency", currency),
            ("is_remote", .bool(job.workMode == .remote)), ("job_level", level), ("job_function", nan),
            ("listing_type", .null), ("emails", nan), ("description", .string(description)),
            ("company_industry", industry), ("company_url", companyURL), ("company_logo", nan),
            ("company_url_direct", nan), ("company_addresses", nan), ("company_num_employees", nan),
            ("company_revenue", nan), ("company_description", nan), ("skills", .null), ("experience_range", .null),
            ("company_rating", .null), ("company_reviews_count", .null), ("vacancy_count", .null),
            ("work_from_home_type", .null),
        ]
    }

    /// The whole file: `count` records including two exact repeats and three bad ones.
    static func render(factory: inout DemoJobFactory, count: Int) -> String {
        var rng = DemoRandom(seed: factory.rng.next(), stream: 11)
        var records: [DemoJSON.Value] = []
        let sites = ["indeed", "indeed", "linkedin", "google"]
        while records.count < count - 2 {
            let site = sites[records.count % sites.count]
            let job = factory.makeJob(region: site == "linkedin" && rng.chance(0.2) ? .europe : .us)
            var fields = record(job, site: site, rng: &rng)
            switch records.count {
            case 7: fields[4].1 = nan  // no title
            case 23: fields[4].1 = .string("")  // empty title
            case 41:  // negative pay
                fields[10].1 = .string("yearly"); fields[11].1 = .raw("-5.0"); fields[12].1 = .raw("-5.0")
                fields[13].1 = .string("USD")
            default: break
            }
            records.append(.object(fields))
        }
        records.insert(records[12], at: 60)  // exact repeats
        records.append(records[30])
        return DemoJSON.render(.array(records), indent: 4, asciiOnly: true)
    }
}
