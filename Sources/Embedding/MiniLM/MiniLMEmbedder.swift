import COpenBLAS
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
    /// Threads running packed batches at once.
    public let workers: Int
    /// The folder the weights were read from.
    public let directory: URL
    private let bert: BertModel

    /// Loads `model.safetensors` and `vocab.txt` from `directory`, or from `ModelLocator.modelDirectory()`.
    /// `workers` > 1 runs packed batches on that many threads; pair it with `setBLASThreads(1)` (measured on
    /// 2 cores: 2 workers × 1 BLAS thread ≈ 1.6× one worker; 2 workers × 2 BLAS threads is far slower).
    public init(directory: URL? = nil, batchSize: Int = 32, maxTokensPerBatch: Int = 4096, workers: Int = 1) throws {
        let dir = try directory ?? ModelLocator.modelDirectory()
        guard ModelLocator.containsModel(dir) else { throw MiniLMError.modelNotFound(searched: [dir.path]) }
        self.directory = dir
        tokenizer = try WordPieceTokenizer(vocabFile: dir.appendingPathComponent("vocab.txt"))
        bert = try BertModel(file: SafeTensors(url: dir.appendingPathComponent("model.safetensors")))
        self.batchSize = max(1, batchSize)
        self.maxTokensPerBatch = max(256, maxTokensPerBatch)
        self.workers = max(1, workers)
    }

    /// Threads OpenBLAS uses inside one matrix product, for the whole process (like `OPENBLAS_NUM_THREADS`).
    public static func setBLASThreads(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// One 384-d unit vector per text; `task` does not change this model's output.
    public func embed(_ texts: [String], task: EmbeddingTask) throws -> [[Float]] {
        embed(tokenIDs: texts.map(tokenizer.tokenIDs))
    }

    /// Vectors for already-tokenized texts (each from `tokenizer.tokenIDs`).
    public func embed(tokenIDs sequences: [[Int32]]) -> [[Float]] {
        var batches: [[[Int32]]] = []
        var batch: [[Int32]] = []
        var tokens = 0
        for ids in sequences {
            if !batch.isEmpty && (batch.count >= batchSize || tokens + ids.count > maxTokensPerBatch) {
                batches.append(batch)
                batch = []
                tokens = 0
            }
            batch.append(ids)
            tokens += ids.count
        }
        if !batch.isEmpty { batches.append(batch) }
        if workers == 1 || batches.count == 1 {
            return batches.flatMap { bert.embed($0) }
        }
        let results = BatchResults(count: batches.count)
        let threads = min(workers, batches.count)
        let packed = batches
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for index in stride(from: worker, to: packed.count, by: threads) {
                results.set(index, bert.embed(packed[index]))
            }
        }
        return results.joined()
    }
}

/// Per-batch results written by several workers, each index by exactly one.
private final class BatchResults: @unchecked Sendable {
    // @unchecked: writes go to distinct indices under `lock`; reads happen after concurrentPerform returns.
    private var slots: [[[Float]]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ vectors: [[Float]]) {
        lock.lock()
        slots[index] = vectors
        lock.unlock()
    }

    func joined() -> [[Float]] { slots.flatMap { $0 } }
}
