import Foundation

extension LagoClient {
    /// `GET /customers/{external_customer_id}/current_usage` for an ACTIVE subscription
    /// (405 `no_active_subscription` otherwise).
    public func currentUsage(_ query: CustomerUsageQuery) async throws -> CustomerUsage {
        try query.validate()
        return try await getObject(
            try Self.recordPath(.customers, id: query.externalCustomerId) + "/current_usage",
            rootKey: "customer_usage", query: query.queryItems, as: CustomerUsage.self)
    }

    /// Current usage of one subscription with the server's defaults (taxes applied).
    public func currentUsage(externalCustomerId: String, externalSubscriptionId: String, applyTaxes: Bool? = nil) async throws -> CustomerUsage {
        try await currentUsage(CustomerUsageQuery(externalCustomerId: externalCustomerId, externalSubscriptionId: externalSubscriptionId, applyTaxes: applyTaxes))
    }

    /// `GET /customers/{external_customer_id}/projected_usage` (premium: 403
    /// `projected_usage_not_enabled` otherwise).
    public func projectedUsage(_ query: CustomerUsageQuery) async throws -> ProjectedUsage {
        try query.validate()
        return try await getObject(
            try Self.recordPath(.customers, id: query.externalCustomerId) + "/projected_usage",
            rootKey: "customer_projected_usage", query: query.queryItems, as: ProjectedUsage.self)
    }

    /// Projected usage of one subscription with the server's defaults.
    public func projectedUsage(externalCustomerId: String, externalSubscriptionId: String, applyTaxes: Bool? = nil) async throws -> ProjectedUsage {
        try await projectedUsage(CustomerUsageQuery(externalCustomerId: externalCustomerId, externalSubscriptionId: externalSubscriptionId, applyTaxes: applyTaxes))
    }

    /// `GET /customers/{external_customer_id}/past_usage`: invoiced periods, newest first.
    public func pastUsage(_ query: PastUsageQuery, page: Int = 1, perPage: Int? = nil) async throws -> Page<PastUsage> {
        try query.validate()
        return try await listPage(
            try Self.recordPath(.customers, id: query.externalCustomerId) + "/past_usage",
            collectionKey: "usage_periods", query: query.queryItems, page: page, perPage: perPage, as: PastUsage.self)
    }

    /// Past usage of one subscription.
    public func pastUsage(
        externalCustomerId: String, externalSubscriptionId: String, billableMetricCode: String? = nil,
        periodsCount: Int? = nil, page: Int = 1, perPage: Int? = nil
    ) async throws -> Page<PastUsage> {
        try await pastUsage(
            PastUsageQuery(externalCustomerId: externalCustomerId, externalSubscriptionId: externalSubscriptionId,
                           billableMetricCode: billableMetricCode, periodsCount: periodsCount),
            page: page, perPage: perPage)
    }
}
