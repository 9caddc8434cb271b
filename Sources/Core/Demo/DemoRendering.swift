import Foundation

/// The ways platforms format a description.
extension DemoDescription {
    /// Plain text with `•` bullets, as Google Jobs and Glassdoor show it.
    func plainText(bullet: String = "•") -> String {
        var parts = paragraphs
        for section in sections {
            parts.append(section.title + ":\n" + section.bullets.map { "\(bullet) \($0)" }.joined(separator: "\n"))
        }
        parts += footer
        return parts.joined(separator: "\n\n")
    }

    /// Markdown as JobSpy stores Indeed rows: bold headings, `*` bullets, `\-`, `\&`, `\+`, `\.` escapes.
    func indeedMarkdown() -> String {
        func esc(_ s: String) -> String {
            var out = ""
            out.reserveCapacity(s.count + 8)
            var previous: Character = " "
            for ch in s {
                switch ch {
                case "-", "&", "+": out.append("\\"); out.append(ch)
                case "." where previous.isNumber: out.append("\\."); // "2022\."
                default: out.append(ch)
                }
                previous = ch
            }
            return out
        }
        var parts = paragraphs.map(esc)
        for section in sections {
            parts.append("**\(esc(section.title))**\n\n" + section.bullets.map { "* \(esc($0))" }.joined(separator: "\n"))
        }
        parts += footer.map(esc)
        return parts.joined(separator: "\n\n\n")
    }

    /// Simple HTML, as some scrapers post it.
    func html() -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = paragraphs.map { "<p>\(esc($0))</p>" }.joined()
        for section in sections {
            out += "<p><strong>\(esc(section.title))</strong></p><ul>"
            out += section.bullets.map { "<li>\(esc($0))</li>" }.joined()
            out += "</ul>"
        }
        out += footer.map { "<p>\(esc($0))</p>" }.joined()
        return out
    }

    /// Naukri's flattened text: sentences run together, most punctuation dropped.
    func naukriText() -> String {
        let text = (paragraphs.prefix(1) + sections.prefix(2).flatMap { $0.bullets }).joined(separator: " ")
        var out = ""
        for ch in text where ch.isLetter || ch.isNumber || ch == " " || ch == "+" || ch == "-" || ch == "&" {
            out.append(ch)
        }
        return String(out.prefix(600))
    }
}

/// Writes JSON text by hand: field order fixed, Python-like spacing, and bare `NaN` where JobSpy writes it.
enum DemoJSON {
    /// A JSON value; `.raw` is written as given (numbers such as `66338.0`, or `NaN`).
    indirect enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
        case raw(String)
        case array([Value])
        case object([(String, Value)])
    }

    /// A string literal with quotes; `asciiOnly` writes `\uXXXX` for non-ASCII like Python's json.
    static func quote(_ s: String, asciiOnly: Bool = false, into out: inout String) {
        out.append("\"")
        for unit in s.unicodeScalars {
            switch unit {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if unit.value < 0x20 || (asciiOnly && unit.value > 0x7E) {
                    for u16 in String(unit).utf16 { out.append("\\u" + hex4(u16)) }
                } else {
                    out.unicodeScalars.append(unit)
                }
            }
        }
        out.append("\"")
    }

    private static func hex4(_ v: UInt16) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 4 - s.count) + s
    }

    /// Writes `value`; `indent` nil means compact (`{"a":1}`), else pretty with that many spaces per level.
    static func write(_ value: Value, indent: Int?, asciiOnly: Bool = false, level: Int = 0, into out: inout String) {
        let newline: (Int) -> String = { depth in
            indent.map { "\n" + String(repeating: " ", count: $0 * depth) } ?? ""
        }
        switch value {
        case .string(let s): quote(s, asciiOnly: asciiOnly, into: &out)
        case .int(let n): out.append(String(n))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        case .raw(let r): out.append(r)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                out.append(newline(level + 1))
                write(item, indent: indent, asciiOnly: asciiOnly, level: level + 1, into: &out)
            }
            out.append(newline(level) + "]")
        case .object(let fields):
            if fields.isEmpty { out.append("{}"); return }
            out.append("{")
            for (i, (key, item)) in fields.enumerated() {
                if i > 0 { out.append(",") }
                out.append(newline(level + 1))
                quote(key, into: &out)
                out.append(indent == nil ? ":" : ": ")
                write(item, indent: indent, asciiOnly: asciiOnly, level: level + 1, into: &out)
            }
            out.append(newline(level) + "}")
        }
    }

    /// A whole document as text.
    static func render(_ value: Value, indent: Int?, asciiOnly: Bool = false) -> String {
        var out = ""
        write(value, indent: indent, asciiOnly: asciiOnly, into: &out)
        return out
    }

    /// A whole-number amount written the way pandas writes floats: `66338.0`.
    static func amount(_ n: Int) -> Value { .raw("\(n).0") }
}

/// CSV the way Python's csv module writes it: minimal quoting, CRLF between rows.
enum DemoCSV {
    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

/// UTC dates without a formatter (fast, locale-free, deterministic).
enum DemoDate {
    /// (year, month, day, hour, minute, second) in UTC.
    static func parts(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        let p = UTCCalendar.parts(date)
        return (p.year, p.month, p.day, p.hour, p.minute, p.second)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "2025-05-17".
    static func day(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.0)-\(two(p.1))-\(two(p.2))"
    }

    /// "2025-05-17T08:30:00Z".
    static func iso(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.0)-\(two(p.1))-\(two(p.2))T\(two(p.3)):\(two(p.4)):\(two(p.5))Z"
    }
}
