import Foundation

/// A fictional customer of CentralD (a recruiting firm).
public struct DemoTenant: Sendable, Equatable {
    /// URL-safe id, e.g. "acme-talent".
    public var slug: String
    /// Display name.
    public var name: String

    /// A tenant.
    public init(slug: String, name: String) {
        self.slug = slug
        self.name = name
    }
}

/// A fictional candidate of one tenant: the profile as a candidate file would give it (names are random pairs from
/// generic lists, emails use example.com/.org), plus the tenant and the recruiting status the demo sets.
public struct DemoCandidate: Sendable, Equatable {
    /// Slug of the owning tenant.
    public var tenantSlug: String
    /// The profile, with the tenant's own id for the candidate (e.g. "ACME-0007") as `externalRef`.
    public var record: CandidateRecord
    /// "new", "screening", "approved", "ready_for_assignment", "on_hold" or "placed".
    public var status: String

    /// A candidate.
    public init(tenantSlug: String, record: CandidateRecord, status: String) {
        self.tenantSlug = tenantSlug
        self.record = record
        self.status = status
    }
}

/// Makes candidates for the demo tenants.
enum DemoCandidateFactory {
    static let statuses = ["new", "screening", "approved", "ready_for_assignment", "on_hold", "placed"]

    static func make(tenants: [DemoTenant], perTenant: Int, seed: UInt64) -> [DemoCandidate] {
        var rng = DemoRandom(seed: seed, stream: 21)
        var out: [DemoCandidate] = []
        var usedEmails: Set<String> = []
        for tenant in tenants {
            let prefix = tenant.slug.split(separator: "-").first.map { $0.uppercased() } ?? "CAND"
            for n in 1...perTenant {
                let first = rng.pick(DemoVocabulary.firstNames)
                let last = rng.pick(DemoVocabulary.lastNames)
                let local = (first + "." + last).lowercased().filter { $0.isASCII && ($0.isLetter || $0 == ".") }
                let domain = rng.chance(0.7) ? "example.com" : "example.org"
                var email = "\(local)@\(domain)"
                var k = 2
                while usedEmails.contains(email) {
                    email = "\(local)\(k)@\(domain)"
                    k += 1
                }
                usedEmails.insert(email)

                let profile = rng.pick(DemoRoleProfile.all)
                let seniority = DemoSeniority(rawValue: rng.weighted([2, 4, 4, 1.5]))!
                let years = Double(seniority.yearsMin) + Double(rng.int(0...8)) / 2
                let region = rng.weighted([7, 1.5, 1.5])
                let cities = [DemoVocabulary.usCities, DemoVocabulary.europeCities, DemoVocabulary.indiaCities][region]
                let home = rng.pick(cities)
                var skills = rng.sample(profile.coreSkills, rng.int(2...profile.coreSkills.count))
                skills += rng.sample(profile.extraSkills, rng.int(1...4))
                if rng.chance(0.3) { skills.append(rng.pick(["Git", "Linux", "Docker", "JIRA", "SQL", "AWS"])) }
                var seen: Set<String> = []
                skills = skills.filter { seen.insert($0).inserted }

                let remote = ["remote", "hybrid", "onsite", "any"][rng.weighted([3, 3, 1.5, 2.5])]
                var locations = [home.short]
                if rng.chance(0.4) { locations.append(rng.pick(cities).short) }
                if remote == "remote" { locations = rng.chance(0.5) ? ["Remote"] : locations + ["Remote"] }
                var seenLocations: Set<String> = []
                locations = locations.filter { seenLocations.insert($0).inserted }

                let isHourly = home.countryCode == "US" && rng.chance(0.12)
                let annual = Double(profile.baseUSD) * seniority.payFactor * home.payFactor * (0.9 + 0.25 * rng.unit())
                let step = home.currency == "INR" ? 50_000.0 : 5_000.0
                let expected: Double? = rng.chance(0.85)
                    ? (isHourly ? (annual / 2080).rounded() : (annual / step).rounded() * step) : nil

                var roles = [profile.role.name]
                if rng.chance(0.35) { roles.append(rng.pick(DemoRoleProfile.all).role.name) }
                if roles.count == 2 && roles[0] == roles[1] { roles.removeLast() }

                let level = ["Junior ", "", "Senior ", "Lead "][seniority.rawValue]
                let yearsText = years == years.rounded() ? String(Int(years)) : String(years)
                let summary = "\(level)\(profile.role.name) with \(yearsText) years of experience, most recently at "
                    + "\(rng.pick(DemoVocabulary.companies)). Strongest in \(skills.prefix(3).joined(separator: ", ")). "
                    + rng.pick(["Looking for a team with a strong engineering culture.",
                                "Open to contract or permanent roles.",
                                "Prefers product companies over consultancies.",
                                "Interested in mentoring and technical leadership.",
                                "Wants to grow into architecture work."])
                let record = CandidateRecord(
                    externalRef: "\(prefix)-\(String(repeating: "0", count: max(0, 4 - String(n).count)))\(n)",
                    firstName: first, lastName: last, email: email, title: "\(level)\(profile.role.name)",
                    summary: summary, skills: SkillExtractor.shared.canonicalize(skills), totalExperienceYears: years,
                    expectedSalary: expected, salaryCurrency: home.currency, salaryInterval: isHourly ? .hour : .year,
                    preferredLocations: locations, remotePreference: RemotePreference(rawValue: remote) ?? .any,
                    preferredRoles: roles)
                out.append(DemoCandidate(tenantSlug: tenant.slug, record: record,
                                         status: statuses[rng.weighted([1, 1, 3, 3, 0.5, 0.5])]))
            }
        }
        return out
    }
}
