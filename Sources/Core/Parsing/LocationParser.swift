import Foundation

/// Splits a free-text location into city, region and country.
///
/// Output format: `region` is the full name of a US state or Canadian province ("Texas", not "TX"),
/// otherwise the region as written (UK county, "EMEA", "North America"); `country` is an
/// ISO 3166-1 alpha-2 code ("US", "GB", "IN"); `city` uses the common English name
/// ("Bengaluru" for "Bangalore"). `remote` is true only when the text says remote, anywhere,
/// telecommute or work from home, and does not negate it ("not remote").
public enum LocationParser {
    /// Parses one location string; never fails, returns empty fields when nothing is recognised.
    public static func parse(_ text: String) -> Location {
        // Postings repeat the same few thousand places; long texts are rarely repeated and not kept.
        guard text.utf8.count <= 200 else { return parseUncached(text) }
        return memo.value(for: text) { parseUncached(text) }
    }

    private static let memo = PhraseMemo<Location>(capacity: 20_000)

    private static func parseUncached(_ text: String) -> Location {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !isPlaceholder(trimmed) else { return Location() }
        if trimmed.contains("\":") { return parseJSONFragment(trimmed) }
        var location = Location()
        if let hit = WorkModePhrases.scan(trimmed, descriptive: false), hit.mode == .remote {
            location.remote = true
        }
        var parenthetical: [String] = []
        let parts = splitParts(trimmed, parenthetical: &parenthetical)
        resolve(parts, into: &location)
        if location.country == nil && location.region == nil {
            for extra in parenthetical {
                var inner = Location()
                resolve(splitParts(extra, parenthetical: &parenthetical), into: &inner)
                location.country = location.country ?? inner.country
                location.region = location.region ?? inner.region
            }
        }
        if location.country == nil && location.region == nil {
            scanForPlaces(trimmed, into: &location)
        }
        return location
    }

    // MARK: - Splitting

    /// Words dropped from the edges of a part: work-mode words and fillers ("Remote - US", "Remote in the US").
    private static let fillers: Set<String> = [
        "remote", "remotely", "anywhere", "telecommute", "telecommuting", "wfh", "work", "from", "home", "temp",
        "temporarily", "temporary", "permanent", "fully", "100%", "hybrid", "onsite", "on-site", "on", "site",
        "office", "in", "the", "based", "only", "position", "opportunity", "not", "no", "or", "and", "within",
        "greater", "area", "metropolitan", "metro", "region", "candidates", "us-based", "friendly", "first",
    ]
    /// Fillers that also belong to real place names and are dropped only as whole parts.
    private static let keptInNames: Set<String> = ["greater", "area", "metro", "region", "home", "the", "on", "in"]

