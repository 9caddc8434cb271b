import Foundation
import Testing

@testable import Core

/// Accuracy of `LocationParser`/`WorkModeDetector` and `SkillExtractor.canonicalize` over the shared
/// real-data strings (`../shared/data/strings.tsv`, or `$CENTRALD_SHARED_DATA/strings.tsv`).
/// Rows whose expectation is prose (or another tool's output) are skipped and counted.
@Suite struct LocationSkillAccuracyTests {
    struct Row {
        var kind: String
        var string: String
        var source: String
        var expected: String
    }

    static func dataFile() -> URL? {
        var candidates: [URL] = []
        if let dir = ProcessInfo.processInfo.environment["CENTRALD_SHARED_DATA"], !dir.isEmpty {
            candidates.append(URL(fileURLWithPath: dir).appendingPathComponent("strings.tsv"))
        }
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/strings.tsv"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// TSV with CSV-style quoting of single fields ("" inside a quoted field is one quote).
    static func rows(_ text: String) -> [Row] {
        func unquote(_ field: Substring) -> String {
            var value = String(field)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return value
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { return nil }
            return Row(kind: String(fields[0]), string: unquote(fields[1]), source: unquote(fields[2]),
                       expected: fields.count > 3 ? unquote(fields[3]) : "")
        }
    }

    /// `key=value` pairs of an expectation for the keys we check; a value's "(…)" note is dropped.
    static func expectations(_ expected: String, keys: Set<String>) -> [(String, String)] {
        expected.split(separator: ";").compactMap { segment in
            let parts = segment.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else { return nil }
            var value = String(parts[1])
            if let open = value.firstIndex(of: "(") { value = String(value[..<open]) }
            return (key, value.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Splits a composite row ("Title | location=X | is_remote=True", "[…] isRemote=True …") into
    /// location text, title and platform flags, then runs the parsers.
    static func evaluateLocation(_ string: String) -> (Location, WorkModeDecision) {
        let flagKeys = ["is_remote", "remote_allowed", "isRemote", "workFromHomeAvailability"]
        var flags: [(field: String, value: Bool)] = []
        var rest: [String] = []
        var locationText: String?
        var title: String?
        for part in string.components(separatedBy: " | ") {
            var kept: [Substring] = []
            for word in part.split(separator: " ", omittingEmptySubsequences: false) {
                let pair = word.split(separator: "=", maxSplits: 1)
                if pair.count == 2, flagKeys.contains(String(pair[0])) {
                    let value = pair[1].lowercased()
                    flags.append((String(pair[0]), value == "true" || value == "1"))
                } else if pair.count == 2, pair[0] == "zip_code" {
                    continue
                } else {
                    kept.append(word)
                }
            }
            let text = kept.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("location=") {
                locationText = String(text.dropFirst("location=".count))
            } else if text.hasPrefix("locationName=") {
                locationText = String(text.dropFirst("locationName=".count).prefix { $0 != ";" })
            } else if !text.isEmpty {
                rest.append(text)
            }
        }
        if locationText == nil {
            locationText = rest.first ?? ""
        } else {
            title = rest.first
        }
        var texts: [(field: String, value: String)] = []
        if let title { texts.append(("title", title)) }
        texts.append(("location", locationText ?? ""))
        return (LocationParser.parse(locationText ?? ""), WorkModeDetector.detect(texts: texts, flags: flags))
    }

    static func normalizedRegion(_ value: String?) -> String? {
        guard let value else { return nil }
        let key = value.lowercased()
        return (LocationTables.usStateLookup[key] ?? LocationTables.caProvinces[key] ?? value).lowercased()
    }

    @Test func locationAndSkillAccuracy() throws {
        guard let url = Self.dataFile() else {
            print("note: strings.tsv not found; accuracy test skipped")
            return
        }
        let rows = Self.rows(try String(contentsOf: url, encoding: .utf8))
        var locationStats = (compared: 0, passed: 0, skipped: 0)
        var skillStats = (compared: 0, passed: 0, skipped: 0)
        var misses: [String] = []
        for row in rows where row.kind == "location" {
            let checks = Self.expectations(row.expected, keys: ["city", "state", "country", "remote", "mode"])
            guard !checks.isEmpty else {
                locationStats.skipped += 1
                continue
            }
            let (location, decision) = Self.evaluateLocation(row.string)
            var wrong: [String] = []
            for (key, value) in checks {
                let expected = value.lowercased()
                switch key {
                case "city": if location.city?.lowercased() != expected { wrong.append("city=\(location.city ?? "nil")") }
                case "state":
                    if Self.normalizedRegion(location.region) != Self.normalizedRegion(value) {
                        wrong.append("state=\(location.region ?? "nil")")
                    }
                case "country": if location.country?.lowercased() != expected { wrong.append("country=\(location.country ?? "nil")") }
                case "remote":
                    // The work-mode decision, or the location's own remote flag when nothing decided.
                    let remote = decision.mode == .remote || (decision.mode == .unknown && location.remote)
                    if String(remote) != expected { wrong.append("remote=\(remote) [\(decision.evidence ?? "")]") }
                case "mode": if decision.mode.rawValue != expected { wrong.append("mode=\(decision.mode.rawValue)") }
                default: break
                }
            }
            locationStats.compared += 1
            if wrong.isEmpty {
                locationStats.passed += 1
            } else {
                misses.append("location miss: \(row.string) → \(wrong.joined(separator: ", ")) (expected \(row.expected))")
            }
        }
        let taxonomy = SkillTaxonomy.shared
        for row in rows where row.kind == "skill" {
            guard row.expected.hasPrefix("canonical=") else {
                skillStats.skipped += 1
                continue
            }
            var expectedText = String(row.expected.dropFirst("canonical=".count))
            if let open = expectedText.firstIndex(of: "(") { expectedText = String(expectedText[..<open]) }
            let expected = expectedText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let got = SkillExtractor.shared.canonicalize([row.string])
            let gotKeys = got.map { name in (taxonomy.skill(named: name)?.id ?? name).lowercased() }
            let expectedKeys = expected.map { name in (taxonomy.skill(named: name)?.id ?? name).lowercased() }
            skillStats.compared += 1
            if gotKeys == expectedKeys {
                skillStats.passed += 1
            } else {
                misses.append("skill miss: \(row.string) → \(got) (expected \(row.expected))")
            }
        }
        for miss in misses { print(miss) }
        let locationRate = Double(locationStats.passed) / Double(max(locationStats.compared, 1))
        let skillRate = Double(skillStats.passed) / Double(max(skillStats.compared, 1))
        print("location accuracy: \(locationStats.passed)/\(locationStats.compared) = "
            + String(format: "%.1f%%", locationRate * 100) + ", skipped \(locationStats.skipped)")
        print("skill accuracy: \(skillStats.passed)/\(skillStats.compared) = "
            + String(format: "%.1f%%", skillRate * 100) + ", skipped \(skillStats.skipped)")
        #expect(locationRate >= 0.95)
        #expect(skillRate >= 0.95)
    }
}
