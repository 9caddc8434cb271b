import Foundation

extension LocationParser {
    /// JSON-LD / API fragments: `"applicantLocationRequirements": {"@type": "Country", "name": "USA"}`,
    /// `"addressRegion": "UNAVAILABLE"`, `[{"city": "Remote"}, {"city": "Warsaw", "country": {"code": "POL"}}]`.
    /// Scans `"key": "value"` pairs by hand, so truncated or invalid JSON still yields its places.
    static func parseJSONFragment(_ text: String) -> Location {
        var location = Location()
        let pairs = stringPairs(in: text)
        let keys = Set(pairs.map { $0.key.lowercased() })
        if keys.contains("applicantlocationrequirements") || text.contains("TELECOMMUTE") {
            location.remote = true
        }
        for (rawKey, value) in pairs {
            let key = rawKey.lowercased()
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || isPlaceholder(trimmed) { continue }
            if ["remote", "anywhere"].contains(trimmed.lowercased()) {
                location.remote = true
                continue
            }
            switch key {
            case "city", "addresslocality", "locality", "locationname":
                if location.city == nil { location.city = trimmed }
            case "addressregion", "region", "state", "province":
                if location.region == nil {
                    location.region = LocationTables.usStateLookup[trimmed.lowercased()]
                        ?? LocationTables.caProvinces[trimmed.lowercased()] ?? trimmed
                }
            case "addresscountry", "country", "code", "countrycode", "name":
                if location.country == nil, let code = LocationTables.countries[trimmed.lowercased()]
                    ?? (trimmed.count == 2 && LocationTables.isoCodes.contains(trimmed.uppercased())
                        ? trimmed.uppercased() : nil) {
                    location.country = code
                }
            default:
                continue
            }
        }
        if location.country == nil, let region = location.region,
           LocationTables.usStates.values.contains(region) {
            location.country = "US"
        }
        return location
    }

    /// `"key": "value"` pairs in order; a key followed by an object or array yields an empty value.
    static func stringPairs(in text: String) -> [(key: String, value: String)] {
        let bytes = Array(text.utf8)
        var pairs: [(key: String, value: String)] = []
        var index = 0
        func readString(_ start: Int) -> (String, Int)? {
            guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { return nil }
            var out: [UInt8] = []
            var position = start + 1
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                    out.append(bytes[position + 1])
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { return (String(decoding: out, as: UTF8.self), position + 1) }
                out.append(byte)
                position += 1
            }
            return nil
        }
        func skipSpaces(_ position: Int) -> Int {
            var position = position
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A
                || bytes[position] == 0x09 || bytes[position] == 0x0D { position += 1 }
            return position
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\""), let (key, afterKey) = readString(index) else {
                index += 1
                continue
            }
            let colon = skipSpaces(afterKey)
            guard colon < bytes.count, bytes[colon] == UInt8(ascii: ":") else {
                index = afterKey
                continue
            }
            let valueStart = skipSpaces(colon + 1)
            if let (value, afterValue) = readString(valueStart) {
                pairs.append((key, value))
                index = afterValue
            } else {
                pairs.append((key, ""))
                index = valueStart
            }
        }
        return pairs
    }
}
