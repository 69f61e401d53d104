import Foundation
import LagoAPI

/// A stream's validated filters, ready to send: the query of its list (or, for the usage
/// streams, of the subscriptions they walk) and the extra scoping nested streams need.
public struct StreamQuery: Sendable, Equatable {
    public let stream: ExportStream
    /// Query parameters of the list request (the subscription list for usage streams, the
    /// parent list for nested streams such as wallet_transactions).
    public var listItems: [URLQueryItem]
    /// Query parameters of each nested request (past usage, wallet transactions).
    public var childItems: [URLQueryItem]
    /// wallet_transactions of one wallet only.
    public var walletID: String?
    /// Usage streams of one subscription only (matched on its external id).
    public var subscriptionFilter: String?

    /// Validates `filters` for `stream`; every problem is a usage error naming the flag. A
    /// resource stream's filters are its catalogue row's: found by flag, validated by domain,
    /// sent by shape. Only the two usage streams are spelled here.
    public static func build(_ stream: ExportStream, filters: FilterOptions) throws -> StreamQuery {
        let allowed = Set(stream.filters)
        let given = filters.given
        for (filter, _) in given where !allowed.contains(filter) {
            let accepted = stream.filters.map(\.flag).joined(separator: ", ")
            throw CommandFailure(.usage, accepted.isEmpty
                ? "\(filter.flag) is not a filter of \(stream.rawValue) (it takes no filters)"
                : "\(filter.flag) is not a filter of \(stream.rawValue) (it accepts \(accepted))")
        }
        let values = Dictionary(uniqueKeysWithValues: given.map { ($0.filter.name, $0.values) })
        try checkRanges(values)
        var query = StreamQuery(stream: stream, listItems: [], childItems: [], walletID: nil, subscriptionFilter: nil)
        switch stream {
        case let .resource(resource):
            let entry = resource.entry
            if let parent = entry.parent {
                query.listItems = try items(of: parent.entry, values, stream: stream)
                query.childItems = try items(of: entry, values, stream: stream)
                query.walletID = try entry.parentFilter.flatMap { try validated(values, $0, stream: stream).first }
            } else {
                query.listItems = try items(of: entry, values, stream: stream)
            }
        case let .analytics(series):
            // Spelled by the series, as the browser's charts send them.
            query.listItems = series.query(
                months: nil,
                externalCustomerId: try FilterValidation.text(values["customer"]?.first, flag: "--customer"),
                currency: try FilterValidation.text(values["currency"]?.first, flag: "--currency"),
                billingEntity: try FilterValidation.text(values["billing-entity"]?.first, flag: "--billing-entity"))
        case .customerUsage, .customerUsagePast:
            // These walk subscriptions: current usage exists only for active ones.
            let subscriptions = LagoResource.subscriptions.entry
            var walked = values
            walked["status"] = stream == .customerUsage ? [SubscriptionStatus.active.rawValue] : nil
            walked["subscription"] = nil
            query.listItems = try items(of: subscriptions, walked, stream: stream)
            query.subscriptionFilter = try FilterValidation.text(values["subscription"]?.first, flag: "--subscription")
            let usage = CustomerUsageEndpoint.past
            if let code = try FilterValidation.text(values["billable-metric"]?.first, flag: "--billable-metric") {
                query.childItems.append(usage.billableMetricItem(code))
            }
            if let periods = try FilterValidation.count(values["periods"]?.first, flag: "--periods") {
                query.childItems.append(usage.periodsItem(periods))
            }
        }
        return query
    }

    /// The query items of `entry`'s filters that have a flag, in the row's order. A filter that
    /// narrows the list while absent (subscription status) sends its whole domain instead.
    static func items(of entry: ResourceEntry, _ values: [String: [String]], stream: ExportStream) throws -> [URLQueryItem] {
        var items: [URLQueryItem] = []
        for spec in entry.filters where spec.shape != .path {
            guard let flag = spec.flag else { continue }
            if values[flag] == nil {
                if spec.narrowsWhenAbsent { items += spec.queryItems(spec.domain.knownValues) }
                continue
            }
            items += spec.queryItems(try validated(values, spec, stream: stream))
        }
        return items
    }

    static func validated(_ values: [String: [String]], _ spec: FilterSpec, stream: ExportStream) throws -> [String] {
        guard let flag = spec.flag, let raw = values[flag] else { return [] }
        return try FilterValidation.values(raw, spec: spec, flag: "--" + flag, stream: stream)
    }

    /// Bounds given both ways round are a usage error, not an empty export.
    static func checkRanges(_ values: [String: [String]]) throws {
        let issuedFrom = try FilterValidation.date(values["issued-from"]?.first, flag: "--issued-from")
        let issuedTo = try FilterValidation.date(values["issued-to"]?.first, flag: "--issued-to")
        if let issuedFrom, let issuedTo, issuedFrom > issuedTo {
            throw CommandFailure(.usage, "--issued-from \(issuedFrom) is after --issued-to \(issuedTo)")
        }
        let amountFrom = try FilterValidation.cents(values["amount-from"]?.first, flag: "--amount-from")
        let amountTo = try FilterValidation.cents(values["amount-to"]?.first, flag: "--amount-to")
        if let amountFrom, let amountTo, amountFrom > amountTo {
            throw CommandFailure(.usage, "--amount-from (\(amountFrom)) is greater than --amount-to (\(amountTo))")
        }
    }
}
