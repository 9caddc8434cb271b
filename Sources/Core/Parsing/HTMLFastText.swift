import CXML2

/// HTML → text in one pass over the bytes, without building libxml2's tree, for the markup job descriptions
/// mostly have (`<p>`, `<ul><li>`, `<strong>`, `<br>`, entities). It produces exactly what `HTMLText.render`
/// produces through libxml2 (`HTMLText.renderWithLibxml`), and only accepts input where the two provably agree:
/// every tag known, every element closed by its own end tag (or by the end of the text), no start tag that libxml2
/// would take as closing the open element (`<p>` inside `<p>`, `<li>` inside `<li>`, `<ul>` inside `<ol>`, …), no
/// comments, doctypes, tables, scripts or unknown elements, no characters libxml2 drops. For anything else it
/// returns nil and the caller uses libxml2. `HTMLFastTextTests` compares the two on random markup.
enum HTMLFastText {
    /// The elements the fast path knows; `root` is the `<div>` that `render` wraps the text in.
    enum Tag: UInt8 {
        case root, div, p, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote, br
        case strong, b, em, i, u, span, a, small, code, sub, sup

        /// `HTMLText.blockElements`.
        var isBlock: Bool {
            switch self {
            case .root, .div, .p, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote: return true
            default: return false
            }
        }

        /// `HTMLText.paragraphElements`: a blank line around them.
        var isParagraph: Bool {
            switch self {
            case .p, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote: return true
            default: return false
            }
        }

        var isHeading: Bool { rawValue >= Tag.h1.rawValue && rawValue <= Tag.h6.rawValue }

        /// True when libxml2 ends an open `old` element as this tag starts (its `htmlStartClose` table, for the
        /// tags here): then the tree is not the text's nesting and the fast path gives up.
        func closes(_ old: Tag) -> Bool {
            switch self {
            case .li: return old == .p || old.isHeading || old == .li
            case .h1, .h2, .h3, .h4, .h5, .h6: return old == .p
            case .ul: return old == .p || old == .ol
            case .ol: return old == .p || old == .ul
            // FONTSTYLE: tt, i, b, u, s, strike, big, small.
            case .p: return old == .p || old.isHeading || old == .i || old == .b || old == .u || old == .small
            case .div, .blockquote: return old == .p
            case .a: return old == .a
            default: return false
            }
        }

        /// The tag for a lower-cased name.
        static func named(_ name: UnsafeBufferPointer<UInt8>) -> Tag? {
            @inline(__always) func equals(_ text: StaticString) -> Bool {
                guard text.utf8CodeUnitCount == name.count else { return false }
                for offset in 0..<name.count where name[offset] != text.utf8Start[offset] { return false }
                return true
            }
            switch name.count {
            case 1:
                switch name[0] {
                case UInt8(ascii: "p"): return .p
                case UInt8(ascii: "b"): return .b
                case UInt8(ascii: "i"): return .i
                case UInt8(ascii: "u"): return .u
                case UInt8(ascii: "a"): return .a
                default: return nil
                }
            case 2:
                if equals("li") { return .li }
                if equals("ul") { return .ul }
                if equals("ol") { return .ol }
                if equals("br") { return .br }
                if equals("em") { return .em }
                if name[0] == UInt8(ascii: "h"), name[1] >= UInt8(ascii: "1"), name[1] <= UInt8(ascii: "6") {
                    return Tag(rawValue: Tag.h1.rawValue + name[1] - UInt8(ascii: "1"))
                }
                return nil
            case 3:
                if equals("div") { return .div }
                if equals("sub") { return .sub }
                if equals("sup") { return .sup }
                return nil
            case 4:
                if equals("span") { return .span }
                if equals("code") { return .code }
                return nil
            case 5: return equals("small") ? .small : nil
            case 6: return equals("strong") ? .strong : nil
            case 10: return equals("blockquote") ? .blockquote : nil
            default: return nil
            }
        }
    }

    /// Deeper nesting is left to libxml2.
    static let maxDepth = 64

    /// The UTF-8 text of `html` as `HTMLText.renderWithLibxml` walks it (before its all-blank check), or nil when
    /// the markup is outside the subset.
    static func render(_ html: String) -> [UInt8]? {
        var copy = html
        return copy.withUTF8 { bytes in
            var renderer = Renderer(bytes)
            guard renderer.run() else { return nil }
            return renderer.output
        }
    }

