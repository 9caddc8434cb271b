import Foundation
import Testing

@testable import Data

@Suite("PostgreSQL text forms")
struct PGTextTests {
    @Test func isoTimestampsEqualTheCLibrarysFormattingAcrossCenturies() {
        #expect(PGTime.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(PGTime.iso(Date(timeIntervalSince1970: 951_782_400.25)) == "2000-02-29T00:00:00.250000Z")
        #expect(PGTime.iso(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000000Z")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // 1700 … 2300, with fractions of a second.
            let t = Double.random(in: -8_520_000_000...10_400_000_000, using: &generator)
            let d = Date(timeIntervalSince1970: t)
            #expect(PGTime.iso(d) == PGTime.formatted(d), "\(t)")
        }
    }

    @Test func copyEscapingMatchesTheRuleByteForByte() {
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = []
            for b in s.utf8 {
                switch b {
                case 0x5C: out += [0x5C, 0x5C]
                case 0x09: out += [0x5C, 0x74]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x00: continue
                default: out.append(b)
                }
            }
            return out
        }
        let samples = ["", "plain", "a\tb\nc\r\nd\\e", "\\", "\n", "ends with tab\t", "nul\u{0}inside", "Zürich – café\n€ 60.000"]
        for sample in samples {
            var copy = sample
            var out: [UInt8] = []
            copy.withUTF8 { PGCopyWriter.appendEscaped($0, to: &out) }
            #expect(out == reference(sample), "\(sample.debugDescription)")
        }
    }

    @Test func arrayLiteralsQuoteEveryElementAndEscapeQuotesAndBackslashes() {
        #expect(PGArray.literal(["a", "b c"]) == #"{"a","b c"}"#)
        #expect(PGArray.literal([#"say "hi""#, #"C:\dir"#]) == #"{"say \"hi\"","C:\\dir"}"#)
        #expect(PGArray.literal(["x", nil]) == #"{"x",NULL}"#)
        #expect(PGArray.literal([String]()) == "{}")
    }
}
