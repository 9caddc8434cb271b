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
        if let fingerprint = asciiFingerprint(company: company, title: title, location: location) { return fingerprint }
        let c = words(company).filter { !companySuffixes.contains($0) }.joined(separator: " ")
        let t = words(title).filter { !titleNoise.contains($0) }.joined(separator: " ")
        let place = [location.city, location.region, location.country].map { ($0 ?? "").lowercased() }
        return ([c, t] + place).joined(separator: "|")
    }

    /// SimHash over word 3-shingles: similar texts give hashes a few bits apart. One pass over the
    /// UTF-8 bytes (ASCII letters lower-cased, anything not a letter or digit separates words), no
    /// allocations: a shingle's hash combines its three word hashes.
    public static func simHash(_ text: String) -> Int64 {
        var copy = text
        return copy.withUTF8 { bytes in
            signVectors.withUnsafeBufferPointer { signs in
                wordByteKinds.withUnsafeBufferPointer { kinds in simHash(bytes, signs: signs, kinds: kinds) }
            }
        }
    }

    private static func simHash(_ bytes: UnsafeBufferPointer<UInt8>, signs: UnsafeBufferPointer<SIMD8<Int32>>,
                                kinds: UnsafeBufferPointer<UInt8>) -> Int64 {
        // Two halves split at a separator are hashed in one loop: each word's hash is a chain of dependent
        // multiplies, and two independent chains run side by side. The second half's words then follow the first's.
        let count = bytes.count
        var split = count / 2
        while split < count, kinds[Int(bytes[split])] != 0 { split += 1 }
        let firstCapacity = WordHashes.capacity(forBytes: split)
        let capacity = firstCapacity + WordHashes.capacity(forBytes: count - split)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { buffer in
            let base = buffer.baseAddress!
            var first = WordHashes(base)
            var second = WordHashes(base + firstCapacity)
            let secondLength = count - split
            let shared = min(split, secondLength)
            for index in 0..<shared {
                first.feed(bytes[index], kinds: kinds)
                second.feed(bytes[split + index], kinds: kinds)
            }
            for index in shared..<split { first.feed(bytes[index], kinds: kinds) }
            for index in shared..<secondLength { second.feed(bytes[split + index], kinds: kinds) }
            let firstWords = first.finish()
            let secondWords = second.finish()
            // Moved down word by word (the ranges may overlap; the target is never after the source).
            for index in 0..<secondWords.count { base[firstWords.count + index] = secondWords[index] }
            return simHash(UnsafeBufferPointer(start: base, count: firstWords.count + secondWords.count), signs: signs)
        }
    }

    /// Step 1 of `simHash`: the hash of every word, fed a byte at a time without a branch per byte. The current
    /// hash is stored at every byte and kept (by counting it) only where a word ends.
    struct WordHashes {
        static func capacity(forBytes count: Int) -> Int {
            // Words are at most every other byte; one more slot takes the store made after the last word.
            count / 2 + 2
        }

        private let hashes: UnsafeMutablePointer<UInt64>
        private var count = 0
        private var word: UInt64 = 0xcbf2_9ce4_8422_2325
        private var inWord: UInt64 = 0

        init(_ hashes: UnsafeMutablePointer<UInt64>) {
            self.hashes = hashes
        }

        @inline(__always) mutating func feed(_ byte: UInt8, kinds: UnsafeBufferPointer<UInt8>) {
            // The byte as it goes into the word (lower-cased), or 0 for a separator; arithmetic, not branches.
            let value = UInt64(kinds[Int(byte)])
            let isWord = (value &+ 255) >> 8
            hashes[count] = word
            count &+= Int(truncatingIfNeeded: inWord & (isWord ^ 1))
            let hashed = (word ^ value) &* 0x100_0000_01b3
            let keep = 0 &- isWord
            word = (hashed & keep) | (0xcbf2_9ce4_8422_2325 & ~keep)
            inWord = isWord
        }

        /// The word hashes, in order.
        mutating func finish() -> UnsafeBufferPointer<UInt64> {
            if inWord != 0 {
                hashes[count] = word
                count += 1
                inWord = 0
            }
            return UnsafeBufferPointer(start: hashes, count: count)
        }
    }

    /// Step 2 of `simHash`: the hash of the word hashes' 3-shingles.
    static func simHash(_ hashes: UnsafeBufferPointer<UInt64>, signs: UnsafeBufferPointer<SIMD8<Int32>>) -> Int64 {
        let count = hashes.count
        if count == 0 { return 0 }
        // 2. Word 3-shingles into 64 signed bit counters as 8 SIMD lanes of 8: each byte of a shingle hash adds
        //    a precomputed ±1 vector (8 vector adds per shingle instead of 64 scalar ones).
        var c0 = SIMD8<Int32>.zero, c1 = SIMD8<Int32>.zero, c2 = SIMD8<Int32>.zero, c3 = SIMD8<Int32>.zero
        var c4 = SIMD8<Int32>.zero, c5 = SIMD8<Int32>.zero, c6 = SIMD8<Int32>.zero, c7 = SIMD8<Int32>.zero
        @inline(__always) func add(_ h: UInt64) {
            c0 &+= signs[Int(h & 0xFF)]
            c1 &+= signs[Int((h >> 8) & 0xFF)]
            c2 &+= signs[Int((h >> 16) & 0xFF)]
            c3 &+= signs[Int((h >> 24) & 0xFF)]
            c4 &+= signs[Int((h >> 32) & 0xFF)]
            c5 &+= signs[Int((h >> 40) & 0xFF)]
            c6 &+= signs[Int((h >> 48) & 0xFF)]
            c7 &+= signs[Int(h >> 56)]
        }
        if count >= 3 {
            for k in 2..<count { add(mix(hashes[k - 2], hashes[k - 1], hashes[k])) }
        } else {
            // Fewer than three words: one shingle of what there is (the missing words count as 0).
            add(mix(count == 2 ? hashes[0] : 0, hashes[count - 1], 0))
        }
        var out: UInt64 = 0
        for (k, counts) in [c0, c1, c2, c3, c4, c5, c6, c7].enumerated() {
            for lane in 0..<8 where counts[lane] > 0 { out |= 1 << UInt64(8 * k + lane) }
        }
        return Int64(bitPattern: out)
    }

    /// Per byte: 0 separates words; a word byte (letters, digits, non-ASCII bytes, `+`, `#`) as it goes into the
    /// word's hash, ASCII letters lower-cased (never 0).
    private static let wordByteKinds: [UInt8] = (0..<256).map { value in
        let b = UInt8(value)
        if b >= 0x41 && b <= 0x5A { return b | 0x20 }
        let isWordByte = (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || b == 0x2B || b == 0x23
        return isWordByte ? b : 0
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

    /// `of` for ASCII company and title (nearly all), built in one buffer: the same words, filters and separators.
    private static func asciiFingerprint(company: String, title: String, location: Location) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(company.utf8.count + title.utf8.count + 48)
        guard appendWords(company, dropping: companySuffixes, to: &out) else { return nil }
        out.append(UInt8(ascii: "|"))
        guard appendWords(title, dropping: titleNoise, to: &out) else { return nil }
        for part in [location.city, location.region, location.country] {
            out.append(UInt8(ascii: "|"))
            if let part { out.append(contentsOf: part.lowercased().utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the lower-cased words of ASCII `text` not in `dropped`, space-separated; false for non-ASCII text.
    private static func appendWords(_ text: String, dropping dropped: Set<String>, to out: inout [UInt8]) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var first = true
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, isASCIIWordByte(bytes[end]) { end += 1 }
                if end == index {
                    index += 1
                    continue
                }
                let word = String(unsafeUninitializedCapacity: end - index) { buffer in
                    for offset in 0..<(end - index) {
                        let byte = bytes[index + offset]
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return end - index
                }
                if !dropped.contains(word) {
                    if !first { out.append(0x20) }
                    out.append(contentsOf: word.utf8)
                    first = false
                }
                index = end
            }
            return true
        }
    }

    @inline(__always) private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2B || byte == 0x23
    }

    static func words(_ s: String) -> [String] {
        // ASCII text (nearly all): letters and digits are [A-Za-z0-9], lower-cased byte by byte, the same words.
        if let words = asciiWords(s) { return words }
        return s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#") }).map(String.init)
    }

    private static func asciiWords(_ s: String) -> [String]? {
        var copy = s
        return copy.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x23 {
                    word.append(lower)
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }
}
