import Foundation
import Testing

@testable import Core

/// Cleaning of real description shapes: JobSpy Markdown with `\.` escapes, HTML, Glassdoor mojibake.
struct TextCleanerTests {
    @Test func htmlBecomesTextWithLinesAndBullets() {
        let html = "<div><h2>About the role</h2><p>We&rsquo;re hiring a <b>Senior Swift Engineer</b> &amp; mentor.</p>"
            + "<ul><li>Build iOS apps</li><li>Write tests</li></ul><script>var x = 1;</script><style>p{}</style>"
            + "<p>Salary: $120k&nbsp;&ndash;&nbsp;$150k<br>Apply now</p></div>"
        let expected = "About the role\n\nWe’re hiring a Senior Swift Engineer & mentor.\n\n- Build iOS apps\n- Write tests"
            + "\n\nSalary: $120k – $150k\nApply now"
        #expect(TextCleaner.plainText(fromHTML: html) == expected)
        #expect(TextCleaner.clean(html) == expected)
        #expect(TextCleaner.detectFormat(html) == .html)
    }

    @Test func brokenHTMLIsRecovered() {
        #expect(TextCleaner.plainText(fromHTML: "<p>unclosed <b>bold <li>item") == "unclosed bold\n- item")
        #expect(TextCleaner.clean("Salary &amp; benefits") == "Salary & benefits")
    }

    @Test func jobSpyMarkdownEscapesAndBold() {
        let markdown = "**Do you love making people happy, mixing cocktails, and creating regulars?**\n\n\n"
            + "**Boqueria® Restaurant**  \n\n171 Spring St, New York, NY 10012\n\n\n\n"
            + "* Pay: $18\\.91 \\- $28\\.45 Hourly\n* Tips\n\n## Benefits\n1\\. Health"
        let expected = "Do you love making people happy, mixing cocktails, and creating regulars?\n\nBoqueria® Restaurant\n\n"
            + "171 Spring St, New York, NY 10012\n\n- Pay: $18.91 - $28.45 Hourly\n- Tips\n\nBenefits\n\n1. Health"
        #expect(TextCleaner.detectFormat(markdown) == .markdown)
        #expect(TextCleaner.clean(markdown) == expected)
        #expect(TextCleaner.clean("$18\\.91 \\- $28\\.45 Hourly") == "$18.91 - $28.45 Hourly")
    }

    @Test func mojibakeIsRepaired() {
        #expect(TextCleaner.clean("Â Develop SQL and Python queries") == "Develop SQL and Python queries")
        #expect(TextCleaner.clean("itâ€™s a CafÃ© â€“ â€œquotedâ€\u{9D}") == "it’s a Café – “quoted”")
        #expect(TextCleaner.clean("Zürich and São Paulo stay as they are") == "Zürich and São Paulo stay as they are")
    }

    @Test func plainTextIsNormalized() {
        #expect(TextCleaner.detectFormat("Plain text, 3 < 4 and a*b") == .plain)
        #expect(TextCleaner.clean("Plain   text\r\n\r\n\r\n\r\nwith\u{0}controls\t and  spaces\u{200B}")
            == "Plain text\n\nwithcontrols and spaces")
        #expect(TextCleaner.clean("") == "")
        #expect(TextCleaner.clean(" \n\t ") == "")
    }

    @Test func neverCrashesOnJunk() {
        var generator = SplitMix64(seed: 42)
        for round in 0..<300 {
            let length = Int(generator.next() % 600)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 3 == 0 { bytes += Array("<div><p>&amp;<li>**x**\\.".utf8) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = TextCleaner.clean(text)
            _ = TextCleaner.plainText(fromHTML: text)
            _ = TextCleaner.plainText(fromMarkdown: text)
            _ = LocationParser.parse(text)
            _ = SkillExtractor.shared.extract(from: text)
            _ = SkillExtractor.shared.canonicalize([text])
            _ = KeywordExtractor.keywords(title: text, description: text, skills: [])
            _ = WorkModeDetector.detect(texts: [("description", text)], flags: [])
        }
        let deep = String(repeating: "<div>", count: 5000) + "x" + String(repeating: "</div>", count: 5000)
        #expect(TextCleaner.clean(deep).contains("x"))
        _ = TextCleaner.clean(String(repeating: "> ", count: 3000) + "quote")
        _ = TextCleaner.clean(String(repeating: "Ã", count: 1000) + "â€")
    }
}

/// Deterministic random numbers for the junk test.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Descriptions are cleaned on every core at once; cmark-gfm keeps a global table that parsing changes.
struct MarkdownConcurrencyTests {
    @Test func theSameMarkdownGivesTheSameTextOnEveryThread() {
        // Adzuna masks figures as "****" (Markdown emphasis to cmark); JobSpy text has ~~strikethrough~~ and links.
        let texts = [
            "Apply at www.caterer.com/JobSeeking/ChefDePartie****RedStar****AARosetteHotel_job\n\n**Salary** up to ****",
            "## Role\n\n* Build ~~old~~ new pipelines\n* See https://example.com/jobs and [apply](https://example.com)\n",
            "| Skill | Years |\n|---|---|\n| Swift | 5 |\n\n\\- escaped \\* markers",
        ]
        let expected = texts.map { MarkdownText.render($0) }
        let rounds = 5_000
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var differing = 0
        }
        let count = Count()
        DispatchQueue.concurrentPerform(iterations: rounds * texts.count) { i in
            guard MarkdownText.render(texts[i % texts.count]) != expected[i % texts.count] else { return }
            count.lock.lock()
            count.differing += 1
            count.lock.unlock()
        }
        #expect(count.differing == 0, "renders that differ from the same text rendered alone")
        // The URL is an autolink, kept whole; a render racing another took its asterisks for emphasis.
        #expect(expected[0].contains("www.caterer.com/JobSeeking/ChefDePartie****RedStar****AARosetteHotel_job"))
    }
}
