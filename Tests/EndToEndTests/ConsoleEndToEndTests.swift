import Data
import Foundation
import Testing

/// The real binary: demo data, `tui --batch`, the console in tmux, an import killed midway.
/// Serialized: they share the test run's database.
@Suite("centrald end to end", .serialized)
struct ConsoleEndToEndTests {
    init() throws {
        let r = try Binary.run(["demo", "--no-tui"])
        #expect(r.status == 0, "demo failed: \(r.stderr)")
    }

    @Test func batchFrameShowsThreePanelsWithRows() throws {
        let r = try Binary.run(["tui", "--batch", "--width", "120", "--height", "40"])
        #expect(r.status == 0)
        for title in ["ACTIVE SCRAPERS", "RECENT SCRAPE ACTIVITY", "SCRAPER PERFORMANCE (LAST 24H)", "IMPORT BATCHES"] {
            #expect(r.stdout.contains(title), "missing \(title)")
        }
        #expect(r.stdout.contains("scraper-a"))
        #expect(r.stdout.contains("Completed"))
        #expect(r.stdout.contains("%"))  // success rates
    }

    @Test(.timeLimit(.minutes(1))) func consoleInTmuxShowsPanelsHelpAndQuits() throws {
        let session = "centrald-test-\(getpid())"
        defer { _ = try? Binary.sh("tmux kill-session -t \(session)") }
        let command = "CENTRALD_HOME='\(Binary.home)' '\(Binary.path)' tui; echo EXITED:\\$? > /tmp/\(session).exit; sleep 30"
        // The tmux server inherits the shell's descriptors: keep it off our pipe.
        try Binary.sh("tmux new-session -d -s \(session) -x 120 -y 40 \"\(command)\" >/dev/null 2>&1")
        var screen = ""
        for _ in 0..<100 {
            usleep(200_000)
            screen = try Binary.sh("tmux capture-pane -p -t \(session)")
            // Panels load one by one: wait for the last of them, not the first.
            if screen.contains("scraper-a"), screen.contains("SCRAPER PERFORMANCE (LAST 24H)"), !screen.contains("Loading…") { break }
        }
        #expect(screen.contains("ACTIVE SCRAPERS"))
        #expect(screen.contains("RECENT SCRAPE ACTIVITY"))
        #expect(screen.contains("SCRAPER PERFORMANCE (LAST 24H)"))
        #expect(screen.contains("scraper-a"))
        try Binary.sh("tmux send-keys -t \(session) '?'")
        usleep(500_000)
        let help = try Binary.sh("tmux capture-pane -p -t \(session)")
        #expect(help.contains("Quit"))
        #expect(help.contains("Refresh"))
        try Binary.sh("tmux send-keys -t \(session) Escape")
        usleep(300_000)
        try Binary.sh("tmux send-keys -t \(session) q")
        var exit = ""
        for _ in 0..<25 {
            usleep(200_000)
            exit = (try? String(contentsOfFile: "/tmp/\(session).exit", encoding: .utf8)) ?? ""
            if !exit.isEmpty { break }
        }
        try? FileManager.default.removeItem(atPath: "/tmp/\(session).exit")
        #expect(exit.trimmingCharacters(in: .whitespacesAndNewlines) == "EXITED:0")
    }

    @Test(.timeLimit(.minutes(2))) func importKilledMidwayLeavesNoBatch() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("centrald-kill-\(getpid()).jsonl")
        var text = ""
        for i in 0..<20_000 {
            text += "{\"platform\": \"killtest\", \"external_id\": \"k\(i)\", \"title\": \"Site Reliability Engineer \(i)\", \"description\": \"Operate Kubernetes and Terraform on AWS; 5+ years.\"}\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let url2 = try Binary.run(["db", "url"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try Binary.start(["import", url.path])
        usleep(1_500_000)
        kill(pid, SIGKILL)
        _ = ProcessRunner.wait(pid)
        usleep(500_000)
        let batches = try Binary.sh("psql '\(url2)' -Atc \"SELECT count(*) FROM job_import_batches WHERE platform = 'killtest'\"")
        let jobs = try Binary.sh("psql '\(url2)' -Atc \"SELECT count(*) FROM job_postings WHERE platform = 'killtest'\"")
        #expect(batches.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(jobs.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func importExitStatusAndMessages() throws {
        let missing = try Binary.run(["import", "/nonexistent/file.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/file.json: no such file"))
        let dir = FileManager.default.temporaryDirectory
        let bad = dir.appendingPathComponent("centrald-bad-\(getpid()).jsonl")
        let run = UUID().uuidString  // the shared test database keeps earlier runs' rows
        try """
            {"platform": "e2e", "external_id": "a1-\(run)", "title": "QA Engineer \(run)", "salary": "$-5"}
            {"platform": "e2e", "external_id": "a2-\(run)", "company": "No Title Inc"}

            """.write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let r = try Binary.run(["import", bad.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("read 2, imported 1"))
        #expect(r.stdout.contains("record 2: title: missing"))
        #expect(r.stdout.contains("record 1: salary:"))
    }

    /// A re-scraped posting whose pay changed is an update, in the file's line and in its platform's line.
    @Test func reimportWithANewSalaryReportsTheUpdatePerPlatform() throws {
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("centrald-update-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = UUID().uuidString
        func write(_ pay: String) throws {
            try """
                {"platform": "e2e-a", "external_id": "u1-\(run)", "title": "Data Engineer \(run)", "salary": "\(pay)"}
                {"platform": "e2e-b", "external_id": "u2-\(run)", "title": "QA Analyst \(run)", "salary": "$50,000 a year"}

                """.write(to: file, atomically: true, encoding: .utf8)
        }
        try write("$60-$70 an hour")
        #expect(try Binary.run(["import", file.path]).stdout.contains("read 2, imported 2"))
        try write("$65-$75 an hour")
        let r = try Binary.run(["import", file.path])
        #expect(r.stdout.contains("read 2, imported 0, updated 1, duplicates 1"), "\(r.stdout)")
        #expect(r.stdout.contains("e2e-a: read 1, imported 0, updated 1, duplicates 0"), "\(r.stdout)")
        #expect(r.stdout.contains("e2e-b: read 1, imported 0, duplicates 1"), "\(r.stdout)")
    }

    /// The seed's worked example through the CLI: 66.7, 100, 90, 80, 78 → 80.98, grade A.
    @Test func scoreCommandReproducesTheSeedExample() throws {
        let dir = FileManager.default.temporaryDirectory
        let c = dir.appendingPathComponent("centrald-cand-\(getpid()).json")
        let j = dir.appendingPathComponent("centrald-job-\(getpid()).json")
        try #"{"id": "c1", "skills": ["Python", "AWS"], "total_experience_years": 5, "preferred_locations": ["San Francisco, CA"], "expected_salary": 132000, "salary_currency": "USD", "salary_interval": "YEAR"}"#
            .write(to: c, atomically: true, encoding: .utf8)
        try #"{"id": "j1", "skills": ["Python", "AWS", "Kubernetes"], "experience": "4+ years", "location": "Remote", "salary_min": 100000, "salary_max": 120000, "salary_currency": "USD", "salary_interval": "YEAR"}"#
            .write(to: j, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: c); try? FileManager.default.removeItem(at: j) }
        let r = try Binary.run(["score", "--candidate", c.path, "--job", j.path, "--semantic", "0.78"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("skills 66.7  experience 100.0  location 90.0  salary 80.0  semantic 78.0"))
        #expect(r.stdout.contains("match 80.98  grade A"))
        #expect(r.stdout.contains("missing skills: Kubernetes"))
    }
}
