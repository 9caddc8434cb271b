import Foundation
import Testing

@testable import Core

@Suite struct MatchScorerTests {
    let scorer = MatchScorer()

    static let seedCandidate = MatchCandidate(
        id: "c1", skills: ["Python", "AWS"], totalExperienceYears: 5, expectedSalary: 132_000,
        salaryCurrency: "USD", preferredLocations: ["San Francisco"])
    static let seedJob = MatchJob(
        id: "j1", skills: ["Python", "AWS", "K8s"], experience: ExperienceRange(yearsMin: 4, yearsMax: nil),
        location: LocationParser.parse("Remote"), locationText: "Remote",
        salary: Salary(currency: "USD", interval: .year, min: 100_000, max: 120_000, source: .posted))

    @Test func seedWorkedExample() {
        let score = scorer.score(Self.seedCandidate, Self.seedJob, semanticOverride: 0.78)
        #expect(score.skills == 66.7)
        #expect(score.experience == 100)
        #expect(score.location == 90)
        #expect(score.salary == 80)
        #expect(score.semantic == 78)
        #expect(score.matchScore == 80.98)
        #expect(score.grade == "A")
        #expect(score.matchedSkills == ["Python", "AWS"])
        #expect(score.missingSkills == ["Kubernetes"])
        #expect(score.explanation.weightsUsed["skills"] == 0.4)
        #expect(score.explanation.scoringVersion == "match-v1")
        #expect(score.explanation.summary.hasPrefix("80.98 (A): skills 66.7, experience 100, location 90"))
    }

    @Test func explanationJSONReadsBackAsTheSameExplanation() throws {
        // A candidate with no salary: one component left out, so the JSON carries a null score.
        var candidate = Self.seedCandidate
        candidate.expectedSalary = nil
        let explanation = scorer.score(candidate, Self.seedJob, semanticOverride: 0.78).explanation
        let text = explanation.jsonText
        #expect(text.contains("\"scoring_version\":\"match-v1\""))
        #expect(text.contains("\"component\":\"salary\",\"score\":null,\"status\":\"left_out\""))
        let decoded = try JSONDecoder().decode(MatchExplanation.self, from: Data(text.utf8))
        #expect(decoded == explanation)
    }

    @Test func seedWorkedExampleFromImporterJSON() throws {
        let candidateJSON = """
            {"id": 17, "skills": ["Python", "AWS"], "total_experience_years": "5", "expected_salary": 132000,
             "salary_currency": "USD", "salary_interval": "yearly", "preferred_locations": ["San Francisco, CA"]}
            """
        let jobJSON = """
            {"id": "dice-42", "skills": "Python, AWS, Kubernetes", "experience": "4+ years", "location": "Remote",
             "salary_min": "100000", "salary_max": 120000, "salary_currency": "USD", "salary_interval": "YEAR"}
            """
        let candidate = try JSONDecoder().decode(MatchCandidate.self, from: Data(candidateJSON.utf8))
        let job = try JSONDecoder().decode(MatchJob.self, from: Data(jobJSON.utf8))
        #expect(candidate.id == "17")
        #expect(job.workMode == .remote)
        let score = scorer.score(candidate, job, semanticOverride: 0.78)
        #expect(score.matchScore == 80.98)
        #expect(score.grade == "A")
    }

    @Test func salaryPairThatScores80AndHourlyAnnualization() {
        let job = MatchJob(id: "j", salary: Salary(currency: "USD", interval: .year, min: 100_000, max: 120_000,
                                                  source: .posted))
        let yearly = MatchCandidate(id: "c", expectedSalary: 132_000, salaryCurrency: "USD")
        #expect(scorer.score(yearly, job).salary == 80)
        // 50 USD/hour × 2,080 = 104,000/year: inside the range.
        let hourly = MatchCandidate(id: "c", expectedSalary: 50, salaryCurrency: "USD", salaryInterval: .hour)
        #expect(scorer.score(hourly, job).salary == 100)
        let euros = MatchCandidate(id: "c", expectedSalary: 90_000, salaryCurrency: "EUR")
        let score = scorer.score(euros, job)
        #expect(score.salary == nil)
        #expect(score.explanation.components[3].evidence[0].contains("currencies differ"))
    }

