import Foundation

let topHelp = """
    centrald — job-matching console and tools

    usage: centrald <command> [options]

      tui [--batch] [--width N --height N] [--interval S] [--no-color]
                                    the console (scraper dashboard); --batch prints one frame
      demo [--no-tui] [--batch]     embedded database + demo data + console
      import FILE… [--platform P] [--workers N] [--json]
                                    import job postings (format detected per file)
      parse KIND [--description] TEXT…
                                    show how a string is normalized (salary, experience,
                                    location, skills, date, work-mode); one JSON object per text
                                    (or per line of stdin); --description: as a posting's description
      score --candidate FILE --job FILE [--semantic X] [--json]
                                    score one candidate/job pair (five components, grade, why)
      tenants add SLUG NAME | tenants list [--json]
                                    tenants (customer organisations)
      candidates import FILE… --tenant SLUG [--json] | approve ID | list --tenant SLUG [--json]
                                    candidate profiles (JSON, JSON Lines, CSV)
      match --candidate ID | --tenant SLUG | --all [--json]
                                    score candidates against active jobs of their roles, store matches
      matches list --candidate ID [--json] | set-status MATCH_ID STATUS [--reason TEXT]
                                    a candidate's ranked matches; move a match through its workflow
      embeddings fill|rebuild [--model minilm|gemini] [--only jobs|candidates|roles] [--limit N]
                              [--batch N] [--no-roles] [--json]
                                    vectors for rows that have none of the model (rebuild: all rows);
                                    maps new jobs and candidate roles to canonical roles
      embeddings status [--model M] [--json]
                                    rows per kind and model, rows missing
      embeddings bench [--jobs N] [--roles N] [--model M] [--json]
                                    embedding throughput on synthetic job texts and role names
      roles normalize TITLE… [--model M] [--apply] | roles map
                                    canonical role of each title (alias, embedding, or new) as JSON lines;
                                    map: postings without a role get theirs by alias
      db start|stop|status|url|migrate
                                    the database (embedded unless DATABASE_URL is set)
      help                          this text

    Environment: DATABASE_URL (or PG*) to use your own PostgreSQL; CENTRALD_HOME for the
    embedded cluster (default ~/.local/share/centrald); NO_COLOR for a monochrome console;
    GEMINI_API_KEY for --model gemini.
    """

func runMain() -> Int32 {
    var argv = Array(CommandLine.arguments.dropFirst())
    guard !argv.isEmpty else {
        print(topHelp)
        return 2
    }
    let command = argv.removeFirst()
    do {
        switch command {
        case "db": return try DBCommand.run(argv)
        case "import": return try ImportCommand.run(argv)
        case "tui": return try TUICommand.run(argv)
        case "parse": return try ParseCommand.run(argv)
        case "demo": return try DemoCommand.run(argv)
        case "score": return try ScoreCommand.run(argv)
        case "tenants": return try TenantsCommand.run(argv)
        case "candidates": return try CandidatesCommand.run(argv)
        case "match": return try MatchCommand.run(argv)
        case "matches": return try MatchesCommand.run(argv)
        case "embeddings": return try EmbeddingsCommand.run(argv)
        case "roles": return try RolesCommand.run(argv)
        case "help", "--help", "-h":
            print(topHelp)
            return 0
        default:
            throw UsageError("unknown command '\(command)'")
        }
    } catch let e as UsageError {
        FileHandle.standardError.write(Data("centrald: \(e.description)\n\(topHelp)\n".utf8))
        return 2
    } catch {
        FileHandle.standardError.write(Data("centrald: \(error)\n".utf8))
        return 1
    }
}

exit(runMain())
