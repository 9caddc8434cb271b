import Foundation
import Testing

@testable import Core

#if canImport(Glibc)
    import Glibc
#endif

/// The parallel reader must give exactly what the one-thread reader gives, in the same order.
@Suite struct JobFileReaderParallelTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    /// Generated JSON Lines postings (HTML and plain descriptions) with broken, blank and title-less lines mixed in.
    static let jsonLines: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try! DemoDataset.writeBenchFile(postings: 300, to: url, seed: 11)
        var lines = try! String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("{\"title\": \"Broken", at: 40)
        lines.insert("", at: 77)
        lines.insert("{\"company\": \"No Title Ltd\", \"description\": \"x\"}", at: 120)
        lines.insert("{\"title\": \"12345\", \"company\": \"Numbers\"}", at: 200)
        return lines.joined(separator: "\n") + "\n"
    }()

    /// The same records as one JSON array.
    static var jsonArray: String {
        "[" + jsonLines.split(separator: "\n").filter { $0.hasPrefix("{\"") && $0.hasSuffix("}") }.joined(separator: ",\n") + "]"
    }

    /// CSV rows with HTML, Markdown and plain descriptions, salaries, locations and a broken last row.
    static var csv: String {
        let descriptions = [
            "<p>We build <b>Swift</b> and <i>PostgreSQL</i> services.</p><ul><li>5+ years of Go</li><li>Kubernetes</li></ul>",
            "## About the role\\n\\n- **Python** and SQL\\n- 3-5 years experience\\n- Remote (US only)",
            "Hybrid role in Berlin. Java, Spring Boot, Kafka. Salary EUR 70,000 - 85,000 per year.",
            "Entry level. Excel, Tableau. On-site. $25/hour.",
        ]
        let titles = ["Senior Backend Engineer", "Data Analyst", "<b>DevOps</b> Engineer", "Java Developer", "7"]
        let locations = ["Austin, TX", "Berlin, Germany", "Remote", "London", "Bengaluru, Karnataka, India"]
        var text = "title,company,location,description,salary\n"
        for n in 0..<257 {
            let description = descriptions[n % descriptions.count].replacingOccurrences(of: "\\n", with: "\n")
            text += "\"\(titles[n % titles.count])\",Company \(n % 13),\"\(locations[n % locations.count])\","
            text += "\"\(description.replacingOccurrences(of: "\"", with: "\"\""))\",\"\(n % 3 == 0 ? "$\(90 + n % 40)k - $\(140 + n % 30)k" : "")\"\n"
        }
        return text + "\"Unclosed,Company,Nowhere,\"never ends\n"
    }

    /// Every outcome as text, in delivery order, with the file info last.
    static func dump(_ text: String, ext: String, workers: Int, batchSize: Int) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = JobFileReader(now: now, workers: workers)
        reader.batchSize = batchSize
        var lines: [String] = []
        let info = try reader.read(url) { lines.append("\($0)") }
        lines.append("\(info.format) \(info.container) \(info.encoding) \(info.records)")
        return lines
    }

    @Test("Parallel reading gives the sequential outcomes in the same order",
          arguments: [("jsonl", 2, 16), ("jsonl", 3, 7), ("jsonl", 2, 1_024), ("json", 2, 16), ("csv", 3, 10)])
    func sameOutcomes(ext: String, workers: Int, batchSize: Int) throws {
        let text = ext == "jsonl" ? Self.jsonLines : ext == "json" ? Self.jsonArray : Self.csv
        let sequential = try Self.dump(text, ext: ext, workers: 1, batchSize: batchSize)
        let parallel = try Self.dump(text, ext: ext, workers: workers, batchSize: batchSize)
        #expect(sequential.count > 250)
        #expect(sequential.contains { $0.hasPrefix("rejected") })
        #expect(parallel.count == sequential.count)
        for (i, (a, b)) in zip(sequential, parallel).enumerated() where a != b {
            Issue.record("outcome \(i) differs:\n\(a)\n\(b)")
            break
        }
        #expect(parallel == sequential)
    }

    @Test("Outcomes reach the body on the calling thread, and an error from the body stops the read")
    func bodyErrorStops() throws {
        struct Stop: Error {}
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).jsonl")
        try Self.jsonLines.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = JobFileReader(now: Self.now, workers: 2)
        reader.batchSize = 16
        let caller = pthread_self()
        var delivered = 0
        var onCaller = true
        #expect(throws: Stop.self) {
            _ = try reader.read(url) { _ in
                onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
                delivered += 1
                if delivered == 50 { throw Stop() }
            }
        }
        #expect(delivered == 50)
        #expect(onCaller)
    }
}
