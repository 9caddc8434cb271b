import Core
import Foundation
import Testing

@testable import Embedding

/// One labelled pair of `Fixtures/role-title-pairs.tsv`.
struct TitlePair: Sendable {
    let a: String
    let b: String
    let isSameRole: Bool

    /// The labelled set shipped with the tests.
    static let all: [TitlePair] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/role-title-pairs.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 3 else { return nil }
            return TitlePair(a: f[0], b: f[1], isSameRole: f[2] == "1")
        }
    }()
}

/// Precision, recall and F1 of "cosine >= threshold means same role" on labelled pairs.
struct ThresholdScore {
    let threshold: Double
    let truePositives: Int
    let falsePositives: Int
    let falseNegatives: Int
    var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
    var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
    var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    init(threshold: Double, cosines: [Double], labels: [Bool]) {
        self.threshold = threshold
        var tp = 0, fp = 0, fn = 0
        for (c, same) in zip(cosines, labels) {
            if c >= threshold { if same { tp += 1 } else { fp += 1 } } else if same { fn += 1 }
        }
        truePositives = tp
        falsePositives = fp
        falseNegatives = fn
    }
}

@Suite("Role-normalization threshold calibration (real MiniLM)")
struct RoleThresholdCalibrationTests {
    @Test("the labelled set has >= 150 pairs with both labels and the named hard negatives")
    func labelledSet() {
        let pairs = TitlePair.all
        #expect(pairs.count >= 150)
        #expect(pairs.filter(\.isSameRole).count >= 60)
        #expect(pairs.filter { !$0.isSameRole }.count >= 60)
        #expect(pairs.contains { $0.a == "Java Developer" && $0.b == "JavaScript Developer" && !$0.isSameRole })
        #expect(pairs.contains { $0.a == "Data Engineer" && $0.b == "Data Analyst" && !$0.isSameRole })
        #expect(pairs.contains { $0.a == "Senior Python Developer" && $0.b == "Python Developer" && $0.isSameRole })
    }

    /// Precision >= 0.90 and recall >= 0.78 at the configured MiniLM threshold (see README for the table).
    @Test("precision and recall at the configured MiniLM threshold stay above the bar")
    func configuredThreshold() throws {
        guard let embedder = MiniLMFixture.embedder() else { return }
        let pairs = TitlePair.all
        // What RoleNormalizer compares: the role part of each title (level words dropped).
        let va = try embedder.embed(pairs.map { RoleTitle.canonical($0.a) }, task: .document)
        let vb = try embedder.embed(pairs.map { RoleTitle.canonical($0.b) }, task: .document)
        let cosines = zip(va, vb).map { Double(cosine($0, $1)) }
        let labels = pairs.map(\.isSameRole)
        let threshold = RoleNormalizationConfig.standard.threshold(for: embedder.model)
        #expect(threshold == RoleNormalizationConfig.miniLMThreshold)
        if ProcessInfo.processInfo.environment["CENTRALD_CALIBRATION_TABLE"] != nil {
            for t in stride(from: 0.50, through: 0.951, by: 0.025) {
                let s = ThresholdScore(threshold: t, cosines: cosines, labels: labels)
                print(String(format: "threshold %.3f  precision %.3f  recall %.3f  F1 %.3f  (tp %d fp %d fn %d)",
                             t, s.precision, s.recall, s.f1, s.truePositives, s.falsePositives, s.falseNegatives))
            }
            for (p, c) in zip(pairs, cosines) where (c >= threshold) != p.isSameRole {
                print(String(format: "miss %.3f %@ | %@ | same=%@", c, p.a, p.b, p.isSameRole ? "1" : "0"))
            }
        }
        let s = ThresholdScore(threshold: threshold, cosines: cosines, labels: labels)
        #expect(s.precision >= 0.90, "precision \(s.precision) at \(threshold)")
        #expect(s.recall >= 0.78, "recall \(s.recall) at \(threshold)")
        // The hard negatives named in the issue stay apart at the chosen threshold.
        for (a, b) in [("Java Developer", "JavaScript Developer"), ("Data Engineer", "Data Analyst")] {
            let v = try embedder.embed([a, b], task: .document)
            #expect(Double(cosine(v[0], v[1])) < threshold, "\(a) vs \(b)")
        }
    }
}
