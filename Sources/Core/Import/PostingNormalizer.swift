import Foundation

/// Validates and normalizes one mapped record into a `JobPosting`, or says why it cannot.
public struct PostingNormalizer: Sendable {
    public var now: Date
    public var platformOverride: String?

    public init(now: Date, platformOverride: String? = nil) {
        self.now = now
        self.platformOverride = platformOverride
    }

    /// Phrases that state there is no amount: not an error, just no salary.
    static let noAmountPhrases = ["doe", "competitive", "negotiable", "not disclosed", "market rate", "depends on experience",
                                  "commensurate", "tbd", "to be discussed", "attractive", "depending on"]

    public func normalize(_ raw: RawPosting, recordNumber n: Int, defaultPlatform: String) -> RecordOutcome {
        let platform = (platformOverride ?? raw.platform.map { $0.lowercased() } ?? defaultPlatform)
        func reject(_ field: String, _ reason: String) -> RecordOutcome {
            .rejected(RecordIssue(recordNumber: n, field: field, reason: reason, platform: platform))
        }
        guard let rawTitle = raw.title else { return reject("title", "missing (every posting needs a title)") }
        let title = TextCleaner.normalizeWhitespace(TextCleaner.clean(rawTitle))
        if title.isEmpty { return reject("title", "empty after removing markup") }
        if title.allSatisfy({ $0.isNumber || $0 == " " || $0 == "." || $0 == "-" }) {
            return reject("title", "'\(title)' is a number, not a job title")
        }
        if title.utf8.count > 300, Self.hasMoreCharacters(title, than: 300) {
            return reject("title", "\(title.count) characters long: looks like a description, not a title")
        }

        var warnings: [RecordIssue] = []
        func warn(_ field: String, _ reason: String) {
            warnings.append(RecordIssue(recordNumber: n, field: field, reason: reason, severity: .warning, platform: platform))
        }

        let description = raw.description.map { TextCleaner.clean($0) } ?? ""
        let company = raw.company.map { TextCleaner.normalizeWhitespace($0) }
        let location = raw.structuredLocation ?? raw.location.map { LocationParser.parse($0) } ?? Location()

        var texts = raw.workModeTexts
        texts.append(("title", title))
        if !description.isEmpty { texts.append(("description", description)) }
        let mode = WorkModeDetector.detect(texts: texts, flags: raw.remoteFlags)

        let salary = normalizeSalary(raw, description: description, warn: warn)

        var experience = raw.experienceText.flatMap { ExperienceParser.parse($0) }
        // "Not Mentioned" (Dice) says there is no value; only a text that tried to state years is worth a warning.
        if let text = raw.experienceText, experience == nil,
           !["not mentioned", "not specified", "not disclosed", "not applicable"].contains(text.lowercased()) {
            warn("experience", "no years in '\(text.prefix(60))'")
        }
        // A description states years; seniority words count only in the title ("Senior Data Engineer" → 5+).
        if experience == nil && !description.isEmpty { experience = ExperienceParser.fromDescription(description) }
        if experience == nil { experience = ExperienceParser.parse(title) }

        var skills = SkillExtractor.shared.canonicalize(raw.skillList)
        var seen = SmallStringSet(skills.map { $0.lowercased() })
        // Title and description are tokenized once, for skills and for keywords.
        var text: [UInt8] = []
        text.reserveCapacity(title.utf8.count + 1 + description.utf8.count)
        text.append(contentsOf: title.utf8)
        text.append(0x0A)
        text.append(contentsOf: description.utf8)
        let tokens = SkillTokenizer.tokens(text)
        for s in SkillExtractor.shared.extract(tokens: tokens) where seen.insert(s.lowercased()) {
            skills.append(s)
        }
        let descriptionStart = title.utf8.count + 1
        let titleTokens = tokens.prefix { $0.start < descriptionStart }
        let descriptionTokens = tokens[titleTokens.endIndex...]

        var postedAt: Date?
        if let text = raw.postedText {
            postedAt = PostedDateParser.parse(text, now: raw.postedRelativeTo ?? now)
            if postedAt == nil { warn("posted", "not a date: '\(text.prefix(40))'") }
        }

        // A short description (Dice CSV: only a skill list) is too little to call two ids the same job:
        // then the id is part of the fingerprint and only the same id counts as a duplicate.
        let weakContent = raw.externalId != nil && !Self.hasMoreCharacters(description, than: 79)
        let hash = ContentHash.of(company: company, title: title, location: raw.location,
                                  description: weakContent ? description + "\u{1}" + raw.externalId! : description)
        let externalId = raw.externalId.map { String($0.prefix(300)) } ?? "h:" + hash
        let requirements = raw.requirements.map { TextCleaner.clean($0) }
        var posting = JobPosting(
            platform: platform, externalJobId: externalId, url: raw.url, title: title, company: company,
            locationRaw: raw.location, location: location, workMode: mode.mode, workModeEvidence: mode.evidence,
            description: description, requirements: requirements, skills: skills,
            salaryRaw: raw.salaryText ?? structuredSalaryText(raw), salary: salary,
            experienceRaw: raw.experienceText, experience: experience, jobType: raw.jobType,
            keywords: KeywordExtractor.keywords(titleTokens: titleTokens, descriptionTokens: descriptionTokens, bytes: text,
                                                skills: skills),
            postedAt: postedAt, contentHash: hash)
        posting.revisionHash = ContentHash.revision(of: posting)
        posting.fingerprint = JobFingerprint.of(company: company, title: title, location: location)
        posting.descriptionSimHash = JobFingerprint.simHash(description)
        return .posting(recordNumber: n, posting, warnings: warnings)
    }

