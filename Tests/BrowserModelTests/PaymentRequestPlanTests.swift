import Foundation
import LagoAPI
import Testing
@testable import BrowserModel

/// The "ask to pay" plan on its own: one request per customer, currency and billing entity,
/// Lago's overdue flag decides, the others are skipped with the reason, amounts are integer
/// cents per currency; and the request body it becomes.
struct PaymentRequestPlanTests {
    static func invoice(_ id: String, customer: String, name: String? = nil, email: String? = "ap@\(UUID().uuidString.prefix(4)).test",
                        currency: String = "USD", entity: String = "acme_us", due: Int64, overdue: Bool = true,
                        status: String = "finalized", payment: String = "failed", dueDate: String = "2026-11-01") -> JSONValue {
        var customerMembers: [(key: String, value: JSONValue)] = [("external_id", .string(customer)), ("name", .string(name ?? customer))]
        if let email { customerMembers.append(("email", .string(email))) }
        return .object([
            ("lago_id", .string(id)), ("number", .string("N-\(id)")), ("status", .string(status)), ("payment_status", .string(payment)),
            ("payment_overdue", .bool(overdue)), ("currency", .string(currency)), ("billing_entity_code", .string(entity)),
            ("payment_due_date", .string(dueDate)), ("total_amount_cents", .number(String(due))), ("total_due_amount_cents", .number(String(due))),
            ("customer", .object(customerMembers)),
        ])
    }

    @Test func groupsByCustomerCurrencyAndBillingEntity() {
        let plan = PaymentRequestPlan(invoices: [
            Self.invoice("a1", customer: "c_a", name: "Alpha", due: 10_000),
            Self.invoice("b1", customer: "c_b", name: "Beta", currency: "EUR", due: 9_610),
            Self.invoice("a2", customer: "c_a", name: "Alpha", due: 2_550),
            Self.invoice("a3", customer: "c_a", name: "Alpha", currency: "EUR", due: 100),
            Self.invoice("a4", customer: "c_a", name: "Alpha", entity: "acme_eu", due: 1),
            Self.invoice("a1", customer: "c_a", name: "Alpha", due: 10_000),  // listed twice: counted once
        ])
        #expect(plan.requests.map { "\($0.externalCustomerId) \($0.currency) \($0.billingEntity ?? "-") \($0.invoices.map(\.id))" } == [
            "c_a EUR acme_us [\"a3\"]", "c_a USD acme_eu [\"a4\"]", "c_a USD acme_us [\"a1\", \"a2\"]", "c_b EUR acme_us [\"b1\"]",
        ])
        #expect(plan.requests[2].dueCents == 12_550)
        #expect(plan.requests[2].dueText == "$125.50")
        #expect(plan.invoiceCount == 5)
        #expect(plan.totalsText == "€97.10 · $125.51")
        #expect(plan.skipped.isEmpty)
        #expect(plan.summaryLines.first == "4 payment requests for 5 overdue invoices: €97.10 · $125.51")
    }

    @Test func onlyInvoicesLagoFlagsOverdueAreAskedForAndTheOthersSayWhy() {
        let plan = PaymentRequestPlan(invoices: [
            Self.invoice("ok", customer: "c", due: 500),
            Self.invoice("paid", customer: "c", due: 0, overdue: false, payment: "succeeded"),
            Self.invoice("draft", customer: "c", due: 700, overdue: false, status: "draft", payment: "pending"),
            Self.invoice("void", customer: "c", due: 0, overdue: false, status: "voided"),
            Self.invoice("early", customer: "c", due: 900, overdue: false, payment: "pending", dueDate: "2026-12-20"),
        ], unreadable: ["gone"])
        #expect(plan.requests.count == 1 && plan.requests[0].invoices.map(\.id) == ["ok"])
        #expect(plan.skipped.map(\.reason) == ["payment already succeeded", "a draft is not due yet", "voided", "not overdue (due 2026-12-20)",
                                               "could not be read from Lago"])
        #expect(plan.summaryLines.contains("5 skipped:"))
        let none = PaymentRequestPlan(invoices: [Self.invoice("paid", customer: "c", due: 0, overdue: false, payment: "succeeded")])
        #expect(none.requests.isEmpty)
        #expect(none.summaryLines.first == "Nothing to ask: none of these invoices is overdue")
    }

    @Test func theCustomersEmailIsPrefilledAndNamesAreSanitised() {
        let plan = PaymentRequestPlan(invoices: [
            Self.invoice("x", customer: "c", name: "Evil\u{1B}[31mCorp", email: "billing@evil.test", due: 1),
            Self.invoice("y", customer: "d", name: "No Mail", email: nil, due: 1),
        ])
        #expect(plan.requests.map(\.customerEmail) == ["billing@evil.test", nil])
        #expect(!plan.requests[0].customerName.contains("\u{1B}"))
    }

    @Test func theRequestBodyIsAnArrayOfIdsAndAnOptionalCheckedEmail() throws {
        let action = try LagoAction.createPaymentRequest(externalCustomerId: "cust_1", lagoInvoiceIds: ["i1", "i2", "i1"], email: " ap@acme.test ")
        #expect(action.method == .post && action.path == "/payment_requests" && action.rootKey == "payment_request")
        let body = try #require(action.body.flatMap { try? JSONValue.parse($0) })
        #expect(body.array("payment_request.lago_invoice_ids").compactMap { if case let .string(s) = $0 { s } else { nil } } == ["i1", "i2"])
        #expect(body.string("payment_request.email") == "ap@acme.test")
        #expect(body.string("payment_request.external_customer_id") == "cust_1")
        let defaulted = try LagoAction.createPaymentRequest(externalCustomerId: "cust_1", lagoInvoiceIds: ["i1"], email: "")
        #expect(defaulted.body.flatMap { try? JSONValue.parse($0) }?["payment_request"]?["email"] == nil, "no email: Lago uses the customer's")
        #expect(throws: LagoQueryError.self) { try LagoAction.createPaymentRequest(externalCustomerId: "", lagoInvoiceIds: ["i1"], email: nil) }
        #expect(throws: LagoQueryError.self) { try LagoAction.createPaymentRequest(externalCustomerId: "c", lagoInvoiceIds: [""], email: nil) }
        #expect(throws: LagoQueryError.self) { try LagoAction.createPaymentRequest(externalCustomerId: "c", lagoInvoiceIds: ["i"], email: "nope") }
    }

    @Test func emailChecks() {
        for ok in ["a@b.co", "billing+000016@example.com", "José@exämple.test"] { #expect(EmailAddress.problem(ok) == nil, "\(ok)") }
        for bad in ["", "a", "a@", "@b.co", "a@b", "a@b.", "a@.co", "a b@c.co", "a@b@c.co", "a@b.co\u{7}"] {
            #expect(EmailAddress.problem(bad) != nil, "\(bad) accepted")
        }
    }
}
