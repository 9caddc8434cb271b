import Core
import Foundation
import Testing

@testable import Embedding

/// Records the waits the client asks for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    var sleeps: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
    func sleep(_ seconds: Double) {
        lock.lock()
        recorded.append(seconds)
        lock.unlock()
    }
}

/// Gemini wire format, as documented in research/gemini-embeddings.md.
enum FakeGemini {
    static let key = "test-key-AIzaSyDUMMY0123456789"

    /// A 200 answer: for text "t<n>", values[0] = n + 1 and every other value 1, so order and normalization show.
    static func embeddings(for request: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
        let requests = request.json?["requests"] as? [[String: Any]] ?? []
        let items = requests.map { item -> String in
            let dimension = item["outputDimensionality"] as? Int ?? 3072
            let parts = (item["content"] as? [String: Any])?["parts"] as? [[String: Any]]
            let text = parts?.first?["text"] as? String ?? ""
            let first = Double(text.dropFirst()).map { $0 + 1 } ?? 1
            let values = [String(first)] + Array(repeating: "1", count: dimension - 1)
            return "{\"values\": [\(values.joined(separator: ","))]}"
        }
        return .init(status: 200, body: "{\"embeddings\": [\(items.joined(separator: ","))]}")
    }

    static let perMinute429 = """
        {"error": {"code": 429, "message": "You exceeded your current quota. Please retry in 33.384105706s.",
          "status": "RESOURCE_EXHAUSTED", "details": [
            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
              {"quotaMetric": "generativelanguage.googleapis.com/embed_content_free_tier_requests",
               "quotaId": "EmbedContentRequestsPerMinutePerUserPerProjectPerModel-FreeTier", "quotaValue": "100"}]},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "33s"}]}}
        """
    static let perDay429 = """
        [{"error": {"code": 429, "message": "Quota exceeded for metric: embed_content_free_tier_requests, limit: 1000",
          "status": "RESOURCE_EXHAUSTED", "details": [
            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
              {"quotaMetric": "generativelanguage.googleapis.com/embed_content_free_tier_requests",
               "quotaId": "EmbedContentRequestsPerDayPerUserPerProjectPerModel-FreeTier", "quotaValue": "1000"}]},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "14s"}]}}]
        """
    static let invalidKey400 = """
        {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
          "status": "INVALID_ARGUMENT", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
             "domain": "googleapis.com", "metadata": {"service": "generativelanguage.googleapis.com"}}]}}
        """
    static let unavailable503 = """
        {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}
        """

    static func client(_ server: LocalHTTPServer, _ recorder: SleepRecorder, maxAttempts: Int = 5) -> GeminiEmbedder {
        GeminiEmbedder(
            apiKey: key, baseURL: server.baseURL, maxAttempts: maxAttempts, requestTimeout: 10,
            sleep: { recorder.sleep($0) }, jitter: { 0.5 })
    }
}

