import Foundation

/// Glassdoor scrape CSV (`glassdoor_jobs.csv`): index column, `-1` for missing, rating appended to the company.
enum DemoGlassdoorFormat {
    static let header = ["", "Job Title", "Salary Estimate", "Job Description", "Rating", "Company Name", "Location",
                         "Headquarters", "Size", "Founded", "Type of ownership", "Industry", "Sector", "Revenue",
                         "Competitors"]

    /// "$53K-$91K (Glassdoor est.)" and the other styles Glassdoor uses; "-1" when there is none.
    static func salary(_ job: DemoJob, rng: inout DemoRandom) -> String {
        let annual = Double(job.profile.baseUSD) * job.seniority.payFactor
        let pay = job.pay ?? (rng.chance(0.75)
            ? DemoPay(min: Int(annual * 0.75), max: Int(annual * 1.15), currency: "USD", interval: .year) : nil)
        guard let pay else { return "-1" }
        if pay.interval == .hour {
            return rng.chance(0.5) ? "$\(pay.min)-$\(pay.max) Per Hour(Glassdoor est.)"
                : "Employer Provided Salary:$\(pay.min)-$\(pay.max) Per Hour"
        }
        let low = pay.min / 1000, high = pay.max / 1000
        switch rng.weighted([6, 1, 1]) {
        case 0: return "$\(low)K-$\(high)K (Glassdoor est.)"
        case 1: return "$\(low)K-$\(high)K(Employer est.)"
        default: return "Employer Provided Salary:$\(low)K-$\(high)K"
        }
    }

    static func row(index: Int, _ job: DemoJob, rng: inout DemoRandom) -> [String] {
        let hasRating = rng.chance(0.9)
        let rating = hasRating ? "\(rng.int(25...49) / 10).\(rng.int(25...49) % 10)" : "-1"
        let company = hasRating ? "\(job.company)\n\(rating)" : job.company
        let hq = rng.chance(0.9) ? rng.pick(DemoVocabulary.usCities).short : "-1"
        let size = rng.pick(["1 to 50 employees", "51 to 200 employees", "201 to 500 employees",
                             "501 to 1000 employees", "1001 to 5000 employees", "5001 to 10000 employees",
                             "10000+ employees", "Unknown", "-1"])
        let founded = rng.chance(0.85) ? String(rng.int(1965...2019)) : "-1"
        let ownership = rng.pick(["Company - Private", "Company - Private", "Company - Public", "Nonprofit Organization",
                                  "Subsidiary or Business Segment", "Government", "-1"])
        let (industry, sector) = rng.pick([("Computer Hardware & Software", "Information Technology"),
                                           ("IT Services", "Information Technology"),
                                           ("Internet", "Information Technology"),
                                           ("Insurance Carriers", "Insurance"),
                                           ("Health Care Services & Hospitals", "Health Care"),
                                           ("Investment Banking & Asset Management", "Finance"),
                                           ("Logistics & Supply Chain", "Transportation & Logistics"),
                                           ("-1", "-1")])
        let revenue = rng.pick(["Unknown / Non-Applicable", "Unknown / Non-Applicable", "$10 to $25 million (USD)",
                                "$100 to $500 million (USD)", "$1 to $2 billion (USD)", "$10+ billion (USD)"])
        let competitors = rng.chance(0.6) ? "-1" : rng.sample(DemoVocabulary.companies, rng.int(1...3))
            .filter { $0 != job.company }.joined(separator: ", ")
        let description = "\(job.title)\nLocation: \(job.city.short)\n\n" + job.description.plainText(bullet: "-")
        return [String(index), job.title, salary(job, rng: &rng), description, rating, company, job.city.short, hq,
                size, founded, ownership, industry, sector, revenue, competitors.isEmpty ? "-1" : competitors]
    }

    /// The whole file: header plus `count` rows, three of them bad.
    static func render(factory: inout DemoJobFactory, count: Int) -> String {
        var rng = DemoRandom(seed: factory.rng.next(), stream: 12)
        var out = DemoCSV.row(header)
        for i in 0..<count {
            var fields = row(index: i, factory.makeJob(region: .us), rng: &rng)
            switch i {
            case 9: fields[1] = "-1"  // no title
            case 33: fields[2] = "call us"
            case 77: fields[2] = "$-5K-$-1K (Glassdoor est.)"
            default: break
            }
            out += DemoCSV.row(fields)
        }
        return out
    }
}
