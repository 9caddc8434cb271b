import Core
import Data
import Embedding
import Foundation

/// Set by SIGINT during `embeddings fill|rebuild`: the current batch finishes and commits, then the fill stops.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

/// `centrald embeddings fill|rebuild|status`.
enum EmbeddingsCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["model", "only", "limit", "batch", "jobs", "roles"])
        try args.allowFlags(["json", "no-roles"])
        guard let sub = args.positionals.first else { throw UsageError("embeddings needs fill, rebuild or status") }
        if sub == "bench" { return try bench(args) }
        let conn = try DatabaseLocator().connect()
        switch sub {
        case "status":
            return try status(EmbeddingStore(connection: conn), model: try modelID(args.option("model")), json: args.flag("json"))
        case "fill", "rebuild":
            let kinds = try kindsOption(args.option("only"))
            let limit = try args.option("limit").map { text -> Int in
                guard let n = Int(text), n > 0 else { throw UsageError("--limit needs a positive number") }
                return n
            }
            if sub == "rebuild", limit != nil { throw UsageError("rebuild re-embeds every row; --limit is for fill") }
            let embedder = try makeEmbedder(args.option("model"))
            let batch = try args.option("batch").map { text -> Int in
                guard let n = Int(text), n > 0 else { throw UsageError("--batch needs a positive number") }
                return n
            } ?? (embedder is GeminiEmbedder ? GeminiEmbedder.maxBatchSize : 64)
            let normalizer = args.flag("no-roles") ? nil : RoleNormalizer(connection: conn, embedder: embedder)
            // MiniLM reads at most 256 word pieces (about 1,200 characters of English); Gemini 2,048 tokens.
            let maxChars = embedder is GeminiEmbedder ? 8000 : 1500
            let filler = EmbeddingFiller(connection: conn, embedder: embedder, batchSize: batch, maxCharacters: maxChars,
                                         normalizer: normalizer)
            signal(SIGINT) { _ in stopRequested = 1 }
            let bar = ProgressReporter()
            let summary = sub == "fill"
                ? try filler.fill(kinds: kinds, limit: limit, progress: bar.update, shouldStop: { stopRequested != 0 })
                : try filler.rebuild(kinds: kinds, progress: bar.update, shouldStop: { stopRequested != 0 })
            signal(SIGINT, SIG_DFL)
            printSummary(summary, model: embedder.model, json: args.flag("json"))
            return summary.wasInterrupted ? 130 : 0
        default:
            throw UsageError("unknown embeddings command '\(sub)'")
        }
    }

    /// `embeddings bench [--jobs N] [--roles N] [--model M]`: in-memory throughput on synthetic job texts
    /// (150–250 word pieces) and role names, no database.
    static func bench(_ args: Arguments) throws -> Int32 {
        let embedder = try makeEmbedder(args.option("model"))
        let jobs = Int(args.option("jobs") ?? "") ?? 200
        let roles = Int(args.option("roles") ?? "") ?? 1000
        let j = try EmbeddingBenchmark.run(embedder: embedder, texts: EmbeddingBenchmark.jobTexts(count: jobs))
        let r = try EmbeddingBenchmark.run(embedder: embedder, texts: EmbeddingBenchmark.roleNames(count: roles))
        if args.flag("json") {
            try printJSON([
                "model": embedder.model,
                "job_texts": ["texts": j.texts, "seconds": j.seconds, "cpu_seconds": j.cpuSeconds, "texts_per_second": j.textsPerSecond],
                "role_names": ["texts": r.texts, "seconds": r.seconds, "cpu_seconds": r.cpuSeconds, "texts_per_second": r.textsPerSecond],
            ])
        } else {
            print("\(embedder.model) job texts: \(j)")
            print("\(embedder.model) role names: \(r)")
        }
        return 0
    }

    /// The embedder for `--model` (default minilm, offline); gemini needs GEMINI_API_KEY.
    static func makeEmbedder(_ name: String?) throws -> any Embedder {
        switch name ?? "minilm" {
        case "minilm":
            do {
                return try MiniLMEmbedder()
            } catch {
                throw UsageError("the MiniLM model is not installed (run `make setup`): \(error)")
            }
        case "gemini":
            do {
                return try GeminiEmbedder()
            } catch GeminiError.missingAPIKey {
                throw UsageError("--model gemini needs GEMINI_API_KEY (a Google AI Studio key) in the environment")
            }
        case let other:
            throw UsageError("unknown model '\(other)' (minilm or gemini)")
        }
    }

    /// The stored model id for a `--model` name.
    static func modelID(_ name: String?) throws -> String {
        switch name ?? "minilm" {
        case "minilm": return MiniLMEmbedder.modelID
        case "gemini": return GeminiEmbedder.defaultModel
        case let other: throw UsageError("unknown model '\(other)' (minilm or gemini)")
        }
    }

    static func kindsOption(_ only: String?) throws -> [EmbeddingKind] {
        guard let only else { return EmbeddingKind.allCases }
        guard let kind = EmbeddingKind(rawValue: only) else { throw UsageError("--only takes jobs, candidates or roles") }
        return [kind]
    }

    static func status(_ store: EmbeddingStore, model: String, json: Bool) throws -> Int32 {
        let rows = try store.status()
        var missing: [String: Int] = [:]
        for kind in EmbeddingKind.allCases { missing[kind.rawValue] = try store.missingCount(kind, model: model) }
        if json {
            try printJSON([
                "model": model,
                "rows": rows.map { ["kind": $0.kind.rawValue, "model": $0.model ?? NSNull(), "rows": $0.rows] as [String: Any] },
                "missing": missing,
            ])
        } else {
            print("kind        model                    rows")
            for r in rows {
                print(r.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                      + (r.model ?? "(none)").padding(toLength: 22, withPad: " ", startingAt: 0)
                      + String(r.rows).leftPadded(6))
            }
            print("missing for \(model): " + EmbeddingKind.allCases.map { "\($0.rawValue) \(missing[$0.rawValue] ?? 0)" }
                .joined(separator: ", "))
        }
        return 0
    }

    static func printSummary(_ s: EmbeddingFillSummary, model: String, json: Bool) {
        if json {
            try? printJSON([
                "model": model, "embedded": Dictionary(uniqueKeysWithValues: s.embedded.map { ($0.key.rawValue, $0.value) }),
                "seconds": s.seconds, "texts_per_second": s.textsPerSecond, "interrupted": s.wasInterrupted,
                "jobs_mapped": Dictionary(uniqueKeysWithValues: s.jobsMapped.map { ($0.key.rawValue, $0.value) }),
                "candidate_roles_resolved": s.candidateRolesResolved,
            ])
            return
        }
        let parts = EmbeddingKind.allCases.compactMap { k in
            s.embedded[k].map { String(format: "%@ %d (%.1fs)", k.rawValue, $0, s.secondsByKind[k] ?? 0) }
        }
        print("embedded with \(model): " + parts.joined(separator: ", ")
              + String(format: "; %d texts in %.1fs = %.1f texts/s", s.total, s.seconds, s.textsPerSecond)
              + (s.wasInterrupted ? " (interrupted; committed batches kept, run fill again to continue)" : ""))
        if !s.jobsMapped.isEmpty || s.candidateRolesResolved > 0 {
            print("roles: jobs mapped by alias \(s.jobsMapped[.alias] ?? 0), by embedding \(s.jobsMapped[.embedding] ?? 0), "
                  + "to new roles \(s.jobsMapped[.created] ?? 0); candidate roles merged by embedding \(s.candidateRolesResolved)")
        }
    }
}
