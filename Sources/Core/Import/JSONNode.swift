import Foundation

/// A JSON value as the importer reads it: what `JSONSerialization` would give, without `Any`, `NSNumber` and
/// dynamic casts. `FastJSONParser` builds it straight from the bytes; `init(foundation:)` converts what
/// `JSONSerialization` returns (the fallback for text the fast parser leaves to Foundation).
public enum JSONNode: Sendable {
    case null
    case bool(Bool)
    /// A number: its value, and what it means as a flag. The flag follows Foundation's `NSNumber` rules as
    /// `FieldReader.bool` applied them: exactly 0 or 1 bridge to `Bool`, any other number is `intValue != 0`.
    case number(Double, flag: Bool)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)

    /// A number parsed from JSON text, with the flag `NSNumber` gives it (|value| ≥ 1 is true).
    static func number(_ value: Double) -> JSONNode {
        .number(value, flag: abs(value) >= 1)
    }

    /// Converts a `JSONSerialization` result. Numbers keep `NSNumber`'s `doubleValue` and the flag that
    /// `as? Bool`, then `intValue != 0`, gives them.
    public init(foundation value: Any) {
        switch value {
        case let s as String:
            self = .string(s)
        case let n as NSNumber:
            // JSON true and false come back as Foundation's boolean number class.
            if String(describing: type(of: n)).hasSuffix("Boolean") {
                self = .bool(n.boolValue)
            } else {
                self = .number(n.doubleValue, flag: (value as? Bool) ?? (n.intValue != 0))
            }
        case let a as [Any]:
            self = .array(a.map(JSONNode.init(foundation:)))
        case let d as [String: Any]:
            self = .object(JSONObject(foundation: d))
        default:
            self = .null
        }
    }

    /// The value as `JSONSerialization` objects (for writing JSON text with it).
    var foundationObject: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let d, _): return d
        case .string(let s): return s
        case .array(let a): return a.map(\.foundationObject)
        case .object(let o):
            var d: [String: Any] = [:]
            for (key, value) in o.members { d[key] = value.foundationObject }
            return d
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// How an error message names a value that is not an object (what `JSONSerialization`'s types were called).
    var typeName: String {
        switch self {
        case .array: return "an array"
        case .string: return "a string"
        case .number, .bool: return "a number"
        case .null: return "null"
        case .object: return "not an object"
        }
    }
}

/// A JSON object: its members in the order read. Keys are unique (the parser leaves text with a repeated key to
/// `JSONSerialization`, and the conversion from a dictionary has none).
public struct JSONObject: Sendable {
    public private(set) var members: [(key: String, value: JSONNode)]
    /// Per member, its key's length and first bytes (`signature(of:)`): a lookup compares these before strings.
    private var signatures: [UInt64]

    public init(_ members: [(key: String, value: JSONNode)] = []) {
        self.members = members
        signatures = members.map { Self.signature(of: $0.key) }
    }

    /// An empty object with room for `capacity` members.
    init(capacity: Int) {
        members = []
        members.reserveCapacity(capacity)
        signatures = []
        signatures.reserveCapacity(capacity)
    }

    /// Converts a `JSONSerialization` dictionary (members in the dictionary's order).
    public init(foundation dictionary: [String: Any]) {
        self.init(dictionary.map { (key: $0.key, value: JSONNode(foundation: $0.value)) })
    }

    /// A key's UTF-8 length and its first seven bytes: equal keys have equal signatures.
    @inline(__always) static func signature(of key: String) -> UInt64 {
        // Through the bytes' buffer (small strings too): cheaper than iterating the UTF-8 view.
        if let signature = key.utf8.withContiguousStorageIfAvailable({ signature(of: $0) }) { return signature }
        return Array(key.utf8).withUnsafeBufferPointer { signature(of: $0) }
    }

    @inline(__always) private static func signature(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var signature: UInt64 = 0
        for index in 0..<min(bytes.count, 7) { signature |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return signature | UInt64(min(bytes.count, 255)) << 56
    }

    /// The value of `key` (`.null` when the member is null), nil when there is no such member.
    public subscript(key: String) -> JSONNode? {
        let signature = Self.signature(of: key)
        for (index, candidate) in signatures.enumerated() where candidate == signature && members[index].key == key {
            return members[index].value
        }
        return nil
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }

    /// Adds a member; the caller makes sure the key is new.
    mutating func append(_ key: String, _ value: JSONNode) {
        members.append((key, value))
        signatures.append(Self.signature(of: key))
    }
}
