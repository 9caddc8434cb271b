import Core
import Foundation
import Testing

@testable import CentralTUI

@Suite struct ConsoleModelTests {
    private func line(_ grid: GridTerminal, containing marker: String) -> String? {
        grid.lines.first { $0.contains(marker) }
    }

    @Test func helpOverlayListsEveryBindingAndAnyKeyClosesIt() {
        var model = Fixture.model(width: 80, height: 24)
        #expect(model.handle(key: .character("?")) == .none)
        let text = Fixture.render(model).text
        #expect(text.contains("Keybindings"))
        for binding in KeyBindings.all { #expect(text.contains(binding.title), "help lacks \(binding.title)") }
        #expect(text.contains("Quit"))
        #expect(text.contains("Shift-Tab"))
        #expect(text.contains("Press any key to close"))
        #expect(model.handle(key: .character("q")) == .none, "q closes help instead of quitting")
        #expect(!Fixture.render(model).text.contains("Keybindings"))
        #expect(model.handle(key: .character("q")) == .quit)
    }

    @Test func helpFitsAtTheMinimumSize() {
        var model = Fixture.model(width: 60, height: 16)
        _ = model.handle(key: .function(1))
        let grid = Fixture.render(model)
        #expect(grid.text.contains("Keybindings"))
        #expect(grid.text.contains("Quit"))
        for line in grid.lines { #expect(DisplayWidth.of(line) <= 60) }
    }

    @Test func tabMovesFocusToTheNextPanelAndShiftTabBack() {
        var model = Fixture.model(width: 80, height: 24)
        #expect(line(Fixture.render(model), containing: "▶")?.contains("ACTIVE SCRAPERS") == true)
        _ = model.handle(key: .tab)
        let after = Fixture.render(model)
        #expect(line(after, containing: "▶")?.contains("RECENT SCRAPE ACTIVITY") == true)
        #expect(after.lines.filter { $0.contains("▶") }.count == 1)
        _ = model.handle(key: .backTab)
        _ = model.handle(key: .backTab)
        #expect(model.state.focus == .platforms, "focus wraps")
        #expect(line(Fixture.render(model), containing: "▶")?.contains("JOBS BY PLATFORM") == true)
    }

    @Test func jMovesSelectionAndARefreshWithReorderedRowsKeepsTheSelectedID() {
        var model = Fixture.model(width: 80, height: 24)
        _ = model.handle(key: .tab)  // activity
        #expect(line(Fixture.render(model), containing: "▸")?.contains("10:35:42") == true)
        _ = model.handle(key: .character("j"))
        _ = model.handle(key: .down)
        #expect(model.state.selectedIDs[.activity] == "103")
        #expect(line(Fixture.render(model), containing: "▸")?.contains("React Developer") == true)

        var reordered = Fixture.snapshot
        reordered.activity.reverse()
        reordered.activity.insert(
            ScrapeActivityRow(
                id: 109, startedAt: Fixture.now, scraper: "Scraper-A", role: "New Role", jobsFound: 1,
                durationSeconds: 1, status: .inProgress), at: 0)
        model.apply(snapshot: reordered)
        #expect(model.state.selectedIDs[.activity] == "103")
        #expect(model.state.selectedIndex(in: .activity) == 6)
        let grid = Fixture.render(model)
        #expect(line(grid, containing: "▸")?.contains("React Developer") == true, "selection scrolled into view")
    }

    @Test func untouchedListsStayAtTheTopWhenRowsMove() {
        var model = Fixture.model(width: 80, height: 24)
        var reordered = Fixture.snapshot
        reordered.activity.reverse()
        model.apply(snapshot: reordered)
        _ = model.handle(key: .tab)
        #expect(model.state.selectedIndex(in: .activity) == 0)
        #expect(line(Fixture.render(model), containing: "▸")?.contains("09:50:09") == true)
    }

    @Test func selectionScrollsAndStopsAtTheEnds() {
        var model = Fixture.model(width: 80, height: 24)
        _ = model.handle(key: .tab)
        for _ in 0..<5 { _ = model.handle(key: .character("j")) }
        let grid = Fixture.render(model)
        #expect(line(grid, containing: "▸")?.contains("Site Reliability") == true)
        #expect(line(grid, containing: "RECENT SCRAPE ACTIVITY")?.contains("5-6/8") == true)
        for _ in 0..<20 { _ = model.handle(key: .character("j")) }
        #expect(model.state.selectedIDs[.activity] == "108")
        _ = model.handle(key: .character("g"))
        #expect(model.state.selectedIDs[.activity] == "101")
        _ = model.handle(key: .character("k"))
        #expect(model.state.selectedIDs[.activity] == "101")
        _ = model.handle(key: .end)
        #expect(model.state.selectedIDs[.activity] == "108")
    }

    @Test func removedSelectedRowFallsBackToTheSameIndex() {
        var model = Fixture.model(width: 120, height: 40)
        _ = model.handle(key: .tab)
        _ = model.handle(key: .character("j"))
        var changed = Fixture.snapshot
        changed.activity.remove(at: 1)
        model.apply(snapshot: changed)
        #expect(model.state.selectedIDs[.activity] == "103")
    }

    @Test func refreshKeyAsksForALoadAndResizeRelayouts() {
        var model = Fixture.model(width: 120, height: 40)
        #expect(model.handle(key: .character("r")) == .refresh)
        #expect(model.handle(key: .character("\u{03}")) == .quit)
        #expect(model.handle(key: .character("x")) == .none)
        model.resize(to: TerminalSize(width: 50, height: 10))
        #expect(Fixture.render(model).text.contains("have 50×10"))
        model.resize(to: TerminalSize(width: 80, height: 24))
        #expect(Fixture.render(model).text.contains("ACTIVE SCRAPERS"))
    }

    @Test func registryHasNoDuplicateKeysAndFeedsTheFooter() {
        let keys = KeyBindings.all.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        #expect(Set(KeyBindings.all.map(\.id)).count == KeyBindings.all.count)
        let footer = Fixture.render(Fixture.model(width: 120, height: 40)).lines[39]
        for binding in KeyBindings.all where binding.showsInFooter {
            #expect(footer.contains(binding.title), "footer lacks \(binding.title)")
        }
    }
}
