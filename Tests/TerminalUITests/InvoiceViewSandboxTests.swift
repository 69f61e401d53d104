import Foundation
import LagoAPI
import LagoSandbox
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// The invoice as its customer reads it, drawn from the sandbox's statement invoice (graduated
/// and package charges, a coupon, a credit note, two tax rates and a partial payment): every
/// amount on screen is one of the record's own figures, and the key figures sit on their lines.
@MainActor
@Suite(.serialized) struct InvoiceViewSandboxTests {
    /// The statement invoice, its payments and credit notes as the sandbox serves them.
    struct Statement {
        var invoice: JSONValue
        var payments: [JSONValue]
        var creditNotes: [JSONValue]
        var customer: String
        var number: String
    }

    static func get(_ client: LagoClient, _ path: String, _ query: [URLQueryItem] = []) async throws -> JSONValue {
        try JSONValue.parse(try await client.send(.get, path, query: query).body)
    }

    static func statement(_ client: LagoClient) async throws -> Statement {
        let subscription = try #require(try await get(client, "/subscriptions", [URLQueryItem(name: "plan_code", value: "scale_usd"),
                                                                                 URLQueryItem(name: "status[]", value: "terminated")]).array("subscriptions").first)
        let customer = try #require(subscription.string("external_customer_id"))
        let invoices = try await get(client, "/invoices", [URLQueryItem(name: "external_customer_id", value: customer), URLQueryItem(name: "per_page", value: "100")])
        for item in invoices.array("invoices") {
            let id = try #require(item.string("lago_id"))
            guard let invoice = try await get(client, "/invoices/" + id)["invoice"],
                  invoice.array("subscriptions").contains(where: { $0.string("plan_code") == "scale_usd" }) else { continue }
            let number = try #require(invoice.string("number"))
            let payments = try await get(client, "/payments", [URLQueryItem(name: "invoice_id", value: id)]).array("payments")
            let notes = try await get(client, "/credit_notes", [URLQueryItem(name: "invoice_number", value: number)]).array("credit_notes")
            return Statement(invoice: invoice, payments: payments, creditNotes: notes, customer: customer, number: number)
        }
        throw StatementMissing()
    }

    struct StatementMissing: Error {}

    /// Every money text the record, its payments and credit notes justify: each `*_cents`
    /// integer (and its negation, for deductions) and each unit price of the fees' details.
    static func allowedMoney(_ s: Statement) -> Set<String> {
        let currency = s.invoice.string("currency") ?? "USD"
        var allowed: Set<String> = []
        func walk(_ json: JSONValue, key: String?) {
            switch json {
            case let .object(members): for (k, v) in members { walk(v, key: k) }
            case let .array(items): for item in items { walk(item, key: key) }
            case let .number(text) where key?.hasSuffix("_cents") == true:
                if let cents = Int64(text) {
                    allowed.insert(Format.money(cents: cents, currency: currency))
                    allowed.insert(Format.money(cents: -cents, currency: currency))
                }
            case let .string(text) where key?.hasSuffix("_amount") == true || key == "precise_unit_amount":
                allowed.insert(Format.unitPrice(text, currency: currency))
            default: break
            }
        }
        walk(s.invoice, key: nil)
        for p in s.payments { walk(p, key: nil) }
        for n in s.creditNotes { walk(n, key: nil) }
        return allowed
    }

    static func moneyTokens(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"-?\$[0-9][0-9,]*(\.[0-9]+)?"#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// Opens the statement invoice and returns every screen line seen while paging to its end.
    static func openStatement(_ d: TerminalTestDriver, _ s: Statement) async -> [String] {
        await d.press(":")
        await d.type("inv \(s.customer) /\(s.number)")
        await d.press("enter")
        await d.expectLine(s.number)
        await d.press("enter")
        await d.expectLine("Invoice \(s.number)")
        var seen = d.lines
        for _ in 0..<6 {
            await d.press("pgdn")
            seen += d.lines
        }
        return seen
    }

    func check(rows: Int, columns: Int) async throws {
        let setup = try await BrowserSandboxSessionTests().start(rows: rows, columns: columns)
        defer { Task { await setup.server.stop() } }
        let s = try await Self.statement(setup.client)
        let invoice = s.invoice
        // The statement has what the view must show.
        #expect(invoice.array("applied_taxes").count == 2)
        #expect(invoice.array("credits").contains { $0.string("item.type") == "coupon" })
        #expect(invoice.array("fees").contains { !($0["amount_details"]?.array("graduated_ranges").isEmpty ?? true) })
        #expect(invoice.array("fees").contains { $0["amount_details"]?.int64("per_package_size") != nil })
        #expect(s.creditNotes.count == 1)
        let paid = try #require(invoice.int64("total_paid_amount_cents"))
        let total = try #require(invoice.int64("total_amount_cents"))
        #expect(paid > 0 && paid < total)

        let seen = await Self.openStatement(setup.driver, s)
        let screen = seen.joined(separator: "\n")
        let allowed = Self.allowedMoney(s)
        // Names may hold amounts ("Loyalty $50"): they are text, not figures.
        let names = invoice.array("credits").compactMap { $0.string("item.name") }
        let figures = names.reduce(screen) { $0.replacingOccurrences(of: $1, with: "") }
        for token in Self.moneyTokens(figures) {
            #expect(allowed.contains(token), "\(token) on screen is none of the record's figures\n\(screen)")
        }
        let cur = invoice.string("currency") ?? "USD"
        func money(_ key: String, in json: JSONValue, negate: Bool = false) -> String {
            Format.money(cents: (json.int64(key) ?? 0) * (negate ? -1 : 1), currency: cur)
        }
        func line(_ label: String, _ amount: String) {
            #expect(!label.isEmpty && seen.contains { $0.contains(label) && $0.contains(amount) }, "no line with \(label) and \(amount)\n\(screen)")
        }
        line("Fees", money("fees_amount_cents", in: invoice))
        line("Subtotal excl. tax", money("sub_total_excluding_taxes_amount_cents", in: invoice))
        line("Subtotal incl. tax", money("sub_total_including_taxes_amount_cents", in: invoice))
        line("Total", money("total_amount_cents", in: invoice))
        line("Paid", money("total_paid_amount_cents", in: invoice, negate: true))
        line("Amount due", money("total_due_amount_cents", in: invoice))
        for credit in invoice.array("credits") { line("Coupon " + (credit.string("item.name") ?? ""), money("amount_cents", in: credit, negate: true)) }
        for tax in invoice.array("applied_taxes") {
            line(tax.string("tax_name") ?? "", money("amount_cents", in: tax))
            line(tax.string("tax_name") ?? "", "on " + money("fees_amount_cents", in: tax))
        }
        for fee in invoice.array("fees") {
            line(String((fee.string("invoice_display_name") ?? fee.string("item.invoice_display_name") ?? fee.string("item.name") ?? "").prefix(16)),
                 money("amount_cents", in: fee))
        }
        for note in s.creditNotes { line("Credited by " + (note.string("number") ?? ""), money("total_amount_cents", in: note, negate: true)) }
        for payment in s.payments { line("succeeded", money("amount_cents", in: payment)) }
        #expect(seen.contains { $0.contains("graduated") })
        #expect(seen.contains { $0.contains("package") })
        #expect(seen.contains { $0.contains("Bill to:") })
        // The field list and raw JSON stay as tabs.
        await setup.driver.press("tab")
        await setup.driver.expectLine("number: \(s.number)")
        await setup.driver.press("y")
        await setup.driver.expectLine("\"number\": \"\(s.number)\"")
    }

    @Test func statementInvoiceAt80x24() async throws { try await check(rows: 24, columns: 80) }

    @Test func statementInvoiceAt200x60() async throws { try await check(rows: 60, columns: 200) }
}
