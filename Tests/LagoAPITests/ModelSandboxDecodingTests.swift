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

    /// Lists one page of `resource`, checks every item, and reads the first item's detail.
    @discardableResult
    func checkList<Record: LagoRecord & Encodable & Equatable>(
        _ client: LagoClient, _ resource: LagoResource, _ type: Record.Type, filters: [(name: String, values: [String])] = []
    ) async throws -> [Record] {
        let request = try LagoClient.listRequest(resource, filters)
        let raw = resource.isPaginated
            ? try await client.rawPage(request.path, collectionKey: resource.collectionKey, query: request.query, perPage: 25)
            : try await client.wholeList(request.path, collectionKey: resource.collectionKey, query: request.query)
        let records = try checkRaw(raw, as: Record.self)
        #expect(Record.resource == resource)
        let typed = try await client.list(resource, filters: filters, perPage: 25, as: Record.self)
        #expect(typed.items == records, "typed and raw pages agree")
        if let first = records.first {
            let detail = try await client.record(resource, key: first.recordKey, as: Record.self)
            #expect(detail.id == first.id, "\(resource.singularKey) detail")
        }
        return records
    }

    @Test func everyListAndDetailDecodesCompletely() async throws {
        try await withSandbox { client in
            let customers = try await checkList(client, .customers, Customer.self)
            #expect(!customers.isEmpty)
            let subscriptions = try await checkList(client, .subscriptions, Subscription.self)
            let everyStatus = [("status", SubscriptionStatus.allKnown.map(\.rawValue))]
            try checkRaw(try await client.rawPage("/subscriptions", collectionKey: "subscriptions",
                                                  query: try LagoClient.listRequest(.subscriptions, everyStatus).query), as: Subscription.self)
            #expect(!subscriptions.isEmpty)
            let invoices = try await checkList(client, .invoices, Invoice.self)
            #expect(invoices.allSatisfy { $0.totalAmount != nil && $0.status?.isKnown == true })
            try await checkList(client, .fees, Fee.self)
            try await checkList(client, .payments, Payment.self)
            try await checkList(client, .creditNotes, CreditNote.self)
            let wallets = try await checkList(client, .wallets, Wallet.self)
            if let wallet = wallets.first {
                try await checkList(client, .walletTransactions, WalletTransaction.self, filters: [("wallet_id", [wallet.lagoId])])
            }
            try await checkList(client, .billableMetrics, BillableMetric.self)
            let plans = try await checkList(client, .plans, Plan.self)
            #expect(plans.contains { !($0.charges ?? []).isEmpty }, "plans embed their charges")
            try await checkList(client, .coupons, Coupon.self)
            try await checkList(client, .addOns, AddOn.self)
            try await checkList(client, .taxes, Tax.self)
            try await checkList(client, .events, Event.self)
            try await checkList(client, .billingEntities, BillingEntity.self)

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
            let subscription = try #require(try await client.list(.subscriptions, as: Subscription.self).items.first)
            let customerId = try #require(subscription.externalCustomerId)
            let usage = try await client.currentUsage(externalCustomerId: customerId, externalSubscriptionId: subscription.externalId)
            #expect(usage.currency != nil)
            #expect(usage.chargesUsage != nil)
            let past = try await client.pastUsage(externalCustomerId: customerId, externalSubscriptionId: subscription.externalId)
            #expect(past.meta.totalCount == nil || past.meta.totalCount == past.items.count || past.meta.nextPage != nil)
            let lifetime = try await client.lifetimeUsage(externalSubscriptionId: subscription.externalId)
            #expect(lifetime.externalSubscriptionId == nil || lifetime.externalSubscriptionId == subscription.externalId)
            let overdue = try await client.overdueBalance(months: 12)
            #expect(overdue.allSatisfy { $0.month != nil && $0.amount != nil })
            let gross = try await client.grossRevenue(months: 12)
            #expect(gross.allSatisfy { $0.month != nil && $0.currency != nil })
            let mrr = try await client.mrr(months: 12)
            #expect(mrr.allSatisfy { $0.month != nil })
            let collection = try await client.invoiceCollection(months: 12)
            #expect(collection.allSatisfy { $0.paymentStatus?.isKnown ?? true })
            #expect(!(overdue.isEmpty && gross.isEmpty && mrr.isEmpty && collection.isEmpty), "the seeded sandbox has analytics")
        }
    }

    @Test func actionsReturnDecodableRecords() async throws {
        try await withSandbox { client in
            let drafts = try await client.list(.invoices, filters: [("status", ["draft"])], as: Invoice.self).items
            if let draft = drafts.first {
                #expect(try await client.refreshInvoice(lagoId: draft.lagoId).status == .draft)
                let finalized = try await client.finalizeInvoice(lagoId: draft.lagoId)
                #expect(finalized.status == .finalized || finalized.status == .closed)
            }
            let finalized = try #require(try await client.list(.invoices, filters: [("status", ["finalized"])], as: Invoice.self).items.first)
            #expect(try await client.voidInvoice(lagoId: finalized.lagoId).status == .voided)
            let wallet = try #require(try await client.list(.wallets, as: Wallet.self).items.first { $0.status == .active })
            let transactions = try await client.topUpWallet(walletId: wallet.lagoId, paidCredits: 5, grantedCredits: Decimal(string: "2.5"))
            #expect(transactions.map(\.transactionStatus) == [.purchased, .granted])
        }
    }
}
