import Foundation
import Testing

@testable import Core

private let demoNow = Date(timeIntervalSince1970: 1_747_656_000)  // 2025-05-19T12:00:00Z

/// Minimal RFC 4180 reader for the test: rows of fields, quotes and embedded newlines honoured.
private func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r" && chars.first == "\n" {
            chars.removeFirst()
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

private func files(seed: UInt64 = 42) -> [String: Data] {
    Dictionary(uniqueKeysWithValues: DemoDataset(seed: seed, now: demoNow).jobFileContents().map { ($0.name, $0.data) })
}

private func jsonArray(_ data: Data) throws -> [[String: Any]] {
    let text = String(decoding: data, as: UTF8.self)
        .replacingOccurrences(of: ": NaN", with: ": null")
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

@Test func sameSeedGivesSameBytesAndOtherSeedDiffers() throws {
    let a = files(), b = files(), c = files(seed: 7)
    #expect(a.count == 5)
    for (name, data) in a {
        #expect(b[name] == data, "\(name) differs between two runs with one seed")
        #expect(c[name] != data, "\(name) did not change with the seed")
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let urls = try DemoDataset(now: demoNow).writeJobFiles(to: dir)
    #expect(urls.map(\.lastPathComponent) == DemoDataset.jobFiles.map(\.name))
    for url in urls { #expect(try Data(contentsOf: url) == a[url.lastPathComponent]) }
}

@Test func jobSpyFileIsJSONWithNaNAndExpectedRows() throws {
    let data = try #require(files()["demo-jobspy.json"])
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"job_url_direct\": NaN"))
    let rows = try jsonArray(data)
    #expect(rows.count == 150)
    #expect(Set(rows.compactMap { $0["site"] as? String }) == ["indeed", "linkedin", "google"])
    #expect(rows[0].keys.count == 34)
    // Two exact repeats, and three bad records.
    #expect(Set(rows.compactMap { $0["id"] as? String }).count == 148)
    #expect(rows.filter { ($0["title"] as? String ?? "").isEmpty }.count == 2)
    #expect(rows.contains { ($0["min_amount"] as? Double) == -5 })
}

@Test func glassdoorFileIsCSVWithHeaderAndRows() throws {
    let rows = parseCSV(String(decoding: try #require(files()["demo-glassdoor.csv"]), as: UTF8.self))
    #expect(rows.first == ["", "Job Title", "Salary Estimate", "Job Description", "Rating", "Company Name", "Location",
                           "Headquarters", "Size", "Founded", "Type of ownership", "Industry", "Sector", "Revenue",
                           "Competitors"])
    #expect(rows.count == 121)
    #expect(rows.dropFirst().allSatisfy { $0.count == 15 })
    #expect(rows.dropFirst().contains { $0[2].hasSuffix("(Glassdoor est.)") })
    #expect(rows.dropFirst().contains { $0[5].contains("\n") })  // rating appended to the name
    #expect(rows.dropFirst().contains { $0[2] == "call us" })
}

@Test func diceFileIsAnArrayOfSearchItems() throws {
    let rows = try jsonArray(try #require(files()["demo-dice.json"]))
    #expect(rows.count == 100)
    #expect(rows.filter { $0["title"] == nil }.count == 1)
    let first = try #require(rows.first)
    for key in ["id", "guid", "companyName", "postedDate", "detailsPageUrl", "isRemote", "workFromHomeAvailability",
                "workplaceTypes", "summary"] {
        #expect(first[key] != nil, "missing \(key)")
    }
    #expect(rows.contains { ($0["salary"] as? String)?.hasPrefix("USD ") == true })
    #expect(rows.contains { $0["salary"] as? String == "$-5" })
}

@Test func naukriFileHasBOMAndIndianValues() throws {
    let data = try #require(files()["demo-naukri.csv"])
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let rows = parseCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
    #expect(rows.first == ["Job Role", "Company", "Job Type", "Location", "Experience", "Salary per annual",
                           "Description", "Key Skills", "Posted on", "Apply link"])
    #expect(rows.count == 81)
    #expect(rows.dropFirst().allSatisfy { $0[4].hasSuffix(" Yrs") })
    #expect(rows.dropFirst().contains { $0[8] == "30+ Days Ago" })
}

@Test func ownFormatIsOneObjectPerLineWithDuplicatesOfDice() throws {
    let all = files()
    let lines = String(decoding: try #require(all["demo-scrapers.jsonl"]), as: UTF8.self)
        .split(separator: "\n")
    #expect(lines.count == 150)
    let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    #expect(objects.filter { $0["title"] == nil }.count == 1)
    #expect(Set(lines).count == 147)  // three exact repeats
    let diceIds = Set(try jsonArray(try #require(all["demo-dice.json"])).compactMap { $0["id"] as? String })
    let repeated = objects.filter { $0["platform"] as? String == "dice" }.compactMap { $0["external_id"] as? String }
    #expect(repeated.count == 4 && repeated.allSatisfy(diceIds.contains))
    for object in objects {
        #expect(object["posted_at"] as? String != nil)
        if let interval = object["salary_interval"] as? String { #expect(["YEAR", "HOUR"].contains(interval)) }
        if let mode = object["work_mode"] as? String { #expect(["remote", "hybrid", "onsite"].contains(mode)) }
    }
}

@Test func descriptionsAreRealisticSize() throws {
    let rows = try jsonArray(try #require(files()["demo-jobspy.json"]))
    let sizes = rows.compactMap { ($0["description"] as? String)?.utf8.count }
    #expect(sizes.min()! > 1_000)
    #expect(sizes.max()! < 5_000)
}
