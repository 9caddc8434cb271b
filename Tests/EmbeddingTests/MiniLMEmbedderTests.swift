import Core
import Foundation
import Testing

@testable import Embedding

@Suite("MiniLM embedder")
struct MiniLMEmbedderTests {
    @Test("published fastembed values: \"hello world\" first five dimensions")
    func helloWorld() throws {
        guard let embedder = MiniLMFixture.embedder() else { return }
        let vector = try embedder.embed(["hello world"], task: .document)[0]
        #expect(vector.count == 384)
        let expected: [Float] = [-0.034477, 0.031023, 0.006735, 0.026109, -0.039362]
        for (got, want) in zip(vector.prefix(5), expected) {
            #expect(abs(got - want) < 2e-5, "got \(Array(vector.prefix(5)))")
        }
    }

    @Test("published fastembed-rs sums of the 384 values")
    func publishedSums() throws {
        guard let embedder = MiniLMFixture.embedder() else { return }
        let vectors = try embedder.embed(
            [
                "Hello, World!", "This is an example passage.", "fastembed-rs is licensed under Apache-2.0",
                "Some other short text here blah blah blah",
            ], task: .document)
        let sums = vectors.map { $0.reduce(0, +) }
        let expected: [Float] = [0.596054, 0.365428, -0.16450031, -0.40903988]
        for (got, want) in zip(sums, expected) {
            #expect(abs(got - want) < 1e-4, "sums \(sums)")
        }
    }

    @Test("vectors have unit length, batched equals one by one")
    func batchedMatchesSingle() throws {
        guard let embedder = MiniLMFixture.embedder() else { return }
        let texts = [
            "Senior Python Developer", "Registered Nurse - ICU night shift",
            String(repeating: "Kubernetes Terraform AWS engineer ", count: 60), "",
        ]
        let batched = try embedder.embed(texts, task: .document)
        for (text, vector) in zip(texts, batched) {
            let single = try embedder.embed([text], task: .query)[0]
            #expect(cosine(single, vector) > 0.99999)
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
        #expect(try embedder.embed([], task: .document).isEmpty)
    }

    @Test("two workers over small batches give the same vectors in the same order")
    func workers() throws {
        guard case .success(let single) = MiniLMFixture.loaded else { _ = MiniLMFixture.embedder(); return }
        let parallel = try MiniLMEmbedder(directory: single.directory, batchSize: 2, workers: 2)
        let texts = EmbeddingBenchmark.roleNames(count: 7) + ["Zürich Café — Backend-Entwickler", "hello world"]
        let a = try single.embed(texts, task: .document)
        let b = try parallel.embed(texts, task: .document)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(cosine(x, y) > 0.99999) }
    }

    @Test("matches the shared reference vectors (token ids equal, cosine >= 0.9999)")
    func sharedReference() throws {
        guard let cases = SharedReference.cases else { return }  // the project's tests do not need ../shared
        guard let embedder = MiniLMFixture.embedder() else { return }
        #expect(cases.count == 10)
        let vectors = try embedder.embed(cases.map(\.text), task: .document)
        var lowest: Float = 1
        for (reference, vector) in zip(cases, vectors) {
            #expect(embedder.tokenizer.tokenIDs(reference.text) == reference.token_ids, "\(reference.text)")
            let c = cosine(vector, reference.vector)
            lowest = min(lowest, c)
            #expect(c >= 0.9999, "\(reference.text): cosine \(c)")
        }
        print("MiniLM shared reference: \(cases.count) texts, min cosine \(String(format: "%.8f", Double(lowest)))")
    }

    @Test("a missing model directory names make setup")
    func missingModel() {
        #expect {
            _ = try MiniLMEmbedder(directory: URL(fileURLWithPath: "/nonexistent/model"))
        } throws: { error in
            "\(error)".contains("make setup")
        }
        #expect {
            _ = try ModelLocator.modelDirectory(environment: ["CENTRALD_MODEL_DIR": "/nonexistent"])
        } throws: { error in
            "\(error)".contains("make setup") && "\(error)".contains("CENTRALD_MODEL_DIR")
        }
    }
}
