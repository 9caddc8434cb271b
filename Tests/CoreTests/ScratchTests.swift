import Foundation
import Testing
@testable import Core

@Test func scratch() throws {
    let descs = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "/tmp/pt_descs.json"))) as! [String]
    let ex = SkillExtractor.shared
    var counts: [String: Int] = [:]
    for d in descs {
        let clean = TextCleaner.clean(d)
        let tokens = SkillTokenizer.tokens(clean)
        let bytes = Array(clean.utf8)
        for m in ex.matches(in: tokens, listMode: false) {
            let name = ex.taxonomy.skills[m.skill].name
            counts[name, default: 0] += 1
            guard ["Swift", "R", "C", "Go", "Rust", "Spring", "Node.js", "Express.js", "Dart", "Julia", "Epic", "Phoenix", "Assembly", "Pig", "Gin", "Notion", "Chef", "Ember.js", "Backbone.js", "Meteor.js", "SAS", "REST APIs", "React", "Excel", "Unity"].contains(name) else { continue }
            let s = max(0, tokens[m.first].start - 35), e = min(bytes.count, tokens[m.first + m.count - 1].end + 35)
            print("M| \(name) | \(String(decoding: bytes[s..<e], as: UTF8.self).replacingOccurrences(of: "\n", with: " "))")
        }
    }
    print("C| \(counts.sorted { $0.value > $1.value }.prefix(80))")
}
