import Data
import Foundation

/// `centrald match --candidate ID | --tenant SLUG | --all [--json]`.
enum MatchCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["candidate", "tenant"])
        try args.allowFlags(["json", "all"])
        let scope: MatchScope
        if let id = args.option("candidate") {
            guard let n = Int64(id) else { throw UsageError("--candidate needs a numeric id") }
            scope = .candidate(n)
        } else if let slug = args.option("tenant") {
            scope = .tenant(slug)
        } else if args.flag("all") {
            scope = .all
        } else {
            throw UsageError("match needs --candidate ID, --tenant SLUG or --all")
        }
        let s = try MatchRunner(connection: try DatabaseLocator().connect()).rerunMatches(scope)
        if args.flag("json") {
            try printJSON([
                "candidates": s.candidates, "jobs": s.jobs, "pairs_scored": s.pairsScored, "kept": s.kept,
                "inserted": s.inserted, "updated": s.updated, "unchanged": s.unchanged, "removed": s.removed,
                "retained": s.retained, "seconds": s.seconds,
                "load_seconds": s.loadSeconds, "score_seconds": s.scoreSeconds, "write_seconds": s.writeSeconds,
            ])
        } else {
            print("matched \(s.candidates) candidates against \(s.jobs) jobs: \(s.pairsScored) pairs scored, \(s.kept) kept "
                  + "(>= threshold); inserted \(s.inserted), updated \(s.updated), unchanged \(s.unchanged)"
                  + (s.removed + s.retained > 0 ? "; \(s.removed) suggestions no longer hold and were removed" : "")
                  + (s.retained > 0 ? ", \(s.retained) acted-on matches kept" : "")
                  + String(format: " in %.2fs (load %.2fs, score %.2fs, write %.2fs)", s.seconds, s.loadSeconds,
                           s.scoreSeconds, s.writeSeconds))
        }
        return 0
    }
}

/// `centrald matches list --candidate ID [--json]`, `matches set-status MATCH_ID STATUS [--reason TEXT]`.
enum MatchesCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["candidate", "reason"])
        try args.allowFlags(["json"])
        guard let sub = args.positionals.first else { throw UsageError("matches needs list or set-status") }
        let store = MatchStore(connection: try DatabaseLocator().connect())
        func num(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "-" }
        switch sub {
        case "list":
            guard let text = args.option("candidate"), let id = Int64(text) else {
                throw UsageError("matches list needs --candidate ID")
            }
            let rows = try store.matches(candidateId: id)
            if args.flag("json") {
                try printJSON(rows.map { m -> [String: Any] in
                    ["rank": m.rank, "match_id": m.id, "job_id": m.jobId, "title": m.jobTitle, "company": m.company ?? NSNull(),
                     "location": m.location ?? NSNull(), "match_score": m.matchScore, "grade": m.grade,
                     "skills_score": m.skills ?? NSNull(), "experience_score": m.experience ?? NSNull(),
                     "location_score": m.location_ ?? NSNull(), "salary_score": m.salary ?? NSNull(),
                     "semantic_score": m.semantic ?? NSNull(), "matched_skills": m.matchedSkills,
                     "missing_skills": m.missingSkills, "status": m.status,
                     "explanation": (try? JSONSerialization.jsonObject(with: Data(m.explanation.utf8))) ?? NSNull()]
                })
            } else {
                print(" # MATCH    SCORE G  SKILL  EXPER  LOCAT  SALAR  SEMAN  STATUS       JOB")
                for m in rows {
                    print(String(m.rank).leftPadded(2) + " " + String(m.id).padding(toLength: 7, withPad: " ", startingAt: 0)
                          + String(format: "%6.2f", m.matchScore) + " " + m.grade + " "
                          + [m.skills, m.experience, m.location_, m.salary, m.semantic].map { num($0).leftPadded(6) }.joined(separator: " ")
                          + "  " + m.status.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
                          + m.jobTitle + (m.company.map { " — " + $0 } ?? ""))
                }
                print("\(rows.count) matches")
            }
        case "set-status":
            guard args.positionals.count == 3, let id = Int64(args.positionals[1]) else {
                throw UsageError("usage: centrald matches set-status MATCH_ID STATUS [--reason TEXT]")
            }
            let change = try store.setStatus(matchId: id, to: args.positionals[2], reason: args.option("reason"))
            if args.flag("json") {
                try printJSON(["match_id": id, "from": change.from, "to": change.to, "changed_by": change.changedBy,
                               "reason": change.reason ?? NSNull(),
                               "changed_at": change.changedAt.map { ISO8601DateFormatter().string(from: $0) } ?? NSNull()])
            } else {
                print("match \(id): \(change.from) → \(change.to) by \(change.changedBy)" + (change.reason.map { " (\($0))" } ?? ""))
            }
        default:
            throw UsageError("unknown matches command '\(sub)' (list, set-status)")
        }
        return 0
    }
}
