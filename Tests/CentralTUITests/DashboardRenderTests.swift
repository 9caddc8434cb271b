import Core
import Foundation
import Testing

@testable import CentralTUI

@Suite struct DashboardRenderTests {
    static let sizes = [(80, 24), (120, 40), (60, 20)]

    @Test(arguments: sizes)
    func showsEveryPanelTitleWithinTheWidth(width: Int, height: Int) {
        let grid = Fixture.render(Fixture.model(width: width, height: height))
        let text = grid.text
        for panel in DashboardPanel.allCases {
            #expect(text.contains(panel.title), "\(panel.title) at \(width)×\(height)")
        }
        #expect(grid.lines.count == height)
        for line in grid.lines { #expect(DisplayWidth.of(line) <= width, "too wide: \(line)") }
        #expect(grid.lines[0].hasPrefix("CentralD"))
        #expect(grid.lines[0].hasSuffix("snapshot 2024-12-09 10:36:00"))
        #expect(text.contains("Scraper-A"))
        #expect(text.contains("5m 42s"))
        #expect(text.contains("98.5%"))
        #expect(text.contains("2,340"))
        #expect(text.contains("2 min ago"))
        #expect(grid.lines[height - 1].contains("q Quit"))
        #expect(grid.lines[height - 1].contains("? Help"))
    }

    @Test func wideTerminalShowsEveryActivityStatusInWords() {
        let text = Fixture.render(Fixture.model(width: 120, height: 40)).text
        for word in ["✓ Completed", "✓ Late", "○ No jobs", "! Timeout", "✗ Failed", "↻ Running"] {
            #expect(text.contains(word), "missing \(word)")
        }
        #expect(text.contains("indeed-2024-12-09.json"))
        #expect(text.contains("Duplicates"))
        #expect(text.contains("1,523"))
        #expect(text.contains("● Active"))
        #expect(text.contains("○ Idle"))
        #expect(text.contains("1 hour ago"))
        #expect(text.contains("12-08 11:00"), "batch from another day shows its date")
        // 120 columns: batches and platforms share a band.
        let line = Fixture.render(Fixture.model(width: 120, height: 40)).lines.first { $0.contains("IMPORT BATCHES") }
        #expect(line?.contains("JOBS BY PLATFORM") == true)
    }

    @Test func batchRowAccountsForEveryPostingRead() {
        // 32 read = 28 imported + 4 updated: without the Updated column the row would not add up.
        let lines = Fixture.render(Fixture.model(width: 120, height: 40)).lines
        let header = lines.first { $0.contains("Imported") }?.split(separator: "│").first ?? ""
        #expect(header.split(separator: " ").suffix(5) == ["Read", "Imported", "Upd", "Duplicates", "Rejected"], "\(header)")
        let dice = lines.first { $0.contains("dice-2024-12-09.csv") } ?? ""
        let batchPart = dice.split(separator: "│").first ?? ""
        let numbers = batchPart.split(separator: " ").compactMap { Int($0) }
        #expect(Array(numbers.prefix(5)) == [32, 28, 4, 0, 0], "row: \(dice)")
    }

    @Test func smallTerminalGivesEachPanelAShareAndMarksOverflow() {
        let grid = Fixture.render(Fixture.model(width: 80, height: 24))
        let activityTitle = grid.lines.first { $0.contains("RECENT SCRAPE ACTIVITY") }
        #expect(activityTitle?.contains("1-2/8") == true, "title shows which rows are visible: \(activityTitle ?? "")")
        #expect(grid.text.contains("10:35:42"))
    }

    @Test func timesAreNeverTruncated() {
        var snapshot = Fixture.snapshot
        snapshot.batches.reverse()
        var model = ConsoleModel(size: TerminalSize(width: 60, height: 20))
        model.apply(snapshot: snapshot)
        #expect(Fixture.render(model).text.contains("12-08 11:00 monster"))
    }

    @Test func panelsThatDoNotFitAreElidedWithANote() {
        let grid = Fixture.render(Fixture.model(width: 60, height: 16))
        let text = grid.text
        #expect(text.contains("ACTIVE SCRAPERS"))
        #expect(!grid.lines.contains { $0.hasPrefix("─ JOBS BY PLATFORM") })
        #expect(text.contains("1 panel hidden (JOBS BY PLATFORM): need 19 rows"))
        let layout = DashboardLayout.compute(size: TerminalSize(width: 60, height: 16)) { _ in 8 }
        var used = Set<Int>()
        for slot in layout.slots {
            for row in slot.top..<(slot.top + slot.height) { #expect(used.insert(row).inserted, "rows overlap") }
        }
        #expect(used.max()! < 16 - 2)
    }

    @Test func tooSmallTerminalSaysWhatSizeIsNeeded() {
        let grid = Fixture.render(Fixture.model(width: 40, height: 10))
        let joined = grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
        #expect(joined.contains("Terminal too small: need 60×16, have 40×10"))
        for line in grid.lines { #expect(DisplayWidth.of(line) <= 40) }
        let bigger = Fixture.render(Fixture.model(width: 59, height: 30)).text
        #expect(bigger.contains("Terminal too small: need 60×16, have 59×30"))
    }

    @Test func monochromeUsesNoColourPairsButStillMarksFocusAndSelection() {
        let model = Fixture.model(width: 80, height: 24)
        let mono = Fixture.render(model, monochrome: true)
        #expect(mono.stylesUsed.allSatisfy { !$0.hasColor })
        #expect(mono.stylesUsed.contains { $0.attributes.contains(.reverse) })
        #expect(mono.text.contains("▶ ACTIVE SCRAPERS"))
        #expect(mono.text.contains("▸"))
        let color = Fixture.render(model, monochrome: false)
        #expect(color.stylesUsed.contains { $0.hasColor })
        #expect(color.text == mono.text, "colour never carries meaning text lacks")
    }

    @Test func noColorEnvironmentTurnsOnMonochrome() {
        #expect(ConsoleOptions.isNoColorRequested(["NO_COLOR": "1"]))
        #expect(!ConsoleOptions.isNoColorRequested(["NO_COLOR": ""]))
        #expect(!ConsoleOptions.isNoColorRequested([:]))
    }

    @Test func asciiGlyphsWhenTheCodesetIsNotUTF8() {
        let grid = Fixture.render(Fixture.model(width: 120, height: 40), glyphs: .ascii)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(grid.text.contains("> ACTIVE SCRAPERS"))
        #expect(grid.text.contains("! Timeout"))
        #expect(grid.text.contains("x Failed"))
        #expect(Fixture.render(Fixture.model(width: 40, height: 10), glyphs: .ascii).text.contains("60x16"))
    }

    @Test func wideCharactersAreMeasuredByDisplayWidth() {
        var snapshot = Fixture.snapshot
        snapshot.scrapers[0].currentRole = "東京オフィス・シニアソフトウェアエンジニア・バックエンド担当"
        snapshot.scrapers[1].name = "Zürich-Scraper-With-A-Long-Name"
        var model = ConsoleModel(size: TerminalSize(width: 80, height: 24))
        model.apply(snapshot: snapshot)
        let grid = Fixture.render(model)
        for line in grid.lines { #expect(DisplayWidth.of(line) <= 80, "too wide: \(line)") }
        #expect(grid.text.contains("東京"))
        #expect(grid.text.contains("…"))
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.truncate("東京オフィス", to: 5, ellipsis: "…") == "東京…")
    }

    @Test func emptyAndLoadingStates() {
        let loading = Fixture.render(ConsoleModel(size: TerminalSize(width: 80, height: 24))).text
        #expect(loading.contains("no data yet"))
        #expect(loading.contains("Loading…"))
        var model = ConsoleModel(size: TerminalSize(width: 80, height: 24))
        model.apply(snapshot: DashboardSnapshot(takenAt: Fixture.now))
        #expect(Fixture.render(model).text.contains("(none)"))
    }

    @Test func batchTextRendersWithoutFocusMarkers() {
        let text = renderDashboardText(
            Fixture.snapshot, loadError: nil, width: 80, height: 24, now: Fixture.now, glyphs: .unicode,
            timeZone: Fixture.utc)
        #expect(text.contains("ACTIVE SCRAPERS"))
        #expect(!text.contains("▶"))
        #expect(!text.contains("▸"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 24)
        let plain = renderDashboardText(Fixture.snapshot, width: 100, height: 30, now: Fixture.now)
        #expect(plain.contains("SCRAPER PERFORMANCE (LAST 24H)"))
    }

    @Test func loadErrorShowsInStatusLineAndKeepsLastGoodData() {
        let text = renderDashboardText(
            Fixture.snapshot, loadError: "connection refused", width: 80, height: 24, now: Fixture.now,
            glyphs: .unicode, timeZone: Fixture.utc)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[22].contains("Load failed: connection refused"))
        #expect(lines[22].contains("showing data from 10:36:00"))
        #expect(text.contains("Scraper-A"))

        var model = Fixture.model(width: 80, height: 24)
        model.apply(loadError: "database down")
        let grid = Fixture.render(model)
        #expect(grid.lines[22].contains("✗ Load failed: database down"))
        #expect(grid.text.contains("98.5%"))
        model.apply(snapshot: Fixture.snapshot)
        #expect(!Fixture.render(model).text.contains("Load failed"))
    }
}
