import Foundation

/// The machine the numbers were taken on: architecture, CPU model and core count.
enum Machine {
    static func describe() -> String {
        var name = utsname()
        uname(&name)
        let arch = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(arch), \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores (benchmark uses one)"
    }
}
