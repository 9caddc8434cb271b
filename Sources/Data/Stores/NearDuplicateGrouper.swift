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
    /// What is kept of a candidate posting: enough for every test but the deferred one.
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

    /// A posting whose decision waits for the server: its deferred candidates in id order, then the first
    /// candidate that passed here (if any), which it joins when none of the deferred ones passes.
    struct Pending {
        let id: Int64
        let platform: String
        let prefix: String
        let deferred: [Candidate]
        let fallback: (canonical: Int64, reason: String)?
    }

    static let prefixCharacters = 120
    static let shortCharacters = 60

    let tolerance: Int
    let limit: Int
    private var byFingerprint: [String: [Candidate]] = [:]
    private(set) var pending: [Pending] = []
    /// Grouped postings per platform.
    private(set) var grouped: [String: Int] = [:]

    init(tolerance: Int, limit: Int) {
        self.tolerance = tolerance
        self.limit = limit
    }

    /// Records the stored candidates of `fingerprint` (in id order; an empty list when there are none).
    func load(_ fingerprint: String, stored: [Candidate]) {
        guard byFingerprint[fingerprint] == nil else { return }
        byFingerprint[fingerprint] = Array(stored.prefix(limit))
    }

    /// Decides for the new posting `p`, stored under `id` (larger than every id seen before), and makes it a
    /// candidate for the postings after it.
    func decide(_ p: JobPosting, id: Int64) -> Decision {
        let fingerprint = p.fingerprint
        guard !fingerprint.isEmpty else { return .canonical }
        let characters = Self.scalarCount(p.description)
        let candidates = byFingerprint[fingerprint] ?? []
        var deferred: [Candidate] = []
        var passed: (canonical: Int64, reason: String)?
        for c in candidates {
            let bits = JobFingerprint.distance(c.simHash, p.descriptionSimHash)
            let why: String
            if bits <= tolerance {
                why = "description SimHash \(bits)/64 bits apart"
            } else if c.characters < Self.shortCharacters && characters < Self.shortCharacters {
                why = "no description to compare"
            } else if c.characters <= characters {
                guard Self.contains(p.description, c.prefix) else { continue }
                why = "one description begins the other (a summary of it)"
            } else {
                deferred.append(c)
                continue
            }
            passed = (c.id, "same company, title and place as job \(c.id) (\(c.platform)); \(why)")
            break
        }
        let prefix = Self.prefix(p.description)
        if candidates.count < limit {
            byFingerprint[fingerprint] = candidates + [Candidate(id: id, platform: p.platform, simHash: p.descriptionSimHash,
                                                                 characters: characters, prefix: prefix)]
        }
        if !deferred.isEmpty {
            pending.append(Pending(id: id, platform: p.platform, prefix: prefix, deferred: deferred, fallback: passed))
            return .pending
        }
        guard let passed else { return .canonical }
        grouped[p.platform, default: 0] += 1
        return .duplicate(canonical: passed.canonical, reason: passed.reason)
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
        return text.withUTF8 { bytes in
            var continuations = 0
            for byte in bytes { continuations &+= Int(truncatingIfNeeded: (byte >> 6 == 2) ? 1 : 0) }
            return bytes.count - continuations
        }
    }

    /// `left(text, 120)`: the first 120 Unicode scalars.
    static func prefix(_ text: String) -> String {
        var scalars = 0
        var end = text.utf8.startIndex
        for index in text.utf8.indices {
            if text.utf8[index] & 0xC0 != 0x80 {
                if scalars == prefixCharacters { end = index; return String(text.utf8[..<end])! }
                scalars += 1
            }
        }
        return text
    }

    /// `position(needle IN text) > 0` (an empty needle is found), on UTF-8 bytes.
    static func contains(_ text: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard pattern.count <= haystack.count, let first = pattern.first else { return false }
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
    }
}
