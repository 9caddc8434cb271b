import Foundation

/// JSON shapes of `batchEmbedContents` (v1beta) and google.rpc.Status error bodies.
enum GeminiWire {
    struct Part: Encodable { let text: String }
    struct Content: Encodable { let parts: [Part] }
    struct EmbedRequest: Encodable {
        let model: String
        let content: Content
        let taskType: String
        let outputDimensionality: Int
    }
    struct BatchRequest: Encodable { let requests: [EmbedRequest] }

    struct Values: Decodable { let values: [Float] }
    struct BatchResponse: Decodable { let embeddings: [Values] }

    /// The parts of an error body a client acts on.
    struct ErrorInfo: Equatable {
        var message = ""
        var reasons: [String] = []
        var quotaIDs: [String] = []
        /// Seconds from `RetryInfo.retryDelay`.
        var retryDelay: Double?

        /// A per-day quota cannot be waited out with the suggested delay.
        var isPerDayQuota: Bool {
            quotaIDs.contains {
                $0.localizedCaseInsensitiveContains("PerDay") || $0.localizedCaseInsensitiveContains("per_day")
            }
        }
    }

    static func batchBody(_ texts: [String], model: String, task: String, dimension: Int) throws -> Data {
        let name = "models/\(model)"
        let requests = texts.map {
            EmbedRequest(
                model: name, content: Content(parts: [Part(text: $0)]), taskType: task,
                outputDimensionality: dimension)
        }
        return try JSONEncoder().encode(BatchRequest(requests: requests))
    }

    /// Reads `{"error": {...}}` or `[{"error": {...}}]`; anything else gives the raw text as the message.
    static func errorInfo(_ body: Data) -> ErrorInfo {
        var info = ErrorInfo()
        var object = try? JSONSerialization.jsonObject(with: body)
        if let array = object as? [Any] { object = array.first }
        guard let error = (object as? [String: Any])?["error"] as? [String: Any] else {
            info.message = String(decoding: body.prefix(300), as: UTF8.self)
            return info
        }
        info.message = error["message"] as? String ?? ""
        for detail in error["details"] as? [[String: Any]] ?? [] {
            let type = detail["@type"] as? String ?? ""
            if let reason = detail["reason"] as? String { info.reasons.append(reason) }
            if type.hasSuffix("QuotaFailure") {
                for violation in detail["violations"] as? [[String: Any]] ?? [] {
                    if let id = violation["quotaId"] as? String { info.quotaIDs.append(id) }
                    if let metric = violation["quotaMetric"] as? String { info.quotaIDs.append(metric) }
                }
            }
            if type.hasSuffix("RetryInfo"), let delay = detail["retryDelay"] as? String {
                info.retryDelay = seconds(delay)
            }
        }
        return info
    }

    /// A proto Duration string ("33s", "0.5s", "33.384105706s") in seconds.
    static func seconds(_ duration: String) -> Double? {
        let trimmed = duration.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("s"), let value = Double(trimmed.dropLast()), value >= 0 else { return nil }
        return value
    }
}
