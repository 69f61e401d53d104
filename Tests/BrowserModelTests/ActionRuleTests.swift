import Foundation
import Testing
@testable import BrowserModel
import LagoAPI

@Suite struct ActionRuleTests {
    static func invoice(status: String, payment: String, tax: String? = nil) -> SelectedRecord {
        let json = try! JSONValue.parse(#"{"lago_id":"i1","number":"INV-1","status":"\#(status)","payment_status":"\#(payment)"\#(tax.map { ",\"tax_status\":\"\($0)\"" } ?? "")}"#)
        return SelectedRecord(resource: .invoices, id: "i1", json: json, displayName: "INV-1")
    }

    static func wallet(status: String) -> SelectedRecord {
        SelectedRecord(resource: .wallets, id: "w1", json: try! JSONValue.parse(#"{"lago_id":"w1","status":"\#(status)"}"#), displayName: "w")
    }

    static func ctx(_ record: SelectedRecord?, inFlight: Set<String> = [], rechecking: Set<String> = []) -> ActionContext {
        ActionContext(record: record, environment: .test, inFlight: inFlight, rechecking: rechecking, hasWebApp: true)
    }

    static func check(_ action: ActionID, _ record: SelectedRecord?) -> Availability {
        ActionRules.availability(action, ctx(record))
    }

    @Test(arguments: [
        // action, status, payment, expected reason (nil = enabled)
        (ActionID.finalizeInvoice, "draft", "pending", nil),
        (.finalizeInvoice, "finalized", "pending", "only draft invoices can be finalized"),
        (.finalizeInvoice, "voided", "pending", "only draft invoices can be finalized"),
        (.refreshInvoice, "draft", "pending", nil),
        (.refreshInvoice, "finalized", "failed", "only draft invoices can be refreshed"),
        (.retryPayment, "finalized", "failed", nil),
        (.retryPayment, "finalized", "pending", nil),
        (.retryPayment, "finalized", "succeeded", "payment already succeeded"),
        (.retryPayment, "draft", "pending", "only finalized invoices can be retried"),
        (.retryPayment, "voided", "failed", "only finalized invoices can be retried"),
        (.downloadPDF, "finalized", "succeeded", nil),
        (.downloadPDF, "draft", "pending", "only finalized invoices have a PDF"),
        (.downloadPDF, "voided", "pending", "only finalized invoices have a PDF"),
        (.voidInvoice, "finalized", "succeeded", nil),
        (.voidInvoice, "finalized", "failed", nil),
        (.voidInvoice, "draft", "pending", "only finalized invoices can be voided"),
        (.voidInvoice, "voided", "pending", "only finalized invoices can be voided"),
        (.copyID, "draft", "pending", nil),
        (.openWeb, "voided", "pending", nil),
    ] as [(ActionID, String, String, String?)])
    func invoiceRules(action: ActionID, status: String, payment: String, reason: String?) {
        let a = ActionRuleTests.check(action, ActionRuleTests.invoice(status: status, payment: payment))
        #expect(a == (reason.map { .disabled($0) } ?? .enabled))
    }

    @Test func pendingTaxesBlockTheDownload() {
        #expect(ActionRuleTests.check(.downloadPDF, ActionRuleTests.invoice(status: "finalized", payment: "pending", tax: "pending")) == .disabled("taxes are still pending"))
    }

    @Test func walletTopUpNeedsAnActiveWallet() {
        #expect(ActionRuleTests.check(.topUpWallet, ActionRuleTests.wallet(status: "active")) == .enabled)
        #expect(ActionRuleTests.check(.topUpWallet, ActionRuleTests.wallet(status: "terminated")) == .disabled("only active wallets can be topped up"))
        #expect(ActionRuleTests.check(.finalizeInvoice, ActionRuleTests.wallet(status: "active")) == .disabled("only invoices can be finalized"))
        #expect(ActionRuleTests.check(.topUpWallet, ActionRuleTests.invoice(status: "draft", payment: "pending")) == .disabled("only wallets can be topped up"))
    }

    @Test func inFlightAndUnknownOutcomeBlockAgain() {
        let r = ActionRuleTests.invoice(status: "draft", payment: "pending")
        #expect(ActionRules.availability(.finalizeInvoice, ActionRuleTests.ctx(r, inFlight: ["finalize-invoice:i1"])) == .disabled("already in progress"))
        #expect(ActionRules.availability(.finalizeInvoice, ActionRuleTests.ctx(r, rechecking: ["i1"])) == .disabled("last action's outcome is unknown; re-reading the invoice"))
        #expect(ActionRules.availability(.copyID, ActionRuleTests.ctx(r, rechecking: ["i1"])) == .enabled)
        #expect(ActionRules.availability(.finalizeInvoice, ActionRuleTests.ctx(nil)) == .disabled("nothing selected"))
    }

    @Test func openWebNeedsAWebAppAddress() {
        var c = ActionRuleTests.ctx(ActionRuleTests.invoice(status: "draft", payment: "pending"))
        c.hasWebApp = false
        #expect(ActionRules.availability(.openWeb, c) == .disabled("no Lago web app address for this profile"))
        #expect(ProfileInfo.webApp(forAPI: URL(string: "https://api.eu.getlago.com/api/v1")!) == URL(string: "https://app.eu.getlago.com"))
        #expect(ProfileInfo.webApp(forAPI: URL(string: "http://127.0.0.1:3000/api/v1")!) == nil)
    }

    @Test func topUpValidation() {
        let form = TopUpForm(record: ActionRuleTests.wallet(status: "active"), currency: "USD", rate: 2, minCents: 1000, maxCents: 50000)
        #expect(TopUpValidation.validate(paid: "abc", granted: "", form: form).paidError == "paid credits must be a number")
        #expect(TopUpValidation.validate(paid: "-1", granted: "", form: form).paidError == "paid credits must not be negative")
        #expect(TopUpValidation.validate(paid: "", granted: "-2", form: form).grantedError == "granted credits must not be negative")
        #expect(TopUpValidation.validate(paid: "0", granted: "", form: form).formError == "enter paid or granted credits; at least one must be above zero")
        #expect(TopUpValidation.validate(paid: "1", granted: "", form: form).paidError == "below the wallet's minimum top-up of $10.00")
        #expect(TopUpValidation.validate(paid: "300", granted: "", form: form).paidError == "above the wallet's maximum top-up of $500.00")
        let ok = TopUpValidation.validate(paid: "10", granted: "5", form: form)
        #expect(ok.isValid)
        #expect(ok.paid == 10 && ok.granted == 5)
        #expect(TopUpValidation.validate(paid: "", granted: "1", form: form).isValid)  // limits apply to paid credits only
        let noLimits = TopUpForm(record: ActionRuleTests.wallet(status: "active"), currency: "USD", rate: 1, minCents: nil, maxCents: nil)
        #expect(TopUpValidation.validate(paid: "0.5", granted: "", form: noLimits).isValid)
        #expect(TopUpValidation.moneyHint("10", form: form) == "= $20.00")
    }
}
