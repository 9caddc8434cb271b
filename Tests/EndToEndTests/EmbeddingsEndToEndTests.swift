import Data
import Foundation
import Testing

/// The `embeddings` and `roles` commands of the real binary.
@Suite("centrald embeddings / roles", .serialized)
struct EmbeddingsEndToEndTests {
    @Test func geminiWithoutKeyIsAClearUsageError() throws {
        var env = Binary.environment
        env.removeValue(forKey: "GEMINI_API_KEY")
        let r = try ProcessRunner.run([Binary.path, "embeddings", "fill", "--model", "gemini"], environment: env,
                                      separateStderr: true)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--model gemini needs GEMINI_API_KEY"))
        let bad = try Binary.run(["embeddings", "fill", "--only", "people"])
        #expect(bad.status == 2 && bad.stderr.contains("--only takes jobs, candidates or roles"))
    }

    @Test func rolesFillStatusAndNormalize() throws {
        let fill = try Binary.run(["embeddings", "fill", "--only", "roles", "--json"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(fill.stdout.utf8)) as? [String: Any])
        #expect(summary["model"] as? String == "all-MiniLM-L6-v2")
        // Not a terminal: plain progress lines on stderr, ending at 100 %.
        #expect(fill.stderr.split(separator: "\n").last?.hasPrefix("100% roles") == true, "\(fill.stderr)")

        let status = try Binary.run(["embeddings", "status", "--json"])
        let s = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(s["model"] as? String == "all-MiniLM-L6-v2")
        #expect(Set((s["missing"] as? [String: Int])?.keys.map { $0 } ?? []) == ["jobs", "candidates", "roles"])

        let r = try Binary.run(["roles", "normalize", "Underwater Basket Weaver (m/f/d)"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(line["role"] as? String == "Underwater Basket Weaver")
        #expect(line["method"] as? String == "created")
        #expect(line["role_id"] is NSNull)  // without --apply nothing is written
    }
}
