import Testing

@testable import Core

struct KeywordExtractorTests {
    @Test func titleWordsThenSkillsThenFrequentTerms() {
        let description = "Build data pipelines in Python. Pipelines feed dashboards; dashboards feed decisions. "
            + "You will own pipelines and dashboards with the analytics team."
        let keywords = KeywordExtractor.keywords(
            title: "Senior Data Engineer (Hybrid)", description: description, skills: ["Python", "SQL", "C#"])
        #expect(keywords == ["data", "engineer", "python", "sql", "c#", "pipelines", "dashboards", "feed"])
    }

    @Test func capAndDeduplication() {
        let description = (1...40).map { "term\($0) term\($0)" }.joined(separator: " ")
        let keywords = KeywordExtractor.keywords(title: "Java Java Developer", description: description, skills: ["Java"])
        #expect(keywords.count == 20)
        #expect(keywords.prefix(3) == ["java", "developer", "term1"])
        #expect(Set(keywords).count == keywords.count)
    }

    @Test func emptyInput() {
        #expect(KeywordExtractor.keywords(title: "", description: "", skills: []).isEmpty)
    }
}
