import Foundation

/// Parameters of `GET /customers/{external_customer_id}/current_usage` and `…/projected_usage`.
/// Only an ACTIVE subscription has current usage (otherwise 405 `no_active_subscription`).
public struct CustomerUsageQuery: Sendable, Hashable {
    public var externalCustomerId: String
    /// Required by the server.
    public var externalSubscriptionId: String
    /// Default true on the server.
    public var applyTaxes: Bool?
    /// Restrict to one charge by id, by code or by billable metric code (404 `charge_not_found`
    /// when nothing matches).
    public var chargeId: String?
    public var chargeCode: String?
    public var billableMetricCode: String?
    /// `group[key]=value` pricing-group filter.
    public var group: [String: String]
    /// Usage since the subscription started (premium); needs a charge or group filter.
    public var fullUsage: Bool?
    public var skipGrouping: Bool?
    public var filterByPresentation: String?

    public init(
        externalCustomerId: String,
        externalSubscriptionId: String,
        applyTaxes: Bool? = nil,
        chargeId: String? = nil,
        chargeCode: String? = nil,
        billableMetricCode: String? = nil,
        group: [String: String] = [:],
        fullUsage: Bool? = nil,
        skipGrouping: Bool? = nil,
        filterByPresentation: String? = nil
    ) {
        self.externalCustomerId = externalCustomerId
        self.externalSubscriptionId = externalSubscriptionId
        self.applyTaxes = applyTaxes
        self.chargeId = chargeId
        self.chargeCode = chargeCode
        self.billableMetricCode = billableMetricCode
        self.group = group
        self.fullUsage = fullUsage
        self.skipGrouping = skipGrouping
        self.filterByPresentation = filterByPresentation
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_subscription_id", externalSubscriptionId)
        query.add("apply_taxes", applyTaxes)
        query.add("charge_id", chargeId)
        query.add("charge_code", chargeCode)
        query.add("billable_metric_code", billableMetricCode)
        query.addHash("group", group)
        query.add("full_usage", fullUsage)
        query.add("skip_grouping", skipGrouping)
        query.add("filter_by_presentation", filterByPresentation)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try UsageCheck.ids(externalCustomerId, externalSubscriptionId)
        if fullUsage == true, chargeId == nil, chargeCode == nil, group.isEmpty {
            throw LagoQueryError(parameter: "full_usage", message: "full_usage needs charge_id, charge_code or group")
        }
    }
}

/// Parameters of `GET /customers/{external_customer_id}/past_usage` (invoiced periods, newest first).
public struct PastUsageQuery: Sendable, Hashable {
    public var externalCustomerId: String
    /// Required (422 `value_is_mandatory` otherwise).
    public var externalSubscriptionId: String
    /// Unknown codes give 404 `billable_metric_not_found`.
    public var billableMetricCode: String?
    /// How many periods to return at most.
    public var periodsCount: Int?

    public init(externalCustomerId: String, externalSubscriptionId: String, billableMetricCode: String? = nil, periodsCount: Int? = nil) {
        self.externalCustomerId = externalCustomerId
        self.externalSubscriptionId = externalSubscriptionId
        self.billableMetricCode = billableMetricCode
        self.periodsCount = periodsCount
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_subscription_id", externalSubscriptionId)
        query.add("billable_metric_code", billableMetricCode)
        query.add("periods_count", periodsCount)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try UsageCheck.ids(externalCustomerId, externalSubscriptionId)
        if let periodsCount, periodsCount < 1 {
            throw LagoQueryError(parameter: "periods_count", message: "periods_count must be at least 1; got \(periodsCount)")
        }
    }
}

enum UsageCheck {
    static func ids(_ customer: String, _ subscription: String) throws(LagoQueryError) {
        if customer.isEmpty {
            throw LagoQueryError(parameter: "external_customer_id", message: "usage needs the customer's external id")
        }
        if subscription.isEmpty {
            throw LagoQueryError(parameter: "external_subscription_id", message: "usage needs external_subscription_id: usage is per subscription")
        }
    }
}
