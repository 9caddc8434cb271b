/// Finds the same job posted on several platforms (or reposted): same normalized company, title
/// and place, and a near-identical description (SimHash within a few bits).
public enum JobFingerprint {
    /// Words dropped from company names before comparing ("Acme, Inc." = "ACME").
    static let companySuffixes: Set<String> = ["inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
                                               "gmbh", "plc", "pvt", "private", "lp", "llp", "sa", "ag", "the"]
    /// Words dropped from titles ("Data Engineer (Remote)" = "Data Engineer").
    static let titleNoise: Set<String> = ["remote", "hybrid", "onsite", "wfh", "urgent", "hiring", "immediate", "fulltime",
                                          "w2", "c2c"]

    /// "company|title|city|region|country", lower-cased words; empty when there is no company.
    public static func of(company: String?, title: String, location: Location) -> String {
        guard let company, !company.isEmpty else { return "" }
        let c = words(company).filter { !companySuffixes.contains($0) }.joined(separator: " ")
        let t = words(title).filter { !titleNoise.contains($0) }.joined(separator: " ")
        let place = [location.city, location.region, location.country].map { ($0 ?? "").lowercased() }
        return ([c, t] + place).joined(separator: "|")
    }

    /// SimHash over word 3-shingles (FNV-1a per shingle): similar texts give hashes a few bits apart.
    public static func simHash(_ text: String) -> Int64 {
        let w = words(text)
        guard !w.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 64)
        let n = max(1, w.count - 2)
        for i in 0..<n {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in w[i..<min(i + 3, w.count)] {
                for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                h = (h ^ 0x20) &* 0x100_0000_01b3
            }
            for bit in 0..<64 { counts[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { out |= 1 << UInt64(bit) }
        return Int64(bitPattern: out)
    }

    /// Bits that differ between two SimHashes (0 = same text, up to 64).
    public static func distance(_ a: Int64, _ b: Int64) -> Int { (a ^ b).nonzeroBitCount }

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#") }).map(String.init)
    }
}
