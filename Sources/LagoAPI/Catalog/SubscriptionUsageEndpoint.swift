/// A subscription's usage endpoints under `/subscriptions/{external_id}/`: the one place their
/// paths and response keys are spelled, for the typed call and for callers that keep raw JSON.
public enum SubscriptionUsageEndpoint: String, CaseIterable, Sendable {
    /// Usage since the subscription started, with progress toward progressive-billing thresholds.
    case lifetime = "lifetime_usage"

    /// `/subscriptions/{external_id}/lifetime_usage`, the id percent-encoded as one segment.
    public func path(externalSubscriptionId: String) -> String {
        LagoResource.subscriptions.recordPath(id: externalSubscriptionId) + "/" + rawValue
    }

    /// The response's root key.
    public var rootKey: String {
        switch self {
        case .lifetime: "lifetime_usage"
        }
    }
}
