import Foundation
import Testing
@testable import BrowserModel
@testable import TerminalUI
import LagoAPI

/// Scripted terminal sessions: the real BrowserModel over the in-memory data source, drawn on
/// the cell buffer, driven by keys, waiting for idle (never sleeping).
@MainActor
@Suite struct BrowserSessionTests {
    /// The crumbs row without the dashboard's tabs, which sit at its right from 120 columns.
    @MainActor static func crumbs(_ driver: TerminalTestDriver) -> String {
        let row = driver.lines[1].trimmingCharacters(in: .whitespaces)
        let tabs = "customers │ analytics"
        return row.hasSuffix(tabs) && row.count > tabs.count ? String(row.dropLast(tabs.count)).trimmingCharacters(in: .whitespaces) : row
    }

    func assertNoControls(_ driver: TerminalTestDriver) {
        for g in driver.screen.allGraphemes {
            #expect(!g.unicodeScalars.contains { TextSanitizer.isHazard($0) }, "control in buffer\n\(driver.screen.dump())")
        }
    }

    @Test func dashboardShowsEveryPaneAndFollowsTheCursor() async {
        let (d, _, _) = await ModelFixtures.driver()
        #expect(Self.crumbs(d) == "customers")
        await d.expectLine("Acme")
        await d.expectLine("株式会社テスト")
        await d.expectLine("Café 😀 Ltd")
        await d.expectLine("شركة الاختبار")
        await d.expectLine("INV-0042")
        await d.expectLine("Prepaid")
        await d.expectLine(" TEST ")
        assertNoControls(d)
        await d.press("j")
        await d.expectLine("JP-0001")
        await d.expectNoLine("INV-0042")
    }

    @Test func hostileNameNeverReachesTheBufferAsControls() async {
        let (d, _, _) = await ModelFixtures.driver()
        await d.expectLine("Evil")
        assertNoControls(d)
        await d.press("j", "j", "j", "j")
        await d.press("enter")
        assertNoControls(d)
        await d.press("esc", "y")
        assertNoControls(d)
    }

    @Test func drillDownAndBackWithBreadcrumbs() async {
        let (d, _, _) = await ModelFixtures.driver()
        await d.press("enter")
        await d.expectLine("customers › Acme › subscriptions")
        await d.press("tab")
        await d.expectLine("customers › Acme › invoices")
        await d.press("enter")
        await d.expectLine("customers › Acme › invoices › INV-0042")
        await d.press("esc", "esc")
        #expect(Self.crumbs(d) == "customers")
    }

    @Test func filterNarrowsTheList() async {
        let (d, _, _) = await ModelFixtures.driver()
        await d.press("/")
        await d.type("glo")
        await d.expectLine("/glo")
        await d.press("enter")
        await d.expectLine("Globex")
        await d.expectNoLine("Café 😀 Ltd")
        await d.expectLine("/glo")
    }

    @Test func finalizeDraftAsksWithCancelFocusedThenRuns() async {
        let (d, ds, _) = await ModelFixtures.driver()
        await d.press("tab", "tab")
        await d.press("F")
        await d.expectDialog("Finalize invoice", containing: "INV-0042")
        #expect(d.screen.style(of: "[ Cancel ]")?.role == .dialogButtonFocused)
        await d.press("enter")   // Cancel is focused: nothing happens
        await d.expectNoDialog()
        #expect(await ds.count("perform finalize") == 0)
        await d.press("F")
        await d.press("tab", "enter")
        #expect(await ds.count("perform finalize") == 1)
        await d.expectNoDialog()
    }

    @Test func helpOverlayComesFromTheRegistry() async {
        let (d, _, _) = await ModelFixtures.driver(rows: 24, columns: 80)
        await d.press("tab", "tab", "?")
        await d.expectLine("Help — Esc closes")
        await d.expectLine("finalize")
        await d.press("esc")
        await d.expectNoLine("Help — Esc closes")
    }

    @Test func resizeRelayoutsAtOnce() async {
        let (d, _, _) = await ModelFixtures.driver()
        await d.expectLine("wallets")
        await d.resize(rows: 24, columns: 80)
        await d.expectLine("subscriptions │")
        await d.resize(rows: 6, columns: 20)
        #expect(d.lines.count == 6)
        assertNoControls(d)
        await d.resize(rows: 5, columns: 19)
        await d.expectLine("Terminal too")
        await d.resize(rows: 60, columns: 200)
        await d.expectLine("Prepaid")
        await d.expectLine("INV-0042")
    }

    @Test func copyIdGoesToTheClipboardAndQuitEnds() async {
        let (d, _, _) = await ModelFixtures.driver()
        await d.press("tab", "tab", "enter")   // the draft invoice's detail view
        await d.press("c")
        await d.expectLine("Copied")
        #expect(d.clipboard == ["inv_draft"])
        await d.press("q")
        #expect(d.quitStatus == 0)
    }

    @Test func liveReadOnlyProfileShowsBadgesAndHidesDangerousActions() async {
        let (d, _, _) = await ModelFixtures.driver(rows: 30, columns: 120, environment: .live, readOnly: true)
        #expect(d.lines[0].hasPrefix(" LIVE   READ-ONLY "))
        await d.press("tab", "tab", "F")
        await d.expectNoDialog()
    }

    @Test func bracketedPasteTypesIntoThePrompt() async {
        let (d, _, _) = await ModelFixtures.driver()
        await d.press(":")
        await d.feed("\u{1B}[200~inv\u{1B}[201~")
        await d.expectLine(":inv")
        await d.press("esc")
        await d.feed("\u{1B}[200~qqq\u{1B}[201~")   // a paste outside a prompt is ignored, not three quits
        #expect(d.quitStatus == nil)
    }

    @Test func framesFollowTheThemeGlyphs() async {
        let (model, ds) = await ModelFixtures.browser()
        let d = TerminalTestDriver(app: BrowserView(model: model, openURL: { _ in }), rows: 24, columns: 80, idle: { await model.idle() }, apiCalls: { await ds.calls })
        d.frameGlyphs = .heavy
        await d.start()
        await d.expectLine("┏ customers [6]")
    }
}