    /// True when `text` has more than `limit` characters (`text.count > limit`), counting at most `limit + 1`.
    static func hasMoreCharacters(_ text: String, than limit: Int) -> Bool {
        // A character takes at least one UTF-8 byte.
        guard text.utf8.count > limit else { return false }
        // ASCII without carriage returns is one character a byte (a combining mark after the last byte joins that
        // character, so the first limit + 1 bytes still hold limit + 1 characters).
        let plain = text.utf8.prefix(limit + 1).allSatisfy { $0 < 0x80 && $0 != 0x0D }
        if plain { return true }
        return text.index(text.startIndex, offsetBy: limit + 1, limitedBy: text.endIndex) != nil
    }

    private func structuredSalaryText(_ raw: RawPosting) -> String? {
        guard raw.salaryMin != nil || raw.salaryMax != nil else { return nil }
        let f = { (d: Double?) in d.map { $0 == $0.rounded() ? String(Int64($0)) : String($0) } ?? "" }
        let text = "\(raw.salaryCurrency ?? "") \(f(raw.salaryMin))-\(f(raw.salaryMax)) \(raw.salaryInterval?.rawValue ?? "")"
        // Nothing to trim when both ends are visible ASCII (the usual case): no Foundation call.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func normalizeSalary(_ raw: RawPosting, description: String, warn: (String, String) -> Void) -> Salary? {
        let currency = raw.salaryCurrency ?? raw.defaultCurrency
        if raw.salaryMin != nil || raw.salaryMax != nil {
            let values = [raw.salaryMin, raw.salaryMax].compactMap { $0 }
            if let bad = values.first(where: { $0 <= 0 || !$0.isFinite }) {
                warn(raw.salaryField, "\(bad) is not a pay amount; salary left empty")
                return nil
            }
            var salary: Salary
            if let interval = raw.salaryInterval {
                salary = Salary(currency: currency, interval: interval, min: raw.salaryMin, max: raw.salaryMax, source: raw.salarySource)
            } else {
                let guess = SalaryParser.intervalSuggested(byMagnitude: values.max() ?? 0)
                salary = Salary(currency: currency, interval: guess, min: raw.salaryMin, max: raw.salaryMax,
                                source: raw.salarySource, unstated: true, note: "magnitude suggests \(guess.rawValue)")
            }
            // JobSpy truncates hourly decimals ($19.38 stored as 19): take the exact figures from the text.
            if salary.interval == .hour, let exact = SalaryParser.extract(fromDescription: description, defaultCurrency: currency),
               exact.interval == .hour, SalaryParser.truncates(exact.min, to: salary.min),
               SalaryParser.truncates(exact.max, to: salary.max), exact.min != salary.min || exact.max != salary.max {
                salary = Salary(currency: exact.currency ?? currency, interval: .hour, min: exact.min, max: exact.max,
                                source: salary.source, note: "decimals taken from the description (structured amounts were truncated)")
            }
            return salary
        }
        if let text = raw.salaryText {
            if let s = SalaryParser.parse(text, source: raw.salarySource, defaultCurrency: raw.defaultCurrency) { return s }
            let lower = text.lowercased()
            if !Self.noAmountPhrases.contains(where: { lower.contains($0) }) {
                // "'$-5': a negative amount is not pay", "'call us': no pay amount in this text".
                warn("salary", "'\(text.prefix(60))': \(SalaryParser.reasonForNoSalary(text)); salary left empty")
            }
            return nil
        }
        return description.isEmpty ? nil : SalaryParser.extract(fromDescription: description, defaultCurrency: raw.defaultCurrency)
    }
}

/// Fingerprint of a posting's content: identical company, title, location and description
/// (case and spacing ignored) give the same hash on any platform.
public enum ContentHash {
    public static func of(company: String?, title: String, location: String?, description: String) -> String {
        var state = State()
        state.feed(company ?? "")
        state.feed(title)
        state.feed(location ?? "")
        state.feed(description)
        return hex(state.h1) + hex(state.h2)
    }

    /// The revision hash of `p` (`JobPosting.revisionHash`): its salary text, experience text, skills, work mode,
    /// job type and requirements. Posting dates are left out: "3 days ago" is another date on every scrape.
    public static func revision(of p: JobPosting) -> String {
        var state = State()
        state.feed(p.salaryRaw ?? "")
        state.feed(p.experienceRaw ?? "")
        for skill in p.skills { state.feed(skill) }
        state.feed(p.workMode.rawValue)
        state.feed(p.jobType ?? "")
        state.feed(p.requirements ?? "")
        return hex(state.h1) + hex(state.h2)
    }

