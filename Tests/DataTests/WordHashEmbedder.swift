import Core
import Foundation

/// A small deterministic embedder for Data tests: each lower-cased word adds 1 to a dimension chosen by a
/// stable hash (FNV-1a), then the vector is L2-normalized. Texts with the same words get cosine 1, texts with no
/// word in common get 0 (barring hash collisions). Counts its calls so tests can check batching.
final class WordHashEmbedder: Embedder, @unchecked Sendable {
    let model: String
    let dimension: Int
    private(set) var calls: [Int] = []

    /// Stores under the MiniLM model id by default so that the MiniLM HNSW index (384 dims) serves the vectors.
    init(model: String = "all-MiniLM-L6-v2", dimension: Int = 384) {
        self.model = model
        self.dimension = dimension
    }

    func embed(_ texts: [String], task: EmbeddingTask) throws -> [[Float]] {
        calls.append(texts.count)
        return texts.map(vector)
    }

    func vector(_ text: String) -> [Float] {
        var v = [Float](repeating: 0, count: dimension)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            v[Int(h % UInt64(dimension))] += 1
        }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { v = v.map { $0 / norm } } else { v[0] = 1 }
        return v
    }
}
