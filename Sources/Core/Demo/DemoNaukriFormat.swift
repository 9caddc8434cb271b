import Foundation

/// Naukri.com CSV (`Naukri_Data_Analyst_Jobs.csv`): UTF-8 with BOM, INR pay, "2-4 Yrs", "30+ Days Ago".
enum DemoNaukriFormat {
    static let header = ["Job Role", "Company", "Job Type", "Location", "Experience", "Salary per annual",
                         "Description", "Key Skills", "Posted on", "Apply link"]

    /// "600000 - 1000000", "up to 300000", "5-8 Lacs PA" or "Not disclosed".
    static func salary(_ pay: DemoPay?, rng: inout DemoRandom) -> String {
        guard let pay, pay.currency == "INR" else { return "Not disclosed" }
        switch rng.weighted([5, 1.5, 2]) {
        case 0: return "\(pay.min) - \(pay.max)"
        case 1: return "up to \(pay.max)"
        default:
            let low = max(1, pay.min / 100_000), high = max(low + 1, (pay.max + 99_999) / 100_000)
            return "\(low)-\(high) Lacs PA"
        }
    }

    /// "Just Now", "1 Day Ago", "12 Days Ago", "30+ Days Ago".
    static func age(_ posted: Date, now: Date) -> String {
        let days = Int((now.timeIntervalSince(posted) / 86_400).rounded(.down))
        switch days {
        case ..<1: return now.timeIntervalSince(posted) < 3600 ? "Just Now" : "Today"
        case 1: return "1 Day Ago"
        case 2..<30: return "\(days) Days Ago"
        default: return "30+ Days Ago"
        }
    }

    static func row(_ job: DemoJob, now: Date, rng: inout DemoRandom) -> [String] {
        let type: String = switch job.workMode {
        case .remote: rng.chance(0.5) ? "Permanent Remote" : "Temp.WFH"
        case .hybrid: "Hybrid"
        default: "work from office"
        }
        var location = job.city.name
        if rng.chance(0.1) { location += ", " + rng.pick(DemoVocabulary.indiaCities).name + " " }
        let yearsMax = job.experienceMax ?? job.experienceMin + rng.int(2...5)
        let slug = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }
            .split(separator: " ").joined(separator: "-") }
        let link = "https:www.naukri.comjob-listings-\(slug(job.title))-\(slug(job.company))-\(slug(job.city.name))"
            + "-\(job.experienceMin)-to-\(yearsMax)-years-\(rng.int(100_000_000_000...999_999_999_999))"
        return [job.title, job.company, type, location, "\(job.experienceMin)-\(yearsMax) Yrs",
                salary(job.pay, rng: &rng), job.description.naukriText(), job.skills.joined(separator: " "),
                age(job.postedAt, now: now), link]
    }

    /// The whole file: BOM, header and `count` rows, two of them bad.
    static func render(factory: inout DemoJobFactory, count: Int) -> String {
        var rng = DemoRandom(seed: factory.rng.next(), stream: 14)
        var out = "\u{FEFF}" + DemoCSV.row(header)
        for i in 0..<count {
            var fields = row(factory.makeJob(region: .india, maxAgeDays: 45), now: factory.now, rng: &rng)
            switch i {
            case 14: fields[0] = ""  // no title
            case 52: fields[5] = "call us"
            default: break
            }
            out += DemoCSV.row(fields)
        }
        return out
    }
}
