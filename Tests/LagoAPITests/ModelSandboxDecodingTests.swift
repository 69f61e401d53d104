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

    @Test func customersSubscriptionsAndInvoicesDecodeCompletely() async throws {
        try await withSandbox { client in
            let customers = try checkRaw(try await client.rawList(CustomerListQuery()), as: Customer.self)
            #expect(!customers.isEmpty)
            let subscriptions = try checkRaw(
                try await client.rawList(SubscriptionListQuery(statuses: SubscriptionListQuery.allStatuses)), as: Subscription.self)
            #expect(!subscriptions.isEmpty)
            let invoices = try checkRaw(try await client.rawList(InvoiceListQuery()), as: Invoice.self)
            #expect(!invoices.isEmpty)
            #expect(invoices.allSatisfy { $0.totalAmount != nil && $0.status?.isKnown == true })

            let customer = try #require(customers.first)
            #expect(try await client.customer(externalId: customer.externalId).lagoId == customer.lagoId)
            let invoice = try #require(invoices.first)
            let detail = try await client.invoice(lagoId: invoice.lagoId)
            #expect(detail.number == invoice.number)
            #expect(detail.fees != nil, "the detail of an invoice carries its fees")
            let subscription = try #require(subscriptions.first { $0.status == .active })
            #expect(try await client.subscription(externalId: subscription.externalId).plan?.code == subscription.planCode)
        }
    }
}
