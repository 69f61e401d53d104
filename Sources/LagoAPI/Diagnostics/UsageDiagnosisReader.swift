import Foundation

/// The reads a usage diagnosis makes, as closures, so the one gathering in
/// `UsageDiagnosisReader.input(...)` runs over a `LagoClient` (`lagotui diagnose usage`) and
/// over the browser's cached data source (`W`) alike.
public struct UsageDiagnosisReader: Sendable {
    /// `GET /subscriptions/{external_id}` (the active one).
    public var subscription: @Sendable (_ externalId: String) async throws -> Subscription
    /// `GET /plans/{code}` (with its charges).
    public var plan: @Sendable (_ code: String) async throws -> Plan
    /// Every billable metric of the organization.
    public var metrics: @Sendable () async throws -> [BillableMetric]
    /// The customer's terminated, pending and canceled subscriptions.
    public var inactiveSubscriptions: @Sendable (_ externalCustomerId: String) async throws -> [Subscription]
    /// One page of `GET /events` (100 per page), newest first, with these filters (catalogue names).
    public var events: @Sendable (_ filters: [(name: String, values: [String])], _ page: Int) async throws -> Page<Event>
    /// The current usage period, for a subscription that does not carry it.
    public var currentPeriod: @Sendable (_ externalCustomerId: String, _ externalSubscriptionId: String) async throws -> (from: Date?, to: Date?)

    public init(subscription: @escaping @Sendable (String) async throws -> Subscription,
                plan: @escaping @Sendable (String) async throws -> Plan,
                metrics: @escaping @Sendable () async throws -> [BillableMetric],
                inactiveSubscriptions: @escaping @Sendable (String) async throws -> [Subscription],
                events: @escaping @Sendable ([(name: String, values: [String])], Int) async throws -> Page<Event>,
                currentPeriod: @escaping @Sendable (String, String) async throws -> (from: Date?, to: Date?)) {
        self.subscription = subscription; self.plan = plan; self.metrics = metrics
        self.inactiveSubscriptions = inactiveSubscriptions; self.events = events; self.currentPeriod = currentPeriod
    }

    /// Gathers what `UsageDiagnosis.findings` needs for the active subscription `externalId`.
    /// `metrics` lets a caller diagnosing many subscriptions read the metric list once.
    public func input(subscription externalId: String, metrics knownMetrics: [BillableMetric]? = nil,
                      now: Date = Date(), limits: UsageDiagnosisLimits = .init()) async throws -> UsageDiagnosisInput {
        let sub = try await subscription(externalId)
        let customer = sub.externalCustomerId ?? ""
        let planCode = sub.planCode ?? sub.plan?.code ?? ""
        let charges: [Charge]
        if let included = sub.plan?.charges { charges = included } else { charges = try await plan(planCode).charges ?? [] }
        let allMetrics: [BillableMetric]
        if let knownMetrics { allMetrics = knownMetrics } else { allMetrics = try await metrics() }

        let start: Date, end: Date
        if let from = sub.currentBillingPeriodStartedAt, let to = sub.currentBillingPeriodEndingAt {
            (start, end) = (from, to)
        } else {
            let period = try await currentPeriod(customer, externalId)
            (start, end) = (period.from ?? now, period.to ?? now)
        }
        // The server's "now" lies inside the current period it reports; a client clock outside
        // it is skewed (or the server replays another date), and would call every event future.
        let now = min(max(now, start), end)

        var events = try await pages(Self.events(of: externalId, from: start), limits.periodPages)
        events += try await pages([("external_subscription_id", [externalId]), ("timestamp_to", [LagoTimestamp.format(start)])], limits.earlierPages)
            .filter { $0.timestamp.map { $0 < start } ?? true }

        // Other subscriptions of the customer that are not active: events sent there are lost here.
        var strays: [UsageDiagnosisInput.StrayEvents] = []
        var seen: Set<String> = [externalId]
        for other in try await inactiveSubscriptions(customer) where !seen.contains(other.externalId) {
            seen.insert(other.externalId)
            let sent = try await pages(Self.events(of: other.externalId, from: start), limits.strayPages)
            if !sent.isEmpty { strays.append(.init(externalSubscriptionId: other.externalId, status: other.status?.rawValue, events: sent)) }
        }
        return UsageDiagnosisInput(externalSubscriptionId: externalId, externalCustomerId: customer, planCode: planCode,
                                   startedAt: sub.startedAt, periodStart: start, periodEnd: end, now: now, charges: charges,
                                   metrics: allMetrics, events: events, strayEvents: strays)
    }

    /// Gathers and diagnoses one active subscription.
    public func findings(subscription externalId: String, metrics: [BillableMetric]? = nil, now: Date = Date(),
                         limits: UsageDiagnosisLimits = .init()) async throws -> [UsageFinding] {
        UsageDiagnosis.findings(try await input(subscription: externalId, metrics: metrics, now: now, limits: limits))
    }

    /// The filters of one subscription's events timestamped from `start`.
    static func events(of subscription: String, from start: Date) -> [(name: String, values: [String])] {
        [("external_subscription_id", [subscription]), ("timestamp_from", [LagoTimestamp.format(start)])]
    }

    /// Up to `count` pages of events, newest first.
    private func pages(_ filters: [(name: String, values: [String])], _ count: Int) async throws -> [Event] {
        var out: [Event] = []
        var page = 1
        while page <= count {
            let result = try await events(filters, page)
            out += result.items
            guard let next = result.meta.nextPage else { break }
            page = next
        }
        return out
    }
}

/// How much a diagnosis reads, in pages of 100 events: bounded so that `--all` over a large
/// account costs a bounded number of requests per subscription.
public struct UsageDiagnosisLimits: Sendable {
    /// Pages of the subscription's events timestamped in (or after) the current period.
    public var periodPages = 5
    /// Pages of events timestamped before the period (only those received this period matter).
    public var earlierPages = 1
    /// Pages per other (inactive) subscription of the customer.
    public var strayPages = 1
    public init() {}
}
