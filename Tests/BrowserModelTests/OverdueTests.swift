import Foundation
import Testing
@testable import BrowserModel
import LagoAPI

@MainActor
@Suite struct OverdueTests {
    static func harness(analytics: Result<String, BrowserDataError>) async -> Harness {
        await Harness { ds in
            await ds.add(.customers, [Fixture.customer(1, name: "Acme")])
            // The manual clock starts on 2026-11-21.
            await ds.add(.invoices, [
                Fixture.invoice("a", number: "A-1", customerName: "Acme", payment: "failed", total: 5_000, overdue: true, dueDate: "2026-11-11"),
                Fixture.invoice("b", number: "B-1", customerName: "Bolt", payment: "pending", total: 90_000, overdue: true, dueDate: "2026-11-11"),
                Fixture.invoice("c", number: "C-1", customerName: "Corp", payment: "pending", total: 1_000, currency: "EUR", overdue: true, dueDate: "2026-09-30"),
                Fixture.invoice("d", number: "D-1", customerName: "Dyn", payment: "failed", total: 70_000, overdue: true, dueDate: "2026-11-20"),
                Fixture.invoice("e", number: "E-1", customerName: "Epic", payment: "pending", total: 99_999, overdue: false, dueDate: "2026-12-20"),
            ])
            await ds.scriptOverdue(analytics)
        }
    }

    @Test func sortedByDaysOverdueThenAmountWithTotalsPerCurrency() async {
        let h = await OverdueTests.harness(analytics: .success(#"[{"month":"2026-09-01T00:00:00.000Z","amount_cents":"1000.0","currency":"EUR","lago_invoice_ids":["c"]},{"month":"2026-11-01T00:00:00.000Z","amount_cents":"95000.0","currency":"USD","lago_invoice_ids":["a","b"]},{"month":"2026-11-01T00:00:00.000Z","amount_cents":"70000.5","currency":"USD","lago_invoice_ids":["d"]}]"#))
        await h.start()
        await h.command("overdue")
        let pane = h.focusedPane
        #expect(h.snapshot.breadcrumbs == ["overdue"])
        #expect(pane.summary.first?.text == "Overdue total: €10.00 · $1,650.01")
        #expect(h.column(0) == ["52", "10", "10", "1"])
        #expect(h.column(1) == ["€10.00", "$900.00", "$50.00", "$700.00"])
        #expect(h.column(2) == ["Corp", "Bolt", "Acme", "Dyn"])
        #expect(pane.countText == "4")
        #expect(await h.ds.count("overdue_balances") == 1)
        await h.press("O")
        #expect(await h.ds.count("overdue_balances") == 2)
    }

    @Test func analyticsFailureFallsBackToLoadedInvoices() async {
        let h = await OverdueTests.harness(analytics: .failure(.refused(status: 403, code: "forbidden", message: "Forbidden")))
        await h.start()
        await h.command("od")
        #expect(h.focusedPane.summary.first?.text == "Overdue total unavailable (Forbidden (403 forbidden)); loaded invoices sum to €10.00 · $1,650.00")
    }

    @Test func totalsFromAnalyticsRows() throws {
        let json = try JSONValue.parse(#"{"overdue_balances":[{"currency":"usd","amount_cents":"150.4"},{"currency":"USD","amount_cents":"100"},{"currency":"JPY","amount_cents":"1200"}]}"#)
        let totals = OverdueView.totals(fromAnalytics: json)
        #expect(totals.map(\.currency) == ["JPY", "USD"])
        #expect(totals.map(\.cents) == [1200, 250])
        #expect(OverdueView.totalsText(totals) == "¥1,200 · $2.50")
        #expect(OverdueView.totalsText([]) == "nothing overdue")
    }
}
