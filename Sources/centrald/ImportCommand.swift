import Core
import Data
import Foundation

/// `centrald import FILE… [--platform NAME] [--workers N] [--json]`.
enum ImportCommand {
    static let help = """
        usage: centrald import FILE… [--platform NAME] [--workers N] [--json]

        Imports job postings. The format of each file is detected: JobSpy JSON/CSV, Dice API JSON,
        Dice CSV, Indeed scrape JSON, Glassdoor CSV, Naukri CSV, Adzuna CSV, schema.org JSON-LD,
        CentralD's own JSON / JSON Lines. --platform overrides the platform recorded for every posting.
        --workers sets the threads that normalize records (default: one per processor; 1 = this thread only).
        Exit status: 0 when every file was read (records may be rejected), 1 when a file could not be read.
        """

    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["platform", "workers"])
        try args.allowFlags(["json"])
        guard !args.positionals.isEmpty else { throw UsageError("import needs at least one FILE") }
        let json = args.flag("json")
        let conn = try DatabaseLocator().connect()
        let writer = JobImportWriter(connection: conn)
        var workers = ProcessInfo.processInfo.activeProcessorCount
        if let text = args.option("workers") {
            guard let n = Int(text), n >= 1 else { throw UsageError("--workers needs a whole number ≥ 1, not '\(text)'") }
            workers = n
        }
        let reader = JobFileReader(now: Date(), platformOverride: args.option("platform")?.lowercased(), workers: workers)
        var failed = false
        var results: [[String: Any]] = []
        for path in args.positionals {
            let url = URL(fileURLWithPath: path)
            do {
                let summary = try writer.importFile(url, reader: reader, displayName: path)
                if json { results.append(jsonObject(summary)) } else { printSummary(summary) }
            } catch let e as FileImportError {
                failed = true
                if json { results.append(["file": path, "error": e.reason]) } else {
                    FileHandle.standardError.write(Data("centrald: \(e.description)\n".utf8))
                }
            }
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        return failed ? 1 : 0
    }

    static func printSummary(_ s: FileImportSummary) {
        print("\(s.file) (\(s.format)): read \(s.read), imported \(s.imported), "
              + (s.updated > 0 ? "updated \(s.updated), " : "") + "duplicates \(s.duplicates)" + groupedNote(s.grouped)
              + ", rejected \(s.rejected)"
              + (s.warnings > 0 ? ", warnings \(s.warnings)" : "") + String(format: " in %.2fs", s.seconds))
        if s.batches.count > 1 {
            for b in s.batches {
                print("  \(b.platform): read \(b.read), imported \(b.imported), "
                      + (b.updated > 0 ? "updated \(b.updated), " : "")
                      + "duplicates \(b.duplicates)" + groupedNote(b.grouped) + ", rejected \(b.rejected)  [batch \(b.batchId)]")
            }
        }
        let rejected = s.issues.filter { $0.severity == .rejected }
        for issue in rejected.prefix(5) { print("  rejected \(issue)") }
        if rejected.count > 5 { print("  … \(rejected.count - 5) more rejections (centrald stores all of them with the batch)") }
        let warnings = s.issues.filter { $0.severity == .warning }
        for issue in warnings.prefix(3) { print("  warning \(issue)") }
        if warnings.count > 3 { print("  … \(warnings.count - 3) more warnings") }
    }

    /// "duplicates 42 (6 stored under their canonical posting)": grouped postings are rows of their own.
    static func groupedNote(_ grouped: Int) -> String {
        grouped > 0 ? " (\(grouped) stored under their canonical posting)" : ""
    }

    static func jsonObject(_ s: FileImportSummary) -> [String: Any] {
        [
            "file": s.file, "format": s.format, "read": s.read, "imported": s.imported, "updated": s.updated,
            "duplicates": s.duplicates, "grouped": s.grouped,
            "rejected": s.rejected, "warnings": s.warnings, "seconds": s.seconds,
            "batches": s.batches.map { ["id": $0.batchId, "platform": $0.platform, "read": $0.read, "imported": $0.imported,
                                        "updated": $0.updated, "duplicates": $0.duplicates, "grouped": $0.grouped,
                                        "rejected": $0.rejected, "warnings": $0.warnings] },
            "issues": s.issues.prefix(100).map { ["record": $0.recordNumber, "field": $0.field, "reason": $0.reason,
                                                  "severity": $0.severity.rawValue] },
        ]
    }
}
