/// A PostgreSQL or libpq failure. Keeps the SQLSTATE and the server's fields, never parameter values.
public struct PGError: Error, CustomStringConvertible, Sendable {
    /// Five-character SQLSTATE ("23505"), or nil for client-side failures (connection, protocol).
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    /// What the client was doing ("connect", "query", "COPY").
    public var context: String

    public init(sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil, context: String) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.context = context
    }

    public var description: String {
        var s = "database \(context) failed"
        if let code = sqlState { s += " [\(code)]" }
        s += ": \(message)"
        if let d = detail { s += " (\(d))" }
        if let h = hint { s += " hint: \(h)" }
        return s
    }

    /// True for unique-constraint violations.
    public var isUniqueViolation: Bool { sqlState == "23505" }
}