    /// Splits on commas, semicolons, pipes, dashes between spaces, slashes and bullets; collects "(…)".
    /// Scans UTF-8 bytes once.
    static func splitParts(_ text: String, parenthetical: inout [String]) -> [String] {
        let bytes = Array(text.utf8)
        let count = bytes.count
        let dotsSeparate = !bytes.contains(0x20) && !bytes.contains(UInt8(ascii: ","))
            && bytes.lazy.filter { $0 == UInt8(ascii: ".") }.count >= 2
        var raw: [[UInt8]] = []
        var current: [UInt8] = []
        var inner: [UInt8] = []
        var depth = 0
        func flush() {
            raw.append(current)
            current.removeAll(keepingCapacity: true)
        }
        /// Length of a separator starting at `index`, or 0.
        func separatorLength(_ index: Int) -> Int {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"), 0x0A, 0x09:
                return 1
            case UInt8(ascii: "."):
                return dotsSeparate ? 1 : 0
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0xB7:
                return 2  // ·
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2:
                return 3  // •
            case 0x20:
                // " - ", " – ", " — ", " or ", " & "
                let rest = bytes[(index + 1)...]
                if rest.starts(with: [UInt8(ascii: "-"), 0x20]) || rest.starts(with: [UInt8(ascii: "&"), 0x20]) { return 3 }
                if rest.starts(with: [0xE2, 0x80, 0x93, 0x20]) || rest.starts(with: [0xE2, 0x80, 0x94, 0x20]) { return 5 }
                if rest.starts(with: [UInt8(ascii: "o"), UInt8(ascii: "r"), 0x20]) { return 4 }
                return 0
            default:
                return 0
            }
        }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                depth += 1
                if depth == 1 {
                    flush()
                    index += 1
                    continue
                }
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                if depth == 1 {
                    parenthetical.append(String(decoding: inner, as: UTF8.self))
                    inner.removeAll(keepingCapacity: true)
                    depth = 0
                    index += 1
                    continue
                }
                depth = max(0, depth - 1)
            }
            if depth > 0 {
                inner.append(byte)
                index += 1
                continue
            }
            let length = separatorLength(index)
            if length > 0 {
                flush()
                index += length
            } else {
                current.append(byte)
                index += 1
            }
        }
        if depth > 0 { current.append(contentsOf: inner) }
        flush()
        var parts: [String] = []
        for bytes in raw where !bytes.isEmpty {
            let cleaned = cleanPart(String(decoding: bytes, as: UTF8.self))
            if cleaned.isEmpty { continue }
            // "Austin, Austin" once; "New York, New York" is the city and the state.
            if let last = parts.last, last.lowercased() == cleaned.lowercased(),
               !(parts.count == 1 && LocationTables.usStateLookup[last.lowercased()] != nil
                 && LocationTables.cities[last.lowercased()] != nil) { continue }
            parts.append(cleaned)
        }
        return parts
    }

    private static let junkCharacters = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'.:!?*-–"))
    private static let placeholders: Set<String> = [
        "unavailable", "n/a", "na", "nan", "none", "null", "-1", "not specified", "unknown", "see description",
        "multiple locations", "various", "tbd",
    ]

    /// Trims quotes and punctuation, strips "Greater … Area" and work-mode fillers at the edges.
    static func cleanPart(_ raw: String) -> String {
        let junk = junkCharacters
        var part = raw.trimmingCharacters(in: junk)
        if part.isEmpty || isPlaceholder(part) { return "" }
        if lookupPlace(part) != nil { return part }
        var words = part.split(separator: " ").map(String.init)
        dropPostalCodes(&words)
        while let first = words.first, fillers.contains(first.lowercased()) { words.removeFirst() }
        while let last = words.last, fillers.contains(last.lowercased()) { words.removeLast() }
        part = words.joined(separator: " ").trimmingCharacters(in: junk)
        if words.count == 1, keptInNames.contains(part.lowercased()) { return "" }
        if words.count <= 3, WorkModePhrases.scan(part, descriptive: false) != nil, lookupPlace(part) == nil { return "" }
        return part
    }

    /// Drops postal codes at the end of a part: US ZIP ("NY 10001", "98101-1234"), UK postcodes whole or in part
    /// ("London NW1", "Leeds LS1 4AP", "Liverpool L1 9"), Canadian ones ("ON M5V 3L9"). A part that is only a
    /// postal code ("EC2A 4BX", "10001") is dropped; a UK outward code alone only after a place name.
    static func dropPostalCodes(_ words: inout [String]) {
        func isZIP(_ w: String) -> Bool {
            let b = Array(w.utf8)
            let digits = { (r: ArraySlice<UInt8>) in r.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            return (b.count == 5 && digits(b[...])) || (b.count == 10 && digits(b[0..<5]) && b[5] == 0x2D && digits(b[6...]))
        }
        /// Letters (L) and digits (D) of `w`, e.g. "LLD" for "NW1"; nil for anything else or lower case.
        func shape(_ w: String) -> String? {
            var s = ""
            for b in w.utf8 {
                if b >= 0x41 && b <= 0x5A { s.append("L") } else if b >= 0x30 && b <= 0x39 { s.append("D") } else { return nil }
            }
            return s
        }
        let outward: Set<String> = ["LD", "LDD", "LLD", "LLDD", "LDL", "LLDL"]
        if let last = words.last, isZIP(last) { words.removeLast(); return }
        guard words.count >= 2, let last = words.last.flatMap(shape) else { return }
        let previous = shape(words[words.count - 2])
        if last == "DLL", let previous, outward.contains(previous) {          // UK: "LS1 4AP"
            words.removeLast(2)
        } else if last == "DLD", previous == "LDL" {                            // Canada: "M5V 3L9"
            words.removeLast(2)
        } else if last == "D", let previous, outward.contains(previous) {      // UK sector: "L1 9"
            words.removeLast(2)
        } else if outward.contains(last), words.count >= 2, shape(words[words.count - 2]) == nil {  // "London NW1"
            words.removeLast()
        }
    }

    static func isPlaceholder(_ text: String) -> Bool {
        text.utf8.count <= 20 && placeholders.contains(text.lowercased())
    }

    // MARK: - Resolving parts

    private enum Place {
        case country(String)
        case state(String)
        case province(String)
        case city(name: String, region: String?, country: String)
        case county(String)
        case macro(String)
    }

    private static func lookupPlace(_ part: String) -> Place? {
        let key = part.lowercased()
        if let code = LocationTables.countries[key] { return .country(code) }
        if let state = LocationTables.usStateLookup[key] { return .state(state) }
        if let province = LocationTables.caProvinces[key] { return .province(province) }
        if LocationTables.ukCounties.contains(key) { return .county(LocationTables.titleCased(key)) }
        if let city = LocationTables.cities[key] { return .city(name: city.name, region: city.region, country: city.country) }
        if let macro = LocationTables.macroRegions[key] { return .macro(macro) }
        return nil
    }

    /// A 2-letter capital code that is an ISO country, e.g. "CA" after "Toronto".
    private static func isoCountry(_ part: String) -> String? {
        guard part.count == 2, part == part.uppercased(), LocationTables.isoCodes.contains(part) else { return nil }
        return part
    }

    private static func knownCountry(of part: String) -> String? {
        if case .city(_, _, let country)? = lookupPlace(part) { return country }
        if case .province? = lookupPlace(part) { return "CA" }
        return nil
    }

    static func resolve(_ input: [String], into location: inout Location) {
        var parts = input
        guard !parts.isEmpty else { return }
        if parts.count == 1, lookupPlace(parts[0]) == nil, let split = splitRunTogether(parts[0]) { parts = split }
        // Country first ("US, CA, Santa Clara", "CA, BC, Vancouver", "California - San Francisco").
        if parts.count >= 2, lookupPlace(parts[parts.count - 1]) == nil || isCityOnly(parts[parts.count - 1]) {
            let head = parts[0]
            let headIsCountry: Bool = {
                if case .country? = lookupPlace(head) { return true }
                return isoCountry(head) != nil && parts.count >= 3
            }()
            let headIsRegion: Bool = {
                guard parts.count == 2, head.count > 2 else { return false }
                if case .state? = lookupPlace(head) { return true }
                if case .province? = lookupPlace(head) { return true }
                return false
            }()
            if headIsCountry || headIsRegion { parts.reverse() }
        }
        // Country at the end.
        if let last = parts.last {
            let previous = parts.count >= 2 ? parts[parts.count - 2] : nil
            if let code = isoCountry(last), let previous, knownCountry(of: previous) == code {
                location.country = code
                parts.removeLast()
            } else if case .country(let code)? = lookupPlace(last), !(last.count == 2 && parts.count == 1 && code != "US" && code != "GB") {
                location.country = code
                parts.removeLast()
            } else if parts.count >= 3, let code = isoCountry(last), LocationTables.usStateLookup[last.lowercased()] == nil {
                // "CA", "IN", "DE" after a city and another part are US states ("Santa Fe Springs, Los Angeles,
                // CA"); after a province they are countries (the branch above).
                location.country = code
                parts.removeLast()
            }
        }
        // Region: US state, Canadian province, or a county/region after a city.
        if parts.count >= 1, let last = parts.last {
            let country = location.country
            switch lookupPlace(last) {
            case .state(let name)? where (country == nil || country == "US") && !(parts.count == 1 && isCityOnly(last)):
                location.region = name
                location.country = "US"
                // "Washington DC" names the city as well as the district.
                if parts.count == 1, name == "District of Columbia", let city = LocationTables.cities[last.lowercased()] {
                    location.city = city.name
                }
                parts.removeLast()
            case .province(let name)? where country == nil || country == "CA":
                if country == nil, LocationTables.usStateLookup[last.lowercased()] != nil {
                    break
                }
                location.region = name
                location.country = "CA"
                parts.removeLast()
            case .county(let name)? where country == nil || country == "GB":
                location.region = name
                location.country = "GB"
                parts.removeLast()
            case .macro(let name)? where parts.count == 1:
                location.region = name
                parts.removeLast()
            default:
                if case .state(let name)? = lookupPlace(last), country == nil || country == "US", parts.count >= 2 {
                    location.region = name
                    location.country = "US"
                    parts.removeLast()
                }
            }
        }
        guard !parts.isEmpty else { return }
        // City: the first remaining part; a known city fills missing region and country.
        let allKnownCities = parts.count > 1 && parts.allSatisfy { isCityOnly($0) }
        var cityPart = parts[0]
        if cityPart.split(separator: " ").contains(where: { word in
            word.first.map { $0.isLowercase } == true && !connectors.contains(word.lowercased())
        }) {
            cityPart = trailingProperNoun(cityPart)
        }
        if cityPart.isEmpty { return }
        switch lookupPlace(cityPart) {
        case .city(let name, let region, let country)?:
            if location.country == nil || location.country == country {
                location.city = name
                location.country = country
                if location.region == nil { location.region = region }
            } else {
                location.city = cityPart
            }
        case .country(let code)?:
            // "US or Canada": the first country named wins.
            location.country = code
        case .state(let name)? where location.region == nil:
            location.region = name
            location.country = location.country ?? "US"
        case .province(let name)? where location.region == nil:
            location.region = name
            location.country = location.country ?? "CA"
        case .macro(let name)? where location.region == nil:
            location.region = name
        case .county(let name)? where location.region == nil:
            location.region = name
            location.country = location.country ?? "GB"
        default:
            location.city = cityPart
        }
        let regionPart = parts[parts.count - 1]
        if parts.count >= 2, !allKnownCities, location.region == nil, regionPart.split(separator: " ").count <= 3,
           !regionPart.contains(".") {
            location.region = regionPart
            if location.country == nil, case .city(_, _, let country)? = lookupPlace(regionPart) {
                location.country = country
            }
        }
    }

    /// UK regions that follow a county in Adzuna's locations, never a place of their own.
    private static let ukRegionNames: Set<String> = [
        "south east", "south west", "north east", "north west", "east anglia", "east midlands", "west midlands",
        "yorkshire and the humber", "yorkshire", "scotland", "wales", "northern ireland", "london",
    ]

    /// Town, county and region written with no commas ("Exeter Devon South West", "Ipswich Suffolk East Anglia",
    /// "Aberdeen Scotland", "Kansas City Missouri"): the town and the first county, state, province or region
    /// after it, as two parts; nil when the part does not end in such names.
    static func splitRunTogether(_ part: String) -> [String]? {
        let words = part.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        var end = words.count
        var first: String?
        while end > 1 {
            var found = false
            for length in stride(from: min(4, end - 1), through: 1, by: -1) {
                let phrase = words[(end - length)..<end].joined(separator: " ")
                let isRegion: Bool
                switch lookupPlace(phrase) {
                case .county?, .province?: isRegion = true
                case .state?: isRegion = phrase.count > 2
                case .country?: isRegion = phrase.count > 3
                default: isRegion = ukRegionNames.contains(phrase.lowercased())
                }
                if isRegion {
                    first = phrase
                    end -= length
                    found = true
                    break
                }
            }
            if !found { break }
        }
        guard let first, end >= 1 else { return nil }
        return [words[0..<end].joined(separator: " "), first]
    }

    /// Lower-case words allowed inside place names ("Newcastle upon Tyne", "Stoke-on-Trent").
    private static let connectors: Set<String> = ["of", "upon", "on", "the", "de", "la", "du", "and", "del", "am"]

    private static func isCityOnly(_ part: String) -> Bool {
        if case .city? = lookupPlace(part) { return true }
        return false
    }

    /// "This is a fully onsite position in El Monte" → "El Monte".
    static func trailingProperNoun(_ part: String) -> String {
        var words: [Substring] = []
        for word in part.split(separator: " ").reversed() {
            guard let first = word.first, first.isUppercase else { break }
            words.insert(word, at: 0)
        }
        return words.joined(separator: " ")
    }

    /// Last resort: finds a known country, state or place among the words ("Suffolk East Anglia").
    static func scanForPlaces(_ text: String, into location: inout Location) {
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "." && $0 != "-" }).map(String.init)
        var index = 0
        while index < words.count {
            var matched = false
            for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
                let phrase = words[index..<index + length].joined(separator: " ")
                if length == 1 && phrase.count <= 3 && phrase != phrase.uppercased() { continue }
                guard let place = lookupPlace(phrase) else { continue }
                switch place {
                case .country(let code): if location.country == nil { location.country = code }
                case .state(let name) where phrase.count > 2:
                    if location.region == nil { location.region = name; location.country = location.country ?? "US" }
                case .city(_, _, let country): if location.country == nil { location.country = country }
                case .county: if location.country == nil { location.country = "GB" }
                case .macro(let name) where phrase.count > 2: if location.region == nil { location.region = name }
                default: continue
                }
                index += length
                matched = true
                break
            }
            if !matched { index += 1 }
        }
    }
}
