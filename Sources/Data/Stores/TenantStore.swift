import Foundation

/// A customer organisation; candidates and matches belong to one.
public struct Tenant: Sendable, Equatable, Codable {
    /// uuid
    public var id: String
    public var slug: String
    public var name: String
    public var createdAt: Date?
    /// Candidates visible to the caller in this tenant.
    public var candidates: Int
}

/// Domain errors of tenants, candidates and matches: what was asked for and why it failed.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case unknownTenant(String)
    case invalidSlug(String)
    case tenantExists(String)
    case unknownCandidate(Int64)
    case unknownMatch(Int64)
    case invalidStatus(String)
    case invalidTransition(from: String, to: String, allowed: [String])

    public var description: String {
        switch self {
        case .unknownTenant(let s): return "unknown tenant '\(s)' (see `centrald tenants list`)"
        case .invalidSlug(let s):
            return "invalid tenant slug '\(s)': lower-case letters, digits and '-', starting with a letter or digit"
        case .tenantExists(let s): return "tenant '\(s)' already exists"
        case .unknownCandidate(let id): return "unknown candidate \(id)"
        case .unknownMatch(let id): return "unknown match \(id)"
        case .invalidStatus(let s): return "unknown match status '\(s)' (\(MatchStatus.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .invalidTransition(let from, let to, let allowed):
            return "a match cannot go from \(from) to \(to); from \(from) it may go to "
                + (allowed.isEmpty ? "nothing (final)" : allowed.joined(separator: ", "))
        }
    }
}

/// Tenants in PostgreSQL.
public final class TenantStore {
    private let conn: PGConnection

    public init(connection: PGConnection) { self.conn = connection }

    /// Adds a tenant; throws `StoreError.invalidSlug` / `.tenantExists`.
    @discardableResult
    public func addTenant(slug: String, name: String) throws -> Tenant {
        guard slug.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw StoreError.invalidSlug(slug)
        }
        do {
            let r = try conn.query("""
                INSERT INTO tenants (slug, name) VALUES ($1, $2) RETURNING id, extract(epoch FROM created_at)
                """, [slug, name])
            return Tenant(id: r.string(0, 0) ?? "", slug: slug, name: name, createdAt: r.date(0, 1), candidates: 0)
        } catch let e as PGError where e.isUniqueViolation {
            throw StoreError.tenantExists(slug)
        }
    }

    /// All tenants by slug, with their candidate counts.
    public func tenants() throws -> [Tenant] {
        let r = try conn.query("""
            SELECT t.id, t.slug, t.name, extract(epoch FROM t.created_at),
                   (SELECT count(*) FROM candidates c WHERE c.tenant_id = t.id)
            FROM tenants t ORDER BY t.slug
            """)
        return (0..<r.rowCount).map {
            Tenant(id: r.string($0, 0) ?? "", slug: r.string($0, 1) ?? "", name: r.string($0, 2) ?? "",
                   createdAt: r.date($0, 3), candidates: r.int($0, 4) ?? 0)
        }
    }

    /// The tenant with `slug`; throws `StoreError.unknownTenant`.
    public func tenant(slug: String) throws -> Tenant {
        let r = try conn.query("""
            SELECT t.id, t.slug, t.name, extract(epoch FROM t.created_at),
                   (SELECT count(*) FROM candidates c WHERE c.tenant_id = t.id)
            FROM tenants t WHERE t.slug = $1
            """, [slug])
        guard r.rowCount == 1 else { throw StoreError.unknownTenant(slug) }
        return Tenant(id: r.string(0, 0) ?? "", slug: r.string(0, 1) ?? "", name: r.string(0, 2) ?? "",
                      createdAt: r.date(0, 3), candidates: r.int(0, 4) ?? 0)
    }
}
