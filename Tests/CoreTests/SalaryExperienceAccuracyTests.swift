import Foundation
import Testing

@testable import Core

/// Acceptance suite: every salary and experience row of `../shared/data/strings.tsv` with a machine-checkable
/// expectation, compared field by field. Passes (and says so) when the file is absent.
@Suite struct SalaryExperienceAccuracyTests {
    static func dataFile() -> URL? {
        if let dir = ProcessInfo.processInfo.environment["CENTRALD_SHARED_DATA"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent("strings.tsv")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/data/strings.tsv")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    struct Row { var kind, string, source, expected: String }

    /// TSV with CSV-style quoting of single fields (`"…""…"`).
    static func rows(_ url: URL) throws -> [Row] {
        let text = try String(contentsOf: url, encoding: .utf8)
        func unquote(_ f: Substring) -> String {
            guard f.count >= 2, f.first == "\"", f.last == "\"" else { return String(f) }
            return String(f.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 4 else { return nil }
            return Row(kind: String(f[0]), string: unquote(f[1]), source: String(f[2]), expected: unquote(f[3]))
        }
    }

    /// `key=value` pairs of an expectation; keys keep `@2080x` style suffixes stripped.
    static func fields(_ expected: String) -> [String: String] {
        var out = [String: String]()
        for part in expected.split(separator: ";") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            var key = part[..<eq].trimmingCharacters(in: .whitespaces)
            if let at = key.firstIndex(of: "@") { key = String(key[..<at]) }
            if let space = key.lastIndex(of: " ") { key = String(key[key.index(after: space)...]) }
            let value = part[part.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if out[key] == nil { out[key] = value }
        }
        return out
    }

    /// Leading number of a value ("60000 (DE locale…)" → 60000); nil for empty.
    static func number(_ v: String?) -> Double?? {
        guard let v else { return .none }
        let head = v.prefix { $0.isNumber || $0 == "." }
        if head.isEmpty { return .some(nil) }
        return .some(Double(head))
    }

    /// The currency the importer would pass for the row's platform or context.
    static func defaultCurrency(_ row: Row, _ f: [String: String]) -> String? {
        let cur = f["currency"].map { String($0.prefix(3)) }
        if row.expected.hasPrefix("Australian posting") || (f["currency"] ?? "").contains("from posting") { return cur }
        if row.source.contains("Naukri") { return "INR" }
        if row.source.contains("Train_rev1") || row.source.contains("Adzuna") { return "GBP" }
        return nil
    }

    static func isDescription(_ row: Row) -> Bool {
        row.source.range(of: "description", options: .caseInsensitive) != nil
    }

    static func checkSalary(_ row: Row) -> (checked: Bool, miss: String?, skip: String?) {
        let e = row.expected
        if e.isEmpty { return (false, nil, "no expected value") }
        let isNegative = e.hasPrefix("NEGATIVE") || e.hasPrefix("no amount") || e.hasPrefix("missing-value")
            || e.hasPrefix("NOT a salary")
        let parse = { (cur: String?) -> Salary? in
            isDescription(row) ? SalaryParser.extract(fromDescription: row.string, defaultCurrency: cur)
                : SalaryParser.parse(row.string, defaultCurrency: cur)
        }
        if isNegative {
            let s = parse(nil)
            return (true, s == nil ? nil : "expected nil, got \(describe(s))", nil)
        }
        var expected = e
        if e.hasPrefix("MATCHES linkedin_structured:") {
            expected = e.replacingOccurrences(of: "min_salary", with: "min")
                .replacingOccurrences(of: "max_salary", with: "max")
                .replacingOccurrences(of: "pay_period=YEARLY", with: "period=YEAR")
                .replacingOccurrences(of: "pay_period=HOURLY", with: "period=HOUR")
        } else if let r = e.range(of: "currency="), e.hasPrefix("currency") || e.hasPrefix("\"currency")
                    || e.hasPrefix("Australian posting") {
            expected = String(e[r.lowerBound...])
        } else {
            let reason = e.hasPrefix("adzuna_") ? "adzuna_SalaryNormalized (another tool's figure)"
                : e.hasPrefix("jobspy") ? "jobspy observation" : e.hasPrefix("numbers differ") ? "numbers differ (unclear)"
                : "prose expectation"
            return (false, nil, reason)
        }
        let f = fields(expected)
        let s = parse(defaultCurrency(row, f))
        guard let s else { return (true, "expected \(expected), got nil", nil) }
        var problems = [String]()
        if let c = f["currency"].map({ String($0.prefix(3)) }), s.currency != c {
            problems.append("currency \(s.currency ?? "nil") != \(c)")
        }
        if let p = f["period"] {
            if p.hasPrefix("UNSTATED") {
                let suggested = p.components(separatedBy: "suggests ").last?.prefix { $0.isLetter }
                if !s.unstated { problems.append("expected unstated") }
                if let suggested, let want = PayInterval(rawValue: String(suggested)), s.interval != want {
                    problems.append("guess \(s.interval.rawValue) != \(want.rawValue)")
                }
            } else if let want = PayInterval(rawValue: String(p.prefix { $0.isLetter })), s.interval != want {
                problems.append("interval \(s.interval.rawValue) != \(want.rawValue)")
            }
        }
        func near(_ a: Double?, _ b: Double??, _ name: String) {
            guard case .some(let want) = b else { return }
            switch (a, want) {
            case (nil, nil): return
            case (let x?, let y?) where abs(x - y) <= 1: return
            default: problems.append("\(name) \(a.map { "\($0)" } ?? "nil") != \(want.map { "\($0)" } ?? "nil")")
            }
        }
        near(s.min, number(f["min"]), "min")
        near(s.max, number(f["max"]), "max")
        near(s.annualMin, number(f["annual_min"] ?? f["annual"]), "annual_min")
        near(s.annualMax, number(f["annual_max"] ?? f["annual"]), "annual_max")
        if e.contains("estimate"), s.source != .estimated { problems.append("source \(s.source) != estimated") }
        if e.contains("employer provided"), s.source != .posted { problems.append("source \(s.source) != posted") }
        return (true, problems.isEmpty ? nil : problems.joined(separator: ", ") + " — got \(describe(s))", nil)
    }

    static func checkExperience(_ row: Row) -> (checked: Bool, miss: String?, skip: String?) {
        let e = row.expected
        if e.isEmpty { return (false, nil, "no expected value") }
        if e.hasPrefix("UNCLEAR") { return (false, nil, "UNCLEAR (years not tied to experience)") }
        guard let r = e.range(of: "years_min=") else { return (false, nil, "prose expectation (seniority/ambiguous)") }
        let f = fields(String(e[r.lowerBound...]))
        guard case .some(let wantMin?) = number(f["years_min"]) else { return (false, nil, "years_min unknown") }
        let got = ExperienceParser.parse(row.string)
        guard let got else { return (true, "expected \(wantMin), got nil", nil) }
        var problems = [String]()
        if got.yearsMin != wantMin { problems.append("min \(got.yearsMin.map { "\($0)" } ?? "nil") != \(wantMin)") }
        if case .some(let wantMax) = number(f["years_max"]), got.yearsMax != wantMax {
            problems.append("max \(got.yearsMax.map { "\($0)" } ?? "nil") != \(wantMax.map { "\($0)" } ?? "nil")")
        }
        return (true, problems.isEmpty ? nil : problems.joined(separator: ", "), nil)
    }

    static func describe(_ s: Salary?) -> String {
        guard let s else { return "nil" }
        return "\(s.currency ?? "nil") \(s.interval.rawValue)\(s.unstated ? "?" : "") "
            + "\(s.min.map { "\($0)" } ?? "nil")–\(s.max.map { "\($0)" } ?? "nil") \(s.source)"
    }

    @Test func salaryAndExperienceAccuracy() throws {
        guard let url = Self.dataFile() else {
            print("accuracy: strings.tsv not found (set CENTRALD_SHARED_DATA); acceptance suite skipped")
            return
        }
        let rows = try Self.rows(url)
        for kind in ["salary", "experience"] {
            var compared = 0, passed = 0
            var skipped = [String: Int]()
            var misses = [String]()
            for row in rows where row.kind == kind {
                let r = kind == "salary" ? Self.checkSalary(row) : Self.checkExperience(row)
                if let reason = r.skip { skipped[reason, default: 0] += 1; continue }
                compared += 1
                if let miss = r.miss { misses.append("  MISS \(row.string.prefix(90)) → \(miss)") } else { passed += 1 }
            }
            let pct = compared == 0 ? 100 : Double(passed) * 100 / Double(compared)
            print("accuracy \(kind): \(passed)/\(compared) = \(String(format: "%.1f", pct))%, skipped "
                + "\(skipped.values.reduce(0, +)): "
                + skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
            misses.forEach { print($0) }
            #expect(pct >= 97, "\(kind) accuracy \(pct)% under 97%")
        }
        Self.reportAdzunaAgreement(rows)
        Self.reportSpeed(rows)
    }

    /// Informational, never failing: agreement with Adzuna's own annual midpoint (hour ×1920, day ×240,
    /// week ×48, month ×12), within 2 %. Adzuna's figure comes from another tool, so it is not a gate.
    static func reportAdzunaAgreement(_ rows: [Row]) {
        let factors: [PayInterval: Double] = [.hour: 1920, .day: 240, .week: 48, .month: 12, .year: 1]
        var compared = 0, agreed = 0
        var disagreements = [String]()
        for row in rows where row.kind == "salary" {
            guard let r = row.expected.range(of: "adzuna_SalaryNormalized"),
                  let eq = row.expected[r.upperBound...].lastIndex(of: "="),
                  let want = Double(row.expected[row.expected.index(after: eq)...].prefix { $0.isNumber || $0 == "." })
            else { continue }
            compared += 1
            let s = SalaryParser.parse(row.string, defaultCurrency: "GBP")
            let values = [s?.min, s?.max].compactMap { $0 }
            guard let s, !values.isEmpty else { disagreements.append("  \(row.string.prefix(70)) → nil, Adzuna \(want)"); continue }
            let mid = values.reduce(0, +) / Double(values.count) * (factors[s.interval] ?? 1)
            if abs(mid - want) <= want * 0.02 { agreed += 1 } else {
                disagreements.append("  \(row.string.prefix(70)) → \(describe(s)), Adzuna \(want)")
            }
        }
        print("info: agreement with Adzuna SalaryNormalized \(agreed)/\(compared) (not a gate)")
        disagreements.forEach { print($0) }
    }

    /// Informational: salary parses per second over the real strings (debug build unless run with -c release).
    static func reportSpeed(_ rows: [Row]) {
        let texts = rows.filter { $0.kind == "salary" }.map(\.string)
        let rounds = 20
        let start = DispatchTime.now().uptimeNanoseconds
        var found = 0
        for _ in 0..<rounds { for t in texts where SalaryParser.parse(t) != nil { found += 1 } }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let perSecond = Double(texts.count * rounds) / seconds
        print("info: SalaryParser.parse \(Int(perSecond)) parses/s over \(texts.count) real strings (\(found / rounds) with pay)")
    }
}