    @Test func weightsRenormalizeWhenSalaryMissingOnOneSide() {
        var candidate = Self.seedCandidate
        candidate.expectedSalary = nil
        let score = scorer.score(candidate, Self.seedJob, semanticOverride: 0.78)
        #expect(score.salary == nil)
        // (66.7×40 + 100×25 + 90×15 + 78×10) / 90 = 81.09
        #expect(score.matchScore == 81.09)
        let used = score.explanation.weightsUsed
        #expect(used["salary"] == nil)
        #expect(abs(used.values.reduce(0, +) - 1) < 1e-12)
        #expect(abs(used["skills"]! - 40.0 / 90) < 1e-12)
        #expect(score.explanation.missing.contains("candidate expected salary"))
        let salary = score.explanation.components.first { $0.component == .salary }!
        #expect(salary.status == .leftOut && salary.appliedWeight == 0)
    }

    @Test func emptyCandidateProfileScoresLowAndSaysWhatWasMissing() {
        let job = MatchJob(id: "j", skills: ["Swift", "PostgreSQL"],
                           experience: ExperienceRange(yearsMin: 3, yearsMax: 6),
                           location: LocationParser.parse("Austin, TX"), locationText: "Austin, TX", workMode: .onsite,
                           salary: Salary(currency: "USD", interval: .year, min: 90_000, max: 110_000, source: .posted),
                           embedding: [1, 0, 0], embeddingModel: "m")
        let score = scorer.score(MatchCandidate(id: "empty"), job)
        #expect(score.skills == 0)
        #expect(score.experience == 0)
        #expect(score.location == nil && score.salary == nil && score.semantic == nil)
        #expect(score.matchScore == 0)
        #expect(score.grade == nil)
        #expect(score.missingSkills == ["Swift", "PostgreSQL"])
        let missing = score.explanation.missing
        for item in ["candidate skills", "candidate experience", "candidate location", "candidate expected salary",
                     "candidate embedding"] {
            #expect(missing.contains(item), "\(item) in \(missing)")
        }
        #expect(score.explanation.components[0].status == .missingOnCandidate)
        #expect(score.explanation.components[0].evidence[0].hasPrefix("candidate lists no skills"))
    }

    @Test(arguments: [
        (["k8s", "JS"], ["Kubernetes", "JavaScript"]),
        (["Golang", "Postgres", "ReactJS"], ["Go", "PostgreSQL", "React"]),
        (["kubernets", "javascrpt"], ["Kubernetes", "JavaScript"]),
    ])
    func skillSynonymsAndTyposMatch(candidateSkills: [String], jobSkills: [String]) {
        let score = scorer.score(MatchCandidate(id: "c", skills: candidateSkills), MatchJob(id: "j", skills: jobSkills))
        #expect(score.skills == 100)
        #expect(score.missingSkills.isEmpty)
        #expect(score.matchedSkills.count == jobSkills.count)
    }

    @Test func requiredSkillsWeighTwicePreferred() {
        let job = MatchJob(id: "j", requiredSkills: ["Python", "SQL"], preferredSkills: ["Docker", "Airflow"])
        // Has both required and none preferred: (2×2 + 0) / (2×2 + 2) = 66.7
        #expect(scorer.score(MatchCandidate(id: "c", skills: ["python", "sql"]), job).skills == 66.7)
        // Has both preferred and one required: (2×1 + 2) / 6 = 66.7; one required only: 2/6 = 33.3
        #expect(scorer.score(MatchCandidate(id: "c", skills: ["Docker", "Airflow", "SQL"]), job).skills == 66.7)
        #expect(scorer.score(MatchCandidate(id: "c", skills: ["SQL"]), job).skills == 33.3)
        #expect(scorer.score(MatchCandidate(id: "c", skills: ["SQL"]), MatchJob(id: "j")).skills == nil)
    }

    @Test(arguments: [
        (5.0, 4.0, nil, 100.0), (3, 4, nil, 75), (0, 4, nil, 0), (7, 3, 5, 100), (8, 3, 5, 90), (9, 3, 5, 80),
        (20, 3, 5, 50), (2, nil, 5, 100),
    ] as [(Double, Double?, Double?, Double)])
    func experienceCurve(years: Double, min: Double?, max: Double?, expected: Double) {
        let job = MatchJob(id: "j", experience: ExperienceRange(yearsMin: min, yearsMax: max))
        #expect(scorer.score(MatchCandidate(id: "c", totalExperienceYears: years), job).experience == expected)
    }

