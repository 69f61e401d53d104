import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// Exports against the in-process sandbox with the real libcurl transport.
@Suite(.serialized) struct ExportSandboxTests {
    func export(_ stream: ExportStream, _ args: [String] = [], format: ExportFormat, client: LagoClient, perPage: Int = 7)
        async throws -> [JSONValue]
    {
        let query = try StreamQuery.build(stream, filters: try FilterOptions.parse(args))
        let sink = MemorySink()
        let writer = try makeRecordWriter(format, sink: sink)
        try await ExportEngine(source: client, perPage: perPage, concurrency: 4).run(query) { try writer.write(record: $0) }
        try writer.finish()
        return try exportedRecords(sink.data, format: format)
    }

    /// Whether the sandbox serves the endpoints a stream reads (probed directly, not through
    /// the exporter, so an exporter bug is never mistaken for a missing sandbox endpoint).
    func sandboxServes(_ stream: ExportStream, client: LagoClient) async throws -> Bool {
        let probe: String
        switch stream.shape {
        case let .list(path, _): probe = path
        case .walletTransactions: probe = "/wallets"
        case .currentUsage, .pastUsage:
            let subs = try await client.rawPage("/subscriptions", collectionKey: "subscriptions",
                                                query: [URLQueryItem(name: "status[]", value: "active")], page: 1, perPage: 1)
            guard let sub = try subs.items.first.map({ try JSONValue.parse($0) }),
                  let customer = sub["external_customer_id"]?.stringValue, let id = sub["external_id"]?.stringValue else { return false }
            probe = "/customers/\(LagoClient.pathSegment(customer))/\(stream == .customerUsage ? "current_usage" : "past_usage")?external_subscription_id=\(id)"
        }
        do {
            let parts = probe.split(separator: "?", maxSplits: 1)
            let query = parts.count > 1 ? parts[1].split(separator: "=").map(String.init) : []
            _ = try await client.send(.get, String(parts[0]), query: query.count == 2 ? [URLQueryItem(name: query[0], value: query[1])] : [])
            return true
        } catch LagoError.notFound(let code) where code == "resource_not_found" {
            return false
        }
    }

    @Test(arguments: ExportFormat.allCases)
    func everyStreamExportsEveryRecordExactlyOnce(_ format: ExportFormat) async throws {
        try await withSandbox { sandbox in
            let stats = try await sandbox.stats()
            let client = try sandbox.client()
            for stream in ExportStream.allCases {
                guard let expected = stats[stream.rawValue] else { continue }
                #expect(try await sandboxServes(stream, client: client), "the sandbox serves \(stream.rawValue)")
                let records = try await export(stream, format: format, client: client)
                // The sandbox's list must agree with its own stats, so the export is held to both.
                if case let .list(path, collectionKey) = stream.shape, stream != .resource(.subscriptions) {
                    let first = try await client.rawPage(path, collectionKey: collectionKey, query: [], page: 1, perPage: 1)
                    #expect(first.meta.totalCount == expected, "GET \(path) total_count agrees with /_sandbox/stats")
                }
                let target = expected
                #expect(records.count == target, "\(stream.rawValue) in \(format.rawValue)")
                let ids = records.compactMap { recordIdentity($0, stream: stream) }
                #expect(ids.count == records.count, "\(stream.rawValue): every record has an id")
                #expect(Set(ids).count == ids.count, "\(stream.rawValue) in \(format.rawValue): no duplicates")
            }
        }
    }

    @Test func customerUsageHasOneRecordPerActiveSubscriptionAndCharge() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            guard try await sandboxServes(.customerUsage, client: client) else {
                withKnownIssue("the sandbox does not serve current usage yet", isIntermittent: true) { Issue.record("not served") }
                return
            }
            let active = try await client.rawPage("/subscriptions", collectionKey: "subscriptions",
                                                  query: [URLQueryItem(name: "status[]", value: "active")], page: 1, perPage: 1000)
            let activeIDs = Set(try active.items.map { try JSONValue.parse($0)["external_id"]?.stringValue ?? "" })
            #expect(!activeIDs.isEmpty)
            let records = try await export(.customerUsage, format: .ndjson, client: client)
            #expect(Set(records.compactMap { $0["external_subscription_id"]?.stringValue }) == activeIDs)
            let keys = records.compactMap { recordIdentity($0, stream: .customerUsage) }
            #expect(Set(keys).count == records.count)
            for record in records {
                #expect(record["subscription_total_amount_cents"] != nil)
                #expect(record["charges_usage"] == nil)
            }
            let past = try await export(.customerUsagePast, format: .ndjson, client: client)
            for record in past { #expect(record["external_customer_id"]?.stringValue != nil) }
        }
    }

    @Test func filtersNarrow() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let all = try await export(.resource(.invoices), format: .ndjson, client: client)
            let finalized = try await export(.resource(.invoices), ["--status", "finalized"], format: .ndjson, client: client)
            #expect(!finalized.isEmpty && finalized.count < all.count)
            #expect(finalized.allSatisfy { $0["status"]?.stringValue == "finalized" })
            #expect(finalized.count == all.filter { $0["status"]?.stringValue == "finalized" }.count)

            let customer = try #require(all.first?["customer"]?["external_id"]?.stringValue)
            let mine = try await export(.resource(.invoices), ["--customer", customer], format: .ndjson, client: client)
            #expect(!mine.isEmpty && mine.count < all.count)
            #expect(mine.allSatisfy { $0["customer"]?["external_id"]?.stringValue == customer })

            let subscriptions = try await export(.resource(.subscriptions), format: .ndjson, client: client)
            var byStatus = 0
            for status in ExportStream.resource(.subscriptions).statusValues {
                let some = try await export(.resource(.subscriptions), ["--status", status], format: .ndjson, client: client)
                #expect(some.allSatisfy { $0["status"]?.stringValue == status })
                byStatus += some.count
            }
            #expect(byStatus == subscriptions.count)

            let dates = all.compactMap { $0["issuing_date"]?.stringValue }.sorted()
            let middle = dates[dates.count / 2]
            let recent = try await export(.resource(.invoices), ["--issued-from", middle], format: .ndjson, client: client)
            #expect(recent.allSatisfy { ($0["issuing_date"]?.stringValue ?? "") >= middle })
            #expect(recent.count == dates.filter { $0 >= middle }.count)
        }
    }

    @Test func csvEscapesFormulasFromTheAPI() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let query = try StreamQuery.build(.resource(.customers), filters: try FilterOptions.parse([]))
            let sink = MemorySink()
            let writer = try makeRecordWriter(.csv, sink: sink)
            try await ExportEngine(source: client).run(query) { try writer.write(record: $0) }
            try writer.finish()
            for row in parseCSV(sink.text).dropFirst() {
                for cell in row where ["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? "") {
                    #expect(CSVFormatting.isPlainDecimal(cell), "unescaped formula cell \(cell)")
                }
            }
        }
    }
}
