import Core
import Foundation

/// `centrald score --candidate FILE --job FILE [--semantic X] [--json]`: scores one pair with the
/// engine's own code and shows the five components, the grade and the explanation.
enum ScoreCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["candidate", "job", "semantic"])
        try args.allowFlags(["json"])
        guard let candidatePath = args.option("candidate"), let jobPath = args.option("job") else {
            throw UsageError("score needs --candidate FILE and --job FILE (JSON objects with the importers' fields)")
        }
        let candidate: MatchCandidate = try decode(candidatePath, what: "candidate")
        let job: MatchJob = try decode(jobPath, what: "job")
        var semantic: Double?
        if let s = args.option("semantic") {
            guard let v = Double(s), v >= 0 else { throw UsageError("--semantic must be a number (a cosine 0…1, or 0…100)") }
            semantic = v
        }
        let score = MatchScorer().score(candidate, job, semanticOverride: semantic)
        if args.flag("json") {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(score), as: UTF8.self))
            return 0
        }
        func f(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "left out" }
        print("skills \(f(score.skills))  experience \(f(score.experience))  location \(f(score.location))  "
              + "salary \(f(score.salary))  semantic \(f(score.semantic))")
        print(String(format: "match %.2f  grade %@", score.matchScore, score.grade ?? "none (below threshold)"))
        print("matched skills: \(score.matchedSkills.joined(separator: ", "))")
        print("missing skills: \(score.missingSkills.joined(separator: ", "))")
        for c in score.explanation.components {
            print("  \(c.component.rawValue): \(c.evidence.joined(separator: "; "))")
        }
        if !score.explanation.missing.isEmpty { print("missing data: \(score.explanation.missing.joined(separator: "; "))") }
        return 0
    }

    static func decode<T: Decodable>(_ path: String, what: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("\(path): cannot read the \(what) file")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(ctx) {
            throw CommandError("\(path): not valid JSON (\(ctx.debugDescription))")
        } catch {
            throw CommandError("\(path): \(what) could not be read: \(error)")
        }
    }
}

/// A failure with a message for the user; exit status 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
