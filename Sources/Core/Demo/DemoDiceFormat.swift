import Foundation

/// Items of Dice's job-search API (`bak.extracted.json`): a bare JSON array, free-text salary, ISO dates.
enum DemoDiceFormat {
    /// A Dice posting and the ids it was given, so the own format can repeat it.
    struct Posted {
        var job: DemoJob
        var id: String
        var url: String
        var isDirectHire: Bool
    }

    /// "USD 100,400.00 - 144,300.00 per year" and the other ways Dice shows pay; nil when absent.
    static func salary(_ pay: DemoPay?, rng: inout DemoRandom) -> String? {
        guard let pay else { return rng.chance(0.15) ? rng.pick(["Depends on Experience", "depending on experience"]) : nil }
        let per = pay.interval == .hour ? "hour" : "year"
        switch rng.weighted([6, 2, 1]) {
        case 0: return "\(pay.currency) \(grouped(pay.min)).00 - \(grouped(pay.max)).00 per \(per)"
        case 1: return "$\(grouped(pay.min)) - $\(grouped(pay.max))"
        default: return "\(pay.currency) \(grouped(pay.max)).00 per \(per)"
        }
    }

    static func record(_ job: DemoJob, rng: inout DemoRandom) -> (Posted, [(String, DemoJSON.Value)]) {
        let id = rng.hex(32)
        let guid = rng.uuid()
        let isDirect = rng.chance(0.6)
        let company = isDirect ? job.company : rng.pick(DemoVocabulary.agencies)
        let brand = company.filter { $0.isLetter }.prefix(8) + rng.hex(6)
        let url = "https://www.dice.com/job-detail/\(guid)"
        let logo = "https://assets.example.com/dice-logos/\(rng.hex(20)).png"
        var fields: [(String, DemoJSON.Value)] = [("id", .string(id)), ("title", .string(job.title))]
        if job.workMode != .remote || rng.chance(0.5) {
            let display = job.city.countryCode == "US" ? "\(job.city.name), \(job.city.regionName), USA"
                : "\(job.city.name), \(job.city.regionName), \(job.city.country)"
            fields.append(("jobLocation", .object([("displayName", .string(display))])))
        }
        let modified = job.postedAt.addingTimeInterval(Double(rng.int(0...(6 * 3600))))
        fields += [("postedDate", .string(DemoDate.iso(job.postedAt))), ("detailsPageUrl", .string(url)),
                   ("companyPageUrl", .string("https://www.dice.com/company/\(brand)")),
                   ("companyLogoUrl", .string(logo)), ("companyLogoUrlOptimized", .string(logo + "?format=webp"))]
        if let text = salary(job.pay, rng: &rng) { fields.append(("salary", .string(text))) }
        let employment: String = switch job.jobType {
        case .fulltime: "Full-time"
        case .parttime: "Part-time"
        case .contract: rng.pick(["Contract", "Third Party, Contract", "Contract, Third Party"])
        }
        var summary = String(job.description.plainText().replacingOccurrences(of: "\n", with: " ").prefix(500))
        if let space = summary.lastIndex(of: " ") { summary = String(summary[..<space]) }
        let isRemote = job.workMode == .remote
        let wfh = rng.chance(0.85) ? isRemote : !isRemote  // Dice's flag often disagrees
        let types: [String] = switch job.workMode {
        case .remote: rng.chance(0.5) ? ["Remote"] : ["Remote", "On-Site"]
        case .hybrid: rng.chance(0.8) ? ["Hybrid"] : ["On-Site", "Hybrid"]
        default: ["On-Site"]
        }
        fields += [("clientBrandId", .string(String(brand))), ("companyName", .string(company)),
                   ("employmentType", .string(employment)), ("summary", .string(summary)), ("jobId", .string(id)),
                   ("score", .raw("\(rng.int(40...290)).\(rng.int(1000...9999))")), ("easyApply", .bool(rng.chance(0.3))),
                   ("willingToSponsor", .bool(rng.chance(0.1))),
                   ("employerType", .string(isDirect ? "Direct Hire" : "Recruiter")),
                   ("workFromHomeAvailability", .string(wfh ? "TRUE" : "FALSE")), ("isRemote", .bool(isRemote)),
                   ("modifiedDate", .string(DemoDate.iso(modified))), ("guid", .string(guid)),
                   ("workplaceTypes", .array(types.map { .string($0) }))]
        return (Posted(job: job, id: id, url: url, isDirectHire: isDirect), fields)
    }

    /// The whole file (`count` items, two bad) and the postings, for cross-platform duplicates.
    static func render(factory: inout DemoJobFactory, count: Int) -> (String, [Posted]) {
        var rng = DemoRandom(seed: factory.rng.next(), stream: 13)
        var items: [DemoJSON.Value] = []
        var posted: [Posted] = []
        for i in 0..<count {
            let (post, fields0) = record(factory.makeJob(region: .us, maxAgeDays: 21), rng: &rng)
            var fields = fields0
            switch i {
            case 5: fields.remove(at: 1)  // no title
            case 48:
                if let k = fields.firstIndex(where: { $0.0 == "salary" }) { fields[k].1 = .string("$-5") }
                else { fields.insert(("salary", .string("$-5")), at: 8) }
            default: posted.append(post)
            }
            items.append(.object(fields))
        }
        return (DemoJSON.render(.array(items), indent: 2), posted)
    }
}
