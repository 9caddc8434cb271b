import Data
import Foundation

/// `centrald demo [--no-tui]`: embedded database, migrations, the demo data set, then the console.
enum DemoCommand {
    static func run(_ argv: [String]) throws -> Int32 {
        let args = try Arguments(argv, valued: ["width", "height"])
        try args.allowFlags(["no-tui", "batch"])
        let locator = DatabaseLocator()
        let conn = try locator.connect()
        let home = EmbeddedPostgres().home
        let loader = DemoLoader(connection: conn, directory: home.appendingPathComponent("demo"))
        let r = try loader.load()
        for s in r.imports { ImportCommand.printSummary(s) }
        if !r.skippedFiles.isEmpty { print("demo job files already imported: \(r.skippedFiles.joined(separator: ", "))") }
        print("demo data: \(r.roles) roles, \(r.tenants) tenants, \(r.candidates) candidates, \(r.scrapeRuns) scrape runs (last 24 h)")
        if args.flag("no-tui") { return 0 }
        var tuiArgs = args.flag("batch") ? ["--batch"] : []
        if let w = args.option("width") { tuiArgs += ["--width", w] }
        if let h = args.option("height") { tuiArgs += ["--height", h] }
        return try TUICommand.run(tuiArgs)
    }
}
