import ArgumentParser
import Foundation
import LagoAPI

/// `lagotui get RESOURCE [ID]`: one record, or a list, as JSON or a table.
public struct GetCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one record or list records (JSON or a table).",
        discussion: """
            Resources: \(ExportStream.namesList).
            IDs are what Lago looks records up by: external_id for customers and subscriptions, \
            code for plans, billable_metrics, coupons, add_ons, taxes and billing_entities, \
            transaction_id for events, request_id for api_logs, external customer id for \
            customer_usage (with --subscription), lago_id otherwise.
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "The resource.", completion: ShellCompletion.streams)
    public var resource: String

    @Argument(help: "The record's id (omit to list).")
    public var id: String?

    @OptionGroup(title: "Filters") public var filters: FilterOptions

    @Option(name: [.short, .long], help: "json (default) or table.")
    public var output: String = "json"

    @Option(name: .long, help: "List at most this many records (table default 100).")
    public var limit: Int?

    public init() {}

    public func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    private enum Style { case json, table }

    public func run() async throws {
        let stream = try ExportCommand.parseStream(resource)
        let style: Style
        switch output.lowercased() {
        case "json": style = .json
        case "table": style = .table
        default: throw CommandFailure(.usage, "--output \(FilterValidation.shown(output)) is not json or table")
        }
        if let id {
            _ = try FilterValidation.text(id, flag: "ID")
            let lookup = try GetCommand.lookup(stream, id: id, filters: filters)
            let settings = try ClientFactory.settings(global)
            let client = try ClientFactory.makeClient(settings)
            let object = try await client.rawObject(lookup.path, rootKey: lookup.rootKey, query: lookup.query)
            let sink = StandardOutputSink()
            switch style {
            case .json: try sink.write(object.compactData + Data("\n".utf8))
            case .table: try sink.write(TableRenderer.renderDetail(object))
            }
            try sink.commit()
            return
        }

        let query = try StreamQuery.build(stream, filters: filters)
        let settings = try ClientFactory.settings(global)
        let client = try ClientFactory.makeClient(settings)
        let engine = ExportEngine(source: client)
        let limit = self.limit ?? (style == .table ? 100 : Int.max)
        let sink = StandardOutputSink()
        var count = 0
        switch style {
        case .json:
            let writer = JSONArrayRecordWriter(sink: sink)
            try await GetCommand.limited(limit) {
                try await engine.run(query) { record in
                    guard count < limit else { throw ListLimitReached() }
                    try writer.write(record: record)
                    count += 1
                }
            }
            try writer.finish()
        case .table:
            var records: [JSONValue] = []
            try await GetCommand.limited(limit) {
                try await engine.run(query) { record in
                    guard records.count < limit else { throw ListLimitReached() }
                    records.append(try JSONValue.parse(record))
                }
            }
            try sink.write(TableRenderer.render(records: records, columns: TableRenderer.columns(for: stream)))
            try sink.commit()
        }
    }

    struct ListLimitReached: Error {}

    static func limited(_ limit: Int, _ body: () async throws -> Void) async throws {
        do { try await body() } catch is ListLimitReached {}
    }

    /// Where a single record lives.
    struct Lookup: Equatable {
        var path: String
        var rootKey: String
        var query: [URLQueryItem] = []
    }

    static func lookup(_ stream: ExportStream, id: String, filters: FilterOptions) throws -> Lookup {
        if let resource = stream.resource {
            var query: [URLQueryItem] = []
            if let status = resource.entry.filter(flag: ExportFilter.status.name), status.narrowsWhenAbsent {
                // GET /subscriptions/{id}, like the list, finds only active ones unless a status
                // is given; the record endpoint reads it as a plain `status=`.
                let statuses = try FilterValidation.values(filters.status, spec: status, flag: ExportFilter.status.flag, stream: stream)
                query = statuses.map { URLQueryItem(name: status.wire, value: $0) }
            }
            return Lookup(path: resource.recordPath(id: id), rootKey: resource.singularKey, query: query)
        }
        switch stream {
        case .customerUsage:
            guard let subscription = try FilterValidation.text(filters.subscription, flag: "--subscription") else {
                throw CommandFailure(.usage, "get customer_usage CUSTOMER needs --subscription EXTERNAL_SUBSCRIPTION_ID")
            }
            return Lookup(path: CustomerUsageEndpoint.current.path(externalCustomerId: id), rootKey: CustomerUsageEndpoint.current.rootKey,
                          query: [CustomerUsageEndpoint.current.subscriptionItem(subscription)])
        default:
            throw CommandFailure(.usage, "\(stream.rawValue) has no single record; list it with get \(stream.rawValue) --customer ID")
        }
    }
}
