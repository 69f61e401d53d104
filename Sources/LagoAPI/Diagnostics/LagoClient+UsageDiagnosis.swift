import Foundation

extension LagoClient {
    /// The diagnosis reads straight from the API (`lagotui diagnose usage`).
    public var usageDiagnosisReader: UsageDiagnosisReader {
        UsageDiagnosisReader(
            subscription: { try await self.subscription(externalId: $0) },
            plan: { try await self.plan(code: $0) },
            metrics: { try await self.allRecords(UnfilteredListQuery<BillableMetric>()).allItems() },
            inactiveSubscriptions: { customer in
                try await self.allRecords(SubscriptionListQuery(statuses: [.terminated, .pending, .canceled], externalCustomerId: customer)).allItems()
            },
            events: { query, page in try await self.events(query, page: page, perPage: 100) },
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
