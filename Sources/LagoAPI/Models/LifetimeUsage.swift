import Foundation

/// A subscription's usage since it started, with progress toward its progressive-billing
/// thresholds. Amounts are in the plan's currency.
public struct LifetimeUsage: Codable, Hashable, Sendable {
    public var lagoId: String
    public var lagoSubscriptionId: String?
    public var externalSubscriptionId: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var externalHistoricalUsageAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var invoicedUsageAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var currentUsageAmountCents: Int64?
    public var fromDatetime: Date?
    public var toDatetime: Date?
    public var usageThresholds: [LifetimeUsageThreshold]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        lagoSubscriptionId: String? = nil,
        externalSubscriptionId: String? = nil,
        externalHistoricalUsageAmountCents: Int64? = nil,
        invoicedUsageAmountCents: Int64? = nil,
        currentUsageAmountCents: Int64? = nil,
        fromDatetime: Date? = nil,
        toDatetime: Date? = nil,
        usageThresholds: [LifetimeUsageThreshold]? = nil
    ) {
        self.lagoId = lagoId
        self.lagoSubscriptionId = lagoSubscriptionId
        self.externalSubscriptionId = externalSubscriptionId
        self.externalHistoricalUsageAmountCents = externalHistoricalUsageAmountCents
        self.invoicedUsageAmountCents = invoicedUsageAmountCents
        self.currentUsageAmountCents = currentUsageAmountCents
        self.fromDatetime = fromDatetime
        self.toDatetime = toDatetime
        self.usageThresholds = usageThresholds
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoSubscriptionId = "lago_subscription_id"
        case externalSubscriptionId = "external_subscription_id"
        case externalHistoricalUsageAmountCents = "external_historical_usage_amount_cents"
        case invoicedUsageAmountCents = "invoiced_usage_amount_cents"
        case currentUsageAmountCents = "current_usage_amount_cents"
        case fromDatetime = "from_datetime"
        case toDatetime = "to_datetime"
        case usageThresholds = "usage_thresholds"
    }
}

/// Progress toward one usage threshold.
public struct LifetimeUsageThreshold: Codable, Hashable, Sendable {
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    /// 0 to 1.
    public var completionRatio: Decimal?
    public var reachedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        amountCents: Int64? = nil,
        completionRatio: Decimal? = nil,
        reachedAt: Date? = nil
    ) {
        self.amountCents = amountCents
        self.completionRatio = completionRatio
        self.reachedAt = reachedAt
    }

    enum CodingKeys: String, CodingKey {
        case amountCents = "amount_cents"
        case completionRatio = "completion_ratio"
        case reachedAt = "reached_at"
    }
}
