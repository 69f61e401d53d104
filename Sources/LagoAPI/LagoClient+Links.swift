import Foundation

/// Links to hand a customer (BEHAVIOUR.md C2, C3): an invoice's payment URL and a customer's
/// portal URL. Generating a payment URL changes nothing on the invoice and Lago reuses the
/// same URL while its payment intent lives, so asking again is safe (it is sent as idempotent).
extension LagoClient {
    /// `POST /invoices/{lago_id}/payment_url` → `invoice_payment_details.payment_url`.
    /// Lago refuses with 422 on `base` (`no_linked_payment_provider`, `invalid_invoice_status_or_payment_status`…).
    public func paymentURL(invoiceId: String) async throws -> URL {
        let path = LagoResource.invoices.recordPath(id: invoiceId) + "/payment_url"
        let response = try await send(.post, path, idempotent: true)
        return try Self.link(in: response.body, at: ["invoice_payment_details", "payment_url"], path: path)
    }

    /// `GET /customers/{external_customer_id}/portal_url` → `customer.portal_url` (a fresh token, valid 12 h).
    public func portalURL(externalCustomerId: String) async throws -> URL {
        let path = LagoResource.customers.recordPath(id: externalCustomerId) + "/portal_url"
        let response = try await send(.get, path)
        return try Self.link(in: response.body, at: ["customer", "portal_url"], path: path)
    }

    /// The http(s) URL at the member path `keys` of a JSON body, or a decoding error.
    static func link(in body: Data, at keys: [String], path: String) throws -> URL {
        var value: Data? = body
        for key in keys { value = value.flatMap { JSONSlicer.value(at: key, in: $0) } }
        guard let value, let text = try? JSONDecoder().decode(String.self, from: value), let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw LagoError.decoding(path: keys.joined(separator: "."), snippet: "no http(s) URL in the answer to \(path)")
        }
        return url
    }
}
