import Foundation

extension LagoClient {
    /// `GET /subscriptions/{external_id}`, with `plan`. The server looks among active
    /// subscriptions unless `status` names another one (several may share an external id).
    public func subscription(externalId: String, status: SubscriptionStatus? = nil) async throws -> Subscription {
        if let status { try QueryCheck.oneOf("status", status) }
        var query = QueryItems()
        query.add("status", status)
        return try await getObject(
            try Self.recordPath(.subscriptions, id: externalId), rootKey: LagoResource.subscriptions.singularKey,
            query: query.items, as: Subscription.self)
    }

    /// `GET /subscriptions/{external_id}/lifetime_usage`: usage since the start and progress
    /// toward progressive-billing thresholds.
    public func lifetimeUsage(externalSubscriptionId: String) async throws -> LifetimeUsage {
        let endpoint = SubscriptionUsageEndpoint.lifetime
        return try await getObject(try Self.recordPath(.subscriptions, id: externalSubscriptionId) + "/" + endpoint.rawValue,
                                   rootKey: endpoint.rootKey, as: LifetimeUsage.self)
    }
}
