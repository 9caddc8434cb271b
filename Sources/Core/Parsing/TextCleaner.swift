import CCmark
import CXML2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns posting descriptions (HTML, Markdown or plain text) into clean plain text.
public enum TextCleaner {
    /// HTML → text with libxml2's forgiving HTML parser: block elements end lines, `<li>` becomes "- ",
    /// `<script>`/`<style>` are skipped, entities are decoded.
    public static func plainText(fromHTML html: String) -> String {
        normalizeWhitespace(HTMLText.render(html))
    }

    /// Markdown → text with cmark-gfm (tables, strikethrough, autolinks); JobSpy's `\.` escapes and
    /// `**bold**` come out as plain text.
    public static func plainText(fromMarkdown md: String) -> String {
        normalizeWhitespace(MarkdownText.render(md))
    }

    /// Detects HTML, Markdown or plain text and returns clean text: mojibake repaired where certain,
    /// control characters removed, runs of spaces and blank lines collapsed.
    public static func clean(_ text: String) -> String {
        if text.isEmpty { return "" }
        var working = Mojibake.repair(text)
        switch detectFormat(working) {
        case .html:
            working = HTMLText.render(working)
            // Escaped markup ("&lt;p&gt;") is HTML again; detecting HTML needs a "<" or "&".
            if mayHoldMarkup(working), detectFormat(working) == .html { working = HTMLText.render(working) }
        case .markdown:
            working = MarkdownText.render(working)
        case .plain:
            break
        }
        return normalizeWhitespace(working)
    }

