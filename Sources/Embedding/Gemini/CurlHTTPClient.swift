import CCurl
import Foundation

/// A finished HTTP exchange.
struct HTTPResponse: Sendable {
    let status: Int
    /// Header names lower-cased.
    let headers: [String: String]
    let body: Data
}

/// A transport failure before any HTTP status arrived (DNS, connect, timeout).
struct CurlTransportError: Error {
    let message: String
}

/// One libcurl easy handle, freed in deinit. Not shared between threads: make one per request.
final class CurlEasy {
    private static let globalInit: CURLcode = ccurl_global_init()

    private let handle: UnsafeMutableRawPointer

    init() throws {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else { throw CurlTransportError(message: "curl_easy_init failed") }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// POSTs `body` to `url` with `headers` ("Name: value"); header values never appear in errors.
    func post(
        url: String, headers: [String], body: Data, connectTimeout: TimeInterval, timeout: TimeInterval
    ) throws -> HTTPResponse {
        let sink = ResponseSink()
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }

        _ = ccurl_setopt_ptr(handle, CURLOPT_URL, url)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
        _ = ccurl_setopt_ptr(handle, CURLOPT_HTTPHEADER, list)
        _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        body.withUnsafeBytes { bytes in
            _ = ccurl_setopt_ptr(handle, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
        }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        _ = ccurl_setopt_write(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            if let data {
                sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
            }
            return size * count
        }
        _ = ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_write(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            if let data {
                let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
                if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                    sink.headers[name] = value
                }
            }
            return size * count
        }
        _ = ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context)

        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            throw CurlTransportError(message: String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        _ = ccurl_response_code(handle, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }
}

/// Collects the body and headers written by libcurl's callbacks.
private final class ResponseSink {
    var body = Data()
    var headers: [String: String] = [:]
}
