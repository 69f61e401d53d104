import Foundation
import Testing
@testable import BrowserModel
import LagoAPI

@MainActor
@Suite struct UsageTests {
    static func usagePane(_ h: Harness) -> PaneSnapshot? { h.pane("dashboard.usage") }

    @Test func pollsOnlyWhileVisibleEveryIntervalAndShowsDeltas() async {
        let h = await Harness.standard()
        await h.ds.scriptUsage("sub_1", [.success(Fixture.usage(units: "4.0", amount: 500)), .success(Fixture.usage(units: "6.0", amount: 800))])
        await h.start()
        // Harness.standard queued one answer for sub_1 already: first poll returns it.
        #expect(await h.ds.count("usage sub_1") == 1)
        let first = UsageTests.usagePane(h)
        #expect(first?.summary.map(\.text).contains("Period 2026-11-01 00:00 → 2026-11-30 23:59 UTC") == true)
        #expect(first?.summary.map(\.text).contains("Usage so far $5.00") == true)
        #expect(first?.summary.last?.text.hasPrefix("Refreshing every 5s · updated") == true)
        h.clock.advance(by: .seconds(4))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 1)
        h.clock.advance(by: .seconds(1))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 2)
        h.clock.advance(by: .seconds(5))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 3)
        let rows = h.table(UsageTests.usagePane(h)!)?.rows ?? []
        #expect(rows.first?.cells == ["▸ API calls", "6", "+2", "$8.00", "+$3.00"])
        #expect(rows.first?.changedColumns == [1, 2, 3, 4])
        #expect(rows.last?.cells == ["  Storage", "2", "", "$0.00", ""])

        // Hidden behind another screen: no polling.
        await h.command("inv")
        h.clock.advance(by: .seconds(60))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 3)
        // Visible again: polls at once, then on the interval.
        await h.press("esc")
        #expect(await h.ds.count("usage sub_1") == 4)
        // Terminal hidden (suspended or unfocused): no polling either.
        h.model.handle(.terminalVisible(false))
        h.clock.advance(by: .seconds(30))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 4)
    }

    @Test(.timeLimit(.minutes(1))) func switchingSubscriptionsMidPollStartsAFreshPoll() async {
        let h = await Harness.standard()
        await h.start()
        await h.ds.hold()
        h.clock.advance(by: .seconds(5))           // a poll starts and hangs
        while await h.ds.count("usage sub_1") < 2 { await Task.yield() }
        h.model.handle(.down)                       // Globex: usage pane cleared
        h.model.handle(.up)                         // back to Acme (its subscriptions reload)
        await h.ds.release()
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 3)  // the hung poll's answer was dropped; a fresh one ran
        #expect(UsageTests.usagePane(h)?.state == .idle)
        #expect(UsageTests.usagePane(h)?.summary.contains { $0.text == "Usage so far $5.00" } == true)
        h.clock.advance(by: .seconds(5))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 4)
    }

    @Test func pauseKeyStopsAndResumesPolling() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("enter", "tab", "tab")
        #expect(h.focusedPane.id.rawValue == "dashboard.usage")
        await h.press("p")
        #expect(h.focusedPane.summary.last?.text == "Paused · p resumes")
        h.clock.advance(by: .seconds(30))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 1)
        await h.press("p")
        #expect(await h.ds.count("usage sub_1") == 2)
    }

    @Test func backsOffAfterErrorsAndRecovers() async {
        let h = await Harness { ds in
            await ds.add(.customers, [Fixture.customer(1, name: "Acme")])
            await ds.add(.subscriptions, [Fixture.subscription("sub_1", customer: "cus_1")])
            await ds.scriptUsage("sub_1", [.failure(.unavailable("HTTP 503")), .failure(.unavailable("HTTP 503")), .success(Fixture.usage())])
        }
        await h.start()
        #expect(await h.ds.count("usage sub_1") == 1)
        #expect(UsageTests.usagePane(h)?.state == .failed("HTTP 503"))
        #expect(UsageTests.usagePane(h)?.summary.last?.text == "Error: HTTP 503 · retrying in 10s")
        h.clock.advance(by: .seconds(9))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 1)
        h.clock.advance(by: .seconds(1))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 2)
        h.clock.advance(by: .seconds(19))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 2)
        h.clock.advance(by: .seconds(1))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 3)
        #expect(UsageTests.usagePane(h)?.state == .idle)
        h.clock.advance(by: .seconds(5))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 4)
    }

    @Test func intervalIsConfigurableWithATwoSecondMinimum() async {
        var c = BrowserConfiguration()
        c.usageRefreshInterval = .seconds(1)
        #expect(c.usageRefreshInterval == .seconds(2))
        c.usageRefreshInterval = .seconds(10)
        #expect(c.usageRefreshInterval == .seconds(10))
        let h = await Harness.standard(configure: { $0.usageRefreshInterval = .seconds(1) })
        await h.start()
        h.clock.advance(by: .seconds(2))
        await h.model.idle()
        #expect(await h.ds.count("usage sub_1") == 2)
    }

    @Test func breakdownByFilterAndProjectedUsage() async {
        let h = await Harness.standard()
        await h.ds.scriptProjected("sub_1", .success(#"{"currency":"USD","amount_cents":500,"projected_amount_cents":2000,"charges_usage":[{"units":"4.0","amount_cents":500,"projected_units":"16","projected_amount_cents":2000,"charge":{"lago_id":"ch1"},"billable_metric":{"code":"api_calls","name":"API calls"},"filters":[],"grouped_usage":[]}]}"#))
        await h.start()
        await h.press("enter", "tab", "tab", "enter")
        let pane = h.focusedPane
        #expect(pane.summary.map(\.text).contains("Projected end of period $20.00"))
        let t = h.table(pane)
        #expect(t?.columns.last?.title == "PROJECTED")
        #expect(t?.rows.map { $0.cells[0] } == ["▾ API calls", "    eu", "    Default price", "  Storage"])
        #expect(t?.rows[0].cells.last == "$20.00")
        #expect(t?.rows[1].cells[3] == "$3.00")
    }

    @Test func onlyActiveSubscriptionsHaveUsage() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("enter", "down")
        #expect(UsageTests.usagePane(h)?.emptyMessage == "Select an active subscription to see its live usage")
        await h.press("enter")
        #expect(h.snapshot.toasts.last?.text == "Only active subscriptions have live usage")
    }

    @Test func groupedUsageLabels() throws {
        let charge = try JSONValue.parse(#"{"grouped_usage":[{"grouped_by":{"region":"eu","tier":"gold"},"units":"2","amount_cents":100,"filters":[]},{"grouped_by":{"region":"us"},"units":"1","amount_cents":50,"filters":[{"units":"1","amount_cents":50,"invoice_display_name":"Fast lane","values":{}}]}]}"#)
        let rows = UsageReport.breakdown(of: charge)
        #expect(rows.map(\.label) == ["eu • gold", "us • Fast lane"])
    }
}
