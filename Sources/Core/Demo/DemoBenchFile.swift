import Foundation

extension DemoDataset {
    /// Writes `postings` records in the own JSON Lines format to `url`, streaming in chunks (constant memory).
    ///
    /// External ids are unique (`bench-<seed>-<n>`), descriptions are 1.5–3 KB, and every record's content
    /// differs (a requisition number is part of the text), so none is a duplicate.
    public static func writeBenchFile(postings: Int, to url: URL, seed: UInt64) throws {
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01, fixed so the file depends only on the seed
        var factory = DemoJobFactory(seed: seed, stream: 41, now: now)
        var rng = DemoRandom(seed: seed, stream: 42)
        // A pool of generated jobs whose descriptions are escaped once; postings draw from it.
        let pool: [(DemoImportRecord, String)] = (0..<min(256, max(1, postings))).map { i in
            let platform = DemoImportFormat.platforms[i % DemoImportFormat.platforms.count]
            let record = DemoImportFormat.record(factory.makeJob(region: .anywhere, maxAgeDays: 60),
                                                 platform: platform, rng: &rng)
            var escaped = ""
            DemoJSON.quote(record.description, into: &escaped)
            return (record, String(escaped.dropFirst().dropLast()))
        }
        let companies = DemoVocabulary.companies
        let cities = DemoVocabulary.usCities.map(\.short) + DemoVocabulary.europeCities.map {
            "\($0.name), \($0.regionName), \($0.country)"
        }

        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = ""
        chunk.reserveCapacity(1 << 21)
        for n in 0..<postings {
            var (record, description) = pool[rng.int(0...(pool.count - 1))]
            record.externalId = "bench-\(seed)-\(n)"
            record.url = "https://jobs.example.com/bench/\(seed)/\(n)"
            record.company = companies[rng.int(0...(companies.count - 1))]
            if record.location != "Remote" { record.location = cities[rng.int(0...(cities.count - 1))] }
            record.postedAt = Date(timeIntervalSince1970: 1_767_225_600 - Double(rng.int(0...(60 * 86_400))))
            let tail = record.description.hasPrefix("<p>") ? "<p>Requisition ID: BR-\(n).</p>" : "\\n\\nRequisition ID: BR-\(n)."
            chunk += record.line(escapedDescription: description + tail)
            chunk += "\n"
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try handle.write(contentsOf: Data(chunk.utf8)) }
    }
}
