import Foundation
import LagoSandbox
import Testing
@testable import LagoAPI

/// The sandbox's JSON (its own reading of the OpenAPI schemas) decodes into our models over the
/// real libcurl transport, and nothing it sends is dropped by a model: two independent readings
/// of the spec checking each other.
@Suite struct ModelSandboxDecodingTests {
    /// Starts a seeded sandbox, runs `body` with a client on it, and stops it.
    func withSandbox(_ body: (LagoClient) async throws -> Void) async throws {
        let server = SandboxServer(options: SandboxOptions(customers: 12, referenceDate: Date(timeIntervalSince1970: 1_767_225_600)))
        let baseURL = try await server.start()
        do {
            let configuration = LagoClientConfiguration(baseURL: baseURL, apiKey: "lago-sandbox-key", perPage: 50)
            try await body(try LagoClient(configuration: configuration, transport: CurlTransport()))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Decodes every raw item as `Record` and reports fields the model did not keep.
    @discardableResult
    func checkRaw<Record: LagoRecord & Encodable>(_ raw: RawPage, as type: Record.Type) throws -> [Record] {
        var dropped = Set<String>()
        let records = try raw.items.map { item in
            let record = try LagoJSON.decoder.decode(Record.self, from: item)
            let original = try JSONSerialization.jsonObject(with: item)
            let reencoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record))
            for path in OpenAPIExampleTests.droppedKeys(example: original, decoded: reencoded, path: Record.resource.singularKey) {
                dropped.insert(path.replacing(/\[\d+\]/, with: "[]"))
            }
            return record
        }
        #expect(dropped.isEmpty, "sandbox fields the model does not read: \(dropped.sorted())")
        return records
    }

    /// Lists one page of `query`, checks every item, and reads the first item's detail.
    @discardableResult
    func checkList<Query: LagoListQuery>(_ client: LagoClient, _ query: Query) async throws -> [Query.Record] where Query.Record: Encodable & Equatable {
        let records = try checkRaw(try await client.rawList(query, perPage: 25), as: Query.Record.self)
        let typed = try await client.list(query, perPage: 25)
        #expect(typed.items == records, "typed and raw pages agree")
        if let first = records.first {
            let detail = try await client.record(Query.Record.self, id: first.recordKey)
            #expect(detail.id == first.id, "\(Query.resource.singularKey) detail")
        }
        return records
    }

    @Test func everyListAndDetailDecodesCompletely() async throws {
        try await withSandbox { client in
            let customers = try await checkList(client, CustomerListQuery())
            #expect(!customers.isEmpty)
            let subscriptions = try await checkList(client, SubscriptionListQuery())
            try checkRaw(try await client.rawList(SubscriptionListQuery(statuses: SubscriptionListQuery.allStatuses)), as: Subscription.self)
            #expect(!subscriptions.isEmpty)
            let invoices = try await checkList(client, InvoiceListQuery())
            #expect(invoices.allSatisfy { $0.totalAmount != nil && $0.status?.isKnown == true })
            try await checkList(client, FeeListQuery())
            try await checkList(client, PaymentListQuery())
            try await checkList(client, CreditNoteListQuery())
            let wallets = try await checkList(client, WalletListQuery())
            if let wallet = wallets.first {
                try await checkList(client, WalletTransactionListQuery(walletId: wallet.lagoId))
            }
            try await checkList(client, UnfilteredListQuery<BillableMetric>())
            let plans = try await checkList(client, UnfilteredListQuery<Plan>())
            #expect(plans.contains { !($0.charges ?? []).isEmpty }, "plans embed their charges")
            try await checkList(client, UnfilteredListQuery<Coupon>())
            try await checkList(client, UnfilteredListQuery<AddOn>())
            try await checkList(client, UnfilteredListQuery<Tax>())
            try await checkList(client, EventListQuery())
            try await checkList(client, UnfilteredListQuery<BillingEntity>())

            let invoice = try #require(invoices.first)
            let detail = try await client.invoice(lagoId: invoice.lagoId)
            #expect(detail.number == invoice.number)
            #expect(detail.fees != nil, "the detail of an invoice carries its fees")
            let subscription = try #require(subscriptions.first { $0.status == .active })
            #expect(try await client.subscription(externalId: subscription.externalId).plan?.code == subscription.planCode)
        }
    }

    @Test func usageAndAnalyticsDecode() async throws {
        try await withSandbox { client in
            let subscription = try #require(try await client.subscriptions().items.first)
            let customerId = try #require(subscription.externalCustomerId)
            let usage = try await client.currentUsage(externalCustomerId: customerId, externalSubscriptionId: subscription.externalId)
            #expect(usage.currency != nil)
            #expect(usage.chargesUsage != nil)
            _ = try await client.pastUsage(externalCustomerId: customerId, externalSubscriptionId: subscription.externalId)
            _ = try await client.lifetimeUsage(externalSubscriptionId: subscription.externalId)
            _ = try await client.overdueBalance(months: 12)
            _ = try await client.grossRevenue(months: 12)
            _ = try await client.mrr(months: 12)
            _ = try await client.invoiceCollection(months: 12)
        }
    }

    @Test func actionsReturnDecodableRecords() async throws {
        try await withSandbox { client in
            let drafts = try await client.invoices(InvoiceListQuery(statuses: [.draft])).items
            if let draft = drafts.first {
                #expect(try await client.refreshInvoice(lagoId: draft.lagoId).status == .draft)
                let finalized = try await client.finalizeInvoice(lagoId: draft.lagoId)
                #expect(finalized.status == .finalized || finalized.status == .closed)
            }
            let finalized = try #require(try await client.invoices(InvoiceListQuery(statuses: [.finalized])).items.first)
            #expect(try await client.voidInvoice(lagoId: finalized.lagoId).status == .voided)
            let wallet = try #require(try await client.wallets().items.first { $0.status == .active })
            let transactions = try await client.topUpWallet(walletId: wallet.lagoId, paidCredits: 5, grantedCredits: Decimal(string: "2.5"))
            #expect(transactions.map(\.transactionStatus) == [.purchased, .granted])
        }
    }
}
