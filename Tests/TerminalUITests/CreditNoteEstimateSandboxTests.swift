import Foundation
import LagoAPI
import LagoSandbox
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// `E` on an invoice opens a form of its fees with what is left to credit on each, asks Lago
/// what a credit note for those amounts would be, and lets the user pick fees and amounts
/// (checked against each fee's creditable amount, money exact) and ask again; nothing changes.
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
        // At first every fee at what is left to credit on it, as Lago itself would estimate it.
        let fees = try await Self.creditable(s.client, invoice)
        let all = try await Self.estimate(s.client, invoice, fees.map { ($0.id, $0.creditable) })
        await s.driver.expectLine(Format.money(cents: try #require(all.int64("sub_total_excluding_taxes_amount_cents")), currency: currency))
        for tax in invoice.array("applied_taxes") { await s.driver.expectLine(tax.string("tax_name") ?? "") }
        #expect(s.transport.calls.contains { $0.hasPrefix("POST /api/v1/credit_notes/estimate") })
        #expect(s.transport.calls.filter { !$0.hasPrefix("GET") && !$0.contains("/credit_notes/estimate") }.count == mutationsBefore)
        let notes = try JSONValue.parse(try await s.client.send(.get, "/credit_notes", query: [URLQueryItem(name: "invoice_number", value: invoice.string("number"))]).body)
        #expect(notes.array("credit_notes").count == 1, "the estimate stored no credit note")
    }

    /// The statement's fees with what Lago would still let a credit note take on each: the fee
    /// less what the invoice's credit notes already credited on it.
    static func creditable(_ client: LagoClient, _ invoice: JSONValue) async throws -> [(id: String, amount: Int64, creditable: Int64)] {
        let notes = try JSONValue.parse(try await client.send(.get, "/credit_notes", query: [URLQueryItem(name: "invoice_number", value: invoice.string("number"))]).body)
        var credited: [String: Int64] = [:]
        for note in notes.array("credit_notes") {
            for item in note.array("items") { credited[item.string("fee.lago_id") ?? "", default: 0] += item.int64("amount_cents") ?? 0 }
        }
        return invoice.array("fees").compactMap { fee in
            guard let id = fee.string("lago_id"), let amount = fee.int64("amount_cents"), amount - (credited[id] ?? 0) > 0 else { return nil }
            return (id, amount, amount - (credited[id] ?? 0))
        }
    }

    /// What Lago answers for `items`, asked directly.
    static func estimate(_ client: LagoClient, _ invoice: JSONValue, _ items: [(String, Int64)]) async throws -> JSONValue {
        let body = #"{"credit_note":{"invoice_id":"\#(invoice.string("lago_id") ?? "")","items":["#
            + items.map { #"{"fee_id":"\#($0.0)","amount_cents":\#($0.1)}"# }.joined(separator: ",") + "]}}"
        let json = try JSONValue.parse(try await client.send(.post, "/credit_notes/estimate", body: Data(body.utf8)).body)
        return try #require(json["estimated_credit_note"])
    }

    /// Replaces the focused field's text.
    static func retype(_ d: TerminalTestDriver, _ text: String) async {
        for _ in 0..<24 { await d.press("backspace") }
        await d.type(text)
    }

    static func postCount(_ s: BrowserSandboxSessionTests.Setup) -> Int {
        s.transport.calls.filter { $0.hasPrefix("POST /api/v1/credit_notes/estimate") }.count
    }

    func pickFeesAndAmounts(rows: Int, columns: Int) async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: rows, columns: columns)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        let invoice = try await Self.openStatement(s)
        let currency = invoice.string("currency") ?? "USD"
        func money(_ cents: Int64) -> String { Format.money(cents: cents, currency: currency) }
        let fees = try await Self.creditable(s.client, invoice)
        try #require(fees.count >= 2, "the statement has fees to pick from")
        // The statement's credit note took part of its first fee: less is left on it.
        let first = try #require(fees.first)
        #expect(first.creditable < first.amount)

        await d.press("E")
        await d.expectDialog("Credit note estimate", containing: "Can be credited")
        let all = try await Self.estimate(s.client, invoice, fees.map { ($0.id, $0.creditable) })
        await d.expectLine("Estimate for \(fees.count) fees")
        await d.expectLine(money(try #require(all.int64("max_creditable_amount_cents"))))
        await d.expectLine("of \(money(first.creditable)) left (\(money(first.amount)) fee)")
        let posts = Self.postCount(s)

        // Focus runs through the fields (0..<n), then Close and Estimate.
        let n = fees.count
        func estimateFrom(_ field: Int) async {
            for _ in 0..<(n + 1 - field) { await d.press("tab") }
            await d.press("enter")
        }
        // More than is left on the first fee is refused before anything is sent.
        await Self.retype(d, Money(amountCents: first.amount, currency: Currency(code: currency)).plainAmount)
        await d.expectLine("Amounts changed")
        await d.expectNoLine("Can be credited")
        await estimateFrom(0)
        await d.expectLine("more than the \(money(first.creditable)) that can be credited on this fee")
        #expect(Self.postCount(s) == posts)

        // A third decimal is not money in this currency.
        await d.press("tab")
        await Self.retype(d, "1.234")
        await estimateFrom(0)
        await d.expectLine("at most 2 decimals in \(currency)")
        #expect(Self.postCount(s) == posts)

        // Only the second fee, for part of what is left on it.
        await d.press("tab")
        await Self.retype(d, "")
        await d.press("tab")
        let second = fees[1]
        let part = min(second.creditable, 1234 + second.creditable / 2)
        await Self.retype(d, Money(amountCents: part, currency: Currency(code: currency)).plainAmount)
        for _ in 2..<max(2, n) {
            await d.press("tab")
            await Self.retype(d, "")
        }
        await estimateFrom(max(1, n - 1))
        #expect(Self.postCount(s) == posts + 1)
        let one = try await Self.estimate(s.client, invoice, [(second.id, part)])
        await d.expectLine("Estimate for 1 fee")
        await d.expectLine(money(part))
        for key in ["sub_total_excluding_taxes_amount_cents", "taxes_amount_cents", "max_creditable_amount_cents", "max_refundable_amount_cents"] {
            await d.expectLine(money(try #require(one.int64(key))))
        }
        #expect(d.line(containing: "Can be credited")?.contains(money(try #require(one.int64("max_creditable_amount_cents")))) == true, "\(d.screen.dump())")
        #expect(d.line(containing: "Can be refunded")?.contains(money(try #require(one.int64("max_refundable_amount_cents")))) == true, "\(d.screen.dump())")
        for tax in one.array("applied_taxes") {
            #expect(d.line(containing: tax.string("tax_name") ?? "?")?.contains(money(tax.int64("amount_cents") ?? -1)) == true, "\(d.screen.dump())")
        }

        // Every field empty: nothing to estimate.
        let sent = Self.postCount(s)
        await d.press("tab")
        await Self.retype(d, "")
        for _ in 1..<n { await d.press("tab"); await Self.retype(d, "") }
        await estimateFrom(n - 1)
        await d.expectLine("enter an amount on at least one fee")
        #expect(Self.postCount(s) == sent)
        let notes = try JSONValue.parse(try await s.client.send(.get, "/credit_notes", query: [URLQueryItem(name: "invoice_number", value: invoice.string("number"))]).body)
        #expect(notes.array("credit_notes").count == 1, "estimates stored no credit note")
    }

    @Test func pickFeesAndAmountsAt80x24() async throws { try await pickFeesAndAmounts(rows: 24, columns: 80) }

    @Test func pickFeesAndAmountsAt120x40() async throws { try await pickFeesAndAmounts(rows: 40, columns: 120) }

    @Test func aFreeLagoShowsACalmLine() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 40, columns: 120, options: SandboxOptions(customers: 40, premium: false))
        defer { Task { await s.server.stop() } }
        _ = try await Self.openStatement(s)
        await s.driver.press("E")
        await s.driver.expectDialog("Credit note estimate", containing: "not available on this Lago plan")
    }
}
