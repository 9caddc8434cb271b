import Core
import Foundation

/// Groups a file's new postings under an earlier posting of the same job (same fingerprint: company, title and
/// place; and a near-identical description) while the file streams, so that each new row is copied with its
/// canonical posting already set and no query over the whole batch runs after the COPY.
///
/// The rule (the same as `JobImportWriter.groupNearDuplicates`, which still runs for rows that go through the
/// staging table): a posting's candidates are the `limit` earliest postings of its fingerprint that were not
/// grouped themselves when the file began (stored ones first, then the file's own rows in order, every one of
/// them a candidate), with a smaller id. It joins the first candidate whose description is within
/// `tolerance` SimHash bits of its own, or when both descriptions are short (under 60 characters), or when the
/// shorter description's first 120 characters appear in the longer one. That last test needs the longer text;
/// when the longer one is the candidate's, only its first 120 characters are kept here, so the test is
/// deferred: the server answers it for all deferred pairs at once when the file is done (`resolve`).
final class NearDuplicateGrouper {
    /// A stored candidate posting, as the lookup connection reads it.
    struct Candidate {
        let id: Int64
        let platform: String
        let simHash: Int64
        /// Unicode scalars, as PostgreSQL's `length` counts.
        let characters: Int
        /// The first 120 Unicode scalars of the description (`left(description, 120)`).
        let prefix: String
    }

    /// The decision for one posting.
    enum Decision: Equatable {
        /// Not a repeat of anything (or no fingerprint).
        case canonical
        /// A repeat of `canonical`; `reason` is stored as `duplicate_reason`.
        case duplicate(canonical: Int64, reason: String)
        /// Decided once the server has answered the deferred tests (the row is copied without a canonical posting).
        case pending
    }

    /// A candidate whose test waits for the server.
    struct Deferred {
        let id: Int64
        let platform: String
    }

    /// A posting whose decision waits for the server: its deferred candidates in id order, then the first
    /// candidate that passed here (if any), which it joins when none of the deferred ones passes.
    struct Pending {
        let id: Int64
        let platform: String
        let prefix: String
        let deferred: [Deferred]
        let fallback: (canonical: Int64, reason: String)?
    }

    static let prefixCharacters = 120
    static let shortCharacters = 60

    let tolerance: Int
    let limit: Int
    private(set) var pending: [Pending] = []
    /// Grouped postings per platform.
    private(set) var grouped: [String: Int] = [:]

    // Every candidate of the file in flat storage (a few dozen bytes and its 120-character prefix each, no
    // object per posting): a file of a million postings holds a million of them.
    private struct Entry {
        var id: Int64
        var simHash: Int64
        var prefixStart: Int
        var characters: Int32
        var prefixLength: Int32
        var platform: Int32
        /// The next candidate of the same fingerprint, or -1.
        var next: Int32
    }
    private struct List {
        var first: Int32 = -1, last: Int32 = -1, count: Int32 = 0
    }
    private var entries: [Entry] = []
    private var prefixes: [UInt8] = []
    private var lists: [Key128: List] = [:]
    private var platforms: [String] = []
    private var platformIndex: [String: Int32] = [:]

    init(tolerance: Int, limit: Int) {
        self.tolerance = tolerance
        self.limit = limit
    }

    /// Records the stored candidates of `fingerprint` (in id order; an empty list when there are none), once.
    func load(_ fingerprint: String, stored: [Candidate]) {
        let key = Key128(fingerprint)
        guard lists[key] == nil else { return }
        var list = List()
        for c in stored.prefix(limit) {
            var prefix = c.prefix
            prefix.withUTF8 { append(id: c.id, platform: c.platform, simHash: c.simHash, characters: c.characters, prefix: $0, to: &list) }
        }
        lists[key] = list
    }

    /// Decides for the new posting `p`, stored under `id` (larger than every id seen before), and makes it a
    /// candidate for the postings after it.
    func decide(_ p: JobPosting, id: Int64) -> Decision {
        guard !p.fingerprint.isEmpty else { return .canonical }
        var description = p.description
        return description.withUTF8 { text in decide(p, id: id, text: text) }
    }

