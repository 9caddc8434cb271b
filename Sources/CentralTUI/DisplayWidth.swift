import CNcurses

/// Display width of text in terminal columns (wcwidth), never `String.count`.
enum DisplayWidth {
    /// Columns one grapheme takes: 0, 1 or 2.
    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let measured = Int(cn_wcwidth(wchar_t(bitPattern: first.value)))
        if measured >= 0 { return measured }
        return fallback(first)
    }

    /// Columns a string takes.
    static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// Cuts `text` to at most `width` columns, ending in `ellipsis` when anything was cut.
    static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return String(repeating: ".", count: width) }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// Pads or truncates `text` to exactly `width` columns.
    static func fit(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: String) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    /// Used when the C library cannot tell (C locale or unassigned code point).
    private static func fallback(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}
