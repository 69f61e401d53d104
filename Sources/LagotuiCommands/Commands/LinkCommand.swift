import ArgumentParser
import Foundation
import LagoAPI

/// `lagotui link payment INVOICE_ID` / `lagotui link portal EXTERNAL_CUSTOMER_ID`: the URL on
/// stdout, for scripts that send it to a customer.
public struct LinkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Print an invoice's payment URL or a customer's portal URL.",
        discussion: """
            payment INVOICE_ID asks Lago for the invoice's checkout URL (POST /invoices/{id}/payment_url; \
            the customer needs a payment provider, and paid, voided or draft invoices are refused). \
            portal EXTERNAL_CUSTOMER_ID gives the customer portal URL (valid 12 hours). Lago's refusal \
            is printed on stderr in its own words, with the exit-code table's code.
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "payment or portal.")
    public var kind: String

    @Argument(help: "The invoice's lago_id (payment) or the customer's external_id (portal).")
    public var id: String

    public init() {}

    public func run() async throws {
        guard ["payment", "portal"].contains(kind) else {
            throw CommandFailure(.usage, "unknown link \(FilterValidation.shown(kind)); links: payment, portal")
        }
        guard !id.isEmpty else { throw CommandFailure(.usage, "give the \(kind == "payment" ? "invoice's lago_id" : "customer's external_id")") }
        let client = try ClientFactory.makeClient(try ClientFactory.settings(global))
        let url = kind == "payment" ? try await client.paymentURL(invoiceId: id) : try await client.portalURL(externalCustomerId: id)
        let out = StandardOutputSink()
        try out.write(Data((url.absoluteString + "\n").utf8))
        try out.commit()
    }
}
