import Foundation
import LagoAPI

/// Past and lifetime usage, read straight from Lago (they change with every invoice and
/// event, and are shown once per visit).
extension CachedLagoDataSource {
    public func pastUsage(externalCustomerId: String, externalSubscriptionId: String, periods: Int) async throws -> Data {
        let endpoint = CustomerUsageEndpoint.past
        return try await getRoot(endpoint.path(externalCustomerId: externalCustomerId), rootKey: endpoint.rootKey, query: [
            URLQueryItem(name: "external_subscription_id", value: externalSubscriptionId),
            URLQueryItem(name: "periods_count", value: String(periods)),
            URLQueryItem(name: "per_page", value: String(periods)),
        ])
    }

    public func lifetimeUsage(externalSubscriptionId: String) async throws -> Data {
        let endpoint = SubscriptionUsageEndpoint.lifetime
        return try await getRoot(endpoint.path(externalSubscriptionId: externalSubscriptionId), rootKey: endpoint.rootKey, query: [])
    }
}
