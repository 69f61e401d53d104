import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import BrowserModel

/// Issue 15 in the browser, against the sandbox: `W` explains a subscription's usage, `e`
/// lists its events (filtered by code, followed with `f`), and an event opens onto its metric
/// and the charge it counts toward.
@MainActor
@Suite(.serialized) struct SupportFlowTests {
    func client(_ live: SandboxFlowTests.Live) throws -> LagoClient {
        try LagoClient(configuration: LagoClientConfiguration(baseURL: try #require(live.server.baseURL), apiKey: "lago-sandbox-key"), transport: CurlTransport())
    }

    /// Lists the active subscription of the showcase customer named `name` (one row, selected).
    func openSubscriptions(of name: String, _ live: SandboxFlowTests.Live) async throws -> String {
        let client = try self.client(live)
        let customer = try #require(try await client.allRecords(.customers, as: Customer.self).allItems().first { $0.name == name })
        let sub = try #require(try await client.allRecords(.subscriptions, filters: [("status", ["active"]), ("external_customer_id", [customer.externalId])],
                                                           as: Subscription.self).allItems().first)
        await live.command("sub external_id=\(sub.externalId) status=active")
        #expect(live.rows.count == 1)
        return sub.externalId
    }

    func text(_ pane: PaneSnapshot) -> [String] {
        if case let .text(t) = pane.content { return t.lines.map { $0.text + ($0.trailing.map { " " + $0 } ?? "") } }
        return []
    }

    @Test func whyListsTheSeededKindsAndEventsOpenOntoTheirCharge() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        let kestrel = try await openSubscriptions(of: "Kestrel Robotics Ltd", live)
        await live.press("W")
        #expect(live.model.snapshot().breadcrumbs.suffix(2) == [kestrel, "why?"])
        let why = text(live.focused).joined(separator: "\n")
        for kind in ["outside_period", "other_subscription", "unmatched_filter"] { #expect(why.contains("● " + kind), "\(why)") }
        #expect(!why.contains("unknown_code"))
        #expect(live.focused.countText == "3")

        await live.press("esc")
        await live.press("e")
        #expect(live.model.snapshot().breadcrumbs.suffix(2) == [kestrel, "events"])
        guard case let .table(table) = live.focused.content else { Issue.record("no table"); return }
        #expect(table.columns.prefix(3).map(\.title) == ["TIMESTAMP", "CODE", "TRANSACTION ID"])
        #expect(table.columns.contains { $0.title == "REGION" }, "properties are columns: \(table.columns.map(\.title))")
        let stamps = table.rows.map { $0.cells[0] }
        #expect(stamps == stamps.sorted(by: >), "newest first")

        // Filter by code on the server.
        await live.press("/")
        await live.model.type("compute_hours")
        await live.press("enter")
        #expect(!live.rows.isEmpty && live.rows.allSatisfy { $0.cells[1] == "compute_hours" })
        #expect(live.focused.filter == "code=compute_hours")

        // An in-arrears event: no fee, the current usage charge it counts toward instead.
        await live.press("enter")
        let event = text(live.focused).joined(separator: "\n")
        #expect(event.contains("Billable metric") && event.contains("sum_agg of hours"), "\(event)")
        #expect(event.contains("Counts toward (current usage)") && event.contains("Lago links no fee"), "\(event)")

        // `:events SUB code=…` opens the same view, filtered.
        await live.command("events \(kestrel) code=api_calls")
        #expect(live.focused.title == "events" && live.focused.filter == "code=api_calls")
        #expect(!live.rows.isEmpty && live.rows.allSatisfy { $0.cells[1] == "api_calls" })
    }

    @Test func eventCommandExplainsAnUnknownCode() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        let lumiere = try await openSubscriptions(of: "Brasserie Lumière SAS", live)
        await live.press("W")
        guard case let .text(t) = live.focused.content else { Issue.record("no text"); return }
        let example = try #require(t.lines.first { $0.text.hasPrefix("e.g. ") }?.text.dropFirst(5).split(separator: ",").first)
        await live.command("event \(example)")
        let lines = text(live.focused).joined(separator: "\n")
        #expect(lines.contains("storage_gbs") && lines.contains("No billable metric has code storage_gbs"), "\(lines) on \(lumiere)")
    }

    @Test func followingPutsNewEventsOnTopAndStopsWhenHidden() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        let northwind = try await openSubscriptions(of: "Northwind Analytics Inc.", live)
        await live.press("e")
        let before = live.rows.count
        #expect(before > 0)
        await live.press("f")
        #expect(live.focused.summary.contains { $0.text.hasPrefix("Following · ") })
        let client = try self.client(live)
        let stamp = LagoTimestamp.format(live.clock.now.addingTimeInterval(60))
        for n in 0..<3 {
            _ = try await client.send(.post, "/events", body: Data("""
                {"event":{"transaction_id":"follow_\(n)","code":"api_calls","external_subscription_id":"\(northwind)","timestamp":"\(stamp)"}}
                """.utf8))
        }
        live.clock.advance(by: .seconds(2))
        await live.model.idle()
        #expect(live.rows.prefix(3).map { $0.cells[2] }.sorted() == ["follow_0", "follow_1", "follow_2"], "\(live.rows.prefix(4).map(\.cells))")
        #expect(live.focused.summary.contains { $0.text.contains("events/min") && $0.text.contains("last seen 0s ago") })
        // Hidden (another screen on top), it stops polling.
        let pane = try #require(live.model.top?.focused as? EventsPane)
        let polls = pane.poller.polls
        await live.press("esc")
        live.clock.advance(by: .seconds(10))
        await live.model.idle()
        #expect(pane.poller.polls == polls)
    }

    @Test func usageHistoryChartsPeriodsAndLifetimeAndSwitchesToUnits() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        let northwind = try await openSubscriptions(of: "Northwind Analytics Inc.", live)
        await live.press("H")
        #expect(live.model.snapshot().breadcrumbs.suffix(2) == [northwind, "usage history"])
        guard case let .chart(chart) = live.focused.content else { Issue.record("no chart: \(live.focused.content)"); return }
        #expect(chart.chartTitle == "amount per period")
        #expect(chart.bars.count >= 2, "\(chart.bars)")
        #expect(chart.bars.last?.label == "now" && chart.bars.last?.kind == .highlight)
        #expect(chart.bars.dropLast().allSatisfy { $0.kind == .normal && $0.valueLabel.hasPrefix("$") })
        // Growth has a progressive-billing threshold: lifetime usage is a meter towards it.
        let meter = try #require(chart.meters.first)
        #expect(meter.title.hasPrefix("Lifetime usage") && meter.target > 0)
        await live.press("m")
        guard case let .chart(units) = live.focused.content else { Issue.record("no chart"); return }
        #expect(units.chartTitle.hasSuffix("units per period") && units.chartTitle != chart.chartTitle)
        #expect(units.bars.count == chart.bars.count)
    }
}
