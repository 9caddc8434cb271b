import Core
import Data
import Embedding
import Foundation

/// `centrald roles normalize TITLE… [--model M] [--apply]`: the canonical role of each title as JSON lines.
/// `centrald roles map`: postings with no canonical role yet are mapped by alias (after roles were added).
enum RolesCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["model"])
        try args.allowFlags(["apply"])
        if args.positionals == ["map"] {
            let conn = try DatabaseLocator().connect()
            let added = try JobImportWriter.mapRolesByAlias(conn, ids: nil)
            print("mapped \(added) postings to canonical roles by alias")
            return 0
        }
        guard args.positionals.first == "normalize" else { throw UsageError("roles needs normalize TITLE… or map") }
        let titles = Array(args.positionals.dropFirst())
        guard !titles.isEmpty else { throw UsageError("roles normalize needs at least one title") }
        let conn = try DatabaseLocator().connect()
        let embedder = try EmbeddingsCommand.makeEmbedder(args.option("model"))
        // Roles without a vector of this model are embedded first (role names are short: milliseconds each).
        _ = try EmbeddingFiller(connection: conn, embedder: embedder).fill(kinds: [.roles])
        let normalizer = RoleNormalizer(connection: conn, embedder: embedder)
        for title in titles {
            let r = try normalizer.resolve(title, create: args.flag("apply"))
            var object: [String: Any] = [
                "title": r.title, "role": r.role, "method": r.method.rawValue,
                "similarity": r.similarity.map { ($0 * 1000).rounded() / 1000 } ?? NSNull(),
                "role_id": r.roleId ?? NSNull(), "threshold": normalizer.threshold,
            ]
            if let nearest = r.nearestRole { object["nearest_role"] = nearest }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        return 0
    }
}
