import Core
import Data
import Foundation

/// `centrald candidates import FILE… --tenant SLUG [--json]`, `candidates approve ID`, `candidates list --tenant SLUG`.
enum CandidatesCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["tenant"])
        try args.allowFlags(["json"])
        guard let sub = args.positionals.first else { throw UsageError("candidates needs import, approve or list") }
        let json = args.flag("json")
        let conn = try DatabaseLocator().connect()
        let store = CandidateStore(connection: conn)
        switch sub {
        case "import":
            let files = Array(args.positionals.dropFirst())
            guard !files.isEmpty else { throw UsageError("candidates import needs a FILE") }
            guard let tenant = args.option("tenant") else { throw UsageError("candidates import needs --tenant SLUG") }
            var failed = false
            var results: [[String: Any]] = []
            for path in files {
                do {
                    let s = try store.importFile(URL(fileURLWithPath: path), tenantSlug: tenant, displayName: path)
                    if json { results.append(object(s)) } else { printSummary(s) }
                } catch let e as FileImportError {
                    failed = true
                    if json { results.append(["file": path, "error": e.reason]) } else {
                        FileHandle.standardError.write(Data("centrald: \(e.description)\n".utf8))
                    }
                }
            }
            if json { try printJSON(results) }
            return failed ? 1 : 0
        case "approve":
            guard args.positionals.count == 2, let id = Int64(args.positionals[1]) else {
                throw UsageError("usage: centrald candidates approve ID")
            }
            let changed = try store.approve(candidateId: id)
            if json {
                try printJSON(["candidate_id": id, "status": "approved", "changed": changed])
            } else {
                print(changed ? "candidate \(id) approved (event candidate/approved)" : "candidate \(id) was already approved")
            }
            return 0
        case "list":
            guard let tenant = args.option("tenant") else { throw UsageError("candidates list needs --tenant SLUG") }
            let rows = try store.candidates(tenantSlug: tenant)
            if json {
                try printJSON(rows.map { c -> [String: Any] in
                    ["id": c.id, "external_ref": c.externalRef ?? NSNull(), "first_name": c.firstName, "last_name": c.lastName,
                     "email": c.email ?? NSNull(), "title": c.title ?? NSNull(), "skills": c.skills,
                     "total_experience_years": c.totalExperienceYears ?? NSNull(), "status": c.status,
                     "preferred_roles": c.preferredRoles, "matches": c.matches]
                })
            } else {
                print("ID      NAME                      STATUS     YEARS  MATCHES  ROLES")
                for c in rows {
                    let name = "\(c.firstName) \(c.lastName)"
                    print(String(c.id).padding(toLength: 8, withPad: " ", startingAt: 0)
                          + name.padding(toLength: 26, withPad: " ", startingAt: 0)
                          + c.status.padding(toLength: 11, withPad: " ", startingAt: 0)
                          + (c.totalExperienceYears.map { String(format: "%.0f", $0) } ?? "-").leftPadded(5)
                          + String(c.matches).leftPadded(9) + "  " + c.preferredRoles.joined(separator: ", "))
                }
                print("\(rows.count) candidates")
            }
            return 0
        default:
            throw UsageError("unknown candidates command '\(sub)' (import, approve, list)")
        }
    }

    static func printSummary(_ s: CandidateImportSummary) {
        print("\(s.file) (\(s.format)) → \(s.tenant): read \(s.read), inserted \(s.inserted), updated \(s.updated), "
              + "unchanged \(s.unchanged), rejected \(s.rejected)" + (s.warnings > 0 ? ", warnings \(s.warnings)" : "")
              + String(format: " in %.2fs", s.seconds))
        if !s.newRoles.isEmpty { print("  new roles queued for scraping: \(s.newRoles.joined(separator: ", "))") }
        for issue in s.issues.prefix(10) { print("  \(issue.severity.rawValue) \(issue)") }
        if s.issues.count > 10 { print("  … \(s.issues.count - 10) more") }
    }

    static func object(_ s: CandidateImportSummary) -> [String: Any] {
        ["file": s.file, "format": s.format, "tenant": s.tenant, "read": s.read, "inserted": s.inserted,
         "updated": s.updated, "unchanged": s.unchanged, "rejected": s.rejected, "warnings": s.warnings,
         "new_roles": s.newRoles, "seconds": s.seconds,
         "issues": s.issues.map { ["record": $0.recordNumber, "field": $0.field, "reason": $0.reason,
                                   "severity": $0.severity.rawValue] }]
    }
}