@Suite("Gemini embedder against a local server")
struct GeminiEmbedderTests {
    @Test("250 texts go out as 3 requests of at most 100, vectors come back in order with unit length")
    func batching() throws {
        let server = try LocalHTTPServer { request, _ in FakeGemini.embeddings(for: request) }
        defer { server.stop() }
        let recorder = SleepRecorder()
        let texts = (0..<250).map { "t\($0)" }
        let vectors = try FakeGemini.client(server, recorder).embed(texts, task: .document)

        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests.map { ($0.json?["requests"] as? [Any])?.count ?? 0 } == [100, 100, 50])
        for request in requests {
            #expect(request.method == "POST")
            #expect(request.path == "/v1beta/models/gemini-embedding-001:batchEmbedContents")
            #expect(request.headers["x-goog-api-key"] == FakeGemini.key)
            let first = (request.json?["requests"] as? [[String: Any]])?.first
            #expect(first?["taskType"] as? String == "RETRIEVAL_DOCUMENT")
            #expect(first?["outputDimensionality"] as? Int == 768)
            #expect(first?["model"] as? String == "models/gemini-embedding-001")
        }
        #expect(vectors.count == 250)
        for (i, vector) in vectors.enumerated() {
            #expect(vector.count == 768)
            let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-6)
            #expect(abs(vector[0] / vector[1] - Float(i + 1)) < 1e-3)
        }
        #expect(recorder.sleeps.isEmpty)
    }

    @Test("query task sends RETRIEVAL_QUERY")
    func queryTask() throws {
        let server = try LocalHTTPServer { request, _ in FakeGemini.embeddings(for: request) }
        defer { server.stop() }
        _ = try FakeGemini.client(server, SleepRecorder()).embed(["t1"], task: .query)
        let first = (server.requests.first?.json?["requests"] as? [[String: Any]])?.first
        #expect(first?["taskType"] as? String == "RETRIEVAL_QUERY")
    }

    @Test("a 429 with RetryInfo 33s is retried once after exactly 33 s")
    func retryInfoHonoured() throws {
        let server = try LocalHTTPServer { request, index in
            index == 0 ? .init(status: 429, body: FakeGemini.perMinute429) : FakeGemini.embeddings(for: request)
        }
        defer { server.stop() }
        let recorder = SleepRecorder()
        let vectors = try FakeGemini.client(server, recorder).embed(["t0", "t1"], task: .document)
        #expect(vectors.count == 2)
        #expect(server.requests.count == 2)
        #expect(recorder.sleeps == [33])
    }

    @Test("5xx backs off exponentially with jitter, and gives up after 5 attempts")
    func serverErrors() throws {
        let server = try LocalHTTPServer { _, _ in .init(status: 503, body: FakeGemini.unavailable503) }
        defer { server.stop() }
        let recorder = SleepRecorder()
        #expect(throws: GeminiError.http(status: 503, message: "The model is overloaded. Please try again later.")) {
            try FakeGemini.client(server, recorder).embed(["t0"], task: .document)
        }
        #expect(server.requests.count == 5)
        #expect(recorder.sleeps == [1.5, 3, 6, 12])  // 1 s · 2^n · (1 + jitter 0.5)
    }

    @Test("Retry-After is used when the body has no RetryInfo; recovery after two 500s")
    func retryAfterHeader() throws {
        let server = try LocalHTTPServer { request, index in
            switch index {
            case 0: return .init(status: 429, body: "{}", headers: ["Retry-After": "7"])
            case 1: return .init(status: 500, body: "oops")
            default: return FakeGemini.embeddings(for: request)
            }
        }
        defer { server.stop() }
        let recorder = SleepRecorder()
        _ = try FakeGemini.client(server, recorder).embed(["t0"], task: .document)
        #expect(server.requests.count == 3)
        #expect(recorder.sleeps == [7, 3])
    }

    @Test("400 API_KEY_INVALID is .invalidAPIKey, not retried")
    func invalidKey() throws {
        let server = try LocalHTTPServer { _, _ in .init(status: 400, body: FakeGemini.invalidKey400) }
        defer { server.stop() }
        let recorder = SleepRecorder()
        #expect(throws: GeminiError.invalidAPIKey) {
            try FakeGemini.client(server, recorder).embed(["t0"], task: .document)
        }
        #expect(server.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test("a per-day quota 429 stops at once with .quotaExhausted")
    func perDayQuota() throws {
        let server = try LocalHTTPServer { _, _ in .init(status: 429, body: FakeGemini.perDay429) }
        defer { server.stop() }
        let recorder = SleepRecorder()
        #expect {
            try FakeGemini.client(server, recorder).embed(["t0"], task: .document)
        } throws: { error in
            guard case GeminiError.quotaExhausted(let message) = error else { return false }
            return message.contains("limit: 1000")
        }
        #expect(server.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test("the API key never appears in errors or descriptions, even when the server echoes it")
    func keyNeverShown() throws {
        let server = try LocalHTTPServer { request, _ in
            let echoed = request.headers["x-goog-api-key"] ?? ""
            return .init(
                status: 403,
                body:
                    "{\"error\": {\"code\": 403, \"message\": \"Key \(echoed) was reported as leaked\", \"status\": \"PERMISSION_DENIED\"}}"
            )
        }
        defer { server.stop() }
        let client = FakeGemini.client(server, SleepRecorder())
        var caught: Error?
        do { _ = try client.embed(["t0"], task: .document) } catch { caught = error }
        let error = try #require(caught)
        #expect(error as? GeminiError == .http(status: 403, message: "Key [redacted] was reported as leaked"))
        for text in [
            "\(error)", String(reflecting: error), error.localizedDescription, "\(client)", String(reflecting: client),
        ] {
            #expect(!text.contains(FakeGemini.key), "\(text)")
        }
        for error in [GeminiError.invalidAPIKey, .missingAPIKey] {
            #expect(!"\(error)".contains(FakeGemini.key))
        }
    }

    @Test("no server listening: transport error after retries")
    func transportError() throws {
        let recorder = SleepRecorder()
        let client = GeminiEmbedder(
            apiKey: FakeGemini.key, baseURL: "http://127.0.0.1:1", maxAttempts: 2, requestTimeout: 5,
            sleep: { recorder.sleep($0) }, jitter: { 0 })
        #expect {
            try client.embed(["t0"], task: .document)
        } throws: { error in
            guard case GeminiError.transport = error else { return false }
            return true
        }
        #expect(recorder.sleeps.count == 1)
    }

    @Test("environment: GEMINI_API_KEY required, GEMINI_BASE_URL optional")
    func environment() throws {
        #expect(throws: GeminiError.missingAPIKey) { try GeminiEmbedder(environment: [:]) }
        let client = try GeminiEmbedder(environment: ["GEMINI_API_KEY": "k", "GEMINI_BASE_URL": "http://127.0.0.1:9/"])
        #expect(client.baseURL == "http://127.0.0.1:9")
        #expect(client.model == "gemini-embedding-001")
        #expect(client.dimension == 768)
        #expect(try GeminiEmbedder(environment: ["GEMINI_API_KEY": "k"]).baseURL == GeminiEmbedder.defaultBaseURL)
    }

    @Test("retry delays parse proto Duration strings")
    func durations() {
        #expect(GeminiWire.seconds("33s") == 33)
        #expect(GeminiWire.seconds("0.5s") == 0.5)
        #expect(GeminiWire.seconds("33.384105706s") == 33.384105706)
        #expect(GeminiWire.seconds("soon") == nil)
    }
}
