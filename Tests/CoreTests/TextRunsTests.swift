import Testing

@testable import Core

/// The word-at-a-time run scanner ends runs exactly where the byte-at-a-time definition does.
struct TextRunsTests {
    /// The definition: ordinary bytes, and spaces followed by an ordinary byte.
    private static func referenceEnd(_ bytes: [UInt8], from start: Int, html: Bool) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if TextRuns.isOrdinary(byte, html: html) {
                index += 1
            } else if byte == 0x20, index + 1 < bytes.count, TextRuns.isOrdinary(bytes[index + 1], html: html) {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    @Test func runEndsMatchTheByteDefinition() {
        // Mostly ordinary text with the bytes that matter sprinkled in, so runs cross word boundaries.
        let special: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x09, 0x00, 0x1F, 0x7E, 0x7F, 0x80, 0xC3, 0xE2, 0xEF, 0xFF,
                                UInt8(ascii: "<"), UInt8(ascii: "&"), 0x21]
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<4000 {
            let length = Int.random(in: 0...40, using: &generator)
            let rate = [2, 8, 30][trial % 3]
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<rate, using: &generator) == 0
                    ? special.randomElement(using: &generator)!
                    : UInt8.random(in: 0x61...0x7A, using: &generator)
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...length {
                    for html in [false, true] {
                        #expect(TextRuns.end(buffer, from: start, html: html) == Self.referenceEnd(bytes, from: start, html: html),
                                "\(bytes) from \(start) html \(html)")
                    }
                }
            }
        }
    }
}
