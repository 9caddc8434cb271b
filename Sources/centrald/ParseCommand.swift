import Core
import Foundation

/// `centrald parse KIND [--description] TEXT…` (or one text per line on stdin): the importer's own normalization;
/// `--description` reads each text as a posting's description rather than as the field of its kind.
enum ParseCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        var argv = argv
        let description = argv.contains("--description")
        argv.removeAll { $0 == "--description" }
        guard let kind = argv.first else {
            throw UsageError("parse needs a kind: \(ParseReport.kinds.joined(separator: ", "))")
        }
        var texts = Array(argv.dropFirst())
        if texts.isEmpty {
            while let line = readLine(strippingNewline: true) { texts.append(line) }
        }
        let now = Date()
        for text in texts {
            do {
                print(try ParseReport.json(kind: kind, text: text, now: now, description: description))
            } catch {
                throw UsageError("\(error)")
            }
        }
        return 0
    }
}
