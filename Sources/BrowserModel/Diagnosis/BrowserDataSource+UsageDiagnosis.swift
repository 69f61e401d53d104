import Foundation
import LagoAPI

extension BrowserDataSource {
    /// The usage diagnosis's reads over this data source (the browser's `W`): records and
    /// list pages as the rest of the browser gets them, decoded into LagoAPI's typed models.
    /// Lists are read fresh: a diagnosis is asked for because something looks wrong now.
    var usageDiagnosisReader: UsageDiagnosisReader {
        let source = self
        return UsageDiagnosisReader(
            subscription: { try LagoJSON.decoder.decode(Subscription.self, from: try await source.record(.subscriptions, key: $0, forceRefresh: false)) },
            plan: { try LagoJSON.decoder.decode(Plan.self, from: try await source.record(.plans, key: $0, forceRefresh: false)) },
            metrics: { try await source.allItems(ListRequest(.billableMetrics), as: BillableMetric.self) },
            inactiveSubscriptions: { customer in
                try await source.allItems(ListRequest(.subscriptions, filters: [ListFilter("external_customer_id", customer),
                                                                                ListFilter("status", ["terminated", "pending", "canceled"])]),
                                          as: Subscription.self)
            },
            events: { filters, page in
                let request = ListRequest(.events, filters: filters.map { ListFilter($0.name, $0.values) })
                let result = try await source.freshPage(request, page: page, perPage: 100)
                return Page(items: try result.items.map { try LagoJSON.decoder.decode(Event.self, from: $0) },
                            meta: PageMeta(currentPage: page, nextPage: result.nextPage, totalCount: result.totalCount))
            },
            currentPeriod: { customer, subscription in
                let usage = try LagoJSON.decoder.decode(CustomerUsage.self, from: try await source.currentUsage(externalCustomerId: customer, externalSubscriptionId: subscription))
                return (usage.fromDatetime, usage.toDatetime)
            })
    }

    /// The fresh copy of one list page (a cached copy yielded first is skipped).
    func freshPage(_ request: ListRequest, page: Int, perPage: Int) async throws -> ListPageResult {
        var last: ListPageResult?
        for try await result in listPage(request, page: page, perPage: perPage, forceRefresh: true) { last = result }
        guard let last else { throw BrowserDataError.unavailable("no answer for \(request.resource.title)") }
        return last
    }

    /// Every item of a list, decoded (small lists: metrics, a customer's subscriptions).
    func allItems<Record: Decodable>(_ request: ListRequest, as type: Record.Type) async throws -> [Record] {
        var out: [Record] = []
        var page: Int? = 1
        while let current = page {
            let result = try await freshPage(request, page: current, perPage: 100)
            out += try result.items.map { try LagoJSON.decoder.decode(Record.self, from: $0) }
            page = result.nextPage
        }
        return out
    }
}
