/// Why the offline model could not be loaded.
public enum MiniLMError: Error, Equatable, CustomStringConvertible {
    /// No model directory was found; `searched` lists the places tried.
    case modelNotFound(searched: [String])
    /// A model file exists but is not what the embedder expects.
    case invalidModelFile(path: String, reason: String)
    /// The weights lack a tensor the forward pass needs.
    case missingTensor(String)

    public var description: String {
        switch self {
        case .modelNotFound(let searched):
            return "all-MiniLM-L6-v2 model files not found (model.safetensors + vocab.txt); run `make setup` "
                + "to install them into .vendor/minilm, or set CENTRALD_MODEL_DIR. Searched: "
                + searched.joined(separator: ", ")
        case .invalidModelFile(let path, let reason):
            return "invalid model file \(path): \(reason); reinstall with `make setup`"
        case .missingTensor(let name):
            return "model.safetensors has no tensor \(name); reinstall with `make setup`"
        }
    }
}
