import Foundation

/// Pay period of a demo posting, spelled as the own import format spells it.
enum DemoPayInterval: String, Sendable {
    case year = "YEAR", hour = "HOUR"
}

/// A pay range as the employer states it.
struct DemoPay: Sendable {
    var min: Int
    var max: Int
    var currency: String
    var interval: DemoPayInterval
}

/// Level of a posting; it shapes title, experience asked and pay.
enum DemoSeniority: Int, Sendable, CaseIterable {
    case junior, mid, senior, lead

    var payFactor: Double { [0.72, 1.0, 1.25, 1.45][rawValue] }
    var yearsMin: Int { [0, 2, 5, 8][rawValue] }
}

/// Employment type as JobSpy spells it.
enum DemoJobType: String, Sendable {
    case fulltime, contract, parttime
}

/// The text of a posting, kept in parts so each platform can render it its own way.
struct DemoDescription: Sendable {
    /// Prose paragraphs first.
    var paragraphs: [String]
    /// Headed bullet lists ("Responsibilities", "Requirements", …).
    var sections: [(title: String, bullets: [String])]
    /// Closing lines: work arrangement, pay sentence, equal-opportunity text.
    var footer: [String]
}

/// One fictional job, before any platform renders it.
struct DemoJob: Sendable {
    var profile: DemoRoleProfile
    var seniority: DemoSeniority
    var title: String
    var company: String
    var city: DemoCity
    var workMode: WorkMode
    var officeDays: Int
    var jobType: DemoJobType
    var pay: DemoPay?
    /// The pay sentence that the description carries, when it carries one.
    var payText: String?
    var experienceMin: Int
    var experienceMax: Int?
    var skills: [String]
    var postedAt: Date
    var description: DemoDescription

    /// "5+ years" or "3-6 years".
    var experienceText: String {
        if let max = experienceMax { return "\(experienceMin)-\(max) years" }
        return "\(experienceMin)+ years"
    }
}

/// Makes fictional jobs from the vocabulary with one seeded generator.
struct DemoJobFactory {
    var rng: DemoRandom
    let now: Date

    init(seed: UInt64, stream: UInt64, now: Date) {
        rng = DemoRandom(seed: seed, stream: stream)
        self.now = now
    }

    /// Which part of the world a job is in.
    enum Region { case us, europe, india, anywhere }

