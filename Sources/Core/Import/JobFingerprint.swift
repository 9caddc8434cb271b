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

    /// SimHash over word 3-shingles: similar texts give hashes a few bits apart. One pass over the
    /// UTF-8 bytes (ASCII letters lower-cased, anything not a letter or digit separates words), no
    /// allocations: a shingle's hash combines its three word hashes.
    public static func simHash(_ text: String) -> Int64 {
        // 64 signed bit counters as 8 SIMD lanes of 8: each byte of a shingle hash adds a
        // precomputed ±1 vector (8 vector adds per shingle instead of 64 scalar ones).
        var counts = [SIMD8<Int32>](repeating: .zero, count: 8)
        var window: (UInt64, UInt64) = (0, 0)  // the two previous word hashes
        var wordCount = 0
        var word: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        func add(_ h: UInt64) {
            for k in 0..<8 { counts[k] &+= Self.signVectors[Int((h >> UInt64(8 * k)) & 0xFF)] }
        }
        func endWord() {
            wordCount += 1
            if wordCount >= 3 { add(mix(window.0, window.1, word)) }
            window = (window.1, word)
            word = 0xcbf2_9ce4_8422_2325
            inWord = false
        }
        for var b in text.utf8 {
            let isDigit = b >= 0x30 && b <= 0x39
            let isUpper = b >= 0x41 && b <= 0x5A
            let isWordByte = isDigit || isUpper || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || b == 0x2B || b == 0x23
            if isWordByte {
                if isUpper { b |= 0x20 }
                word = (word ^ UInt64(b)) &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                endWord()
            }
        }
        if inWord { endWord() }
        if wordCount == 0 { return 0 }
        if wordCount < 3 { add(mix(window.0, window.1, 0)) }
        var out: UInt64 = 0
        for k in 0..<8 {
            for lane in 0..<8 where counts[k][lane] > 0 { out |= 1 << UInt64(8 * k + lane) }
        }
        return Int64(bitPattern: out)
    }

    /// For each byte value, +1 in the lanes of its set bits and −1 elsewhere.
    private static let signVectors: [SIMD8<Int32>] = (0..<256).map { byte in
        SIMD8<Int32>((0..<8).map { (byte >> $0) & 1 == 1 ? 1 : -1 })
    }

    private static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (b &+ 0x632B_E59B_D9B4_E019)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (c &+ 0x94D0_49BB_1331_11EB)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    /// Bits that differ between two SimHashes (0 = same text, up to 64).
    public static func distance(_ a: Int64, _ b: Int64) -> Int { (a ^ b).nonzeroBitCount }

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#") }).map(String.init)
    }
}
