import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing

/// The usage diagnosis: each rule on hand-made events, then against the sandbox, whose seeded
/// showcase subscriptions carry every kind (and whose demo subscription carries none).
@Suite(.timeLimit(.minutes(3))) struct UsageDiagnosisTests {
    let start = Date(timeIntervalSince1970: 1_764_547_200)   // 2025-12-01
    var end: Date { start.addingTimeInterval(31 * 86_400 - 1) }
    var now: Date { start.addingTimeInterval(10 * 86_400) }

    var metrics: [BillableMetric] {
        [BillableMetric(lagoId: "m1", code: "api_calls", aggregationType: .countAgg),
         BillableMetric(lagoId: "m2", code: "storage_gb", aggregationType: .sumAgg, fieldName: "gb"),
         BillableMetric(lagoId: "m3", code: "seats", aggregationType: .uniqueCountAgg, fieldName: "user_id"),
         BillableMetric(lagoId: "m4", code: "hours", aggregationType: .sumAgg, fieldName: "hours"),
         BillableMetric(lagoId: "m5", code: "peak_vcpu", aggregationType: .maxAgg, fieldName: "vcpu")]
    }

    var charges: [Charge] {
        [Charge(code: "c1", billableMetricCode: "api_calls"), Charge(code: "c2", billableMetricCode: "storage_gb"),
         Charge(code: "c3", billableMetricCode: "seats"),
         Charge(code: "c4", billableMetricCode: "hours", filters: [
            ChargeFilter(values: ["region": .array([.string("eu")])]), ChargeFilter(values: ["region": .array([.string("us")])])])]
    }

    func event(_ id: String, _ code: String, at offset: TimeInterval = 86_400, received: TimeInterval? = nil, _ properties: [String: JSONValue] = [:]) -> Event {
        Event(transactionId: id, externalSubscriptionId: "sub_1", code: code, timestamp: start.addingTimeInterval(offset),
              properties: properties, createdAt: start.addingTimeInterval(received ?? offset + 2))
    }

    func diagnose(_ events: [Event], strays: [UsageDiagnosisInput.StrayEvents] = []) -> [UsageFinding] {
        UsageDiagnosis.findings(UsageDiagnosisInput(externalSubscriptionId: "sub_1", externalCustomerId: "cus_1", planCode: "pro",
                                                    startedAt: start.addingTimeInterval(-90 * 86_400), periodStart: start, periodEnd: end, now: now,
                                                    charges: charges, metrics: metrics, events: events, strayEvents: strays))
    }

    var cleanEvents: [Event] {
        [event("t1", "api_calls"), event("t2", "storage_gb", ["gb": .string("12.5")]), event("t3", "storage_gb", ["gb": .number("3")]),
         event("t4", "seats", ["user_id": .string("u_1")]), event("t5", "hours", ["hours": .string("2"), "region": .string("eu")]),
         event("t6", "hours", ["hours": .string("1e1"), "region": .string("us")]),
         // Last month's event, received last month: history, not a problem.
         event("t0", "api_calls", at: -86_400)]
    }

    @Test func cleanEventsGiveNothing() {
        #expect(diagnose(cleanEvents).isEmpty)
    }

    @Test func everyRuleFindsItsKind() throws {
        let events = cleanEvents + [
            event("u1", "storage_gbs"), event("u2", "storage_gbs"), event("u3", "peak_vcpu", ["vcpu": .number("4")]),
            event("o1", "api_calls", at: -3 * 86_400, received: 86_400),
            event("f1", "api_calls", at: 400 * 86_400),
            event("m1", "storage_gb"), event("m2", "storage_gb", ["gb": .null]),
            event("n1", "storage_gb", ["gb": .string("12 GB")]), event("n2", "storage_gb", ["gb": .bool(true)]),
            event("x1", "hours", ["hours": .string("1"), "region": .string("EU")]), event("x2", "hours", ["hours": .string("1")]),
        ]
        let strays = [UsageDiagnosisInput.StrayEvents(externalSubscriptionId: "sub_0", status: "terminated",
                                                      events: [event("s1", "api_calls"), event("s2", "not_charged")])]
        let found = diagnose(events, strays: strays)
        #expect(Set(found.map(\.kind)) == Set(UsageFindingKind.allCases), "\(found.map(\.kind))")
        let unknown = found.filter { $0.kind == .unknownCode }
        #expect(unknown.map(\.subject) == ["storage_gbs", "peak_vcpu"])
        #expect(unknown[0].count == 2 && unknown[0].examples == ["u1", "u2"])
        #expect(unknown[0].advice.contains("did you mean storage_gb?"))
        #expect(unknown[1].advice.contains("exists but plan pro has no charge"))
        #expect(found.first { $0.kind == .outsidePeriod }?.examples == ["o1"])
        #expect(found.first { $0.kind == .futureTimestamp }?.examples == ["f1"])
        let stray = try #require(found.first { $0.kind == .otherSubscription })
        #expect(stray.subject == "sub_0" && stray.count == 1 && stray.summary.contains("sub_0 (terminated)"))
        #expect(found.first { $0.kind == .missingProperty }?.examples == ["m1", "m2"])
        let nonNumeric = try #require(found.first { $0.kind == .nonNumericProperty })
        #expect(nonNumeric.examples == ["n1", "n2"] && nonNumeric.summary.contains("12 GB"))
        let filter = try #require(found.first { $0.kind == .unmatchedFilter })
        #expect(filter.examples == ["x1", "x2"] && filter.summary.contains("region=EU"))
        #expect(filter.advice.contains("region=eu") && filter.advice.contains("region=us"))
        // Findings say which subscription and customer, for NDJSON consumers.
        #expect(found.allSatisfy { $0.externalSubscriptionId == "sub_1" && $0.externalCustomerId == "cus_1" })
    }

    @Test func strayIdsTellTypoFromAnotherSubscription() {
        #expect(UsageDiagnosis.looksAlike("sub_acme_1", "sub-acme-1"))
        #expect(UsageDiagnosis.looksAlike("sub_acme_1", "SUB_ACME_1"))
        #expect(UsageDiagnosis.looksAlike("sub_acme_1", "sub_acme_11"))
        #expect(!UsageDiagnosis.looksAlike("sub_acme_1", "sub_globex_1"))
        #expect(!UsageDiagnosis.looksAlike("sub_acme_1", "sub_acme_1"))
        let found = diagnose(cleanEvents, strays: [.init(externalSubscriptionId: "sub-1", status: nil, events: [event("s1", "api_calls")])])
        #expect(found.map(\.kind) == [.otherSubscription])
        #expect(found.first?.summary.contains("which no subscription has") == true)
    }

    // MARK: - Against the sandbox

    /// The active subscription of the showcase customer named `name`.
    func activeSubscription(named name: String, _ client: LagoClient) async throws -> Subscription {
        let customers = try await client.allRecords(.customers, as: Customer.self).allItems()
        let customer = try #require(customers.first { $0.name == name })
        let subs = try await client.allRecords(.subscriptions, filters: [("status", ["active"]), ("external_customer_id", [customer.externalId])],
                                               as: Subscription.self).allItems()
        return try #require(subs.first)
    }

    @Test func sandboxShowcaseSubscriptionsCarryEveryKind() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let lumiere = try await activeSubscription(named: "Brasserie Lumière SAS", client)
            let kestrel = try await activeSubscription(named: "Kestrel Robotics Ltd", client)
            let northwind = try await activeSubscription(named: "Northwind Analytics Inc.", client)
            let onLumiere = try await client.diagnoseUsage(subscription: lumiere.externalId)
            let onKestrel = try await client.diagnoseUsage(subscription: kestrel.externalId)
            #expect(onLumiere.map(\.kind) == [.unknownCode, .futureTimestamp, .missingProperty, .nonNumericProperty], "\(onLumiere)")
            #expect(onKestrel.map(\.kind) == [.outsidePeriod, .otherSubscription, .unmatchedFilter], "\(onKestrel)")
            #expect(onLumiere.first?.subject == "storage_gbs" && onLumiere.first?.count == 5)
            #expect(onKestrel.first { $0.kind == .otherSubscription }?.summary.contains("(terminated)") == true)
            #expect(onKestrel.first { $0.kind == .unmatchedFilter }?.count == 5)
            // The subscription the demo opens on is clean.
            let onNorthwind = try await client.diagnoseUsage(subscription: northwind.externalId)
            #expect(onNorthwind.isEmpty, "\(onNorthwind)")
            // Examples are real events: each can be opened by its transaction id.
            for finding in onLumiere + onKestrel {
                let opened = try await client.record(.events, key: try #require(finding.examples.first), as: Event.self)
                #expect(opened.transactionId == finding.examples.first)
            }
        }
    }
}