    private struct Renderer {
        let bytes: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        var stack: [Tag] = [.root]
        var index = 0
        /// Lower-cased name of the tag being read.
        var name: [UInt8] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count)
            name.reserveCapacity(16)
        }

        @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

        /// Reads everything; false when the input leaves the subset.
        mutating func run() -> Bool {
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"):
                    guard tag() else { return false }
                case UInt8(ascii: "&"):
                    guard reference() else { return false }
                case 0x20, 0x09, 0x0A, 0x0D:
                    space()
                    index += 1
                case 0x00...0x1F:
                    // Characters libxml2 drops (and NUL, which ends its input).
                    return false
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    // U+FFFE and U+FFFF, dropped by libxml2.
                    return false
                default:
                    // A run of ordinary bytes, single spaces between them (what `space()` would write): copied at once.
                    let end = TextRuns.end(bytes, from: index + 1, html: true)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
            }
            while stack.count > 1 { end(stack.removeLast()) }
            end(.root)
            return true
        }

        /// HTML whitespace in text: one space, none at the start of the output or after a space or newline.
        @inline(__always) mutating func space() {
            if let last = output.last, last != 0x20, last != 0x0A { output.append(0x20) }
        }

        /// A character in text (from a reference): whitespace collapses as in text.
        mutating func character(_ scalar: UInt32) {
            switch scalar {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: space()
            case ..<0x80: output.append(UInt8(scalar))
            case ..<0x800:
                output.append(UInt8(0xC0 | scalar >> 6))
                output.append(UInt8(0x80 | scalar & 0x3F))
            case ..<0x10000:
                output.append(UInt8(0xE0 | scalar >> 12))
                output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            default:
                output.append(UInt8(0xF0 | scalar >> 18))
                output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            }
        }

        /// `HTMLText.newline`.
        mutating func newline(blank: Bool) {
            guard !output.isEmpty else { return }
            while output.last == 0x20 { output.removeLast() }
            if output.last != 0x0A { output.append(0x0A) }
            if blank, output.count < 2 || output[output.count - 2] != 0x0A { output.append(0x0A) }
        }

        /// What `HTMLText.walk` does before an element's children.
        mutating func start(_ tag: Tag) {
            if tag == .li {
                newline(blank: false)
                output.append(UInt8(ascii: "-"))
                output.append(0x20)
            } else if tag.isBlock {
                newline(blank: tag.isParagraph)
            }
        }

        /// What `HTMLText.walk` does after an element's children.
        mutating func end(_ tag: Tag) {
            if tag.isBlock || tag == .li { newline(blank: tag.isParagraph) }
        }

        /// Reads `[A-Za-z][A-Za-z0-9]*` at `index`, lower-cased, into `name`; false when the name has other
        /// characters libxml2 takes as part of a name (`:`, `-`, `_`, `.`).
        mutating func readName() -> Bool {
            name.removeAll(keepingCapacity: true)
            let count = bytes.count
            guard index < count, Self.isLetter(bytes[index]) else { return false }
            while index < count {
                let byte = bytes[index]
                if Self.isLetter(byte) {
                    name.append(byte | 0x20)
                } else if Self.isDigit(byte) {
                    name.append(byte)
                } else {
                    break
                }
                index += 1
            }
            guard index < count else { return false }
            let next = bytes[index]
            return next != UInt8(ascii: ":") && next != UInt8(ascii: "-") && next != UInt8(ascii: "_") && next != UInt8(ascii: ".")
        }

        mutating func skipBlanks() {
            while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
        }

        /// A tag at `index` (the `<`).
        mutating func tag() -> Bool {
            let count = bytes.count
            guard index + 1 < count else { return false }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "/") {
                index += 2
                guard readName(), let tag = name.withUnsafeBufferPointer({ Tag.named($0) }) else { return false }
                skipBlanks()
                guard index < count, bytes[index] == UInt8(ascii: ">") else { return false }
                index += 1
                // Only the open element's own end tag: others make libxml2 close or ignore elements.
                guard stack.count > 1, stack[stack.count - 1] == tag else { return false }
                stack.removeLast()
                end(tag)
                return true
            }
            if next == 0x20 || Self.isDigit(next) {
                // Not a tag: libxml2 keeps the "<" as text.
                output.append(UInt8(ascii: "<"))
                index += 1
                return true
            }
            index += 1
            guard readName(), let tag = name.withUnsafeBufferPointer({ Tag.named($0) }) else { return false }
            guard attributes() else { return false }
            var selfClosing = false
            if bytes[index] == UInt8(ascii: "/") {
                selfClosing = true
                index += 2
            } else {
                index += 1
            }
            guard !tag.closes(stack[stack.count - 1]) else { return false }
            if tag == .br {
                output.append(0x0A)
                return true
            }
            start(tag)
            if selfClosing {
                end(tag)
            } else {
                guard stack.count < HTMLFastText.maxDepth else { return false }
                stack.append(tag)
            }
            return true
        }

        /// Attributes up to `>` or `/>` (left at `index`): `name`, `name="…"`, `name='…'`, blanks around `=`,
        /// blanks between attributes. Their values do not reach the text.
        mutating func attributes() -> Bool {
            let count = bytes.count
            var separated = false
            while true {
                let before = index
                skipBlanks()
                if index > before { separated = true }
                guard index < count else { return false }
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") { return true }
                if byte == UInt8(ascii: "/") { return index + 1 < count && bytes[index + 1] == UInt8(ascii: ">") }
                guard separated, readAttributeName() else { return false }
                let afterName = index
                skipBlanks()
                separated = index > afterName
                guard index < count else { return false }
                guard bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                skipBlanks()
                guard index < count else { return false }
                let quote = bytes[index]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
                index += 1
                while index < count, bytes[index] != quote {
                    if bytes[index] == 0 { return false }
                    index += 1
                }
                guard index < count else { return false }
                index += 1
                separated = false
            }
        }

        /// An attribute name as libxml2 reads it: `[A-Za-z_:][A-Za-z0-9_:.-]*`, ending in ASCII.
        mutating func readAttributeName() -> Bool {
            let count = bytes.count
            guard index < count else { return false }
            let first = bytes[index]
            guard Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else { return false }
            index += 1
            while index < count {
                let byte = bytes[index]
                guard Self.isLetter(byte) || Self.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { break }
                index += 1
            }
            return index < count && bytes[index] < 0x80 && bytes[index] != 0
        }

        /// A reference at `index` (the `&`), decoded as libxml2 decodes it in text.
        mutating func reference() -> Bool {
            let count = bytes.count
            guard index + 1 < count else { return false }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "#") {
                return characterReference()
            }
            if Self.isLetter(next) || next == UInt8(ascii: "_") || next == UInt8(ascii: ":") {
                // An ASCII name: [A-Za-z_:][A-Za-z0-9_:.-]*
                var end = index + 2
                while end < count {
                    let byte = bytes[end]
                    guard Self.isLetter(byte) || Self.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { break }
                    end += 1
                }
                guard end < count, bytes[end] < 0x80, bytes[end] != 0 else { return false }
                if bytes[end] == UInt8(ascii: ";"), let value = Self.entity(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])) {
                    character(value)
                    index = end + 1
                    return true
                }
                // Not an entity: libxml2 gives back "&" and the name as text.
                output.append(UInt8(ascii: "&"))
                index += 1
                return true
            }
            guard next < 0x80, next != 0 else { return false }
            output.append(UInt8(ascii: "&"))
            index += 1
            return true
        }

        /// `&#NNN;` or `&#xHHH;` for a character libxml2 accepts; other forms are left to it.
        mutating func characterReference() -> Bool {
            let count = bytes.count
            var position = index + 2
            var hex = false
            if position < count, bytes[position] | 0x20 == UInt8(ascii: "x") {
                hex = true
                position += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while position < count, digits < 8 {
                let byte = bytes[position]
                var digit: UInt32
                if Self.isDigit(byte) {
                    digit = UInt32(byte - 0x30)
                } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                    digit = UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
                } else {
                    break
                }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                position += 1
            }
            guard digits > 0, position < count, bytes[position] == UInt8(ascii: ";") else { return false }
            // libxml2's IS_CHAR.
            let isChar = value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0xD7FF)
                || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
            guard isChar else { return false }
            character(value)
            index = position + 1
            return true
        }

        /// The value of a named entity in libxml2's HTML 4 table.
        static func entity(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
            guard name.count < 32 else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 1) { buffer in
                _ = buffer.initialize(from: name)
                buffer[name.count] = 0
                guard let entry = htmlEntityLookup(buffer.baseAddress!) else { return nil }
                return entry.pointee.value > 0 ? UInt32(entry.pointee.value) : nil
            }
        }
    }
}
