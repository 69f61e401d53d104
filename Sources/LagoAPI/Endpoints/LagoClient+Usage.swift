import Foundation

extension LagoClient {
    /// `GET /customers/{external_customer_id}/current_usage` for an ACTIVE subscription
    /// (405 `no_active_subscription` otherwise).
    public func currentUsage(_ query: CustomerUsageQuery) async throws -> CustomerUsage {
        try query.validate()
        return try await usage(.current, query.externalCustomerId, query: query.queryItems)
    }

    /// Current usage of one subscription with the server's defaults (taxes applied).
    public func currentUsage(externalCustomerId: String, externalSubscriptionId: String, applyTaxes: Bool? = nil) async throws -> CustomerUsage {
        try await currentUsage(CustomerUsageQuery(externalCustomerId: externalCustomerId, externalSubscriptionId: externalSubscriptionId, applyTaxes: applyTaxes))
    }

    /// `GET /customers/{external_customer_id}/projected_usage` (premium: 403
    /// `projected_usage_not_enabled` otherwise).
    public func projectedUsage(_ query: CustomerUsageQuery) async throws -> ProjectedUsage {
        try query.validate()
        return try await usage(.projected, query.externalCustomerId, query: query.queryItems)
    }

    /// Projected usage of one subscription with the server's defaults.
    public func projectedUsage(externalCustomerId: String, externalSubscriptionId: String, applyTaxes: Bool? = nil) async throws -> ProjectedUsage {
        try await projectedUsage(CustomerUsageQuery(externalCustomerId: externalCustomerId, externalSubscriptionId: externalSubscriptionId, applyTaxes: applyTaxes))
    }

    /// `GET /customers/{external_customer_id}/past_usage`: invoiced periods, newest first.
    public func pastUsage(_ query: PastUsageQuery, page: Int = 1, perPage: Int? = nil) async throws -> Page<PastUsage> {
        try query.validate()
        return try await listPage(
            CustomerUsageEndpoint.past.path(externalCustomerId: query.externalCustomerId),
            collectionKey: CustomerUsageEndpoint.past.rootKey, query: query.queryItems, page: page, perPage: perPage, as: PastUsage.self)
    }

    private func usage(_ endpoint: CustomerUsageEndpoint, _ externalCustomerId: String, query: [URLQueryItem]) async throws -> CustomerUsage {
        try await getObject(endpoint.path(externalCustomerId: externalCustomerId), rootKey: endpoint.rootKey, query: query, as: CustomerUsage.self)
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
