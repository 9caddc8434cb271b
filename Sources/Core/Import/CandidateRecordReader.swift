import Foundation

/// A candidate profile read from a file, normalized and ready to store.
public struct CandidateRecord: Sendable, Equatable {
    /// The file's own id for the person (`external_ref`, `id` or `candidate_id`; else `email:` + email).
    public var externalRef: String?
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var title: String?
    public var summary: String?
    /// Canonical skill names (`SkillExtractor.canonicalize`).
    public var skills: [String]
    public var totalExperienceYears: Double?
    /// Expected pay in `salaryInterval` units.
    public var expectedSalary: Double?
    public var salaryCurrency: String?
    public var salaryInterval: PayInterval?
    public var preferredLocations: [String]
    public var remotePreference: RemotePreference
    /// Role names as written; mapped to canonical roles when stored.
    public var preferredRoles: [String]

    public init(externalRef: String? = nil, firstName: String, lastName: String, email: String? = nil, title: String? = nil,
                summary: String? = nil, skills: [String] = [], totalExperienceYears: Double? = nil,
                expectedSalary: Double? = nil, salaryCurrency: String? = nil, salaryInterval: PayInterval? = nil,
                preferredLocations: [String] = [], remotePreference: RemotePreference = .any, preferredRoles: [String] = []) {
        self.externalRef = externalRef
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.title = title
        self.summary = summary
        self.skills = skills
        self.totalExperienceYears = totalExperienceYears
        self.expectedSalary = expectedSalary
        self.salaryCurrency = salaryCurrency
        self.salaryInterval = salaryInterval
        self.preferredLocations = preferredLocations
        self.remotePreference = remotePreference
        self.preferredRoles = preferredRoles
    }
}

/// Reads candidate files: a JSON array (or wrapper object), JSON Lines, or CSV with a header row.
///
/// Fields: `first_name`, `last_name` (or `name`, split at the last space), `email`, `title`, `summary`,
/// `skills` (list or comma-separated), `total_experience_years`, `expected_salary` (number, with
/// `salary_currency` / `salary_interval`, or text such as "$60/hr" read by `SalaryParser`),
/// `preferred_locations` (list, or text split on `;` and `|` — commas belong to "City, ST"),
/// `remote_preference`, `preferred_roles` (list or comma-separated), `external_ref` / `id`.
/// A record without both names is rejected; a field that cannot be read is dropped with a warning.
public enum CandidateRecordReader {
    /// One record's outcome.
    public enum Outcome: Sendable {
        case candidate(recordNumber: Int, CandidateRecord, warnings: [RecordIssue])
        case rejected(RecordIssue)
    }

    /// What was read from a file.
    public struct FileContents: Sendable {
        /// "JSON", "JSON Lines" or "CSV", with the encoding.
        public var format: String
        public var outcomes: [Outcome]
    }

