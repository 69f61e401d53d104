import Foundation

/// A customer's usage endpoints under `/customers/{external_customer_id}/`: the one place their
/// paths and response keys are spelled, for the typed calls and for callers that keep raw JSON.
public enum CustomerUsageEndpoint: String, CaseIterable, Sendable {
    /// Usage so far in the current period of an active subscription.
    case current = "current_usage"
    /// Current usage plus its projection to the end of the period (premium).
    case projected = "projected_usage"
    /// Invoiced periods, newest first (a paginated list).
    case past = "past_usage"

    /// `/customers/{external_customer_id}/current_usage`, the id percent-encoded as one segment.
    public func path(externalCustomerId: String) -> String {
        LagoResource.customers.recordPath(id: externalCustomerId) + "/" + rawValue
    }

    /// The name its records go by in the cache and in exports (`customer_usage`).
    public var resourceName: String {
        switch self {
        case .current: "customer_usage"
        case .projected: "customer_projected_usage"
        case .past: "customer_usage_past"
        }
    }

    /// How long a cached copy counts as fresh, in seconds: usage moves with every event.
    public var maxAge: TimeInterval { 10 }

    /// The response key: the object's for current and projected usage, the list's for past usage.
    public var rootKey: String {
        switch self {
        case .current: "customer_usage"
        case .projected: "customer_projected_usage"
        case .past: "usage_periods"
        }
    }

    /// The query item naming the subscription whose usage is read (current and projected usage).
    public func subscriptionItem(_ externalSubscriptionId: String) -> URLQueryItem {
        URLQueryItem(name: "external_subscription_id", value: externalSubscriptionId)
    }

    /// Past usage of one billable metric only.
    public func billableMetricItem(_ code: String) -> URLQueryItem { URLQueryItem(name: "billable_metric_code", value: code) }

    /// How many past periods to read.
    public func periodsItem(_ count: String) -> URLQueryItem { URLQueryItem(name: "periods_count", value: count) }
}
