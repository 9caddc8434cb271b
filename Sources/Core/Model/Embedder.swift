/// What a text is embedded for; some models (Gemini) embed documents and queries differently.
public enum EmbeddingTask: String, Sendable {
    /// A stored item that will be searched: a job posting, a candidate profile, a canonical role.
    case document
    /// The text a search starts from.
    case query
}

/// Turns texts into vectors of one model's space; vectors of different models are never compared.
public protocol Embedder: Sendable {
    /// The model id recorded next to every stored vector, e.g. "all-MiniLM-L6-v2".
    var model: String { get }
    /// Length of every vector this embedder returns.
    var dimension: Int { get }
    /// One unit-length vector per text, in input order.
    func embed(_ texts: [String], task: EmbeddingTask) throws -> [[Float]]
}
