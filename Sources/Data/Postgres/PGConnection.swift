import CLibPQ
import Foundation

/// One libpq connection. Not thread-safe: use one per thread.
public final class PGConnection {
    private let conn: OpaquePointer
    /// The conninfo this connection was opened with (to open another to the same database).
    public let conninfo: String

    /// Connects with a libpq conninfo string or URL ("" uses the PG* environment variables).
    public init(conninfo: String) throws {
        self.conninfo = conninfo
        guard let c = PQconnectdb(conninfo) else {
            throw PGError(message: "out of memory", context: "connect")
        }
        if PQstatus(c) != CONNECTION_OK {
            let msg = String(cString: PQerrorMessage(c)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(c)
            throw PGError(message: msg, context: "connect")
        }
        conn = c
        PQsetNoticeReceiver(conn, { _, _ in }, nil)  // notices (e.g. "already exists, skipping") stay quiet
    }

    deinit { PQfinish(conn) }

    /// Runs one statement with text parameters ($1, $2, …); nil is SQL NULL.
    @discardableResult
    public func query(_ sql: String, _ params: [PGBindable?] = []) throws -> PGResult {
        let texts = params.map { $0?.pgText }
        let result = withCStrings(texts) { ptrs in
            PQexecParams(conn, sql, Int32(texts.count), nil, ptrs, nil, nil, 0)
        }
        return try check(result, context: "query")
    }

    /// Runs several statements without parameters (migrations, DDL).
    public func execute(script sql: String) throws {
        let result = PQexec(conn, sql)
        _ = try check(result, context: "script")
    }

    /// Runs `body` in a transaction; rolls back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Streams rows into `COPY … FROM STDIN` (text format); `write` is handed a writer to call per row.
    public func copyIn(_ copySQL: String, _ write: (PGCopyWriter) throws -> Void) throws {
        let writer = try beginCopy(copySQL)
        do {
            try write(writer)
        } catch {
            try? endCopy(writer, failure: error)
            throw error
        }
        try endCopy(writer)
    }

    /// Starts `COPY … FROM STDIN` (text format) and returns its writer; the connection runs nothing
    /// else until `endCopy`. Rows reach the server while the caller goes on with other work.
    public func beginCopy(_ copySQL: String) throws -> PGCopyWriter {
        let start = PQexec(conn, copySQL)
        if PQresultStatus(start) != PGRES_COPY_IN {
            _ = try check(start, context: "COPY")
            throw PGError(message: "server did not enter COPY IN", context: "COPY")
        }
        PQclear(start)
        return PGCopyWriter(conn: conn)
    }

    /// Ends a COPY begun with `beginCopy`: sends the rest of the rows and waits for the server to store
    /// them, or, with a `failure`, aborts it (nothing of it is stored). Throws the server's error.
    public func endCopy(_ writer: PGCopyWriter, failure: Error? = nil) throws {
        var failure = failure
        if failure == nil {
            do { try writer.flush() } catch { failure = error }
        }
        let endCode = failure == nil ? PQputCopyEnd(conn, nil) : PQputCopyEnd(conn, "aborted by client")
        if endCode != 1 { failure = failure ?? PGError(message: lastError, context: "COPY") }
        while let r = PQgetResult(conn) {
            do { _ = try check(r, context: "COPY") } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    var lastError: String {
        String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func check(_ result: OpaquePointer?, context: String) throws -> PGResult {
        guard let result else { throw PGError(message: lastError, context: context) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN:
            return PGResult(result)
        default:
            func field(_ code: Int32) -> String? {
                guard let p = PQresultErrorField(result, code) else { return nil }
                return String(cString: p)
            }
            let error = PGError(
                sqlState: field(Int32(UInt8(ascii: "C"))),
                message: field(Int32(UInt8(ascii: "M"))) ?? lastError,
                detail: field(Int32(UInt8(ascii: "D"))),
                hint: field(Int32(UInt8(ascii: "H"))),
                context: context)
            PQclear(result)
            throw error
        }
    }
}

private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
    defer { owned.forEach { free($0) } }
    return body(owned.map { UnsafePointer($0) })
}

/// Buffers COPY text rows and sends them in large chunks.
public final class PGCopyWriter {
    private let conn: OpaquePointer
    private var buffer: [UInt8] = []

    init(conn: OpaquePointer) {
        self.conn = conn
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends one row; nil fields are NULL. Values are escaped for COPY text format.
    public func row(_ fields: [String?]) throws {
        Self.append(fields, to: &buffer)  // one access to the buffer per row, not one per byte
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes already in the COPY's format (a binary COPY's header, rows and trailer).
    func raw(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private static func append(_ fields: [String?], to buffer: inout [UInt8]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { buffer.append(0x09) }
            guard var f else {
                buffer.append(0x5C)  // \N
                buffer.append(0x4E)
                continue
            }
            f.withUTF8 { appendEscaped($0, to: &buffer) }
        }
        buffer.append(0x0A)
    }

    /// `bytes` escaped for COPY text format: backslash, tab, newline and carriage return get a backslash form,
    /// NUL (which a text value cannot hold) is dropped. Runs without any of them are copied whole.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var start = 0
        for index in 0..<bytes.count {
            let b = bytes[index]
            // Everything above carriage return except the backslash passes: one comparison for nearly every byte.
            if b > 0x0D && b != 0x5C { continue }
            let escaped: UInt8
            switch b {
            case 0x5C: escaped = 0x5C
            case 0x09: escaped = 0x74
            case 0x0A: escaped = 0x6E
            case 0x0D: escaped = 0x72
            case 0x00: escaped = 0
            default: continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if escaped != 0 {
                buffer.append(0x5C)
                buffer.append(escaped)
            }
            start = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let ok = buffer.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                PQputCopyData(conn, $0, Int32(p.count))
            }
        }
        if ok != 1 {
            throw PGError(message: String(cString: PQerrorMessage(conn)), context: "COPY")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
