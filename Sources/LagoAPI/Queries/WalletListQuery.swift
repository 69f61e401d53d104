import Foundation

/// Filters of `GET /wallets`. Terminated wallets are listed too (there is no status filter).
public struct WalletListQuery: LagoListQuery {
    public typealias Record = Wallet

    /// Optional for the server (the OpenAPI file marks it required); an unknown customer
    /// gives 404 `customer_not_found` here, unlike invoices and subscriptions.
    public var externalCustomerId: String?
    /// Compared with the wallet's balance currency.
    public var currency: String?
    /// Unknown codes make the server answer 404.
    public var billingEntityCodes: [String]

    public init(externalCustomerId: String? = nil, currency: String? = nil, billingEntityCodes: [String] = []) {
        self.externalCustomerId = externalCustomerId
        self.currency = currency
        self.billingEntityCodes = billingEntityCodes
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_customer_id", externalCustomerId)
        query.add("currency", currency)
        query.addArray("billing_entity_codes", billingEntityCodes)
        return query.items
    }

    public func validate() throws(LagoQueryError) {}
}
