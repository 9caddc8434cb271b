import Foundation
import Testing

@testable import Embedding

/// The model loaded once for all tests; a missing model is a failure that says to run `make setup`.
enum MiniLMFixture {
    static let loaded: Result<MiniLMEmbedder, Error> = Result { try MiniLMEmbedder() }

    /// The embedder, or a recorded failure naming `make setup`.
    static func embedder(sourceLocation: SourceLocation = #_sourceLocation) -> MiniLMEmbedder? {
        switch loaded {
        case .success(let embedder):
            return embedder
        case .failure(let error):
            Issue.record("MiniLM model not available — run `make setup`: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

/// One case of `shared/data/embeddings/minilm-reference.json`.
struct ReferenceCase: Decodable, Sendable {
    let text: String
    let token_ids: [Int32]
    let vector: [Float]
}

/// The shared reference file, when the shared folder exists next to the repository (or CENTRALD_SHARED_DATA).
enum SharedReference {
    static let cases: [ReferenceCase]? = {
        let env = ProcessInfo.processInfo.environment["CENTRALD_SHARED_DATA"]
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dataDir =
            env.map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/data")
        let file = dataDir.appendingPathComponent("embeddings/minilm-reference.json")
        struct File: Decodable { let cases: [ReferenceCase] }
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data).cases
    }()
}

func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var dot: Float = 0
    var na: Float = 0
    var nb: Float = 0
    for i in a.indices {
        dot += a[i] * b[i]
        na += a[i] * a[i]
        nb += b[i] * b[i]
    }
    return dot / (na.squareRoot() * nb.squareRoot())
}