    @Test func experienceUnknownVersusNoRequirement() {
        let asks = MatchJob(id: "j", experience: ExperienceRange(yearsMin: 2, yearsMax: nil))
        #expect(scorer.score(MatchCandidate(id: "c"), asks).experience == 0)
        #expect(scorer.score(MatchCandidate(id: "c", totalExperienceYears: 3), MatchJob(id: "j")).experience == nil)
        let entry = MatchJob(id: "j", experience: ExperienceRange(yearsMin: 0, yearsMax: 2))
        #expect(scorer.score(MatchCandidate(id: "c"), entry).experience == nil)
    }

    @Test(arguments: [
        // candidate places, preference, job location, job mode, expected
        (["San Francisco"], nil, "Remote", WorkMode.unknown, 90.0 as Double?),
        (["San Francisco"], RemotePreference.remote, "Remote", .remote, 100),
        ([], .remote, "Remote", .remote, 100),
        (["Austin, TX"], .onsite, "Remote", .remote, 40),
        (["London, UK"], nil, "Remote - US", .remote, 50),
        (["Austin, TX"], nil, "Austin, Texas", .onsite, 100),
        (["Dallas, TX"], nil, "Austin, TX", .hybrid, 70),
        (["Seattle, WA"], nil, "Austin, TX", .onsite, 40),
        (["Berlin, Germany"], nil, "Austin, TX", .onsite, 0),
        (["Austin, TX"], .remote, "Austin, TX", .onsite, 20),
        (["Austin, TX"], .remote, "Austin, TX", .hybrid, 50),
        (["Austin, TX"], .hybrid, "Austin, TX", .onsite, 80),
        ([], nil, "Austin, TX", .onsite, nil),
        ([], nil, "Remote", .remote, nil),
        (["Austin, TX"], nil, "", .onsite, nil),
    ] as [([String], RemotePreference?, String, WorkMode, Double?)])
    func locationTable(places: [String], preference: RemotePreference?, jobLocation: String, mode: WorkMode,
                       expected: Double?) {
        let candidate = MatchCandidate(id: "c", preferredLocations: places, remotePreference: preference)
        let job = MatchJob(id: "j", location: LocationParser.parse(jobLocation), locationText: jobLocation,
                           workMode: mode)
        #expect(scorer.score(candidate, job).location == expected)
    }

    @Test(arguments: [(79.99, "B"), (80, "A"), (49.99, nil), (50, "D"), (69.99, "C"), (100, "A")]
          as [(Double, String?)])
    func gradeBoundaries(score: Double, grade: String?) {
        #expect(ScoringConfig.standard.grade(for: score) == grade)
    }

    @Test func semanticUsesSameModelCosineAndLeavesOutOtherModels() {
        let candidate = MatchCandidate(id: "c", skills: ["Python"], embedding: [3, 4, 0], embeddingModel: "minilm-384")
        var job = MatchJob(id: "j", skills: ["Python"], embedding: [4, 3, 0], embeddingModel: "minilm-384")
        #expect(scorer.score(candidate, job).semantic == 96)  // cos = 24/25
        job.embeddingModel = "gemini-768"
        let score = scorer.score(candidate, job)
        #expect(score.semantic == nil)
        #expect(score.matchScore == 100)
        #expect(score.explanation.weightsUsed["semantic"] == nil)
        #expect(score.explanation.components[4].evidence[0].contains("models differ"))
        #expect(score.explanation.missing.contains("embeddings from the same model"))
    }

    @Test func configurableWeightsAndThreshold() {
        var config = ScoringConfig()
        config.weights = .init(skills: 1, experience: 0, location: 0, salary: 0, semantic: 0)
        config.threshold = 70
        let scorer = MatchScorer(config: config)
        let score = scorer.score(Self.seedCandidate, Self.seedJob, semanticOverride: 0.78)
        #expect(score.matchScore == 66.7)
        #expect(score.grade == nil)
    }

    @Test func explanationEncodesWithSnakeCaseKeys() throws {
        let score = scorer.score(Self.seedCandidate, Self.seedJob, semanticOverride: 0.78)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(score), as: UTF8.self)
        for key in ["\"match_score\":80.98", "\"matched_skills\"", "\"missing_skills\"", "\"weights_used\"",
                    "\"scoring_version\":\"match-v1\"", "\"applied_weight\"", "\"grade\":\"A\""] {
            #expect(text.contains(key), "\(key)")
        }
        let decoded = try JSONDecoder().decode(MatchScore.self, from: Data(text.utf8))
        #expect(decoded == score)
    }
}
