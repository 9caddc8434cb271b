import Foundation
import Testing

@testable import Core

/// `HTMLFastText` must give exactly what libxml2's tree gives (`HTMLText.renderWithLibxml`) for every input it
/// accepts, and must accept the markup job descriptions usually have.
@Suite struct HTMLFastTextTests {
    /// Markup pieces: the fast path's tags and entities, and things outside its subset (which it must refuse or
    /// render identically).
    static let openTags = [
        "<p>", "<div>", "<ul>", "<ol>", "<li>", "<h2>", "<h3>", "<strong>", "<b>", "<em>", "<i>", "<u>", "<span>",
        "<a href=\"https://x.example/?a=1&b=2\">", "<small>", "<code>", "<sub>", "<sup>", "<blockquote>",
        "<P>", "<LI>", "<Strong>", "<p class=\"intro\">", "<span style='color: red'>", "<div data-id=\"7\" hidden>",
        "<a\nhref=\"#\">", "<p >", "<p a=\"x\"b=\"y\">", "<p a = 'x'>", "<p a=x>", "<p :a=\"1\">",
        // Outside the subset.
        "<table>", "<tr>", "<td>", "<th>", "<section>", "<font size=\"2\">", "<center>", "<hr>", "<img src=\"x\">",
        "<tt>", "<dl>", "<dt>", "<dd>", "<pre>", "<script>", "<style>", "<head>", "<body>", "<html>", "<my-tag>",
    ]
    static let closeTags = [
        "</p>", "</div>", "</ul>", "</ol>", "</li>", "</h2>", "</h3>", "</strong>", "</b>", "</em>", "</i>", "</u>",
        "</span>", "</a>", "</small>", "</code>", "</sub>", "</sup>", "</blockquote>", "</P>", "</li >", "</br>",
        "</table>", "</td>", "</section>", "</font>", "</pre>",
    ]
    static let pieces = [
        "<br>", "<br/>", "<br />", "<BR>", "<p/>", "<li/>", "<span/>",
        "Data", "engineer", "Python", "SQL", "R&D", "AT&T", "a & b", "x&y;", "&amp;", "&nbsp;", "&lt;", "&gt;",
        "&quot;", "&apos;", "&eacute;", "&rsquo;", "&mdash;", "&bull;", "&euro;", "&AMP;", "&foo;", "&amp", "&#39;",
        "&#x2019;", "&#X41;", "&#8217;", "&#0;", "&#xD800;", "&#;", "&#12", "&#1114112;", "&", "&:x;", "&_a;", "&a.b;",
        "&é;", "&amp;é", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\r", " \n ", "é", "•", "€", "😀", "\u{A0}", "—",
        "’", "< ", "<3", "<=", "a<b", "> ", "<!-- note -->", "<!DOCTYPE html>", "<?xml?>", "<", "</", "<>",
        "\u{1}", "\u{C}", "\u{FFFE}", "\u{0}", ";", "'", "\"", "=", "/",
    ]

    /// Pieces inside the subset.
    static let safePieces = [
        "<br>", "<br/>", "<p/>", "Data", " ", "engineer", "\n", "&amp;", "&nbsp;", "&rsquo;", "&#39;", "é", "R&D", "  ",
        "\t", "\r\n", "😀", "a < b", "&foo;", "&amp", " \n ", "•", "\u{A0}",
    ]

    static func randomMarkup(_ rng: inout SplitMix64, inSubset: Bool) -> String {
        var out = ""
        var open: [String] = []
        let subsetOpen = openTags.prefix(25)
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...2:
                let tag = inSubset ? subsetOpen.randomElement(using: &rng)! : openTags.randomElement(using: &rng)!
                out += tag
                let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
                open.append(name)
            case 3...4:
                if inSubset, let last = open.popLast() {
                    out += "</\(last)>"
                } else {
                    out += closeTags.randomElement(using: &rng)!
                }
            default:
                out += inSubset ? safePieces.randomElement(using: &rng)! : pieces.randomElement(using: &rng)!
            }
        }
        if inSubset && Bool.random(using: &rng) { for name in open.reversed() { out += "</\(name)>" } }
        return out
    }

    @Test(arguments: 0..<8)
    func fastPathMatchesLibxml(_ shard: Int) {
        var rng = SplitMix64(seed: UInt64(shard) &* 0x9E37_79B9 &+ 11)
        var accepted = 0
        let runs = 1_500
        for run in 0..<runs {
            let html = Self.randomMarkup(&rng, inSubset: run.isMultiple(of: 2))
            guard HTMLFastText.render(html) != nil else { continue }
            accepted += 1
            let fast = HTMLText.render(html)
            let slow = HTMLText.renderWithLibxml(html)
            #expect(fast == slow, "\(html.debugDescription)\nfast: \(fast.debugDescription)\nlibxml2: \(slow.debugDescription)")
            if fast != slow { break }
        }
        #expect(accepted * 10 >= runs, "the fast path accepted only \(accepted) of \(runs) inputs")
    }

    /// Each piece and tag alone, and inside a paragraph and a list item.
    @Test func everyPieceAloneMatchesLibxml() {
        for piece in Self.pieces + Self.openTags + Self.closeTags {
            for html in [piece, "<p>a\(piece)b</p>", "<ul><li>\(piece)</li></ul>", "x \(piece) y", "\(piece)\(piece)"] {
                guard HTMLFastText.render(html) != nil else { continue }
                #expect(HTMLText.render(html) == HTMLText.renderWithLibxml(html), "\(html.debugDescription)")
            }
        }
    }

    /// The HTML descriptions of the demo generator go through the fast path, with libxml2's result.
    @Test func demoDescriptionsTakeTheFastPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("html-fast-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try DemoDataset.writeBenchFile(postings: 300, to: url, seed: 7)
        var html = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            guard case .record(_, let record) = JSONRecordReader.recordLine(Array(line.utf8), number: 1),
                  let description = record["description"]?.stringValue, description.contains("<p>") else { continue }
            html += 1
            #expect(HTMLFastText.render(description) != nil, "refused: \(description.prefix(200))")
            #expect(HTMLText.render(description) == HTMLText.renderWithLibxml(description))
        }
        #expect(html > 50)
    }

    @Test func typicalMarkup() {
        let html = "<p>We are <strong>hiring</strong> &amp; growing.</p><ul><li>Python&nbsp;3</li><li>SQL <br>and R</li></ul>"
        #expect(HTMLFastText.render(html) != nil)
        #expect(HTMLText.render(html) == "We are hiring & growing.\n\n- Python\u{A0}3\n- SQL \nand R\n\n")
        #expect(HTMLText.render(html) == HTMLText.renderWithLibxml(html))
    }

    @Test func markupThatLibxmlRestructuresIsRefused() {
        for html in ["<p>a<p>b", "<ul><li>a<li>b</ul>", "<p>a<div>b</div></p>", "<b>a<p>b</p></b>", "<ol><ul></ul></ol>",
                     "<p>a</b>", "a</p>", "<table><tr><td>x</td></tr></table>", "<!-- c -->x", "a\u{C}b", "&eacute"] {
            #expect(HTMLFastText.render(html) == nil, "\(html.debugDescription)")
        }
    }
}
