import Core
import Foundation

/// The offline default embedder: sentence-transformers all-MiniLM-L6-v2 (384-d, mean pooling, unit length).
public final class MiniLMEmbedder: Embedder {
    /// The model id stored next to each vector.
    public static let modelID = "all-MiniLM-L6-v2"

    public let model = MiniLMEmbedder.modelID
    public let dimension = BertModel.hidden
    /// The tokenizer, exposed so callers can count tokens (texts are cut at 256).
    public let tokenizer: WordPieceTokenizer
    /// Texts packed into one forward pass; the total is also capped at `maxTokensPerBatch`.
    public let batchSize: Int
    /// Upper bound on the rows of one packed forward pass.
    public let maxTokensPerBatch: Int
    /// The folder the weights were read from.
    public let directory: URL
    private let bert: BertModel

    /// Loads `model.safetensors` and `vocab.txt` from `directory`, or from `ModelLocator.modelDirectory()`.
    public init(directory: URL? = nil, batchSize: Int = 32, maxTokensPerBatch: Int = 4096) throws {
        let dir = try directory ?? ModelLocator.modelDirectory()
        guard ModelLocator.containsModel(dir) else { throw MiniLMError.modelNotFound(searched: [dir.path]) }
        self.directory = dir
        tokenizer = try WordPieceTokenizer(vocabFile: dir.appendingPathComponent("vocab.txt"))
        bert = try BertModel(file: SafeTensors(url: dir.appendingPathComponent("model.safetensors")))
        self.batchSize = max(1, batchSize)
        self.maxTokensPerBatch = max(256, maxTokensPerBatch)
    }

    /// One 384-d unit vector per text; `task` does not change this model's output.
    public func embed(_ texts: [String], task: EmbeddingTask) throws -> [[Float]] {
        embed(tokenIDs: texts.map(tokenizer.tokenIDs))
    }

    /// Vectors for already-tokenized texts (each from `tokenizer.tokenIDs`).
    public func embed(tokenIDs sequences: [[Int32]]) -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        var batch: [[Int32]] = []
        var tokens = 0
        for ids in sequences {
            if !batch.isEmpty && (batch.count >= batchSize || tokens + ids.count > maxTokensPerBatch) {
                vectors += bert.embed(batch)
                batch.removeAll(keepingCapacity: true)
                tokens = 0
            }
            batch.append(ids)
            tokens += ids.count
        }
        if !batch.isEmpty { vectors += bert.embed(batch) }
        return vectors
    }
}