    /// False when `text` has neither "<" nor "&", so that `detectFormat` cannot find HTML in it.
    static func mayHoldMarkup(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
                || memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil
        }
    }

    /// The markup a text is written in.
    public enum Format: Sendable, Equatable {
        case html, markdown, plain
    }

    private static let htmlTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "b", "i", "u", "em", "strong", "span", "h1", "h2", "h3", "h4", "h5",
        "h6", "table", "tr", "td", "th", "a", "hr", "font", "section", "article", "body", "html", "img", "dl",
        "dt", "dd", "blockquote", "pre", "code", "small", "sup", "sub", "center",
    ]
    private static let htmlEntities: Set<String> = [
        "amp", "nbsp", "lt", "gt", "quot", "apos", "rsquo", "lsquo", "rdquo", "ldquo", "ndash", "mdash", "bull",
        "hellip", "middot", "copy", "reg", "trade",
    ]

    /// HTML when a known tag or entity appears; Markdown when escapes, emphasis, headings or list
    /// markers appear; otherwise plain.
    public static func detectFormat(_ text: String) -> Format {
        var copy = text
        return copy.withUTF8 { detectFormat(bytes: $0) }
    }

    /// Bytes that can decide the format: `<`, `&`, `\\`, `*`, `#`, `]`. The scan jumps from one to the next.
    private static let formatBytes: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "]")]
            .contains(UInt8(byte))
    }

    private static func detectFormat(bytes: UnsafeBufferPointer<UInt8>) -> Format {
        formatBytes.withUnsafeBufferPointer { table in detectFormat(bytes: bytes, table: table) }
    }

    private static func detectFormat(bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<Bool>) -> Format {
        let count = bytes.count
        var index = 0
        var markdownHints = 0
        while true {
            while index < count, !table[Int(bytes[index])] { index += 1 }
            guard index < count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
                if isHTMLHint(bytes, at: index) { return .html }
            } else if byte == UInt8(ascii: "\\"), index + 1 < count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: ".") || next == UInt8(ascii: "-") || next == UInt8(ascii: "*")
                    || next == UInt8(ascii: "#") || next == UInt8(ascii: "_") || next == UInt8(ascii: "(") {
                    markdownHints += 2
                }
            } else if byte == UInt8(ascii: "*"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") {
                markdownHints += 1
                index += 1
            } else if byte == UInt8(ascii: "#"), index + 1 < count,
                      bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "#"),
                      isLineStart(bytes, index) {
                markdownHints += 2
            } else if byte == UInt8(ascii: "]"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "(") {
                markdownHints += 2
            }
            index += 1
        }
        return markdownHints >= 2 ? .markdown : .plain
    }

    /// True when only spaces stand between the start of the line (or text) and `index`.
    private static func isLineStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var position = index - 1
        while position >= 0, bytes[position] == 0x20 { position -= 1 }
        return position < 0 || bytes[position] == 0x0A
    }

    /// A known tag (`<p>`, `</li>`, `<br/>`), entity (`&amp;`) or character reference (`&#39;`) at `index`.
    private static func isHTMLHint(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let isTag = bytes[index] == UInt8(ascii: "<")
        var position = index + 1
        if isTag, position < bytes.count, bytes[position] == UInt8(ascii: "/") { position += 1 }
        if !isTag, position < bytes.count, bytes[position] == UInt8(ascii: "#") { return true }
        var name: [UInt8] = []
        while position < bytes.count, name.count < 12 {
            let next = bytes[position] | 0x20
            guard (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
                || (bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")) else { break }
            name.append(next)
            position += 1
        }
        guard position < bytes.count, !name.isEmpty else { return false }
        let word = String(decoding: name, as: UTF8.self)
        let end = bytes[position]
        if isTag, htmlTags.contains(word), end == UInt8(ascii: ">") || end == UInt8(ascii: " ") || end == UInt8(ascii: "/") {
            return true
        }
        return !isTag && end == UInt8(ascii: ";") && htmlEntities.contains(word)
    }

    /// Removes control and zero-width characters, turns odd spaces into spaces, collapses runs of
    /// spaces and more than one blank line, trims every line.
    public static func normalizeWhitespace(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            let count = bytes.count
            if count == 0 { return "" }
            // The output is never longer than the input: every separator written stands for at least as many bytes.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out in
                let written = normalizeWhitespace(bytes: bytes, into: out)
                // Text that is already normal (a cleaned title normalized again, most descriptions) is returned as
                // it is: no new string to allocate and validate.
                if written == count, memcmp(out.baseAddress!, bytes.baseAddress!, count) == 0 { return text }
                return String(unsafeUninitializedCapacity: written) { target in
                    _ = target.initialize(from: UnsafeBufferPointer(rebasing: out[..<written]))
                    return written
                }
            }
        }
    }

    /// Writes the normalized text of `bytes` to `out` (as long as `bytes`) and returns its length.
    private static func normalizeWhitespace(bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var written = 0
        var pendingSpace = false
        var newlines = 0
        var atStart = true
        var afterCarriageReturn = false
        var index = 0
        while index < count {
            let byte = bytes[index]
            var length = 1
            var kind = ScalarKind.character
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    kind = afterCarriageReturn ? .drop : .newline
                case 0x0D, 0x0B, 0x0C:
                    kind = .newline
                case 0x09, 0x20:
                    kind = .space
                case 0x00...0x1F, 0x7F:
                    kind = .drop
                default:
                    break
                }
            } else {
                length = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : 2)
                length = min(length, count - index)
                kind = classify(bytes, index, length)
            }
            afterCarriageReturn = byte == 0x0D
            switch kind {
            case .newline:
                newlines += 1
                pendingSpace = false
            case .space:
                pendingSpace = true
            case .drop:
                break
            case .character:
                if !atStart {
                    if newlines > 0 {
                        out[written] = 0x0A
                        written += 1
                        if newlines > 1 {
                            out[written] = 0x0A
                            written += 1
                        }
                    } else if pendingSpace {
                        out[written] = 0x20
                        written += 1
                    }
                }
                newlines = 0
                pendingSpace = false
                atStart = false
                if length == 1 {
                    out[written] = byte
                    written += 1
                    // A run of visible ASCII, single spaces between: copied as it is.
                    let next = TextRuns.end(bytes, from: index + 1, html: false)
                    if next > index + 1 {
                        UnsafeMutableRawPointer(out.baseAddress! + written)
                            .copyMemory(from: bytes.baseAddress! + index + 1, byteCount: next - index - 1)
                        written += next - index - 1
                    }
                    index = next
                    continue
                }
                for offset in 0..<length {
                    out[written] = bytes[index + offset]
                    written += 1
                }
            }
            index += length
        }
        return written
    }

    private enum ScalarKind {
        case character, space, newline, drop
    }

    /// Odd spaces (NBSP, en/em spaces, ideographic space) → space; U+2028/2029 → newline;
    /// C1 controls, soft hyphen, zero-width characters and BOM → dropped.
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> ScalarKind {
        let lead = bytes[index]
        if length == 2, lead == 0xC2 {
            let next = bytes[index + 1]
            if next <= 0x9F || next == 0xAD { return .drop }
            if next == 0xA0 { return .space }
            return .character
        }
        guard length == 3 else { return .character }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (lead, second) {
        case (0xE2, 0x80):
            switch third {
            case 0x80...0x8A, 0xAF: return .space
            case 0x8B...0x8D: return .drop
            case 0xA8, 0xA9: return .newline
            default: return .character
            }
        case (0xE2, 0x81):
            if third == 0x9F { return .space }
            if third == 0xA0 { return .drop }
            return .character
        case (0xE1, 0x9A): return third == 0x80 ? .space : .character
        case (0xE3, 0x80): return third == 0x80 ? .space : .character
        case (0xEF, 0xBB): return third == 0xBF ? .drop : .character
        default: return .character
        }
    }
}
