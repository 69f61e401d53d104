import Foundation
import LagoAPI
import LagoSandbox
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// `:analytics` against the sandbox on the cell buffer: labelled charts with the month's
/// figure and its change, the table form, the window and currency switches, and the calm
/// state of a Lago whose plan lacks the premium series.
@MainActor
@Suite(.serialized) struct AnalyticsSandboxTests {
    /// The browser's figure for the current month of `series` in `currency`, from the sandbox.
    static func currentMonth(_ client: LagoClient, _ series: AnalyticsSeries, currency: String) async throws -> Int64 {
        let json = try JSONValue.parse(try await client.send(.get, series.path, query: series.query(months: 1)).body)
        let key = AnalyticsReport.monthKeys(endingAt: Date(), count: 1)[0]
        return AnalyticsRow.rows(json, series: series).filter { $0.month == key && $0.currency == currency }.reduce(0) { $0 + $1.cents }
    }

    /// The currency the caption puts first ("USD (c: EUR, GBP) · last 12 months …").
    static func currencyInForce(_ line: String) -> String? {
        let pattern = try! NSRegularExpression(pattern: #"([A-Z]{3})( \(c: [^)]*\))? · last"#)
        guard let match = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
              let range = Range(match.range(at: 1), in: line) else { return nil }
        return String(line[range])
    }

    @Test func theDashboardHasAnAnalyticsTabFrom120Columns() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 60, columns: 200)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.expectLine("customers [")
        // The crumbs row: where you are on the left, the dashboard's tabs on the right.
        let crumbs = d.lines[1].trimmingCharacters(in: .whitespaces)
        #expect(crumbs.hasPrefix("customers ") && crumbs.hasSuffix("customers │ analytics"), "\(d.screen.dump())")
        await d.press("A")
        await d.expectLine("Gross revenue  ")
        #expect(d.lines[1].hasPrefix("analytics") && d.lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("customers │ analytics"))
        #expect(!d.lines.contains { $0.contains("customers [") }, "the analytics tab fills the body")
        // Every series is drawn at once at this size: two columns of charts, then the overdue balance.
        for title in ["MRR  ", "Gross revenue  ", "Invoiced usage  ", "Invoice collection  ", "Overdue balance  "] { await d.expectLine(title) }
        await d.press("esc")
        await d.expectLine("customers [")
        #expect(d.lines[1].hasPrefix("customers"))
        // The customers tab kept its rows and cursor; A again shows the charts without reloading them.
        await d.press("A")
        await d.expectLine("Overdue balance  ")
        await d.press("A")
        await d.expectLine("customers [")
    }

    @Test func below120ColumnsTheTabsAreNotDrawnButASwitchesAndTheCrumbsSaySo() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 24, columns: 100)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.expectLine("customers [")
        #expect(!d.lines[1].contains("analytics"))
        await d.press("A")
        await d.expectLine("last 12 months")
        #expect(d.lines[1].hasPrefix("analytics"))
        await d.press("esc")
        await d.expectLine("customers [")
    }

    @Test func chartsTableWindowAndCurrencyAt80x24() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 24, columns: 80)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.press(":")
        await d.type("analytics")
        await d.press("enter")
        await d.expectLine("MRR │ Gross revenue │ Invoiced usage")
        await d.expectLine("last 12 months")
        // The caption names the currency in force; the headline is that month's MRR, exactly.
        let currency = try #require(Self.currencyInForce(d.line(containing: "last 12 months") ?? ""))
        let mrr = try await Self.currentMonth(s.client, .mrr, currency: currency)
        await d.expectLine(Format.money(cents: mrr, currency: currency))
        #expect(d.lines.contains { $0.contains("█") || $0.contains("▇") || $0.contains("▆") || $0.contains("▅") }, "\(d.screen.dump())")
        // j selects the next series: gross revenue.
        await d.press("j")
        let gross = try await Self.currentMonth(s.client, .grossRevenue, currency: currency)
        await d.expectLine("Gross revenue  " + AnalyticsReport.longLabel(AnalyticsReport.monthKeys(endingAt: Date(), count: 1)[0]))
        await d.expectLine(Format.money(cents: gross, currency: currency))
        await d.press("m")
        await d.expectLine("last 24 months")
        await d.press("t")
        await d.expectLine("MRR")
        await d.expectLine(AnalyticsReport.longLabel(AnalyticsReport.monthKeys(endingAt: Date(), count: 24)[0]))
        await d.press("pgdn")
        await d.expectLine("Gross revenue")
        await d.press("g")
        await d.expectLine("last 24 months")
        await d.press("c")
        let next = Self.currencyInForce(d.line(containing: "last 24 months") ?? "")
        #expect(next != nil && next != currency, "c switched from \(currency)\n\(d.screen.dump())")
    }

    @Test func aFreeLagoShowsTheSeriesItHasAndACalmLineForTheRest() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 24, columns: 80, options: SandboxOptions(customers: 40, premium: false))
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.press(":")
        await d.type("analytics")
        await d.press("enter")
        await d.expectLine("not available on this Lago plan")
        await d.expectNoLine("feature_unavailable")
        await d.press("j")
        await d.expectLine("Gross revenue  ")
        await d.expectNoLine("not available on this Lago plan")
    }
}
