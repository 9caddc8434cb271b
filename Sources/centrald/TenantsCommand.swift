import Data
import Foundation

/// `centrald tenants add SLUG NAME…` / `centrald tenants list [--json]`.
enum TenantsCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: [])
        try args.allowFlags(["json"])
        guard let sub = args.positionals.first else { throw UsageError("tenants needs add or list") }
        let store = TenantStore(connection: try DatabaseLocator().connect())
        switch sub {
        case "add":
            guard args.positionals.count >= 3 else { throw UsageError("usage: centrald tenants add SLUG NAME") }
            let tenant = try store.addTenant(slug: args.positionals[1], name: args.positionals[2...].joined(separator: " "))
            if args.flag("json") { try printJSON(object(tenant)) } else { print("added tenant \(tenant.slug) (\(tenant.name)) \(tenant.id)") }
        case "list":
            let tenants = try store.tenants()
            if args.flag("json") {
                try printJSON(tenants.map(object))
            } else {
                let width = max(4, tenants.map(\.slug.count).max() ?? 0)
                print("SLUG".padding(toLength: width, withPad: " ", startingAt: 0) + "  CANDIDATES  NAME")
                for t in tenants {
                    print(t.slug.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                          + String(t.candidates).leftPadded(10) + "  " + t.name)
                }
            }
        default:
            throw UsageError("unknown tenants command '\(sub)' (add, list)")
        }
        return 0
    }

    static func object(_ t: Tenant) -> [String: Any] {
        ["id": t.id, "slug": t.slug, "name": t.name, "candidates": t.candidates,
         "created_at": t.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? NSNull()]
    }
}

/// Prints a JSON value, pretty and with sorted keys.
func printJSON(_ value: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

extension String {
    /// Right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
