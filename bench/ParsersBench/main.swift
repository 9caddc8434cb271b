// Parser throughput on the real strings. Not a test: prints numbers, never fails.
// Run: bench/parsers.sh   (compiles the Foundation-only parser files with -O)
import Foundation

let dataDir = ProcessInfo.processInfo.environment["CENTRALD_SHARED_DATA"] ?? "../shared/data"
let text = (try? String(contentsOfFile: dataDir + "/strings.tsv", encoding: .utf8)) ?? ""
var salaries = [String](), experiences = [String](), dates = [String]()
for line in text.split(separator: "\n").dropFirst() {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard f.count >= 2 else { continue }
    switch f[0] {
    case "salary": salaries.append(String(f[1]))
    case "experience": experiences.append(String(f[1]))
    case "date": dates.append(String(f[1]))
    default: break
    }
}
let description = String(repeating: "We build great software with Swift and PostgreSQL. Our team of 45 people "
    + "ships weekly and offers a 401(k) match up to 4%. ", count: 40)
    + "The salary range for this role is $120,000 - $150,000 per year plus bonus."

func measure(_ name: String, _ inputs: [String], _ body: (String) -> Bool) {
    guard !inputs.isEmpty else { print("\(name): no inputs"); return }
    var hits = 0
    let rounds = max(1, 200_000 / inputs.count)
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<rounds { for s in inputs where body(s) { hits += 1 } }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let n = Double(inputs.count * rounds)
    print("\(name): \(Int(n / seconds)) /s, \(String(format: "%.2f", seconds / n * 1e6)) µs each "
        + "(\(inputs.count) inputs, \(hits / rounds) found)")
}

let now = Date()
measure("SalaryParser.parse", salaries) { SalaryParser.parse($0) != nil }
measure("SalaryParser.extract (\(description.utf8.count)-byte description)", [description]) {
    SalaryParser.extract(fromDescription: $0) != nil
}
measure("ExperienceParser.parse", experiences) { ExperienceParser.parse($0) != nil }
measure("PostedDateParser.parse", dates) { PostedDateParser.parse($0, now: now) != nil }
