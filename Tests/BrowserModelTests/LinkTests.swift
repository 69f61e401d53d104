import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import BrowserModel

/// Payment and portal links against the sandbox: Lago's answers and refusals, and `L` in the
/// browser copying the link (OSC 52) that `o` then opens.
@MainActor
@Suite(.serialized) struct LinkTests {
    @Test func paymentURLOfAnUnpaidInvoiceAndLagosRefusals() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 20))
        defer { Task { await harness.stop() } }
        do {
            let customers = try await harness.client.rawPage("/customers", collectionKey: "customers", page: 1, perPage: 100).items
                .compactMap { try? JSONValue.parse($0) }
            let withProvider = Set(customers.filter { $0.string("billing_configuration.payment_provider") == "stripe" }.compactMap { $0.string("external_id") })
            let invoices = try await harness.client.rawPage("/invoices", collectionKey: "invoices", page: 1, perPage: 100).items
                .compactMap { try? JSONValue.parse($0) }
            let unpaid = try #require(invoices.first { $0.string("status") == "finalized" && $0.string("payment_status") != "succeeded"
                && withProvider.contains($0.string("customer.external_id") ?? "") })
            let url = try await harness.client.paymentURL(invoiceId: try #require(unpaid.string("lago_id")))
            #expect(url.scheme == "https")
            let again = try await harness.client.paymentURL(invoiceId: try #require(unpaid.string("lago_id")))
            #expect(again == url, "the same URL while the payment intent lives")

            let draft = try #require(invoices.first { $0.string("status") == "draft" && withProvider.contains($0.string("customer.external_id") ?? "") })
            do {
                _ = try await harness.client.paymentURL(invoiceId: try #require(draft.string("lago_id")))
                Issue.record("a draft has no payment URL")
            } catch let error as LagoError {
                guard case let .api(status, code, _, _) = error else { Issue.record("\(error)"); return }
                #expect(status == 422)
                #expect(code == "validation_errors")
                #expect(error.message.contains("invalid invoice status or payment status"), "\(error.message)")
            }
            let customer = try #require(customers.first?.string("external_id"))
            let portal = try await harness.client.portalURL(externalCustomerId: customer)
            #expect(portal.path.hasPrefix("/customer-portal/"))
            await #expect(throws: LagoError.self) { _ = try await harness.client.portalURL(externalCustomerId: "no-such-customer") }
        }
    }

    @Test func lCopiesACustomersPortalURLAndOOpensIt() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 12, referenceDate: Date(timeIntervalSince1970: 1_795_262_400)))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client)
        defer { Task { await live.stop(); await harness.stop() } }
        await live.command("cus")
        _ = live.model.takeEffects()
        await live.press("L")
        let copied = live.model.takeEffects().compactMap { if case let .copyToClipboard(text) = $0 { return text } else { return nil } }
        #expect(copied.count == 1 && copied[0].contains("/customer-portal/"), "\(copied)")
        #expect(live.model.snapshot().toasts.last?.text.hasPrefix("Copied the portal URL") == true)
        await live.press("o")
        let opened = live.model.takeEffects().compactMap { if case let .openURL(url) = $0 { return url.absoluteString } else { return nil } }
        #expect(opened == copied)
    }
}
