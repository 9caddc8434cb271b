import Foundation
import Testing

@testable import Core

/// Real experience strings from public job data (see /work/shared/data/strings.tsv).
@Suite struct ExperienceParserTests {
    static let cases: [(String, Double, Double?)] = [
        ("5+ years of experience in an analytical position", 5.0, nil),
        ("3-5 years", 3, 5),
        ("3–5 years", 3, 5),
        ("8 - 13 yrs", 8, 13),
        ("2-4 Yrs", 2, 4),
        ("0-1Yrs", 0, 1),
        ("0 - 0 yrs", 0, 0),
        ("3 to 5 Years of Experience", 3, 5),
        ("Minimum two years’ work experience within Biopharma or Ph", 2, nil),
        ("minimum of one year of experience leading closing enterpris", 1, nil),
        ("At least 2 years of experience in advanced analytics", 2, nil),
        ("lated field of study and five (5) years of experience as a Software Developer,", 5, nil),
        ("18 months", 1.5, nil),
        ("60 months of relevant experience", 5, nil),
        ("1 year 6 months", 1.5, nil),
        ("6 months of Operations support experience or equivalent", 0.5, nil),
        ("2-10+ years finance experiencePrivate equity, inves", 2, 10),
        ("lor’s degree is required.8+ years process engineering experience5+ years", 8, nil),
        ("field with a GPA of 3.5+ 5+ years of research experience", 5, nil),
        ("\"experienceRequirements\": {\"monthsOfExperience\": 72.0}", 6, nil),
        ("Fresher", 0, 0),
        ("Experience Level\\n\\nEntry Level", 0, 2),
        ("Senior PHP Engineer", 5, nil),
        ("Full stack .NET Lead Developer (Remote)", 8, nil),
        ("Senior Director, Corporate Accounting and Global Consolidations (Remote)", 10, nil),
    ]

    @Test(arguments: cases)
    func readsYears(_ text: String, _ min: Double, _ max: Double?) throws {
        let e = try #require(ExperienceParser.parse(text))
        #expect(e.yearsMin == min)
        #expect(e.yearsMax == max)
    }

    @Test(arguments: ["at least 18 years old", "You must be 17–42 years of age, a U.S.", "Python, SQL", ""])
    func ignoresTextWithoutExperience(_ text: String) {
        #expect(ExperienceParser.parse(text) == nil)
    }
}

/// Posted-date strings from public job data, against a fixed scrape time.
/// Years a description asks for, from real postings (Google via JobSpy, Glassdoor, Adzuna): durations of other
/// things and the company's own age used to be read as the experience required.
@Suite struct ExperienceFromDescriptionTests {
    static let asked: [(String, Double?, Double?)] = [
        ("this benefit is offered after 6 months of service. • 10+ years of relevant experience.", 10, nil),
        ("We offer a 6 month maternity leave. Minimum 5 years as a data scientist.", 5, nil),
        ("This is a 9+ month contract. Minimum 5 years experience required.", 5, nil),
        ("You should have a minimum of 6 months registration experience and be enthusiastic", 0.5, nil),
        ("We're looking for General Managers with 1 years experience managing their own site.", 1, nil),
        ("firm experience required.5+ years in public company accounting functions;", 5, nil),
        ("Minimum of 5 years working in design, build, and/or testing", 5, nil),
        ("Bachelor’s degree and 5 to 8 years’ related experience and/or training", 5, 8),
        // Adzuna lost the dash: "35 years" is 3-5.
        ("an opportunity for a Data Analyst with 35 years experience. The role will require", 3, 5),
    ]

    @Test(arguments: asked)
    func readsTheYearsAsked(_ example: (String, Double?, Double?)) {
        let range = ExperienceParser.fromDescription(example.0)
        #expect(range?.yearsMin == example.1)
        #expect(range?.yearsMax == example.2)
    }

    /// Seniority words that are ranks only in some titles (Adzuna "Staff Nurse" was 8 years).
    @Test func titleRanksNeedTheirRole() {
        #expect(ExperienceParser.parse("Staff Nurse") == nil)
        #expect(ExperienceParser.parse("Lead Cashier") == nil)
        #expect(ExperienceParser.parse("IT Service Desk Lead") == nil)
        #expect(ExperienceParser.parse("Chief Cook") == nil)
        #expect(ExperienceParser.parse("Head Chef") == nil)
        #expect(ExperienceParser.parse("Staff Software Engineer")?.yearsMin == 8)
        #expect(ExperienceParser.parse("Chief Technology Officer")?.yearsMin == 10)
        #expect(ExperienceParser.parse("Head of Data")?.yearsMin == 10)
        // Adzuna masked the minimum: only the maximum is stated.
        #expect(ExperienceParser.parse("Minimim Experience **** to 4 years") == ExperienceRange(yearsMin: nil, yearsMax: 4))
    }

    @Test(arguments: [
        "The position is for a minimum of 3 months with a possibility of an extension",
        "Have you done this before? No Experience / Some",
        "Within 1 month you will own the roadmap.",
        "Quality Engineer 6 month contract Location Fleet, Hants",
        "The company have been established for over 40 years, and can offer an advanced extrusion facility",
        "please apply today. For over 16 years we have provided domiciliary care.",
        "Just Social Care have consultants who have over 15 years combined experience within Social Work",
        "a reputable, long standing trusted company celebrating over 20 years service in the care industry",
        "Positions will be for 3 months initially, full time, with a probable extension.",
        "no more than 3 months after the business win",
        "Must be at least 18 years old.",
    ])
    func otherDurationsAreNotExperience(_ text: String) {
        #expect(ExperienceParser.fromDescription(text) == nil)
    }
}