    /// Reads a file; throws `FileImportError` when it cannot be read at all.
    public static func read(_ url: URL, displayName: String? = nil) throws -> FileContents {
        let name = displayName ?? url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FileImportError(file: name, reason: "cannot read the file (\(error.localizedDescription))")
        }
        let decoded = try TextFileDecoder.decode(data, file: name)
        return read(text: decoded.text, isCSV: url.pathExtension.lowercased() == "csv", encoding: decoded.encoding)
    }

    /// Reads decoded text; `isCSV` when the file is CSV (else JSON is detected: array, object or JSON Lines).
    public static func read(text: String, isCSV: Bool, encoding: String = "UTF-8") -> FileContents {
        let bytes = Array(text.utf8)
        let firstByte = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        if isCSV || (firstByte != UInt8(ascii: "[") && firstByte != UInt8(ascii: "{")) {
            var csv = CSVReader(text: text)
            let header = csv.header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
            var outcomes: [Outcome] = []
            while let row = csv.next() {
                if let error = row.error {
                    outcomes.append(.rejected(RecordIssue(recordNumber: row.number, field: "record", reason: error)))
                    continue
                }
                var fields: [String: Any] = [:]
                for (key, value) in zip(header, row.fields) where !value.isEmpty { fields[key] = value }
                outcomes.append(parse(fields, number: row.number))
            }
            return FileContents(format: "CSV, \(encoding)", outcomes: outcomes)
        }
        let elements: [JSONRecordReader.Element]
        let format: String
        if JSONRecordReader.isJSONLines(bytes) {
            format = "JSON Lines"
            var lines: [JSONRecordReader.Element] = []
            var number = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                lines.append(JSONRecordReader.parseLine(Array(line), number: number))
            }
            elements = lines
        } else {
            format = "JSON"
            elements = JSONRecordReader.elements(bytes)
        }
        let outcomes: [Outcome] = elements.map { element in
            switch element {
            case .record(let number, let fields): return parse(fields, number: number)
            case .broken(let number, let reason):
                return .rejected(RecordIssue(recordNumber: number, field: "record", reason: reason))
            }
        }
        return FileContents(format: "\(format), \(encoding)", outcomes: outcomes)
    }

    /// Normalizes one record (keys are matched case-insensitively).
    public static func parse(_ raw: [String: Any], number: Int) -> Outcome {
        var fields: [String: Any] = [:]
        for (k, v) in raw where !(v is NSNull) { fields[k.lowercased()] = v }
        var warnings: [RecordIssue] = []
        func warn(_ field: String, _ reason: String) {
            warnings.append(RecordIssue(recordNumber: number, field: field, reason: reason, severity: .warning))
        }

        var first = text(fields["first_name"] ?? fields["firstname"])
        var last = text(fields["last_name"] ?? fields["lastname"] ?? fields["surname"])
        if first == nil, last == nil, let full = text(fields["name"] ?? fields["full_name"]),
           let space = full.lastIndex(of: " ") {
            first = String(full[..<space]).trimmingCharacters(in: .whitespaces)
            last = String(full[full.index(after: space)...]).trimmingCharacters(in: .whitespaces)
        }
        guard let firstName = first, !firstName.isEmpty else {
            return .rejected(RecordIssue(recordNumber: number, field: "first_name", reason: "missing first name"))
        }
        guard let lastName = last, !lastName.isEmpty else {
            return .rejected(RecordIssue(recordNumber: number, field: "last_name", reason: "missing last name"))
        }
        var record = CandidateRecord(firstName: firstName, lastName: lastName)
        record.email = text(fields["email"])?.lowercased()
        if let email = record.email, !email.contains("@") {
            warn("email", "not an e-mail address: \(email)")
            record.email = nil
        }
        record.externalRef = text(fields["external_ref"] ?? fields["id"] ?? fields["candidate_id"])
            ?? record.email.map { "email:" + $0 }
        record.title = text(fields["title"] ?? fields["current_title"])
        record.summary = text(fields["summary"])
        record.skills = SkillExtractor.shared.canonicalize(list(fields["skills"], separators: ",;"))

        if let value = fields["total_experience_years"] ?? fields["experience_years"] {
            if let years = numeric(value), years >= 0, years < 70 {
                record.totalExperienceYears = years
            } else {
                warn("total_experience_years", "not a number of years: \(value)")
            }
        }

        record.salaryCurrency = text(fields["salary_currency"] ?? fields["currency"])?.uppercased()
        if let intervalText = text(fields["salary_interval"] ?? fields["salary_period"]) {
            if let interval = interval(intervalText) {
                record.salaryInterval = interval
            } else {
                warn("salary_interval", "unknown pay interval: \(intervalText)")
            }
        }
        if let value = fields["expected_salary"] {
            if let amount = value as? NSNumber, !(value is Bool) {
                record.expectedSalary = amount.doubleValue
            } else if let s = text(value), let amount = Double(s.replacingOccurrences(of: ",", with: "")) {
                record.expectedSalary = amount
            } else if let s = text(value), let parsed = SalaryParser.parse(s, defaultCurrency: record.salaryCurrency),
                      let amount = parsed.min ?? parsed.max {
                record.expectedSalary = amount
                record.salaryCurrency = record.salaryCurrency ?? parsed.currency
                if record.salaryInterval == nil { record.salaryInterval = parsed.interval }
            } else {
                warn("expected_salary", "not a salary: \(value)")
            }
            if let amount = record.expectedSalary, amount <= 0 {
                warn("expected_salary", "not a positive amount: \(amount)")
                record.expectedSalary = nil
            }
        }
        if record.expectedSalary != nil, record.salaryInterval == nil { record.salaryInterval = .year }

        record.preferredLocations = list(fields["preferred_locations"] ?? fields["locations"], separators: ";|")
        if let pref = text(fields["remote_preference"]) {
            if let p = RemotePreference(text: pref) {
                record.remotePreference = p
            } else {
                warn("remote_preference", "unknown preference: \(pref) (remote, hybrid, onsite or any)")
            }
        }
        var seenRoles = Set<String>()
        record.preferredRoles = list(fields["preferred_roles"] ?? fields["roles"], separators: ",;")
            .filter { seenRoles.insert($0.lowercased()).inserted }
        return .candidate(recordNumber: number, record, warnings: warnings)
    }

    static func text(_ value: Any?) -> String? {
        guard let value else { return nil }
        let s: String
        if let str = value as? String {
            s = str
        } else if let n = value as? NSNumber {
            s = n.stringValue
        } else {
            return nil
        }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    static func numeric(_ value: Any) -> Double? {
        if let n = value as? NSNumber, !(value is Bool) { return n.doubleValue }
        guard let s = text(value) else { return nil }
        if let d = Double(s) { return d }
        // "5+ years", "5 yrs"
        let digits = s.prefix(while: { $0.isNumber || $0 == "." })
        return digits.isEmpty ? nil : Double(digits)
    }

    static func list(_ value: Any?, separators: String) -> [String] {
        let items: [String]
        if let array = value as? [Any] {
            items = array.compactMap { text($0) }
        } else if let s = text(value) {
            items = s.split(whereSeparator: { separators.contains($0) }).map(String.init)
        } else {
            items = []
        }
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func interval(_ text: String) -> PayInterval? {
        let t = text.lowercased()
        if let exact = PayInterval(rawValue: text.uppercased()) { return exact }
        if t.hasPrefix("hour") || t == "hr" || t == "hourly" { return .hour }
        if t.hasPrefix("da") { return .day }
        if t.hasPrefix("week") { return .week }
        if t.hasPrefix("month") { return .month }
        if t.hasPrefix("year") || t.hasPrefix("annual") || t == "yr" { return .year }
        return nil
    }
}
