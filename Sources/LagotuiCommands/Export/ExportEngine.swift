import Foundation
import LagoAPI

/// Counts of one finished export.
public struct ExportSummary: Sendable, Equatable {
    public var records: Int
    public var pages: Int
}

/// Reads one stream from the API and hands each record, in the API's order, to a sink
/// closure: the shared core of `export`, `get` (lists) and the benchmark.
public struct ExportEngine: Sendable {
    public let source: any RawRecordSource
    public let perPage: Int
    public let concurrency: Int

    public init(source: any RawRecordSource, perPage: Int = 100, concurrency: Int = 8) {
        self.source = source
        self.perPage = perPage
        self.concurrency = concurrency
    }

    var pages: OrderedPageFetcher { OrderedPageFetcher(source: source, perPage: perPage, concurrency: concurrency) }

    /// Exports every record of `query`'s stream through `record`.
    @discardableResult
    public func run(_ query: StreamQuery, progress: ProgressReporter? = nil, record: (Data) throws -> Void) async throws
        -> ExportSummary
    {
        var summary = ExportSummary(records: 0, pages: 0)
        func take(_ page: RawPage) throws {
            for item in page.items { try record(item) }
            summary.records += page.items.count
            summary.pages += 1
            progress?.advance(records: page.items.count)
        }
        switch query.stream.shape {
        case let .list(path, collectionKey):
            let paginated = query.stream.isPaginated
            try await pages.fetchAll(path: path, collectionKey: collectionKey, query: query.listItems, paginated: paginated,
                                     readAhead: concurrency - 1, onFirst: { meta in
                progress?.setTotals(records: meta.totalCount, pages: meta.totalPages)
            }, deliver: { try take($0) })
        case .walletTransactions:
            let wallets = LagoResource.wallets, transactions = LagoResource.walletTransactions
            try await eachParent(path: wallets.path, collectionKey: wallets.collectionKey, query: query.listItems, only: query.walletID) { wallet in
                guard let id = wallet["lago_id"]?.stringValue else { return }
                try await pages.fetchAll(
                    path: wallets.recordPath(id: id) + transactions.path, collectionKey: transactions.collectionKey,
                    query: query.childItems, deliver: { try take($0) })
            }
        case .currentUsage:
            try await currentUsage(query, summary: &summary, progress: progress, record: record)
        case .pastUsage:
            let subscriptions = LagoResource.subscriptions, past = CustomerUsageEndpoint.past
            try await eachParent(path: subscriptions.path, collectionKey: subscriptions.collectionKey, query: query.listItems, only: nil) { sub in
                guard let ids = Self.subscriptionIDs(sub), query.subscriptionFilter == nil || query.subscriptionFilter == ids.subscription
                else { return }
                var items = query.childItems
                items.insert(past.subscriptionItem(ids.subscription), at: 0)
                try await pages.fetchAll(
                    path: past.path(externalCustomerId: ids.customer), collectionKey: past.rootKey, query: items,
                    deliver: { page in
                        for item in page.items {
                            let period = try JSONValue.parse(item)
                            try record(Self.prefixed(period, with: [
                                ("external_customer_id", .string(ids.customer)),
                                ("external_subscription_id", .string(ids.subscription)),
                            ]).compactData)
                        }
                        summary.records += page.items.count
                        summary.pages += 1
                        progress?.advance(records: page.items.count)
                    })
            }
        }
        return summary
    }

    /// Walks a parent list (wallets, subscriptions) page by page and runs `body` per item.
    private func eachParent(path: String, collectionKey: String, query: [URLQueryItem], only lagoID: String?,
                            body: (JSONValue) async throws -> Void) async throws {
        if let lagoID {
            try await body(.object([("lago_id", .string(lagoID))]))
            return
        }
        try await pages.fetchAll(path: path, collectionKey: collectionKey, query: query) { page in
            for item in page.items { try await body(try JSONValue.parse(item)) }
        }
    }

    /// Current usage: one GET per active subscription (`concurrency` at a time, delivered in
    /// subscription order), split into one record per charge.
    private func currentUsage(_ query: StreamQuery, summary: inout ExportSummary, progress: ProgressReporter?,
                              record: (Data) throws -> Void) async throws {
        let source = self.source
        let subscriptions = LagoResource.subscriptions, current = CustomerUsageEndpoint.current
        try await pages.fetchAll(path: subscriptions.path, collectionKey: subscriptions.collectionKey, query: query.listItems) { page in
            let subscriptions = try page.items.compactMap { item -> (customer: String, subscription: String)? in
                guard let ids = Self.subscriptionIDs(try JSONValue.parse(item)),
                      query.subscriptionFilter == nil || query.subscriptionFilter == ids.subscription else { return nil }
                return ids
            }
            let usages = try await withThrowingTaskGroup(of: (Int, JSONValue?).self) { group in
                var results = [JSONValue?](repeating: nil, count: subscriptions.count)
                var started = 0
                var running = 0
                while started < subscriptions.count || running > 0 {
                    while started < subscriptions.count, running < concurrency {
                        let index = started
                        let ids = subscriptions[index]
                        group.addTask {
                            do {
                                let usage = try await source.rawObject(
                                    current.path(externalCustomerId: ids.customer), rootKey: current.rootKey,
                                    query: [current.subscriptionItem(ids.subscription)])
                                return (index, usage)
                            } catch let error as LagoError {
                                // Terminated between the two requests: no current usage any more (Airbyte skips 405 too).
                                if case let .api(status, _, _, _) = error, status == 405 { return (index, nil) }
                                throw error
                            }
                        }
                        started += 1
                        running += 1
                    }
                    if let (index, usage) = try await group.next() {
                        results[index] = usage
                        running -= 1
                    }
                }
                return results
            }
            var written = 0
            for (ids, usage) in zip(subscriptions, usages) {
                guard let usage else { continue }
                for row in Self.usageRecords(usage, customer: ids.customer, subscription: ids.subscription) {
                    try record(row.compactData)
                    written += 1
                }
            }
            summary.records += written
            summary.pages += 1
            progress?.advance(records: written)
        }
    }

    /// One record per charge of a current-usage object; usage totals are kept with a
    /// `subscription_` prefix so they cannot be mistaken for the charge's own amounts.
    static func usageRecords(_ usage: JSONValue, customer: String, subscription: String) -> [JSONValue] {
        guard case let .object(members) = usage else { return [] }
        var header: [(key: String, value: JSONValue)] = [
            ("external_customer_id", .string(customer)), ("external_subscription_id", .string(subscription)),
        ]
        for member in members where member.key != "charges_usage" {
            switch member.key {
            case "amount_cents", "taxes_amount_cents", "total_amount_cents":
                header.append(("subscription_" + member.key, member.value))
            default:
                header.append(member)
            }
        }
        let charges = usage["charges_usage"]?.arrayValue ?? []
        if charges.isEmpty { return [.object(header + [("charge_usage", .null)])] }
        return charges.map { .object(header + [("charge_usage", $0)]) }
    }

    static func subscriptionIDs(_ subscription: JSONValue) -> (customer: String, subscription: String)? {
        guard let customer = subscription["external_customer_id"]?.stringValue,
              let external = subscription["external_id"]?.stringValue else { return nil }
        return (customer, external)
    }

    static func prefixed(_ value: JSONValue, with fields: [(key: String, value: JSONValue)]) -> JSONValue {
        guard case let .object(members) = value else { return value }
        let names = Set(fields.map(\.key))
        return .object(fields + members.filter { !names.contains($0.key) })
    }
}
