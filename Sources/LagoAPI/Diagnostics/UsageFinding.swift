import Foundation

/// Why a subscription's usage differs from what its events suggest. The raw values are the
/// stable `kind`s `lagotui diagnose usage` prints (scripts key on them; never rename one).
public enum UsageFindingKind: String, CaseIterable, Sendable, Codable {
    /// Events whose code matches no billable metric charged by the subscription's plan.
    case unknownCode = "unknown_code"
    /// Events received this period but timestamped before it (or before the subscription started).
    case outsidePeriod = "outside_period"
    /// Events timestamped after now: they count only once that time comes, in its period.
    case futureTimestamp = "future_timestamp"
    /// Events of this plan's metrics sent this period to another subscription id of the customer
    /// that is not active (terminated, pending), or to an id no subscription has that looks like this one.
    case otherSubscription = "other_subscription"
    /// Events without the property a sum/max/unique-count/latest/weighted metric aggregates.
    case missingProperty = "missing_property"
    /// Events whose aggregated property is not a number (sum, max, latest, weighted sum).
    case nonNumericProperty = "non_numeric_property"
    /// Events of a charge with filters whose properties match none of its filters.
    case unmatchedFilter = "unmatched_filter"
}

/// One finding: what kind, on which subscription, about what (`subject`: a code, a property,
/// another subscription id), how many events, a few transaction ids to look at, one line
/// saying what happened and one saying what to do.
public struct UsageFinding: Sendable, Equatable, Codable {
    public var kind: UsageFindingKind
    public var externalSubscriptionId: String
    public var externalCustomerId: String
    public var subject: String
    public var count: Int
    /// Transaction ids of up to three events, newest first.
    public var examples: [String]
    public var summary: String
    public var advice: String

    public init(kind: UsageFindingKind, externalSubscriptionId: String, externalCustomerId: String, subject: String,
                count: Int, examples: [String], summary: String, advice: String) {
        self.kind = kind; self.externalSubscriptionId = externalSubscriptionId; self.externalCustomerId = externalCustomerId
        self.subject = subject; self.count = count; self.examples = examples; self.summary = summary; self.advice = advice
    }

    enum CodingKeys: String, CodingKey {
        case kind, subject, count, examples, summary, advice
        case externalSubscriptionId = "external_subscription_id"
        case externalCustomerId = "external_customer_id"
    }
}
