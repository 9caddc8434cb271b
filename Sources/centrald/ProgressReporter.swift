import Data
import Foundation

/// Progress of `embeddings fill` on stderr: a redrawn bar (done/total, rate, ETA) on a terminal, otherwise one
/// plain line per ~10 %.
final class ProgressReporter {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDecile: [EmbeddingKind: Int] = [:]

    /// Reports one step.
    func update(_ p: EmbeddingProgress) {
        let rate = p.seconds > 0 ? Double(p.done) / p.seconds : 0
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let fraction = p.total > 0 ? Double(p.done) / Double(p.total) : 1
        let numbers = String(format: "%@ %d/%d  %.1f/s  ETA %@", p.kind.rawValue, p.done, p.total, rate,
                             Self.clock(eta))
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            write("\r[\(bar)] \(numbers)\u{1B}[K" + (p.done >= p.total ? "\n" : ""))
        } else {
            let decile = Int(fraction * 10)
            guard decile > lastDecile[p.kind, default: -1] else { return }
            lastDecile[p.kind] = decile
            write(String(format: "%3d%% ", Int(fraction * 100)) + numbers + "\n")
        }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