    mutating func makeJob(region: Region, maxAgeDays: Int = 30) -> DemoJob {
        let profile = rng.pick(DemoRoleProfile.all)
        let seniority = DemoSeniority(rawValue: rng.weighted([2, 4, 4, 1.5]))!
        let city: DemoCity
        switch region {
        case .us: city = rng.pick(DemoVocabulary.usCities)
        case .europe: city = rng.pick(DemoVocabulary.europeCities)
        case .india: city = rng.pick(DemoVocabulary.indiaCities)
        case .anywhere:
            let r = rng.weighted([6, 2, 2])
            city = rng.pick([DemoVocabulary.usCities, DemoVocabulary.europeCities, DemoVocabulary.indiaCities][r])
        }
        let company = rng.pick(DemoVocabulary.companies)
        let workMode = [WorkMode.remote, .hybrid, .onsite][rng.weighted([3, 3, 4])]
        let jobType: DemoJobType = [.fulltime, .contract, .parttime][rng.weighted([8, 2.5, 0.3])]
        let title = makeTitle(profile.role, seniority)

        let expMin = max(0, seniority.yearsMin + rng.int(0...2))
        let expMax: Int? = rng.chance(0.45) ? expMin + rng.int(2...5) : nil

        var skills = profile.coreSkills.count > 3 ? rng.sample(profile.coreSkills, rng.int(3...4)) : profile.coreSkills
        skills += rng.sample(profile.extraSkills, rng.int(2...4))

        let pay = makePay(profile, seniority, city, jobType)
        let payText = pay.flatMap { rng.chance(0.6) ? Self.payText($0, style: rng.int(0...2)) : nil }
        let officeDays = rng.int(2...4)
        let ageSeconds = Double(rng.int(0...(maxAgeDays * 86_400)))
        let postedAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - ageSeconds).rounded(.down))

        var job = DemoJob(profile: profile, seniority: seniority, title: title, company: company, city: city,
                          workMode: workMode, officeDays: officeDays, jobType: jobType, pay: pay, payText: payText,
                          experienceMin: expMin, experienceMax: expMax, skills: skills, postedAt: postedAt,
                          description: DemoDescription(paragraphs: [], sections: [], footer: []))
        job.description = makeDescription(job)
        return job
    }

    private mutating func makeTitle(_ role: DemoRole, _ seniority: DemoSeniority) -> String {
        let base = rng.chance(0.8) ? role.name : rng.pick(role.aliases)
        switch seniority {
        case .junior: return rng.pick(["Junior \(base)", "\(base) I", "Associate \(base)", "Entry Level \(base)"])
        case .mid: return rng.pick([base, base, "\(base) II", "\(base) (Mid-Level)"])
        case .senior: return rng.pick(["Senior \(base)", "Senior \(base)", "Sr. \(base)", "\(base) III"])
        case .lead: return rng.pick(["Lead \(base)", "Staff \(base)", "Principal \(base)"])
        }
    }

    private mutating func makePay(_ profile: DemoRoleProfile, _ seniority: DemoSeniority, _ city: DemoCity,
                                  _ jobType: DemoJobType) -> DemoPay? {
        guard rng.chance(0.75) else { return nil }
        let annual = Double(profile.baseUSD) * seniority.payFactor * city.payFactor * (0.85 + 0.2 * rng.unit())
        let spread = 1.12 + 0.25 * rng.unit()
        if jobType != .fulltime && city.countryCode == "US" {
            let low = Int((annual / 2080).rounded())
            return DemoPay(min: low, max: Int((Double(low) * spread).rounded()), currency: "USD", interval: .hour)
        }
        let step = city.currency == "INR" ? 50_000.0 : 1_000.0
        let low = Int((annual * 0.9 / step).rounded() * step)
        let high = Int((annual * 0.9 * spread / step).rounded() * step)
        return DemoPay(min: low, max: high, currency: city.currency, interval: .year)
    }

    /// Pay as a sentence would state it: "$120,000 - $150,000 per year", "$55/hr", "£45k-£55k".
    static func payText(_ pay: DemoPay, style: Int) -> String {
        let symbol = ["USD": "$", "GBP": "£", "EUR": "€", "INR": "₹"][pay.currency] ?? ""
        if pay.interval == .hour {
            return style == 0 ? "\(symbol)\(pay.min)/hr" : "\(symbol)\(pay.min) - \(symbol)\(pay.max) per hour"
        }
        switch style {
        case 0: return "\(symbol)\(grouped(pay.min)) - \(symbol)\(grouped(pay.max)) per year"
        case 1: return "\(symbol)\(pay.min / 1000)k-\(symbol)\(pay.max / 1000)k"
        default: return "\(pay.currency) \(grouped(pay.min)) to \(grouped(pay.max)) annually"
        }
    }

    private mutating func makeDescription(_ job: DemoJob) -> DemoDescription {
        let c = job.company
        let roleName = job.profile.role.name
        var paragraphs = [rng.pick(DemoVocabulary.blurbs).replacingOccurrences(of: "%C", with: c)]
        paragraphs[0] += " We are looking for a \(job.title) to join our \(job.profile.team) team"
            + (job.workMode == .remote ? "." : " in \(job.city.name).")
        paragraphs.append(rng.pick(DemoVocabulary.culture))
        if rng.chance(0.5) {
            paragraphs.append("In this role you will work closely with product, design and operations. "
                + "Our stack includes \(list(job.skills.prefix(4))), and you will help us decide where it goes next.")
        }

        var duties = rng.sample(job.profile.duties, rng.int(3...job.profile.duties.count))
        duties.append(rng.pick(["Participate in code reviews and architecture discussions",
                                "Keep documentation current and useful",
                                "Share knowledge through demos and internal talks",
                                "Contribute to hiring and onboarding"]))
        var requirements: [String] = []
        if let max = job.experienceMax {
            requirements.append("\(job.experienceMin)-\(max) years of experience as a \(roleName) or in a similar role")
        } else {
            requirements.append("\(job.experienceMin)+ years of experience as a \(roleName) or in a similar role")
        }
        requirements.append("Strong hands-on experience with \(list(job.skills.prefix(2)))")
        for skill in job.skills.dropFirst(2).prefix(2) {
            requirements.append(rng.pick(["Working knowledge of \(skill)", "Production experience with \(skill)",
                                          "Familiarity with \(skill)"]))
        }
        requirements += rng.sample(DemoVocabulary.softRequirements, rng.int(2...3))
        var sections: [(String, [String])] = [
            (rng.pick(["Responsibilities", "What you'll do", "Key Responsibilities"]), duties),
            (rng.pick(["Requirements", "What we're looking for", "Qualifications"]), requirements),
        ]
        if job.skills.count > 4 {
            sections.append(("Nice to have", ["Experience with \(list(job.skills.suffix(2)))",
                                              "Open-source contributions"]))
        }
        sections.append((rng.pick(["Benefits", "Perks", "What we offer"]),
                         rng.sample(DemoVocabulary.perks, rng.int(3...6))))

        var footer: [String] = []
        switch job.workMode {
        case .remote:
            footer.append(rng.pick(["This role is fully remote; you can work from anywhere in \(job.city.country == "USA" ? "the US" : job.city.country).",
                                    "Remote: yes. We are a remote-first company with occasional team meet-ups.",
                                    "Location: Remote (\(job.city.country == "USA" ? "US time zones" : job.city.country))."]))
        case .hybrid:
            footer.append(rng.pick(["This is a hybrid role (\(job.officeDays) days in office) based in \(job.city.name).",
                                    "Work arrangement: hybrid, \(job.officeDays) days a week in our \(job.city.name) office."]))
        default:
            footer.append(rng.pick(["This position is not remote; you will work on-site in \(job.city.name).",
                                    "On-site role in \(job.city.name). Remote work is not available for this position."]))
        }
        if let payText = job.payText {
            footer.append(rng.pick(["The pay range for this role is \(payText).",
                                    "Compensation: \(payText), plus benefits.",
                                    "Salary: \(payText) depending on experience."]))
        }
        footer.append(rng.pick(DemoVocabulary.closings).replacingOccurrences(of: "%C", with: c))
        return DemoDescription(paragraphs: paragraphs, sections: sections, footer: footer)
    }

    private func list<S: Sequence<String>>(_ items: S) -> String {
        let a = Array(items)
        guard a.count > 1 else { return a.first ?? "" }
        return a.dropLast().joined(separator: ", ") + " and " + a.last!
    }
}

/// 120000 → "120,000".
func grouped(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return n < 0 ? "-" + out : out
}
