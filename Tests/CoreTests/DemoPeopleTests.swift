import Foundation
import Testing

@testable import Core

private let demoNow = Date(timeIntervalSince1970: 1_747_656_000)

@Test func candidatesUseOnlyExampleDomainsAndAreDeterministic() {
    let demo = DemoDataset(now: demoNow)
    let candidates = demo.candidates()
    #expect(candidates.count == 300)
    #expect(candidates == demo.candidates())
    #expect(Set(candidates.map(\.tenantSlug)) == Set(demo.tenants.map(\.slug)))
    let emails = candidates.compactMap(\.record.email)
    #expect(emails.count == 300 && Set(emails).count == 300)
    #expect(emails.allSatisfy { $0.hasSuffix("@example.com") || $0.hasSuffix("@example.org") })
    let roleNames = Set(demo.roles.map(\.name))
    #expect(candidates.allSatisfy { !$0.record.skills.isEmpty && $0.record.preferredRoles.allSatisfy(roleNames.contains) })
    #expect(Set(candidates.map(\.record.remotePreference)) == [.remote, .hybrid, .onsite, .any])
    // Skills are stored the way the candidate importer stores them: canonical names.
    let skills = Set(candidates.flatMap(\.record.skills))
    #expect(skills == Set(SkillExtractor.shared.canonicalize(Array(skills))))
}

@Test func rolesAndScrapers() {
    let demo = DemoDataset(now: demoNow)
    #expect(demo.roles.count == 25)
    #expect(demo.roles.allSatisfy { $0.aliases.count >= 2 })
    #expect(demo.scrapers.map(\.name) == ["scraper-a", "scraper-b", "scraper-c", "scraper-d", "scraper-e"])
    #expect(demo.tenants.count == 3)
}

@Test func scrapeHistoryCoversTheLastDayWithEveryStatus() {
    for seed: UInt64 in [42, 1, 2, 3] {
        let runs = DemoDataset(seed: seed, now: demoNow).scrapeHistory()
        #expect((120...180).contains(runs.count))
        #expect(Set(runs.map(\.status)) == Set(ScrapeStatus.allCases))
        #expect(runs.allSatisfy { $0.startedAt >= demoNow.addingTimeInterval(-86_400) && $0.startedAt <= demoNow })
        #expect(runs.allSatisfy { ($0.finishedAt ?? demoNow) <= demoNow })
        let running = runs.filter { $0.status == .inProgress }
        #expect(running.count == 2 && running.allSatisfy { $0.finishedAt == nil })
        let completed = runs.filter { $0.status == .completed }.count
        #expect(Double(completed) / Double(runs.count) > 0.7)
        let lastOfE = runs.filter { $0.scraper == "scraper-e" }.compactMap(\.finishedAt).max()!
        #expect(demoNow.timeIntervalSince(lastOfE) >= 3 * 3600)
        #expect(runs.filter { $0.status == .failed || $0.status == .timeout }.allSatisfy { $0.errorMessage != nil })
    }
}

@Test func benchFileHasOneUniquePostingPerLine() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: url) }
    try DemoDataset.writeBenchFile(postings: 1_000, to: url, seed: 9)
    let data = try Data(contentsOf: url)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 1_000)
    var ids: Set<String> = []
    for line in lines {
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        ids.insert(try #require(object["external_id"] as? String))
        let size = (object["description"] as? String ?? "").utf8.count
        #expect((1_200...4_000).contains(size))
    }
    #expect(ids.count == 1_000)
    let again = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: again) }
    try DemoDataset.writeBenchFile(postings: 1_000, to: again, seed: 9)
    #expect(try Data(contentsOf: again) == data)
}
