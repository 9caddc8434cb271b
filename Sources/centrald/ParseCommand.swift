import Core
import Foundation

/// `centrald parse KIND TEXT…` (or one text per line on stdin): the importer's own normalization.
enum ParseCommand {
    static func run(_ argv: [String]) throws -> Int32 {
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
                print(try ParseReport.json(kind: kind, text: text, now: now))
            } catch {
                throw UsageError("\(error)")
            }
        }
        return 0
    }
}
