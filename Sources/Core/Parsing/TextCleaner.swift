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
            if detectFormat(working) == .html { working = HTMLText.render(working) }
        case .markdown:
            working = MarkdownText.render(working)
        case .plain:
            break
        }
        return normalizeWhitespace(working)
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
        let bytes = Array(text.utf8)
        var index = 0
        var markdownHints = 0
        var lineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
                let isTag = byte == UInt8(ascii: "<")
                var position = index + 1
                if isTag, position < bytes.count, bytes[position] == UInt8(ascii: "/") { position += 1 }
                if !isTag, position < bytes.count, bytes[position] == UInt8(ascii: "#") { return .html }
                var name: [UInt8] = []
                while position < bytes.count, name.count < 12 {
                    let next = bytes[position] | 0x20
                    guard (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
                        || (bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")) else { break }
                    name.append(next)
                    position += 1
                }
                if position < bytes.count, !name.isEmpty {
                    let word = String(decoding: name, as: UTF8.self)
                    let end = bytes[position]
                    if isTag, htmlTags.contains(word),
                       end == UInt8(ascii: ">") || end == UInt8(ascii: " ") || end == UInt8(ascii: "/") {
                        return .html
                    }
                    if !isTag, end == UInt8(ascii: ";"), htmlEntities.contains(word) { return .html }
                }
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: ".") || next == UInt8(ascii: "-") || next == UInt8(ascii: "*")
                    || next == UInt8(ascii: "#") || next == UInt8(ascii: "_") || next == UInt8(ascii: "(") {
                    markdownHints += 2
                }
            } else if byte == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                markdownHints += 1
                index += 1
            } else if lineStart, byte == UInt8(ascii: "#"), index + 1 < bytes.count,
                      bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "#") {
                markdownHints += 2
            } else if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                markdownHints += 2
            }
            lineStart = byte == 0x0A || (lineStart && byte == 0x20)
            index += 1
        }
        return markdownHints >= 2 ? .markdown : .plain
    }

    /// Removes control and zero-width characters, turns odd spaces into spaces, collapses runs of
    /// spaces and more than one blank line, trims every line.
    public static func normalizeWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var newlines = 0
        var atStart = true
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isLineFeedAfterReturn = afterCarriageReturn && value == 0x0A
            afterCarriageReturn = value == 0x0D
            switch value {
            case 0x0A, 0x0D, 0x2028, 0x2029, 0x0B, 0x0C:
                if isLineFeedAfterReturn { continue }
                newlines += 1
                pendingSpace = false
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = true
            case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
                continue
            default:
                if !atStart {
                    if newlines > 0 {
                        out.append("\n")
                        if newlines > 1 { out.append("\n") }
                    } else if pendingSpace {
                        out.append(" ")
                    }
                }
                newlines = 0
                pendingSpace = false
                atStart = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
