import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// Exports against the in-process sandbox with the real libcurl transport.
@Suite(.serialized) struct ExportSandboxTests {
    func export(_ stream: ExportStream, _ args: [String] = [], format: ExportFormat, client: LagoClient, perPage: Int = 7)
        async throws -> [OrderedJSON]
    {
        let query = try StreamQuery.build(stream, filters: try FilterOptions.parse(args))
        let sink = MemorySink()
        let writer = try makeRecordWriter(format, sink: sink)
        try await ExportEngine(source: client, perPage: perPage, concurrency: 4).run(query) { try writer.write(record: $0) }
        try writer.finish()
        return try exportedRecords(sink.data, format: format)
    }

    @Test(arguments: ExportFormat.allCases)
    func everyStreamExportsEveryRecordExactlyOnce(_ format: ExportFormat) async throws {
        try await withSandbox { sandbox in
            let stats = try await sandbox.stats()
            let client = try sandbox.client()
            for stream in ExportStream.allCases {
                guard let expected = stats[stream.rawValue] else { continue }
                let records = try await export(stream, format: format, client: client)
                #expect(records.count == expected, "\(stream.rawValue) in \(format.rawValue)")
                let ids = records.compactMap { recordIdentity($0, stream: stream) }
                #expect(ids.count == records.count, "\(stream.rawValue): every record has an id")
                #expect(Set(ids).count == ids.count, "\(stream.rawValue) in \(format.rawValue): no duplicates")
            }
        }
    }

    @Test func customerUsageHasOneRecordPerActiveSubscriptionAndCharge() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let active = try await client.rawPage("/subscriptions", collectionKey: "subscriptions",
                                                  query: [URLQueryItem(name: "status[]", value: "active")], page: 1, perPage: 1000)
            let activeIDs = Set(try active.items.map { try OrderedJSON.parse($0)["external_id"]?.stringValue ?? "" })
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
            let all = try await export(.invoices, format: .ndjson, client: client)
            let finalized = try await export(.invoices, ["--status", "finalized"], format: .ndjson, client: client)
            #expect(!finalized.isEmpty && finalized.count < all.count)
            #expect(finalized.allSatisfy { $0["status"]?.stringValue == "finalized" })
            #expect(finalized.count == all.filter { $0["status"]?.stringValue == "finalized" }.count)

            let customer = try #require(all.first?["customer"]?["external_id"]?.stringValue)
            let mine = try await export(.invoices, ["--customer", customer], format: .ndjson, client: client)
            #expect(!mine.isEmpty && mine.count < all.count)
            #expect(mine.allSatisfy { $0["customer"]?["external_id"]?.stringValue == customer })

            let subscriptions = try await export(.subscriptions, format: .ndjson, client: client)
            let active = try await export(.subscriptions, ["--status", "active"], format: .ndjson, client: client)
            #expect(active.count < subscriptions.count)
            #expect(active.allSatisfy { $0["status"]?.stringValue == "active" })

            let dates = all.compactMap { $0["issuing_date"]?.stringValue }.sorted()
            let middle = dates[dates.count / 2]
            let recent = try await export(.invoices, ["--issued-from", middle], format: .ndjson, client: client)
            #expect(recent.allSatisfy { ($0["issuing_date"]?.stringValue ?? "") >= middle })
            #expect(recent.count == dates.filter { $0 >= middle }.count)
        }
    }

    @Test func csvEscapesFormulasFromTheAPI() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let query = try StreamQuery.build(.customers, filters: try FilterOptions.parse([]))
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
