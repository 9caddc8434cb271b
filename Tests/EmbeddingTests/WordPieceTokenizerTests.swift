import Foundation
import Testing

@testable import Embedding

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    /// Cases copied from shared/data/embeddings/minilm-reference.json so these tests stand alone.
    static let literalCases: [(String, [Int32])] = [
        ("hello world", [101, 7592, 2088, 102]),
        ("Hello, World!", [101, 7592, 1010, 2088, 999, 102]),
        ("Registered Nurse - ICU night shift", [101, 5068, 6821, 1011, 24582, 2226, 2305, 5670, 102]),
        (
            "Data Scientist: 5+ years of ML experience with PyTorch & SQL; $140K–$170K a year",
            [
                101, 2951, 7155, 1024, 1019, 1009, 2086, 1997, 19875, 3325, 2007, 1052, 22123, 2953, 2818, 1004,
                29296, 1025, 1002, 8574, 2243, 1516, 1002, 10894, 2243, 1037, 2095, 102,
            ]
        ),
        (
            "Zürich Café — Backend-Entwickler (m/w/d), Gehalt 60.000 € p.a.",
            [
                101, 10204, 7668, 1517, 2067, 10497, 1011, 4372, 2102, 7184, 3917, 1006, 1049, 1013, 1059, 1013,
                1040, 1007, 1010, 16216, 8865, 2102, 3438, 1012, 2199, 1574, 1052, 1012, 1037, 1012, 102,
            ]
        ),
        ("東京 ソフトウェアエンジニア 🚀 React/TypeScript", [101, 1879, 1755, 100, 100, 10509, 1013, 4127, 23235, 102]),
    ]

    @Test("token ids equal the reference for literal cases", arguments: 0..<literalCases.count)
    func literal(index: Int) {
        guard let embedder = MiniLMFixture.embedder() else { return }
        let (text, ids) = Self.literalCases[index]
        #expect(embedder.tokenizer.tokenIDs(text) == ids)
    }

    @Test("long input is cut to 256 ids ending in [SEP]")
    func truncation() {
        guard let embedder = MiniLMFixture.embedder() else { return }
        let ids = embedder.tokenizer.tokenIDs(String(repeating: "python developer ", count: 300))
        #expect(ids.count == 256)
        #expect(ids.first == 101)
        #expect(ids.last == 102)
    }

    /// A toy vocabulary exercises the rules without the model files.
    static let toy = WordPieceTokenizer(
        vocabulary: [
            "[PAD]": 0, "[UNK]": 100, "[CLS]": 101, "[SEP]": 102, "un": 1, "##aff": 2, "##able": 3,
            "cafe": 4, ",": 5, "!": 6, "東": 7, "京": 8, "a": 9, "b": 10, "σ": 11, "$": 12, "€": 13,
        ],
        maxTokens: 8)

    @Test("greedy longest match with ## pieces; unmatched or over-long words become one [UNK]")
    func wordPiece() {
        #expect(Self.toy.tokenIDs("unaffable") == [101, 1, 2, 3, 102])
        #expect(Self.toy.tokenIDs("unaffxable") == [101, 100, 102])
        #expect(Self.toy.tokenIDs(String(repeating: "a", count: 101)) == [101, 100, 102])
        #expect(Self.toy.tokenIDs("a b a b a b a b a") == [101, 9, 10, 9, 10, 9, 10, 102])
    }

    @Test("normalization: accents, case, punctuation, CJK, controls, whitespace")
    func normalization() {
        #expect(Self.toy.tokenIDs("CAFÉ, Café!") == [101, 4, 5, 4, 6, 102])
        #expect(Self.toy.tokenIDs("東京") == [101, 7, 8, 102])
        #expect(Self.toy.tokenIDs("a\u{200B}b") == [101, 100, 102])  // ZWSP dropped: one word "ab"
        #expect(Self.toy.tokenIDs("a\u{00A0}b\u{3000}a") == [101, 9, 10, 9, 102])
        #expect(Self.toy.tokenIDs("Σ") == [101, 11, 102])
        #expect(Self.toy.tokenIDs("a$€") == [101, 9, 12, 13, 102])  // $ is punctuation and splits
        #expect(Self.toy.tokenIDs("a€") == [101, 100, 102])  // € is a symbol (Sc), not split: "a€" is one word
        #expect(Self.toy.tokenIDs("") == [101, 102])
    }
}
