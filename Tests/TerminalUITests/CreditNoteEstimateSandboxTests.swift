import Foundation
import LagoAPI
import LagoSandbox
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// `E` on an invoice asks Lago what a credit note for all its fees would be, and changes nothing.
@MainActor
@Suite(.serialized) struct CreditNoteEstimateSandboxTests {
    static func openStatement(_ s: BrowserSandboxSessionTests.Setup) async throws -> JSONValue {
        let statement = try await InvoiceViewSandboxTests.statement(s.client)
        await s.driver.press(":")
        await s.driver.type("inv \(statement.customer) /\(statement.number)")
        await s.driver.press("enter")
        await s.driver.expectLine(statement.number)
        return statement.invoice
    }

    @Test func estimateShowsWhatCouldBeCreditedAndRefunded() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 40, columns: 120)
        defer { Task { await s.server.stop() } }
        let invoice = try await Self.openStatement(s)
        let mutationsBefore = s.transport.calls.filter { !$0.hasPrefix("GET") && !$0.contains("/credit_notes/estimate") }.count
        await s.driver.press("E")
        await s.driver.expectDialog("Credit note estimate", containing: "Can be credited")
        let currency = invoice.string("currency") ?? "USD"
        let fees = invoice.array("fees").compactMap { $0.int64("amount_cents") }.reduce(0, +)
        let coupons = invoice.int64("coupons_amount_cents") ?? 0
        // All fees at full amount: the subtotal is the fees less the coupons, as on the invoice.
        await s.driver.expectLine(Format.money(cents: fees - coupons, currency: currency))
        for tax in invoice.array("applied_taxes") { await s.driver.expectLine(tax.string("tax_name") ?? "") }
        #expect(s.transport.calls.contains { $0.hasPrefix("POST /api/v1/credit_notes/estimate") })
        #expect(s.transport.calls.filter { !$0.hasPrefix("GET") && !$0.contains("/credit_notes/estimate") }.count == mutationsBefore)
        let notes = try JSONValue.parse(try await s.client.send(.get, "/credit_notes", query: [URLQueryItem(name: "invoice_number", value: invoice.string("number"))]).body)
        #expect(notes.array("credit_notes").count == 1, "the estimate stored no credit note")
    }

    @Test func aFreeLagoShowsACalmLine() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 40, columns: 120, options: SandboxOptions(customers: 40, premium: false))
        defer { Task { await s.server.stop() } }
        _ = try await Self.openStatement(s)
        await s.driver.press("E")
        await s.driver.expectDialog("Credit note estimate", containing: "not available on this Lago plan")
    }
}
