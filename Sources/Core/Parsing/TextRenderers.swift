import CCmark
import CXML2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// HTML → text by walking libxml2's tree.
enum HTMLText {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "dl", "dt", "dd",
        "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "form", "fieldset", "address",
        "figure", "figcaption", "center", "tbody", "thead", "tfoot", "caption",
    ]
    private static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
    ]
    private static let skippedElements: Set<String> = ["script", "style", "head", "noscript", "template", "iframe"]

    /// The text of `html`: by `HTMLFastText` when the markup is in its subset, else by libxml2.
    static func render(_ html: String) -> String {
        if html.isEmpty { return "" }
        if let fast = HTMLFastText.render(html) {
            if fast.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) { return stripTags(html) }
            return String(decoding: fast, as: UTF8.self)
        }
        return renderWithLibxml(html)
    }

    /// The text of `html` through libxml2's tree.
    static func renderWithLibxml(_ html: String) -> String {
        _ = initialized
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        var utf8 = Array(html.utf8)
        if utf8.isEmpty { return "" }
        // Wrap so that a fragment starting with text still gets one root.
        utf8 = Array("<div>".utf8) + utf8 + Array("</div>".utf8)
        let document: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return stripTags(html) }
        defer { xmlFreeDoc(document) }
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count)
        var node = document.pointee.children
        while let current = node {
            walk(current, into: &output, inPre: false, depth: 0)
            node = current.pointee.next
        }
        if output.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) {
            // libxml2 gave up (e.g. nesting deeper than its limit): drop the tags by hand.
            return stripTags(html)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Last resort: text outside `<…>`.
    static func stripTags(_ html: String) -> String {
        var output: [UInt8] = []
        var inTag = false
        for byte in html.utf8 {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
                output.append(0x20)
            } else if !inTag {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func walk(_ node: xmlNodePtr, into output: inout [UInt8], inPre: Bool, depth: Int) {
        guard depth < 1000 else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                appendText(content, to: &output, preserve: inPre)
            }
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0) } ?? ""
            if skippedElements.contains(name) { return }
            let isBlock = blockElements.contains(name)
            if name == "br" {
                output.append(0x0A)
                return
            }
            if name == "li" {
                newline(&output, blank: false)
                output.append(contentsOf: [UInt8(ascii: "-"), 0x20])
            } else if isBlock {
                newline(&output, blank: paragraphElements.contains(name))
            } else if name == "td" || name == "th" {
                if let last = output.last, last != 0x0A { output.append(contentsOf: Array(" | ".utf8)) }
            }
            var child = node.pointee.children
            while let current = child {
                walk(current, into: &output, inPre: inPre || name == "pre", depth: depth + 1)
                child = current.pointee.next
            }
            if isBlock || name == "li" { newline(&output, blank: paragraphElements.contains(name)) }
        default:
            return
        }
    }

    private static func newline(_ output: inout [UInt8], blank: Bool) {
        guard !output.isEmpty else { return }
        while output.last == 0x20 { output.removeLast() }
        if output.last != 0x0A { output.append(0x0A) }
        if blank, output.count < 2 || output[output.count - 2] != 0x0A { output.append(0x0A) }
    }

    /// HTML whitespace: runs of spaces and newlines become one space, except in `<pre>`.
    private static func appendText(_ content: UnsafePointer<xmlChar>, to output: inout [UInt8], preserve: Bool) {
        var pointer = content
        var lastWasSpace = output.isEmpty || output.last == 0x20 || output.last == 0x0A
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if !preserve, byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if !lastWasSpace { output.append(0x20) }
                lastWasSpace = true
            } else {
                output.append(byte)
                lastWasSpace = false
            }
            pointer += 1
        }
    }
}

/// Markdown → text with cmark-gfm's plain-text renderer.
enum MarkdownText {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    /// cmark-gfm is not re-entrant: parsing the inlines of a document with extensions adds their characters to a
    /// global table and takes them out again (github/cmark-gfm#176). Two threads rendering at once made the same
    /// description come out with or without its `****` from one import to the next (its content hash changed, and
    /// the posting read as updated), so one render runs at a time.
    private static let lock = NSLock()

    static func render(_ markdown: String) -> String {
        _ = registered
        lock.lock()
        defer { lock.unlock() }
        guard !markdown.isEmpty, let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return markdown }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return markdown }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_plaintext(document, CMARK_OPT_DEFAULT, 0) else { return markdown }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// Repairs UTF-8 text that was decoded as Windows-1252 ("â€™" → "’", "Ã©" → "é", "Â " → " ").
enum Mojibake {
    /// Windows-1252 bytes 0x80–0x9F by the scalar they decode to.
    private static let cp1252Bytes: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The byte a scalar came from if it was a UTF-8 continuation byte read as Windows-1252.
    private static func continuationByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 0x80 && value <= 0xBF { return UInt8(value) }
        if let byte = cp1252Bytes[value] { return byte }
        return nil
    }

    static func repair(_ text: String) -> String {
        // Every mojibake lead ("Â", "Ã", "â", …) is U+00C2–U+00EF, encoded with lead byte 0xC3.
        var copy = text
        let hasLead = copy.withUTF8 { buffer in
            buffer.baseAddress.map { memchr($0, 0xC3, buffer.count) != nil } ?? false
        }
        guard hasLead else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            let needed = (0xC2...0xDF).contains(value) ? 1 : ((0xE0...0xEF).contains(value) ? 2 : 0)
            if needed > 0, index + needed < scalars.count {
                var bytes: [UInt8] = [UInt8(value)]
                for offset in 1...needed {
                    guard let byte = continuationByte(scalars[index + offset]) else { break }
                    bytes.append(byte)
                }
                if bytes.count == needed + 1, let decoded = decodeSingle(bytes) {
                    out.append(decoded == "\u{A0}" ? " " : decoded)
                    index += needed + 1
                    changed = true
                    continue
                }
            }
            // "Â" left alone before a space: a no-break space whose second byte was lost.
            if value == 0xC2, index + 1 < scalars.count, scalars[index + 1] == " " {
                index += 1
                changed = true
                continue
            }
            out.append(scalar)
            index += 1
        }
        return changed ? String(out) : text
    }

    private static func decodeSingle(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.value >= 0x80 else { return nil }
        guard case .emptyInput = decoder.decode(&iterator) else { return nil }
        return scalar
    }
}
