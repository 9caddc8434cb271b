import Foundation

/// Where a suggested match stands with the recruiter.
///
/// Allowed moves: SUGGESTED → VIEWED; VIEWED → SHORTLISTED, APPLIED or REJECTED; SHORTLISTED → APPLIED or
/// REJECTED; APPLIED → REJECTED; REJECTED is final. A re-run of the matcher never changes a match's status.
public enum MatchStatus: String, Sendable, CaseIterable, Codable {
    case suggested = "SUGGESTED", viewed = "VIEWED", shortlisted = "SHORTLISTED", applied = "APPLIED", rejected = "REJECTED"

    /// The statuses a match in this status may move to.
    public var next: [MatchStatus] {
        switch self {
        case .suggested: return [.viewed]
        case .viewed: return [.shortlisted, .applied, .rejected]
        case .shortlisted: return [.applied, .rejected]
        case .applied: return [.rejected]
        case .rejected: return []
        }
    }

    /// Lenient reading ("shortlisted", "Viewed").
    public init?(text: String) { self.init(rawValue: text.uppercased().trimmingCharacters(in: .whitespaces)) }
}

/// One stored match as a recruiter sees it.
public struct MatchRow: Sendable, Equatable {
    public var rank: Int
    public var id: Int64
    public var jobId: Int64
    public var jobTitle: String
    public var company: String?
    public var location: String?
    public var matchScore: Double
    public var grade: String
    public var skills: Double?
    public var experience: Double?
    public var location_: Double?
    public var salary: Double?
    public var semantic: Double?
    public var matchedSkills: [String]
    public var missingSkills: [String]
    public var status: String
    /// The stored explanation (jsonb as text).
    public var explanation: String
}

/// A recorded status change.
public struct MatchStatusChange: Sendable, Equatable {
    public var matchId: Int64
    public var from: String
    public var to: String
    public var changedBy: String
    public var reason: String?
    public var changedAt: Date?
}

/// Stored matches: ranked lists and the status workflow, with who, when and why in `match_status_events`.
public final class MatchStore {
    private let conn: PGConnection

    public init(connection: PGConnection) { self.conn = connection }

    /// The candidate's matches, best first; throws `StoreError.unknownCandidate`.
    public func matches(candidateId: Int64) throws -> [MatchRow] {
        guard try conn.query("SELECT 1 FROM candidates WHERE id = $1", [candidateId]).rowCount == 1 else {
            throw StoreError.unknownCandidate(candidateId)
        }
        let r = try conn.query("""
            SELECT m.id, m.job_posting_id, j.title, j.company, j.location_raw, m.match_score, m.grade, m.skills_score,
                   m.experience_score, m.location_score, m.salary_score, m.semantic_score,
                   array_to_json(m.matched_skills)::text, array_to_json(m.missing_skills)::text, m.status, m.explanation::text
            FROM candidate_job_matches m JOIN job_postings j ON j.id = m.job_posting_id
            WHERE m.candidate_id = $1
            ORDER BY m.match_score DESC, m.job_posting_id
            """, [candidateId])
        func strings(_ json: String?) -> [String] {
            (json.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? []
        }
        return (0..<r.rowCount).map { i in
            MatchRow(rank: i + 1, id: r.int64(i, 0) ?? 0, jobId: r.int64(i, 1) ?? 0, jobTitle: r.string(i, 2) ?? "",
                     company: r.string(i, 3), location: r.string(i, 4), matchScore: r.double(i, 5) ?? 0,
                     grade: r.string(i, 6) ?? "", skills: r.double(i, 7), experience: r.double(i, 8),
                     location_: r.double(i, 9), salary: r.double(i, 10), semantic: r.double(i, 11),
                     matchedSkills: strings(r.string(i, 12)), missingSkills: strings(r.string(i, 13)),
                     status: r.string(i, 14) ?? "", explanation: r.string(i, 15) ?? "{}")
        }
    }

    /// Moves a match to `status` when the workflow allows it, recording who (current_user), when and why.
    /// Throws `StoreError.unknownMatch`, `.invalidStatus` or `.invalidTransition`.
    @discardableResult
    public func setStatus(matchId: Int64, to text: String, reason: String? = nil) throws -> MatchStatusChange {
        guard let target = MatchStatus(text: text) else { throw StoreError.invalidStatus(text) }
        return try conn.transaction {
            let r = try conn.query("SELECT status, tenant_id FROM candidate_job_matches WHERE id = $1 FOR UPDATE", [matchId])
            guard r.rowCount == 1, let fromText = r.string(0, 0), let tenant = r.string(0, 1) else {
                throw StoreError.unknownMatch(matchId)
            }
            let from = MatchStatus(rawValue: fromText) ?? .suggested
            guard from.next.contains(target) else {
                throw StoreError.invalidTransition(from: from.rawValue, to: target.rawValue, allowed: from.next.map(\.rawValue))
            }
            try conn.query("UPDATE candidate_job_matches SET status = $2 WHERE id = $1", [matchId, target.rawValue])
            let e = try conn.query("""
                INSERT INTO match_status_events (tenant_id, match_id, from_status, to_status, reason)
                VALUES ($1::uuid, $2, $3, $4, $5) RETURNING changed_by, extract(epoch FROM changed_at)
                """, [tenant, matchId, from.rawValue, target.rawValue, reason])
            return MatchStatusChange(matchId: matchId, from: from.rawValue, to: target.rawValue,
                                     changedBy: e.string(0, 0) ?? "", reason: reason, changedAt: e.date(0, 1))
        }
    }

    /// The status history of a match, oldest first.
    public func history(matchId: Int64) throws -> [MatchStatusChange] {
        let r = try conn.query("""
            SELECT from_status, to_status, changed_by, reason, extract(epoch FROM changed_at)
            FROM match_status_events WHERE match_id = $1 ORDER BY changed_at, id
            """, [matchId])
        return (0..<r.rowCount).map {
            MatchStatusChange(matchId: matchId, from: r.string($0, 0) ?? "", to: r.string($0, 1) ?? "",
                              changedBy: r.string($0, 2) ?? "", reason: r.string($0, 3), changedAt: r.date($0, 4))
        }
    }
}
