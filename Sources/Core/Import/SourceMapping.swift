import Foundation

/// Field mapping per source: a decoded record → `RawPosting`.
enum SourceMapping {
    static func map(_ record: JSONObject, format: SourceFormat) -> RawPosting {
        switch format {
        case .centrald, .generic: return centrald(FieldReader(record: record))
        case .jobspy: return jobspy(FieldReader(record: record))
        case .diceAPI: return diceAPI(FieldReader(record: record))
        case .diceCSV: return diceCSV(FieldReader(record: record))
        case .indeed: return indeed(FieldReader(record: record))
        case .glassdoor:
            var r = FieldReader(record: record)
            r.missingMarkers.insert("-1")
            return glassdoor(r)
        case .naukri: return naukri(FieldReader(record: record))
        case .adzuna: return adzuna(FieldReader(record: record))
        case .schemaOrg: return schemaOrg(record)
        }
    }

    static func first(_ r: FieldReader, _ keys: String...) -> String? {
        for k in keys { if let v = r.string(k) { return v } }
        return nil
    }

    static func centrald(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.platform = first(r, "platform", "site", "source")
        p.externalId = first(r, "external_id", "external_job_id", "id", "job_id")
        p.url = first(r, "url", "job_url", "link")
        p.title = first(r, "title", "job_title", "position", "Job Title")
        p.company = first(r, "company", "company_name", "employer")
        p.location = first(r, "location", "job_location")
        p.description = first(r, "description", "job_description", "summary")
        p.requirements = first(r, "requirements")
        p.salaryText = first(r, "salary", "salary_text", "pay")
        p.salaryMin = r.double("salary_min")
        p.salaryMax = r.double("salary_max")
        p.salaryCurrency = r.string("salary_currency")
        p.salaryInterval = r.string("salary_interval").flatMap(interval(named:))
        p.salaryField = "salary_min"
        if p.salaryMin != nil || p.salaryMax != nil { p.salarySource = .posted }
        p.experienceText = first(r, "experience", "experience_required")
        p.skillList = r.list("skills")
        if let m = r.string("work_mode") { p.workModeTexts.append(("work_mode", m)) }
        if let l = p.location { p.workModeTexts.append(("location", l)) }
        if let flag = r.bool("remote") ?? r.bool("is_remote") { p.remoteFlags.append(("remote", flag)) }
        p.postedText = first(r, "posted_at", "date_posted", "posted")
        p.jobType = first(r, "job_type", "employment_type")
        return p
    }

    static func jobspy(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.platform = r.string("site")
        p.externalId = r.string("id")
        p.url = first(r, "job_url", "job_url_direct")
        p.title = r.string("title")
        p.company = r.string("company")
        p.location = r.string("location")
        p.description = r.string("description")
        p.salaryMin = r.double("min_amount")
        p.salaryMax = r.double("max_amount")
        p.salaryField = "min_amount"
        p.salaryCurrency = r.string("currency")
        p.salaryInterval = r.string("interval").flatMap(interval(named:))
        p.salarySource = r.string("salary_source") == "description" ? .parsed : .posted
        if let l = p.location { p.workModeTexts.append(("location", l)) }
        if let f = r.bool("is_remote") { p.remoteFlags.append(("is_remote", f)) }
        p.postedText = r.string("date_posted")
        p.jobType = r.string("job_type")
        p.skillList = r.list("skills")
        return p
    }

    static func diceAPI(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.externalId = first(r, "id", "jobId", "guid")
        p.url = r.string("detailsPageUrl")
        p.title = r.string("title")
        p.company = r.string("companyName")
        p.location = r.string("jobLocation.displayName")
        p.description = first(r, "description", "summary")
        p.salaryText = r.string("salary")
        p.defaultCurrency = "USD"
        let workplace = r.list("workplaceTypes")
        if !workplace.isEmpty { p.workModeTexts.append(("workplaceTypes", workplace.joined(separator: ", "))) }
        if let l = p.location { p.workModeTexts.append(("location", l)) }
        if let f = r.bool("isRemote") { p.remoteFlags.append(("isRemote", f)) }
        if let f = r.bool("workFromHomeAvailability") { p.remoteFlags.append(("workFromHomeAvailability", f)) }
        p.postedText = first(r, "postedDate", "modifiedDate")
        p.jobType = r.string("employmentType")
        return p
    }

    static func diceCSV(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.externalId = first(r, "Job_Id", "job_id")
        p.title = r.string("Designation")
        // The header says months but the values are "N - M yrs": the parser reads the unit given.
        p.experienceText = first(r, "Max Exp (in months)", "Experience")
        p.skillList = r.list("Required Skills")
        p.description = r.string("Required Skills").map { "Required skills: \($0)" }
        return p
    }

    static func indeed(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.url = r.string("JobUrl")
        p.externalId = p.url.flatMap { queryItem("jk", in: $0) } ?? p.url
        p.title = r.string("JobTitle")
        p.company = r.string("Company")
        p.location = r.string("Location")
        p.description = r.string("Summary")
        p.salaryText = r.string("Salary")
        p.defaultCurrency = "USD"
        if let remote = r.string("Remote") { p.workModeTexts.append(("Remote", remote)) }
        if let l = p.location { p.workModeTexts.append(("Location", l)) }
        p.postedText = r.string("PostDate")
        p.postedRelativeTo = r.string("ExtractDate").flatMap { PostedDateParser.parse($0, now: Date()) }
        return p
    }