@Suite struct PostedDateParserTests {
    /// 2021-04-02T12:00:00Z, the ExtractDate of the Indeed Michigan scrape.
    static let now = Date(timeIntervalSince1970: 1_617_364_800)
    static let day = 86_400.0

    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Double = 0) -> Date {
        Date(timeIntervalSince1970: Double(PostedDateParser.daysFromCivil(y, m, d)) * 86_400
            + Double(h * 3600 + min * 60) + s)
    }

    static let absolute: [(String, Date)] = [
        ("2024-12-17T04:08:47Z", utc(2024, 12, 17, 4, 8, 47)),
        ("1720182992 / 2024-07-05T12:36:32.000Z", utc(2024, 7, 5, 12, 36, 32)),
        ("2025-05-14", utc(2025, 5, 14)),
        ("2018-02-01T00:00", utc(2018, 2, 1)),
        ("2024-07-05T14:36:32+02:00", utc(2024, 7, 5, 12, 36, 32)),
        ("2026-02-24T23:01:29.697567", utc(2026, 2, 24, 23, 1, 29.697567)),
        ("Date Opened 05/13/2024", utc(2024, 5, 13)),
        ("1720182992", Date(timeIntervalSince1970: 1_720_182_992)),
        ("1720182992000", Date(timeIntervalSince1970: 1_720_182_992)),
        ("1.71354E+12", Date(timeIntervalSince1970: 1_713_540_000)),
        ("May 1, 2024", utc(2024, 5, 1)), ("1 May 2024", utc(2024, 5, 1)), ("2024/05/01", utc(2024, 5, 1)),
        ("Posted on September 3rd, 2024", utc(2024, 9, 3)), ("Mon, 13 May 2024 10:00:00 GMT", utc(2024, 5, 13)),
        // No year: the latest such day not after the scrape (2021-04-02).
        ("Posted Mar 30", utc(2021, 3, 30)), ("Dec 25", utc(2020, 12, 25)),
    ]

    @Test(arguments: absolute)
    func readsAbsoluteDates(_ text: String, _ expected: Date) throws {
        let d = try #require(PostedDateParser.parse(text, now: Self.now))
        #expect(abs(d.timeIntervalSince(expected)) < 0.001)
    }

    static let relative: [(String, Double)] = [
        ("Today", 0.0), ("Just posted", 0), ("Just Now", 0), ("Yesterday", day), ("1 Day Ago", day),
        ("14 days ago", 14 * day), ("30+ days ago", 30 * day), ("30+ Days Ago", 30 * day),
        ("PostedPosted 3 days ago", 3 * day), ("EmployerActive 7 days ago", 7 * day), ("1h ago", 3600),
        ("5 minutes ago", 300), ("5 months ago", 150 * day), ("ageInDays=39", 39 * day),
        ("an hour ago", 3600), ("a day ago", day),
    ]

    @Test(arguments: relative)
    func readsRelativeDates(_ text: String, _ secondsAgo: Double) throws {
        let d = try #require(PostedDateParser.parse(text, now: Self.now))
        #expect(Self.now.timeIntervalSince(d) == secondsAgo)
    }

    @Test(arguments: ["nan", "", "-1", "soon", "abc", "may be posted soon", "March"])
    func rejectsNonDates(_ text: String) {
        #expect(PostedDateParser.parse(text, now: Self.now) == nil)
    }
}

/// Seniority words decide experience from a title, never from a description's prose (Adzuna chef postings got
/// 10 years from "head office" and 8 from "you will lead").
struct ExperienceFromPostingTests {
    func years(title: String, description: String) -> ExperienceRange? {
        var raw = RawPosting()
        raw.title = title
        raw.description = description
        guard case .posting(_, let p, _) = PostingNormalizer(now: Date(timeIntervalSince1970: 1_764_000_000))
            .normalize(raw, recordNumber: 1, defaultPlatform: "adzuna") else { return nil }
        return p.experience
    }

    @Test func descriptionWordsAreNotSeniority() {
        let prose = "Our busy kitchen reports to head office. You will lead the pastry section and train commis chefs."
        #expect(years(title: "Chef de Partie", description: prose) == nil)
        #expect(years(title: "Senior Sous Chef", description: prose) == ExperienceRange(yearsMin: 5, yearsMax: nil))
        #expect(years(title: "Chef de Partie", description: prose + " At least 2 years in a rosette kitchen.")
                == ExperienceRange(yearsMin: 2, yearsMax: nil))
    }
}

struct ExperiencePlaceholderTests {
    /// Dice record 1139 says "Not Mentioned": no years and nothing to warn about; "lots" tried to say years.
    @Test func notMentionedIsAbsentWithoutAWarning() {
        func warnings(_ text: String) -> [RecordIssue] {
            var raw = RawPosting()
            raw.title = "Systems Analyst"
            raw.experienceText = text
            guard case .posting(_, _, let warnings) = PostingNormalizer(now: Date(timeIntervalSince1970: 1_764_000_000))
                .normalize(raw, recordNumber: 1139, defaultPlatform: "dice") else { return [] }
            return warnings
        }
        #expect(warnings("Not Mentioned").isEmpty)
        #expect(warnings("lots").map(\.field) == ["experience"])
    }
}
