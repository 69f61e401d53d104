import Foundation

extension LagoClient {
    /// The diagnosis reads straight from the API (`lagotui diagnose usage`).
    public var usageDiagnosisReader: UsageDiagnosisReader {
        UsageDiagnosisReader(
            subscription: { try await self.subscription(externalId: $0) },
            plan: { try await self.record(.plans, key: $0, as: Plan.self) },
            metrics: { try await self.allRecords(.billableMetrics, as: BillableMetric.self).allItems() },
            inactiveSubscriptions: { customer in
                try await self.allRecords(.subscriptions, filters: [("external_customer_id", [customer]), ("status", ["terminated", "pending", "canceled"])],
                                          as: Subscription.self).allItems()
            },
            events: { filters, page in try await self.list(.events, filters: filters, page: page, perPage: 100, as: Event.self) },
            currentPeriod: { customer, subscription in
                let usage = try await self.currentUsage(externalCustomerId: customer, externalSubscriptionId: subscription)
                return (usage.fromDatetime, usage.toDatetime)
            })
    }

    /// Diagnoses one active subscription's usage (see `UsageDiagnosis`).
    public func diagnoseUsage(subscription externalId: String, metrics: [BillableMetric]? = nil, now: Date = Date(),
                              limits: UsageDiagnosisLimits = .init()) async throws -> [UsageFinding] {
        try await usageDiagnosisReader.findings(subscription: externalId, metrics: metrics, now: now, limits: limits)
    }
}
