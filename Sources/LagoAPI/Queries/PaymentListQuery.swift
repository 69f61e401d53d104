import Foundation

/// Filters of `GET /payments`. Only payments with a customer are listed.
public struct PaymentListQuery: LagoListQuery {
    public typealias Record = Payment

    public var externalCustomerId: String?
    /// An invoice `lago_id`; matches direct payments and payment-request payments covering it.
    /// Must be a UUID (the server answers 422 otherwise).
    public var invoiceId: String?

    public init(externalCustomerId: String? = nil, invoiceId: String? = nil) {
        self.externalCustomerId = externalCustomerId
        self.invoiceId = invoiceId
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_customer_id", externalCustomerId)
        query.add("invoice_id", invoiceId)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try QueryCheck.uuid("invoice_id", invoiceId)
    }
}
