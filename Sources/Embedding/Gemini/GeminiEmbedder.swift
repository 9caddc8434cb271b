import Core
import Foundation

/// Gemini `gemini-embedding-001` over libcurl: batches of at most 100, retries on 429/5xx, unit-length vectors.
public struct GeminiEmbedder: Embedder {
    /// The current text embedding model (`embedding-001` is retired).
    public static let defaultModel = "gemini-embedding-001"
    /// The public endpoint; tests point `baseURL` at a local server.
    public static let defaultBaseURL = "https://generativelanguage.googleapis.com"
    /// The API's limit on requests in one `batchEmbedContents` call.
    public static let maxBatchSize = 100

    public let model: String
    public let dimension: Int
    /// Scheme, host and port; `/v1beta/models/…` is appended.
    public let baseURL: String
    /// Texts per request, at most 100.
    public let batchSize: Int
    /// Tries per request, the first one included.
    public let maxAttempts: Int
    /// First backoff delay in seconds when the server gives none; doubled per attempt, with jitter.
    public let baseDelay: Double
    /// Longest single wait, in seconds.
    public let maxDelay: Double
    /// Whole-request timeout in seconds (connect timeout is the smaller of 10 s and this).
    public let requestTimeout: Double
    private let apiKey: String
    private let sleep: @Sendable (Double) -> Void
    private let jitter: @Sendable () -> Double

    /// A client for `apiKey`. `sleep` waits the given seconds and `jitter` returns a value in 0..<1;
    /// both are injectable so tests run without waiting.
    public init(
        apiKey: String, model: String = GeminiEmbedder.defaultModel, dimension: Int = 768,
        baseURL: String = GeminiEmbedder.defaultBaseURL, batchSize: Int = GeminiEmbedder.maxBatchSize,
        maxAttempts: Int = 5, baseDelay: Double = 1, maxDelay: Double = 120, requestTimeout: Double = 60,
        sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.apiKey = apiKey
        self.model = model
        self.dimension = dimension
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.batchSize = min(max(1, batchSize), Self.maxBatchSize)
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.requestTimeout = requestTimeout
        self.sleep = sleep
        self.jitter = jitter
    }

    /// A client configured from `GEMINI_API_KEY` and optional `GEMINI_BASE_URL`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let key = environment["GEMINI_API_KEY"], !key.isEmpty else { throw GeminiError.missingAPIKey }
        let base = environment["GEMINI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultBaseURL
        self.init(apiKey: key, baseURL: base)
    }

    /// One unit-length vector per text, in input order; RETRIEVAL_DOCUMENT or RETRIEVAL_QUERY from `task`.
    public func embed(_ texts: [String], task: EmbeddingTask) throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let end = min(start + batchSize, texts.count)
            vectors += try embedBatch(Array(texts[start..<end]), task: task)
            start = end
        }
        return vectors
    }

    private func embedBatch(_ texts: [String], task: EmbeddingTask) throws -> [[Float]] {
        let taskType = task == .document ? "RETRIEVAL_DOCUMENT" : "RETRIEVAL_QUERY"
        let body = try GeminiWire.batchBody(texts, model: model, task: taskType, dimension: dimension)
        let response = try send(body)
        guard let decoded = try? JSONDecoder().decode(GeminiWire.BatchResponse.self, from: response.body) else {
            throw GeminiError.invalidResponse(reason: "body is not {\"embeddings\": [{\"values\": …}]}")
        }
        guard decoded.embeddings.count == texts.count else {
            throw GeminiError.invalidResponse(
                reason: "\(decoded.embeddings.count) embeddings for \(texts.count) texts")
        }
        return try decoded.embeddings.map { embedding in
            guard embedding.values.count == dimension else {
                throw GeminiError.invalidResponse(
                    reason: "vector of \(embedding.values.count) values, expected \(dimension)")
            }
            return Self.normalized(embedding.values)
        }
    }

    /// POSTs with retries: 429 (unless per-day) and 5xx wait `RetryInfo`, `Retry-After`, or exponential backoff.
    private func send(_ body: Data) throws -> HTTPResponse {
        let url = "\(baseURL)/v1beta/models/\(model):batchEmbedContents"
        // "Expect:" stops libcurl's 1-second wait for "100 Continue" on large bodies.
        let headers = ["Content-Type: application/json", "x-goog-api-key: \(apiKey)", "Expect:"]
        var lastError = GeminiError.transport(message: "no attempt made")
        for attempt in 1...maxAttempts {
            var hintedDelay: Double?
            do {
                let response = try CurlEasy().post(
                    url: url, headers: headers, body: body, connectTimeout: min(10, requestTimeout),
                    timeout: requestTimeout)
                if (200..<300).contains(response.status) { return response }
                let info = GeminiWire.errorInfo(response.body)
                let message = redacted(info.message)
                switch response.status {
                case 400 where info.reasons.contains("API_KEY_INVALID"):
                    throw GeminiError.invalidAPIKey
                case 429 where info.isPerDayQuota:
                    throw GeminiError.quotaExhausted(message: message)
                case 429, 500...599:
                    lastError = .http(status: response.status, message: message)
                    hintedDelay = info.retryDelay ?? response.headers["retry-after"].flatMap(Double.init)
                default:
                    throw GeminiError.http(status: response.status, message: message)
                }
            } catch let error as CurlTransportError {
                lastError = .transport(message: redacted(error.message))
            }
            if attempt == maxAttempts { break }
            let backoff = baseDelay * Double(1 << (attempt - 1)) * (1 + jitter())
            sleep(min(hintedDelay ?? backoff, maxDelay))
        }
        throw lastError
    }

    /// Server messages could echo request data; the key never leaves this type.
    private func redacted(_ text: String) -> String {
        apiKey.isEmpty ? text : text.replacingOccurrences(of: apiKey, with: "[redacted]")
    }

    static func normalized(_ values: [Float]) -> [Float] {
        let norm = values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0 else { return values }
        return values.map { Float(Double($0) / norm) }
    }
}

extension GeminiEmbedder: CustomStringConvertible, CustomDebugStringConvertible {
    /// Model and endpoint only: printing the client never shows the key.
    public var description: String { "GeminiEmbedder(\(model)@\(dimension), \(baseURL))" }
    public var debugDescription: String { description }
}
