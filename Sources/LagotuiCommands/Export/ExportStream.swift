import BrowserModel
import Foundation
import LagoAPI

/// Every stream `lagotui export` and `lagotui sync` know: the streams the Airbyte, Nexla and dlt
/// connectors for Lago offer, under the same names.
public enum ExportStream: Hashable, Sendable, CaseIterable, RawRepresentable {
    /// Every record of a Lago resource, from its list.
    case resource(LagoResource)
    /// Current usage of every active subscription: one record per subscription and charge.
    case customerUsage
    /// Invoiced usage periods of every subscription.
    case customerUsagePast
    /// One of Lago's analytics series, a row per month (and currency, metric or payment status).
    case analytics(AnalyticsSeries)

    /// Every Lago resource, the two usage streams, then the five analytics series.
    public static var allCases: [ExportStream] {
        LagoResource.allCases.map(ExportStream.resource) + [.customerUsage, .customerUsagePast] + AnalyticsSeries.allCases.map(ExportStream.analytics)
    }

    /// The stream's name: its resource's (`credit_notes`), `customer_usage` or `customer_usage_past`.
    public var rawValue: String {
        switch self {
        case let .resource(resource): resource.rawValue
        case .customerUsage: "customer_usage"
        case .customerUsagePast: "customer_usage_past"
        case let .analytics(series): "analytics_" + series.rawValue
        }
    }

    /// False for lists Lago answers in one piece (billing entities, the analytics series).
    public var isPaginated: Bool {
        switch self {
        case let .resource(resource): resource.isPaginated
        case .customerUsage, .customerUsagePast: true
        case .analytics: false
        }
    }

    public init?(rawValue: String) {
        guard let stream = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = stream
    }

    /// How the stream is read from the API.
    public enum Shape: Sendable, Equatable {
        /// A plain paginated list.
        case list(path: String, collectionKey: String)
        /// Transactions of every wallet (`/wallets/{id}/wallet_transactions`).
        case walletTransactions
        /// `/customers/{ext}/current_usage` for every active subscription, split per charge.
        case currentUsage
        /// `/customers/{ext}/past_usage` for every subscription.
        case pastUsage
    }

    /// The API resource behind the stream; nil for the usage streams, which are computed.
    public var resource: LagoResource? {
        if case let .resource(resource) = self { resource } else { nil }
    }

    public var shape: Shape {
        switch self {
        case .resource(.walletTransactions): return .walletTransactions
        case let .resource(resource): return .list(path: resource.path, collectionKey: resource.collectionKey)
        case .customerUsage: return .currentUsage
        case .customerUsagePast: return .pastUsage
        case let .analytics(series): return .list(path: series.path, collectionKey: series.rootKey)
        }
    }

    /// The filters this stream accepts (the API's own, nothing invented): its catalogue row's
    /// flags, and for a nested list its parent's too, since export walks the parent list.
    public var filters: [ExportFilter] {
        switch self {
        case let .resource(resource):
            let specs = resource.entry.filters + (resource.parent?.entry.filters ?? [])
            var out: [ExportFilter] = []
            for filter in specs.compactMap({ $0.flag.flatMap(ExportFilter.init(name:)) }) where !out.contains(filter) {
                out.append(filter)
            }
            return out
        case .customerUsage: return [.customer, .subscription, .plan]
        case .customerUsagePast: return [.customer, .subscription, .plan, .billableMetric, .periods]
        // BEHAVIOUR.md C7: every series takes currency and billing entity; only gross revenue
        // and overdue balance honour a customer.
        case let .analytics(series): return [.currency, .billingEntity] + (series.perCustomer ? [.customer] : [])
        }
    }

    /// The values `filter` takes for this stream when they are a fixed list (its catalogue
    /// filter's domain), else none.
    public func values(of filter: ExportFilter) -> [String] {
        resource?.entry.filter(flag: filter.name)?.domain.knownValues ?? []
    }

    /// The values `--status` takes for this stream.
    public var statusValues: [String] { values(of: .status) }

    /// The stream for a name typed by the user (`credit_notes`, `credit-notes`, `creditnotes`).
    public static func named(_ name: String) -> ExportStream? {
        let normalised = name.lowercased().replacingOccurrences(of: "-", with: "_")
        return ExportStream(rawValue: normalised)
            ?? allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == normalised }
    }

    /// The list of names, for error messages and help.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
