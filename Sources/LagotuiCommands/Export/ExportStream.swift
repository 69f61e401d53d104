import Foundation
import LagoAPI

/// Every stream `lagotui export` and `lagotui sync` know: the streams the Airbyte, Nexla and dlt
/// connectors for Lago offer, under the same names.
public enum ExportStream: String, CaseIterable, Sendable {
    case customers
    case subscriptions
    case invoices
    case fees
    case payments
    case creditNotes = "credit_notes"
    case wallets
    case walletTransactions = "wallet_transactions"
    case billableMetrics = "billable_metrics"
    case plans
    case coupons
    case addOns = "add_ons"
    case taxes
    case events
    case billingEntities = "billing_entities"
    case apiLogs = "api_logs"
    /// Current usage of every active subscription: one record per subscription and charge.
    case customerUsage = "customer_usage"
    /// Invoiced usage periods of every subscription.
    case customerUsagePast = "customer_usage_past"

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
    public var resource: LagoResource? { LagoResource(rawValue: rawValue) }

    public var shape: Shape {
        switch self {
        case .walletTransactions: return .walletTransactions
        case .customerUsage: return .currentUsage
        case .customerUsagePast: return .pastUsage
        default:
            let resource = self.resource!
            return .list(path: resource.path, collectionKey: resource.collectionKey)
        }
    }

    /// The filters this stream accepts (the API's own, nothing invented).
    public var filters: [ExportFilter] {
        switch self {
        case .customers: return [.search, .currency, .billingEntity]
        case .subscriptions: return [.status, .customer, .plan, .currency, .billingEntity]
        case .invoices:
            return [.status, .paymentStatus, .overdue, .customer, .search, .currency, .issuedFrom, .issuedTo, .amountFrom,
                    .amountTo, .invoiceType, .billingEntity]
        case .fees: return [.customer, .subscription, .currency, .feeType, .paymentStatus, .billableMetric, .from, .to]
        case .payments: return [.customer, .invoice]
        case .creditNotes: return [.customer, .search, .currency, .issuedFrom, .issuedTo, .amountFrom, .amountTo, .billingEntity]
        case .wallets: return [.customer, .currency, .billingEntity]
        case .walletTransactions: return [.wallet, .customer, .status, .transactionType, .transactionStatus]
        case .events: return [.subscription, .code, .from, .to]
        case .apiLogs: return [.from, .to, .httpMethod, .httpStatus]
        case .customerUsage: return [.customer, .subscription, .plan]
        case .customerUsagePast: return [.customer, .subscription, .plan, .billableMetric, .periods]
        case .billableMetrics, .plans, .coupons, .addOns, .taxes, .billingEntities: return []
        }
    }

    /// The values `--status` takes for this stream.
    public var statusValues: [String] {
        switch self {
        case .invoices: return ["draft", "finalized", "voided", "failed", "pending"]
        case .subscriptions: return ["pending", "active", "terminated", "canceled", "incomplete"]
        case .walletTransactions: return ["pending", "settled", "failed"]
        default: return []
        }
    }

    /// The values `--payment-status` takes for this stream.
    public var paymentStatusValues: [String] {
        switch self {
        case .fees: return ["pending", "succeeded", "failed", "refunded"]
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
