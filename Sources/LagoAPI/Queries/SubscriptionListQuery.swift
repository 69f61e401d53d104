import Foundation

/// Filters of `GET /subscriptions`. Without `statuses` the server lists only ACTIVE
/// subscriptions; pass `SubscriptionListQuery.allStatuses` to see every one.
public struct SubscriptionListQuery: LagoListQuery {
    public typealias Record = Subscription

    /// `status[]`; empty means the server default (active only). One unknown value would make
    /// the server drop the whole filter, so unknown values are refused.
    public var statuses: [SubscriptionStatus]
    /// An unknown customer gives an empty list (not 404) on this endpoint.
    public var externalCustomerId: String?
    /// Exact plan code (overridden child plans keep their parent's code).
    public var planCode: String?
    /// The plan's currency.
    public var currency: String?
    /// True: only subscriptions on overridden (child) plans.
    public var overridden: Bool?
    /// Exact subscription external id.
    public var externalId: String?
    /// Unknown codes make the server answer 404.
    public var billingEntityCodes: [String]

    /// Every status, for "show all subscriptions".
    public static let allStatuses = SubscriptionStatus.allKnown

    public init(
        statuses: [SubscriptionStatus] = [],
        externalCustomerId: String? = nil,
        planCode: String? = nil,
        currency: String? = nil,
        overridden: Bool? = nil,
        externalId: String? = nil,
        billingEntityCodes: [String] = []
    ) {
        self.statuses = statuses
        self.externalCustomerId = externalCustomerId
        self.planCode = planCode
        self.currency = currency
        self.overridden = overridden
        self.externalId = externalId
        self.billingEntityCodes = billingEntityCodes
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.addArray("status", statuses)
        query.add("external_customer_id", externalCustomerId)
        query.add("plan_code", planCode)
        query.add("currency", currency)
        query.add("overridden", overridden)
        query.add("external_id", externalId)
        query.addArray("billing_entity_codes", billingEntityCodes)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try QueryCheck.oneOf("status[]", statuses)
    }
}
