import Foundation

/// How long a cached page or object of each resource counts as fresh.
///
/// After that it is still served at once, marked stale, and refreshed behind it
/// (stale-while-revalidate). Live numbers go stale in seconds, invoices in a minute,
/// catalogue data (plans, metrics, coupons) in an hour.
public struct FreshnessPolicy: Sendable, Equatable {
    /// Maximum age, in seconds, for resources not listed in `maxAge`.
    public var defaultMaxAge: TimeInterval
    /// Maximum age in seconds, by resource name (`LagoResource.rawValue` or an object resource
    /// such as "customer_usage").
    public var maxAge: [String: TimeInterval]

    /// A policy; `maxAge` entries override the defaults for those resources only.
    public init(defaultMaxAge: TimeInterval = 120, maxAge: [String: TimeInterval] = [:]) {
        self.defaultMaxAge = defaultMaxAge
        self.maxAge = Self.defaultMaxAges.merging(maxAge) { _, override in override }
    }

    /// The defaults: usage 10 s; money movements 1 min; accounts 5 min; catalogue 1 h.
    public static let defaultMaxAges: [String: TimeInterval] = [
        "customer_usage": 10, "current_usage": 10, "projected_usage": 10,
        "events": 30, "api_logs": 30,
        "invoices": 60, "fees": 60, "payments": 60, "credit_notes": 60,
        "wallets": 60, "wallet_transactions": 60,
        "customers": 300, "subscriptions": 300, "billing_entities": 300,
        "plans": 3600, "billable_metrics": 3600, "coupons": 3600, "add_ons": 3600, "taxes": 3600,
    ]

    /// The maximum age for one resource.
    public func maxAge(for resource: String) -> TimeInterval {
        maxAge[resource] ?? defaultMaxAge
    }
}

/// Which other resources' cached lists an action's returned record can make wrong.
///
/// A finalized invoice changes its own lists, but also fees and payments; a wallet top-up
/// returns a wallet transaction and changes the wallet's balance.
public struct InvalidationRules: Sendable, Equatable {
    /// Related resources by the resource of the stored record.
    public var related: [String: Set<String>]

    /// The rules; entries given here replace the default entry for that resource.
    public init(related: [String: Set<String>] = [:]) {
        self.related = Self.defaultRelated.merging(related) { _, override in override }
    }

    /// The default relations between Lago resources.
    public static let defaultRelated: [String: Set<String>] = [
        "invoices": ["fees", "payments", "credit_notes", "customer_usage"],
        "payments": ["invoices"],
        "credit_notes": ["invoices", "wallets"],
        "wallet_transactions": ["wallets"],
        "wallets": ["wallet_transactions"],
        "subscriptions": ["customer_usage", "invoices"],
        "customers": ["subscriptions", "customer_usage"],
        "fees": ["invoices"],
    ]

    /// Every resource whose pages must be marked stale when a record of `resource` changes.
    public func resourcesToInvalidate(for resource: String) -> Set<String> {
        related[resource, default: []].union([resource])
    }
}
