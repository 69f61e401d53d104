import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing

/// The sandbox links an event to its fee as Lago does: one fee per event of a pay-in-advance
/// charge (Growth's seats), with `event_transaction_id`; none for an in-arrears event.
@Suite(.timeLimit(.minutes(2))) struct EventFeeSandboxTests {
    @Test func payInAdvanceEventsHaveOneFeeAndOthersNone() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let subs = try await client.allRecords(.subscriptions, filters: [("status", ["active"])], as: Subscription.self).allItems()
            let sub = try #require(subs.first { $0.planCode?.hasPrefix("growth_") == true })
            let growth = try await client.record(.plans, key: try #require(sub.planCode), as: Plan.self)
            #expect(growth.charges?.first { $0.billableMetricCode == "active_seats" }?.payInAdvance == true)
            func events(_ code: String) async throws -> [Event] {
                try await client.list(.events, filters: [("code", [code]), ("external_subscription_id", [sub.externalId])], as: Event.self).items
            }
            func fees(_ txn: String, type: String? = nil) async throws -> [Fee] {
                try await client.list(.fees, filters: [("event_transaction_id", [txn])] + (type.map { [("fee_type", [$0])] } ?? []), as: Fee.self).items
            }
            let seat = try #require(try await events("active_seats").first)
            let call = try #require(try await events("api_calls").first)

            let seatFees = try await fees(seat.transactionId)
            #expect(seatFees.count == 1)
            let fee = try #require(seatFees.first)
            #expect(fee.payInAdvance == true && fee.lagoInvoiceId == nil && (fee.amountCents ?? 0) > 0)
            #expect(fee.externalSubscriptionId == sub.externalId)
            let raw = try await client.rawPage("/fees", collectionKey: "fees", query: [URLQueryItem(name: "event_transaction_id", value: seat.transactionId)])
            let text = try #require(raw.items.first.map { String(decoding: $0, as: UTF8.self) })
            #expect(text.contains("\"event_transaction_id\":\"\(seat.transactionId)\""))
            let id = try #require(fee.lagoId)
            #expect(try await client.record(.fees, key: id, as: Fee.self).lagoId == id)

            #expect(try await fees(call.transactionId).isEmpty)
            #expect(try await fees(seat.transactionId, type: "subscription").isEmpty)
        }
    }
}
