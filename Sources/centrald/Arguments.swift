/// A small argument parser: positionals, `--flag`, `--option value` / `--option=value`.
struct Arguments {
    private(set) var positionals: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// `valued` names the options that take a value; anything else starting with `--` is a flag.
    init(_ argv: [String], valued: Set<String>) throws {
        var i = 0
        while i < argv.count {
            let a = argv[i]
            if a == "--" {
                positionals += argv[(i + 1)...]
                break
            }
            if a.hasPrefix("--") && a.count > 2 {
                let body = String(a.dropFirst(2))
                if let eq = body.firstIndex(of: "=") {
                    let name = String(body[..<eq])
                    guard valued.contains(name) else { throw UsageError("unknown option --\(name)") }
                    options[name, default: []].append(String(body[body.index(after: eq)...]))
                } else if valued.contains(body) {
                    guard i + 1 < argv.count else { throw UsageError("--\(body) needs a value") }
                    options[body, default: []].append(argv[i + 1])
                    i += 1
                } else {
                    flags.insert(body)
                }
            } else {
                positionals.append(a)
            }
            i += 1
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func option(_ name: String) -> String? { options[name]?.last }
    func options(_ name: String) -> [String] { options[name] ?? [] }

    /// Fails on flags the command does not know.
    func allowFlags(_ known: Set<String>) throws {
        if let bad = flags.subtracting(known).sorted().first { throw UsageError("unknown flag --\(bad)") }
    }
}

/// Wrong usage: printed with the command's help, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