    private func decide(_ p: JobPosting, id: Int64, text: UnsafeBufferPointer<UInt8>) -> Decision {
        let key = Key128(p.fingerprint)
        var list = lists[key] ?? List()
        let characters = Self.scalarCount(text)
        var deferred: [Deferred] = []
        var passed: (canonical: Int64, reason: String)?
        var index = list.first
        while index >= 0 {
            let c = entries[Int(index)]
            index = c.next
            let bits = JobFingerprint.distance(c.simHash, p.descriptionSimHash)
            let why: String
            if bits <= tolerance {
                why = "description SimHash \(bits)/64 bits apart"
            } else if c.characters < Self.shortCharacters && characters < Self.shortCharacters {
                why = "no description to compare"
            } else if Int(c.characters) <= characters {
                let found = prefixes.withUnsafeBufferPointer { all in
                    Self.contains(text, UnsafeBufferPointer(rebasing: all[c.prefixStart..<(c.prefixStart + Int(c.prefixLength))]))
                }
                guard found else { continue }
                why = "one description begins the other (a summary of it)"
            } else {
                deferred.append(Deferred(id: c.id, platform: platforms[Int(c.platform)]))
                continue
            }
            passed = (c.id, "same company, title and place as job \(c.id) (\(platforms[Int(c.platform)])); \(why)")
            break
        }
        let prefixLength = Self.prefixLength(text)
        if list.count < limit {
            append(id: id, platform: p.platform, simHash: p.descriptionSimHash, characters: characters,
                   prefix: UnsafeBufferPointer(rebasing: text[..<prefixLength]), to: &list)
            lists[key] = list
        }
        if !deferred.isEmpty {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: text[..<prefixLength]), as: UTF8.self)
            pending.append(Pending(id: id, platform: p.platform, prefix: prefix, deferred: deferred, fallback: passed))
            return .pending
        }
        guard let passed else { return .canonical }
        grouped[p.platform, default: 0] += 1
        return .duplicate(canonical: passed.canonical, reason: passed.reason)
    }

    private func append(id: Int64, platform: String, simHash: Int64, characters: Int, prefix: UnsafeBufferPointer<UInt8>,
                        to list: inout List) {
        let platformId: Int32
        if let known = platformIndex[platform] {
            platformId = known
        } else {
            platformId = Int32(platforms.count)
            platforms.append(platform)
            platformIndex[platform] = platformId
        }
        let index = Int32(entries.count)
        entries.append(Entry(id: id, simHash: simHash, prefixStart: prefixes.count, characters: Int32(clamping: characters),
                             prefixLength: Int32(prefix.count), platform: platformId, next: -1))
        prefixes.append(contentsOf: prefix)
        if list.last >= 0 { entries[Int(list.last)].next = index } else { list.first = index }
        list.last = index
        list.count += 1
    }

    /// Settles the pending postings given which deferred pairs passed (`passes(pendingIndex, candidateId)`:
    /// the candidate's description contains the posting's first 120 characters); returns the postings to update.
    func resolve(_ passes: (Int, Int64) -> Bool) -> [(id: Int64, canonical: Int64, reason: String)] {
        var updates: [(id: Int64, canonical: Int64, reason: String)] = []
        for (index, p) in pending.enumerated() {
            var choice = p.fallback
            if let c = p.deferred.first(where: { passes(index, $0.id) }) {
                choice = (c.id, "same company, title and place as job \(c.id) (\(c.platform)); "
                                + "one description begins the other (a summary of it)")
            }
            guard let choice else { continue }
            grouped[p.platform, default: 0] += 1
            updates.append((p.id, choice.canonical, choice.reason))
        }
        pending.removeAll()
        return updates
    }

    /// PostgreSQL's `length` of a text: Unicode scalars (UTF-8 bytes that do not continue a sequence).
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { scalarCount($0) }
    }

    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var continuations = 0
        for byte in bytes { continuations &+= Int(truncatingIfNeeded: (byte >> 6 == 2) ? 1 : 0) }
        return bytes.count - continuations
    }

    /// `left(text, 120)`: the first 120 Unicode scalars.
    static func prefix(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<prefixLength($0)]), as: UTF8.self) }
    }

    /// The bytes of the first 120 Unicode scalars.
    static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var scalars = 0
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == prefixCharacters { return index }
            scalars += 1
        }
        return bytes.count
    }

    /// `position(needle IN text) > 0` (an empty needle is found), on UTF-8 bytes.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { contains(haystack, $0) } }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard pattern.count <= haystack.count else { return false }
        let last = haystack.count - pattern.count
        var start = 0
        while start <= last {
            guard let hit = haystack[start...last].firstIndex(of: first) else { return false }
            if memcmp(haystack.baseAddress! + hit, pattern.baseAddress!, pattern.count) == 0 { return true }
            start = hit + 1
        }
        return false
    }
}
