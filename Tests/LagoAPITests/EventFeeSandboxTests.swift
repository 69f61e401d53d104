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
            let subs = try await client.allRecords(SubscriptionListQuery(statuses: [.active])).allItems()
            let sub = try #require(subs.first { $0.planCode?.hasPrefix("growth_") == true })
            let growth = try await client.plan(code: try #require(sub.planCode))
            #expect(growth.charges?.first { $0.billableMetricCode == "active_seats" }?.payInAdvance == true)
            let seat = try #require(try await client.events(EventListQuery(code: "active_seats", externalSubscriptionId: sub.externalId)).items.first)
            let call = try #require(try await client.events(EventListQuery(code: "api_calls", externalSubscriptionId: sub.externalId)).items.first)

            let fees = try await client.fees(FeeListQuery(eventTransactionId: seat.transactionId)).items
            #expect(fees.count == 1)
            let fee = try #require(fees.first)
            #expect(fee.payInAdvance == true && fee.lagoInvoiceId == nil && (fee.amountCents ?? 0) > 0)
            #expect(fee.externalSubscriptionId == sub.externalId)
            let raw = try await client.rawPage("/fees", collectionKey: "fees", query: [URLQueryItem(name: "event_transaction_id", value: seat.transactionId)])
            let text = try #require(raw.items.first.map { String(decoding: $0, as: UTF8.self) })
            #expect(text.contains("\"event_transaction_id\":\"\(seat.transactionId)\""))
            let id = try #require(fee.lagoId)
            #expect(try await client.fee(lagoId: id).lagoId == id)

            #expect(try await client.fees(FeeListQuery(eventTransactionId: call.transactionId)).items.isEmpty)
            #expect(try await client.fees(FeeListQuery(eventTransactionId: seat.transactionId, feeType: .subscription)).items.isEmpty)
        }
    }
}
