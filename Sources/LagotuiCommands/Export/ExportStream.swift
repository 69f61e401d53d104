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

    /// Every Lago resource, then the two usage streams.
    public static var allCases: [ExportStream] { LagoResource.allCases.map(ExportStream.resource) + [.customerUsage, .customerUsagePast] }

    /// The stream's name: its resource's (`credit_notes`), `customer_usage` or `customer_usage_past`.
    public var rawValue: String {
        switch self {
        case let .resource(resource): resource.rawValue
        case .customerUsage: "customer_usage"
        case .customerUsagePast: "customer_usage_past"
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
        }
    }

    /// The filters this stream accepts (the API's own, nothing invented).
    public var filters: [ExportFilter] {
        switch self {
        case .resource(.customers): return [.search, .currency, .billingEntity]
        case .resource(.subscriptions): return [.status, .customer, .plan, .currency, .billingEntity]
        case .resource(.invoices):
            return [.status, .paymentStatus, .overdue, .customer, .search, .currency, .issuedFrom, .issuedTo, .amountFrom,
                    .amountTo, .invoiceType, .billingEntity]
        case .resource(.fees): return [.customer, .subscription, .currency, .feeType, .paymentStatus, .billableMetric, .from, .to]
        case .resource(.payments): return [.customer, .invoice]
        case .resource(.creditNotes): return [.customer, .search, .currency, .issuedFrom, .issuedTo, .amountFrom, .amountTo, .billingEntity]
        case .resource(.wallets): return [.customer, .currency, .billingEntity]
        case .resource(.walletTransactions): return [.wallet, .customer, .status, .transactionType, .transactionStatus]
        case .resource(.events): return [.subscription, .code, .from, .to]
        case .resource(.apiLogs): return [.from, .to, .httpMethod, .httpStatus]
        case .customerUsage: return [.customer, .subscription, .plan]
        case .customerUsagePast: return [.customer, .subscription, .plan, .billableMetric, .periods]
        case .resource(.billableMetrics), .resource(.plans), .resource(.coupons), .resource(.addOns), .resource(.taxes),
             .resource(.billingEntities): return []
        }
    }

    /// The values `--status` takes for this stream.
    public var statusValues: [String] {
        switch self {
        case .resource(.invoices): return ["draft", "finalized", "voided", "failed", "pending"]
        case .resource(.subscriptions): return ["pending", "active", "terminated", "canceled", "incomplete"]
        case .resource(.walletTransactions): return ["pending", "settled", "failed"]
        default: return []
        }
    }

    /// The values `--payment-status` takes for this stream.
    public var paymentStatusValues: [String] {
        switch self {
        case .resource(.fees): return ["pending", "succeeded", "failed", "refunded"]
        default: return ["pending", "succeeded", "failed"]
        }
    }

    /// The stream for a name typed by the user (`credit_notes`, `credit-notes`, `creditnotes`).
    public static func named(_ name: String) -> ExportStream? {
        let normalised = name.lowercased().replacingOccurrences(of: "-", with: "_")
        return ExportStream(rawValue: normalised)
            ?? allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == normalised }
    }

    /// The list of names, for error messages and help.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