    /// Two FNV-style hashes over the lower-cased text with whitespace runs folded to one space.
    private struct State {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x8422_2325_cbf2_9ce4
        var lastSpace = true

        /// Hashes the lowercased scalars (`String.lowercased()` maps scalar by scalar) without building the
        /// lowercased copy. Each scalar mixes in its value (a whitespace run mixes in one space).
        mutating func feed(_ s: String) {
            lastSpace = true
            var copy = s
            copy.withUTF8 { bytes in
                Self.plainScalars.withUnsafeBufferPointer { plain in feed(bytes, plain: plain) }
            }
            h1 = (h1 ^ 0x1f) &* 0x100_0000_01b3
            h2 = (h2 ^ 0x1f) &* 0x0000_0100_0000_01b3
        }

        /// One pass over the UTF-8 bytes: ASCII lower-cased by hand, other scalars by their lowercase mapping, looked
        /// up only for scalars outside `plain`.
        private mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, plain: UnsafeBufferPointer<UInt64>) {
            Self.asciiValues.withUnsafeBufferPointer { ascii in feed(bytes, plain: plain, ascii: ascii) }
        }

        private mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, plain: UnsafeBufferPointer<UInt64>,
                                   ascii: UnsafeBufferPointer<UInt8>) {
            var h1 = self.h1, h2 = self.h2, lastSpace = self.lastSpace
            let count = bytes.count
            var index = 0
            while index < count {
                // ASCII: a space after a space changes nothing. Cleaned text has no such runs but "\n\n", so this
                // branch nearly always goes the same way, and keeps a select (two more cycles a byte) off the chains.
                let run = Self.asciiRun(bytes, from: index, ascii: ascii, h1: h1, h2: h2, lastSpace: lastSpace)
                (index, h1, h2, lastSpace) = (run.end, run.h1, run.h2, run.lastSpace)
                guard index < count else { break }
                // A well-formed sequence (the string's own storage).
                let byte = bytes[index]
                var value: UInt32
                var length: Int
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F)
                    length = 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F)
                    length = 3
                } else {
                    value = UInt32(byte & 0x07)
                    length = 4
                }
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += length
                if value < 0x10000, plain[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 {
                    Self.mix(UInt64(value), isSpace: false, &h1, &h2, &lastSpace)
                } else if let scalar = Unicode.Scalar(value) {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        Self.mix(UInt64(lower.value), isSpace: lower.properties.isWhitespace, &h1, &h2, &lastSpace)
                    }
                }
            }
            self.h1 = h1
            self.h2 = h2
            self.lastSpace = lastSpace
        }

        /// Hashes ASCII bytes from `start` up to the first other byte. Its own function so that both chains stay in
        /// registers (inside the caller, with its Unicode calls, they went through memory on every byte).
        @inline(never)
        private static func asciiRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, ascii: UnsafeBufferPointer<UInt8>,
                                     h1: UInt64, h2: UInt64,
                                     lastSpace: Bool) -> (end: Int, h1: UInt64, h2: UInt64, lastSpace: Bool) {
            var h1 = h1, h2 = h2
            var spaceBefore: UInt64 = lastSpace ? 1 : 0
            var index = start
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 { break }
                let v = UInt64(ascii[Int(byte)])
                let isSpace = ((v ^ 32) &- 1) >> 63
                if isSpace & spaceBefore == 0 {
                    h1 = (h1 ^ v) &* 0x100_0000_01b3
                    h2 = (h2 ^ v) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
                }
                spaceBefore = isSpace
                index += 1
            }
            return (index, h1, h2, spaceBefore != 0)
        }

        /// Inlined: a call would need the hashes in memory, and the ASCII loop's chains would go through it.
        @inline(__always)
        private static func mix(_ value: UInt64, isSpace: Bool, _ h1: inout UInt64, _ h2: inout UInt64, _ lastSpace: inout Bool) {
            if isSpace && lastSpace { return }
            lastSpace = isSpace
            let v = isSpace ? 32 : value
            h1 = (h1 ^ v) &* 0x100_0000_01b3
            h2 = (h2 ^ v) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
        }

        /// Per ASCII byte: 32 for whitespace (tab, newlines, space), else the byte lower-cased.
        static let asciiValues: [UInt8] = (0..<128).map { value in
            let byte = UInt8(value)
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 32 }
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }

        /// Scalars below U+10000 whose lowercase mapping is themselves and that are not whitespace: hashed as they
        /// are. One bit per scalar, computed once from the Unicode properties.
        static let plainScalars: [UInt64] = {
            var bits = [UInt64](repeating: 0, count: 1024)
            for value in UInt32(0x80)..<0x10000 {
                guard let scalar = Unicode.Scalar(value), !scalar.properties.isWhitespace else { continue }
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                guard lower.count == 1, lower.first == scalar else { continue }
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
            return bits
        }()
    }

    /// 16 lower-case hex digits, zero-padded (what `%016llx` prints).
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }
}
