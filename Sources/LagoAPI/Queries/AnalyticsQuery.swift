import Foundation

/// Parameters of the `GET /analytics/*` endpoints (overdue balance, gross revenue, MRR,
/// invoice collection). Results are cached by the server for up to 4 hours.
public struct AnalyticsQuery: Sendable, Hashable {
    /// ISO 4217 code (the server upper-cases it).
    public var currency: String?
    /// 1 or less: the current month only; N: the last N months including this one.
    public var months: Int?
    /// Overdue balance and gross revenue only (deleted customers are excluded).
    public var externalCustomerId: String?
    /// An unknown code is silently ignored by the server.
    public var billingEntityCode: String?

    public init(currency: String? = nil, months: Int? = nil, externalCustomerId: String? = nil, billingEntityCode: String? = nil) {
        self.currency = currency
        self.months = months
        self.externalCustomerId = externalCustomerId
        self.billingEntityCode = billingEntityCode
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("currency", currency?.uppercased())
        query.add("months", months)
        query.add("external_customer_id", externalCustomerId)
        query.add("billing_entity_code", billingEntityCode)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        if let currency, !Currency(code: currency).isISO4217 {
            throw LagoQueryError(parameter: "currency", message: "currency takes an ISO 4217 code such as EUR; got \"\(TextSanitizer.printable(currency, clippedTo: 60))\"")
        }
    }
}