    static func glassdoor(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.title = r.string("Job Title")
        // "Company Name" carries the rating on a second line: "Tecolote Research\n3.8".
        p.company = r.string("Company Name").map { name in
            let lines = name.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if lines.count > 1, Double(lines.last!) != nil { return lines.dropLast().joined(separator: " ") }
            return name
        }
        p.location = r.string("Location")
        p.description = r.string("Job Description")
        p.salaryText = r.string("Salary Estimate")
        p.defaultCurrency = "USD"
        if let l = p.location { p.workModeTexts.append(("Location", l)) }
        return p
    }

    static func naukri(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.title = r.string("Job Role")
        p.company = r.string("Company")
        p.location = r.string("Location")
        p.url = r.string("Apply link")
        p.description = r.string("Description")
        p.experienceText = r.string("Experience")
        p.salaryText = r.string("Salary per annual").flatMap { s in
            // "Not disclosed" is no amount; a bare figure in this column is annual INR.
            let lower = s.lowercased()
            if lower.contains("not disclosed") { return nil }
            return lower.contains("pa") || lower.contains("annum") || lower.contains("year") ? s : s + " per annum"
        }
        p.defaultCurrency = "INR"
        p.skillList = r.string("Key Skills").map { [$0] } ?? []
        if let t = r.string("Job Type") { p.workModeTexts.append(("Job Type", t)) }
        if let l = p.location { p.workModeTexts.append(("Location", l)) }
        p.postedText = r.string("Posted on")
        return p
    }

    static func adzuna(_ r: FieldReader) -> RawPosting {
        var p = RawPosting()
        p.externalId = r.string("Id")
        p.title = r.string("Title")
        p.company = r.string("Company")
        p.location = first(r, "LocationRaw", "LocationNormalized")
        p.description = r.string("FullDescription")
        p.salaryText = r.string("SalaryRaw")
        p.defaultCurrency = "GBP"
        p.jobType = [r.string("ContractType"), r.string("ContractTime")].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        if let l = p.location { p.workModeTexts.append(("LocationRaw", l)) }
        return p
    }

    static func schemaOrg(_ record: JSONObject) -> RawPosting {
        var obj = record
        if case .object(let inner)? = record["jsonld"] { obj = inner }
        // `@graph` counts only as a list of objects (every element one).
        if case .array(let graph)? = obj["@graph"], graph.allSatisfy({ $0.objectValue != nil }),
           let job = graph.lazy.compactMap(\.objectValue).first(where: { $0["@type"]?.stringValue == "JobPosting" }) {
            obj = job
        }
        let r = FieldReader(record: obj)
        var p = RawPosting()
        p.externalId = first(r, "identifier.value", "identifier") ?? record["example_id"].flatMap { FieldReader.text($0, missing: []) }
        p.url = r.string("url")
        p.title = first(r, "title", "name")
        p.company = first(r, "hiringOrganization.name", "hiringOrganization")
        p.description = first(r, "description", "responsibilities")
        p.requirements = [r.string("qualifications"), r.string("educationRequirements")].compactMap { $0 }.joined(separator: "\n").nilIfEmpty
        if case .object(let address)? = r.value("jobLocation.address") {
            let a = FieldReader(record: address)
            let parts = [a.string("addressLocality"), a.string("addressRegion"), a.string("addressCountry.name") ?? a.string("addressCountry")]
            p.location = parts.compactMap { $0 }.joined(separator: ", ").nilIfEmpty
        }
        if case .object(let req)? = r.value("applicantLocationRequirements"), let name = req["name"]?.stringValue {
            p.location = p.location ?? name
        }
        if let salary = r.value("baseSalary") {
            switch salary {
            case .string(let s):
                p.salaryText = s
            case .object, .array:
                // Keys sorted: the text no longer depends on a dictionary's order (which changed from run to run).
                if let data = try? JSONSerialization.data(withJSONObject: salary.foundationObject, options: [.sortedKeys]) {
                    p.salaryText = String(decoding: data, as: UTF8.self)
                }
            default:
                break
            }
            p.salarySource = .posted
        }
        p.defaultCurrency = r.string("salaryCurrency") ?? r.string("baseSalary.currency")
        if let months = r.double("experienceRequirements.monthsOfExperience") {
            p.experienceText = "\(months) months"
        } else {
            p.experienceText = first(r, "experienceRequirements.description", "experienceRequirements")
        }
        p.skillList = r.list("skills")
        if let t = r.string("jobLocationType") { p.workModeTexts.append(("jobLocationType", t)) }
        if let l = p.location { p.workModeTexts.append(("jobLocation", l)) }
        p.postedText = r.string("datePosted")
        p.jobType = r.string("employmentType")
        return p
    }

    static func interval(named s: String) -> PayInterval? {
        switch s.lowercased() {
        case "hour", "hourly", "hr", "per hour": return .hour
        case "day", "daily": return .day
        case "week", "weekly": return .week
        case "month", "monthly": return .month
        case "year", "yearly", "annual", "annually", "yr": return .year
        default: return PayInterval(rawValue: s.uppercased())
        }
    }

    static func queryItem(_ name: String, in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first(where: { $0.name == name })?.value
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
