/// Payment and portal links (BEHAVIOUR.md C2, C3): `POST /invoices/{lago_id}/payment_url`
/// answers the provider's checkout URL, reused while the intent lives; refusals are 422
/// `validation_errors` on `base`. `GET /customers/{external_customer_id}/portal_url` answers
/// a fresh portal URL each call.
enum LinkHandlers {
    static let routes: [Route] = [
        Route("POST", "invoices/:lago_id/payment_url", paymentURL),
        Route("GET", "customers/:external_customer_id/portal_url", portalURL),
    ]

    /// Providers whose payment URL Lago can generate (`payment_providers/factory.rb`).
    static let urlProviders: Set<String> = ["stripe", "adyen", "cashfree", "flutterwave", "moneyhash"]

    static func paymentURL(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        let invoice = store.invoices[i]
        let c = Int(invoice.customer)
        guard let provider = store.customers[c].paymentProvider else {
            throw ApiError.validation([("base", ["no_linked_payment_provider"])])
        }
        guard provider != "gocardless", urlProviders.contains(provider) else {
            throw ApiError.validation([("base", ["invalid_payment_provider"])])
        }
        guard invoice.paymentStatus != .succeeded, invoice.status != .voided, invoice.status != .draft else {
            throw ApiError.validation([("base", ["invalid_invoice_status_or_payment_status"])])
        }
        let id = store.invoiceId(i)
        // The same URL while the payment intent lives (24 h): derived from the invoice id.
        let url = "https://checkout.\(provider).example/pay/cs_" + String(id.filter { $0 != "-" }.prefix(24))
        return .json(.obj(["invoice_payment_details": .obj([
            "lago_customer_id": .string(store.customerId(c)),
            "external_customer_id": .string(store.customers[c].externalId),
            "payment_provider": .string(provider),
            "lago_invoice_id": .string(id),
            "payment_url": .string(url),
        ])]))
    }

    static func portalURL(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let c = try CustomerHandlers.customer(store, ctx)
        // A signed token that is not stored and expires in 12 h: the customer and the time.
        let token = "sandbox-\(store.customerId(c).prefix(8))--\(store.now)"
        return .json(.obj(["customer": .obj(["portal_url": .string("https://app.getlago.com/customer-portal/\(token)")])]))
    }
}
