import Foundation
import Testing
@testable import Core

@Test func scratch() throws {
    let text = try String(contentsOfFile: "/work/shared/data/strings.tsv", encoding: .utf8)
    for row in LocationSkillAccuracyTests.rows(text) where row.kind == "location" || row.kind == "skill" {
        if row.kind == "location" {
            let (l, d) = LocationSkillAccuracyTests.evaluateLocation(row.string)
            print("L| \(row.string.prefix(70)) => \(l.city ?? "-") / \(l.region ?? "-") / \(l.country ?? "-") / r=\(l.remote) / \(d.mode) \(d.evidence ?? "")")
        } else {
            print("S| \(row.string.prefix(90)) => \(SkillExtractor.shared.canonicalize([row.string]))")
        }
    }
}
