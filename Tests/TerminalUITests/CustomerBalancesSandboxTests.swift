import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// A customer's view shows its gross revenue and overdue balance per currency, read from
/// Lago's analytics filtered by the customer, equal to sums computed here from the sandbox's
/// invoices and credit notes; a Lago that refuses analytics shows a calm line instead.
@MainActor
@Suite(.serialized) struct CustomerBalancesSandboxTests {
    struct Expected: Equatable {
        var gross: Int64 = 0, grossCount: Int64 = 0, overdue: Int64 = 0, overdueCount: Int64 = 0
    }

    /// Every page of a list.
    static func all(_ client: LagoClient, _ path: String, root: String, _ query: [URLQueryItem]) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var page = 1
        while true {
            let json = try await InvoiceViewSandboxTests.get(client, path, query + [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "per_page", value: "100")])
            items += json.array(root)
            guard let next = json.int64("meta.next_page") else { return items }
            page = Int(next)
        }
    }

    /// The balances of `customer` per currency, summed from its invoices as Lago counts them:
    /// finalized, not lost in dispute, less the refunds of their credit notes; overdue is the
    /// amount still due on its overdue invoices.
    static func expected(_ client: LagoClient, customer: String) async throws -> [String: Expected] {
        let filter = [URLQueryItem(name: "external_customer_id", value: customer)]
        let invoices = try await Self.all(client, "/invoices", root: "invoices", filter)
        let notes = try await Self.all(client, "/credit_notes", root: "credit_notes", filter)
        var refunds: [String: Int64] = [:]
        for note in notes { refunds[note.string("lago_invoice_id") ?? "", default: 0] += note.int64("refund_amount_cents") ?? 0 }
        var out: [String: Expected] = [:]
        for invoice in invoices {
            let currency = invoice.string("currency") ?? ""
            if invoice.string("status") == "finalized", invoice.string("payment_dispute_lost_at") == nil {
                out[currency, default: Expected()].gross += (invoice.int64("total_amount_cents") ?? 0) - (refunds[invoice.string("lago_id") ?? ""] ?? 0)
                out[currency, default: Expected()].grossCount += 1
            }
            if invoice.bool("payment_overdue") == true {
                out[currency, default: Expected()].overdue += invoice.int64("total_due_amount_cents") ?? 0
                out[currency, default: Expected()].overdueCount += 1
            }
        }
        return out
    }

    /// Opens the customer's own screen and shows its invoices pane.
    static func openCustomer(_ d: TerminalTestDriver, externalID: String, name: String) async {
        await d.press(":")
        await d.type("cus \(externalID)")
        await d.press("enter")
        await d.expectLine(String(name.prefix(12)))
        await d.press("enter")
        await d.expectLine("subscriptions │")
        await d.press("tab")
        await d.expectLine("[All]")
    }

    @Test func aCustomersViewShowsItsGrossRevenueAndOverdueBalanceAt80x24() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 24, columns: 80)
        defer { Task { await s.server.stop() } }
        let overdue = try JSONValue.parse(try await s.client.send(.get, "/invoices", query: [URLQueryItem(name: "payment_overdue", value: "true")]).body)
        let customer = try #require(overdue.array("invoices").first?.string("customer.external_id"), "the seed has an overdue invoice")
        let name = try #require(try JSONValue.parse(try await s.client.send(.get, "/customers/" + customer).body).string("customer.name"))
        let expected = try await Self.expected(s.client, customer: customer)
        try #require(expected.values.contains { $0.overdue > 0 && $0.gross > 0 })

        await Self.openCustomer(s.driver, externalID: customer, name: name)
        for (currency, figures) in expected where figures.gross != 0 || figures.overdue != 0 {
            let gross = "\(currency) gross revenue \(Format.money(cents: figures.gross, currency: currency)) (\(CustomerBalances.invoices(figures.grossCount)))"
            let overdue = figures.overdue == 0 ? "nothing overdue"
                : "overdue \(Format.money(cents: figures.overdue, currency: currency)) (\(CustomerBalances.invoices(figures.overdueCount)))"
            await s.driver.expectLine(gross)
            #expect(s.driver.line(containing: gross)?.contains(overdue) == true, "\(s.driver.screen.dump())")
        }
        // Both series were asked for this customer, over every month (no window).
        for series in [AnalyticsSeries.grossRevenue, .overdueBalance] {
            #expect(s.transport.calls.contains { $0.contains(series.path + "?external_customer_id=" + customer) && !$0.contains("months=") },
                    "\(s.transport.calls.joined(separator: "\n"))")
        }
    }

    @Test func aRefusedAnalyticsAnswerIsACalmLine() async throws {
        let (model, source) = await ModelFixtures.browser()
        await source.scriptAnalytics(.grossRevenue, .failure(.refused(status: 403, code: "feature_unavailable", message: "feature_unavailable")))
        let d = TerminalTestDriver(app: BrowserView(model: model, openURL: { _ in }), rows: 24, columns: 80, idle: { await model.idle() }, apiCalls: { await source.calls })
        await d.start()
        await d.press("enter")
        await d.press("tab")
        await d.expectLine("Balances are not available on this Lago plan")
        await d.expectNoLine("feature_unavailable")
    }

    @Test func monthlyRowsAddUpPerCurrencyExactly() throws {
        let gross = try JSONValue.parse(#"""
        {"gross_revenues":[{"month":"2026-01-01T00:00:00.000Z","amount_cents":123456789012.0,"currency":"EUR","invoices_count":"2.0"},
          {"month":"2026-02-01T00:00:00.000Z","amount_cents":0.5,"currency":"EUR","invoices_count":"1.0"},
          {"month":"2026-02-01T00:00:00.000Z","amount_cents":"500.0","currency":"usd","invoices_count":"1.0"}]}
        """#)
        let overdue = try JSONValue.parse(#"""
        {"overdue_balances":[{"month":"2026-01-01T00:00:00.000Z","amount_cents":"300.0","currency":"USD","lago_invoice_ids":["a","b"]},
          {"month":"2026-02-01T00:00:00.000Z","amount_cents":"200.0","currency":"USD","lago_invoice_ids":["b"]}]}
        """#)
        let balances = CustomerBalances(grossRevenue: gross, overdueBalance: overdue)
        #expect(balances.lines == [
            CustomerBalances.Line(currency: "EUR", grossCents: 123_456_789_013, grossInvoices: 3, overdueCents: 0, overdueInvoices: 0),
            CustomerBalances.Line(currency: "USD", grossCents: 500, grossInvoices: 1, overdueCents: 500, overdueInvoices: 2),
        ])
        #expect(CustomerBalances.summary(.loaded(balances))[1].role == .warning)
    }
}
