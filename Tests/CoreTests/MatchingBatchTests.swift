import Foundation
import Testing

@testable import Core

@Suite struct MatchingBatchTests {
    @Test func batchEqualsScalarForRandomPairs() {
        let (people, postings) = MatchingBenchmark.syntheticInputs(candidates: 200, jobs: 500, seed: 7)
        let scorer = MatchScorer()
        let matcher = BatchMatcher(candidates: people, jobs: postings, scorer: scorer)
        let all = matcher.scoreAll(threshold: -1)
        #expect(all.count == 200 * 500)
        var mismatches = 0
        func same(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) <= 1e-9
            default: return false
            }
        }
        for match in all {
            let scalar = scorer.score(matcher.candidates[Int(match.candidate)], matcher.jobs[Int(match.job)])
            let equal = same(match.matchScore, scalar.matchScore) && same(match.skills, scalar.skills)
                && same(match.experience, scalar.experience) && same(match.location, scalar.location)
                && same(match.salary, scalar.salary) && same(match.semantic, scalar.semantic)
            if !equal { mismatches += 1 }
        }
        #expect(mismatches == 0)
        // Every component branch was exercised: present and left out.
        #expect(all.contains { $0.semantic == nil } && all.contains { $0.semantic != nil })
        #expect(all.contains { $0.salary == nil } && all.contains { $0.salary != nil })
        #expect(all.contains { $0.location == nil } && all.contains { $0.location != nil })
        #expect(all.contains { $0.experience == nil } && all.contains { $0.experience != nil })
        #expect(all.contains { $0.skills == 0 } && all.contains { $0.skills == 100 })
    }

    @Test func keptPairsReachThresholdAndExplainLikeTheScorer() {
        let (people, postings) = MatchingBenchmark.syntheticInputs(candidates: 60, jobs: 90, seed: 11)
        let matcher = BatchMatcher(candidates: people, jobs: postings)
        let kept = matcher.scoreAll()
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { $0.matchScore >= 50 })
        let everything = matcher.scoreAll(threshold: -1)
        #expect(kept == everything.filter { $0.matchScore >= 50 })
        let first = matcher.matchScore(for: kept[0])
        #expect(first.matchScore == kept[0].matchScore)
        #expect(first.grade != nil)
        #expect(first == MatchScorer().score(people[Int(kept[0].candidate)], postings[Int(kept[0].job)]))
    }

    @Test func blockedScoringUsesOnlyTheGivenJobs() {
        let (people, postings) = MatchingBenchmark.syntheticInputs(candidates: 20, jobs: 40, seed: 3)
        let matcher = BatchMatcher(candidates: people, jobs: postings)
        let blocks = (0..<20).map { c in Array(stride(from: c % 2, to: 40, by: 2)) }
        let blocked = matcher.score(jobIndices: blocks, threshold: -1)
        #expect(blocked.count == 20 * 20)
        #expect(blocked.allSatisfy { Int($0.job) % 2 == Int($0.candidate) % 2 })
        let all = matcher.scoreAll(threshold: -1)
        #expect(blocked == all.filter { Int($0.job) % 2 == Int($0.candidate) % 2 })
    }

    @Test func seedExampleThroughTheBatchEngine() {
        let matcher = BatchMatcher(candidates: [MatchScorerTests.seedCandidate], jobs: [MatchScorerTests.seedJob])
        let pair = matcher.pair(0, 0)
        #expect(pair.skills == 66.7 && pair.experience == 100 && pair.location == 90 && pair.salary == 80)
        #expect(pair.semantic == nil)
        // Without the semantic override: (66.7×40 + 100×25 + 90×15 + 80×10) / 90 = 81.31
        #expect(pair.matchScore == 81.31)
    }
}
