/// Why a Gemini embedding call failed. Descriptions never contain the API key.
public enum GeminiError: Error, Equatable, CustomStringConvertible {
    /// `GEMINI_API_KEY` is not set.
    case missingAPIKey
    /// The server rejected the key (400, reason API_KEY_INVALID).
    case invalidAPIKey
    /// A per-day quota is used up (429 whose QuotaFailure names a PerDay quota); retrying today is pointless.
    case quotaExhausted(message: String)
    /// Any other HTTP failure, after retries where retrying made sense (429, 5xx).
    case http(status: Int, message: String)
    /// No HTTP answer (connect, DNS, timeout), after retries.
    case transport(message: String)
    /// A 200 answer that is not the documented shape.
    case invalidResponse(reason: String)

    public var description: String {
        switch self {
        case .missingAPIKey:
            return "Gemini: GEMINI_API_KEY is not set"
        case .invalidAPIKey:
            return "Gemini: the API key was rejected (API_KEY_INVALID); check GEMINI_API_KEY"
        case .quotaExhausted(let message):
            return "Gemini: daily quota exhausted, stopping until it resets: \(message)"
        case .http(let status, let message):
            return "Gemini: HTTP \(status): \(message)"
        case .transport(let message):
            return "Gemini: no HTTP response: \(message)"
        case .invalidResponse(let reason):
            return "Gemini: unexpected response: \(reason)"
        }
    }
}
