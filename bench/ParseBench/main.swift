// Parse + normalize throughput on one core, no database (issue 3), then the wall-clock rate of the parallel reader
// on the generated file with 1 and 2 workers. Not a test: prints numbers, never fails.
// Run: swift build -c release --product bench-parse && .build/release/bench-parse 20000
//   optional: --data DIR (real files; default $CENTRALD_SHARED_DATA/jobs or /work/shared/data/jobs)
//             --dump FILE (writes every outcome as text, to check that an optimization changes no result)
//             --cpu-only (only the one-core measurement of the generated file, e.g. under perf record)
import Core
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
let dumpPath = option("--dump")
/// --cpu-only: only the one-core CPU measurement of the generated file (for profiling); no wall runs, no real files.
let cpuOnly = arguments.contains("--cpu-only")
arguments.removeAll { $0 == "--cpu-only" }
let shared = ProcessInfo.processInfo.environment["CENTRALD_SHARED_DATA"] ?? "/work/shared/data"
let dataDir = option("--data") ?? shared + "/jobs"
let count = arguments.first.flatMap { Int($0) } ?? 20_000

print("machine: \(Machine.describe())")

let now = Date(timeIntervalSince1970: 1_767_225_600)
var dump = ""

/// CPU time of this thread: steadier than wall time on a machine shared with other work.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Reads `url` once with the full importer pipeline on one thread and prints records/s of that thread's CPU time.
@MainActor func measure(_ url: URL, label: String) {
    let reader = JobFileReader(now: now, workers: 1)
    var postings = 0, rejected = 0, bytes = 0
    let start = cpuSeconds()
    do {
        _ = try reader.read(url) { outcome in
            switch outcome {
            case .posting(_, let p, _): postings += 1; bytes += p.description.utf8.count
            case .rejected: rejected += 1
            }
            if dumpPath != nil { dump += "\(outcome)\n" }
        }
    } catch {
        print("\(label): \(error)")
        return
    }
    let seconds = cpuSeconds() - start
    let records = postings + rejected
    let average = postings == 0 ? 0 : bytes / postings
    print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%6d records  %7.3f s CPU  %8.0f records/s  (avg description %d B, %d rejected)",
                 records, seconds, Double(records) / seconds, average, rejected))
}

// --write PATH: only write the generated file (used by bench/run.sh for the end-to-end import).
if let path = option("--write") {
    try DemoDataset.writeBenchFile(postings: count, to: URL(fileURLWithPath: path), seed: 7)
    exit(0)
}

let benchFile = URL(fileURLWithPath: NSTemporaryDirectory() + "centrald-bench-parse-\(count).jsonl")
if !FileManager.default.fileExists(atPath: benchFile.path) {
    try DemoDataset.writeBenchFile(postings: count, to: benchFile, seed: 7)
}
measure(benchFile, label: "generated (\(count))")

/// CPU time of the whole process (all threads).
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Reads `url` once with `workers` normalizing threads and prints postings/s of wall time (the whole read:
/// reading, normalizing and in-order delivery on this thread), and the process CPU time over wall time
/// (how many cores the read kept busy; below `workers` when other work on the machine takes the cores).
func measureWall(_ url: URL, workers: Int) {
    let reader = JobFileReader(now: now, workers: workers)
    var postings = 0
    let cpuStart = processCPUSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        _ = try reader.read(url) { if case .posting = $0 { postings += 1 } }
    } catch {
        print("wall, workers \(workers): \(error)")
        return
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = processCPUSeconds() - cpuStart
    print("generated (\(count)), wall, workers \(workers)".padding(toLength: 46, withPad: " ", startingAt: 0)
          + String(format: "%6d postings  %7.3f s wall %8.0f postings/s  (%.2f cores busy)",
                   postings, seconds, Double(postings) / seconds, cpu / seconds))
}

// Workers 1 and 2 alternate (1, 2, 1, 2) so that load from other work on the machine hits both alike.
let cores = ProcessInfo.processInfo.activeProcessorCount
for workers in cpuOnly ? [] : [1, 2, 1, 2] + (cores > 2 ? [cores] : []) { measureWall(benchFile, workers: workers) }

let files = cpuOnly ? [] : ((try? FileManager.default.contentsOfDirectory(atPath: dataDir)) ?? []).sorted()
for name in files where name.hasSuffix(".csv") || name.hasSuffix(".json") || name.hasSuffix(".jsonl") {
    measure(URL(fileURLWithPath: dataDir + "/" + name), label: name)
}

if let dumpPath { try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8) }
