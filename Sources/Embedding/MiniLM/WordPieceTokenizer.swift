import Foundation

/// BERT's uncased tokenizer (HF BertNormalizer + BertPreTokenizer + WordPiece), on Unicode scalars.
public struct WordPieceTokenizer: Sendable {
    /// Id of `[PAD]`.
    public static let padID: Int32 = 0
    /// Id of `[UNK]`.
    public static let unknownID: Int32 = 100
    /// Id of `[CLS]`.
    public static let classID: Int32 = 101
    /// Id of `[SEP]`.
    public static let separatorID: Int32 = 102
    /// Words longer than this many scalars become a single `[UNK]`.
    public static let maxWordLength = 100

    private let vocabulary: [String: Int32]
    /// At most this many ids, `[CLS]` and `[SEP]` included.
    public let maxTokens: Int

    /// A tokenizer over `vocabulary` (token → id).
    public init(vocabulary: [String: Int32], maxTokens: Int = 256) {
        self.vocabulary = vocabulary
        self.maxTokens = maxTokens
    }

    /// Reads `vocab.txt`: one token per line, the id is the 0-based line number.
    public init(vocabFile url: URL, maxTokens: Int = 256) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(31_000)
        var id: Int32 = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var token = String(line)
            if token.hasSuffix("\r") { token.removeLast() }
            if !token.isEmpty, vocabulary[token] == nil { vocabulary[token] = id }
            id += 1
        }
        self.init(vocabulary: vocabulary, maxTokens: maxTokens)
    }

    /// Token ids for `text`: `[CLS]`, at most `maxTokens - 2` word pieces, `[SEP]`.
    public func tokenIDs(_ text: String) -> [Int32] {
        var ids: [Int32] = [Self.classID]
        let limit = maxTokens - 1
        outer: for word in Self.words(text) {
            for id in wordPieces(word) {
                if ids.count >= limit { break outer }
                ids.append(id)
            }
        }
        ids.append(Self.separatorID)
        return ids
    }

    /// WordPiece for one pre-tokenized word: greedy longest match; any gap makes the whole word `[UNK]`.
    func wordPieces(_ word: [Unicode.Scalar]) -> [Int32] {
        if word.count > Self.maxWordLength { return [Self.unknownID] }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [Self.unknownID] }
            pieces.append(id)
            start = end
        }
        return pieces
    }

    /// Normalizes (clean, CJK padding, NFD accent stripping, lower-case) and splits into words.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isCJK(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if isWhitespace(lower) {
                    if !current.isEmpty { words.append(current); current = [] }
                } else if isPunctuation(lower) {
                    if !current.isEmpty { words.append(current); current = [] }
                    words.append([lower])
                } else {
                    current.append(lower)
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Control characters (C* categories) are dropped, except tab, newline and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// Unicode White_Space, plus tab, newline and carriage return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r": return true
        default: return scalar.properties.isWhitespace
        }
    }

    /// ASCII symbols BERT treats as punctuation, or any P* category.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// CJK ideograph blocks (kana and hangul are not in them).
    static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}
