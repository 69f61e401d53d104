/// Every listable Lago resource with the names its endpoints use: the path under `/api/v1`,
/// the plural key of list responses and the singular key of single-record responses.
public enum LagoResource: String, CaseIterable, Sendable, Codable {
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

    /// The path of the resource's own records: `GET {path}/{id}` fetches one. For wallet
    /// transactions this is `/wallet_transactions`; their list lives under a wallet (see `listPath`).
    public var path: String { "/" + rawValue }

    /// The key holding the array in list responses (`{"invoices": [...], "meta": {...}}`).
    public var collectionKey: String { rawValue }

    /// The key holding the object in single-record responses (`{"invoice": {...}}`).
    public var singularKey: String {
        switch self {
        case .customers: "customer"
        case .subscriptions: "subscription"
        case .invoices: "invoice"
        case .fees: "fee"
        case .payments: "payment"
        case .creditNotes: "credit_note"
        case .wallets: "wallet"
        case .walletTransactions: "wallet_transaction"
        case .billableMetrics: "billable_metric"
        case .plans: "plan"
        case .coupons: "coupon"
        case .addOns: "add_on"
        case .taxes: "tax"
        case .events: "event"
        case .billingEntities: "billing_entity"
        case .apiLogs: "api_log"
        }
    }

    /// The resource whose record a list is nested under: wallet transactions are listed per
    /// wallet at `/wallets/{wallet lago_id}/wallet_transactions`. Nil for top-level lists.
    public var parent: LagoResource? {
        self == .walletTransactions ? .wallets : nil
    }

    /// The list path. Nested lists need their parent's id and return nil without it.
    public func listPath(parentID: String? = nil) -> String? {
        guard let parent else { return path }
        guard let parentID, !parentID.isEmpty else { return nil }
        return parent.recordPath(id: parentID) + path
    }

    /// The path of one record, with the identifier percent-encoded as a single path segment.
    public func recordPath(id: String) -> String {
        path + "/" + LagoClient.pathSegment(id)
    }

    /// The field that addresses one record in `GET {path}/{id}`: customers and subscriptions use
    /// their `external_id`, catalogue objects their `code`, events their `transaction_id`,
    /// API logs their `request_id`, everything else its `lago_id`.
    public var recordKeyField: String {
        switch self {
        case .customers, .subscriptions: "external_id"
        case .billableMetrics, .plans, .coupons, .addOns, .taxes, .billingEntities: "code"
        case .events: "transaction_id"
        case .apiLogs: "request_id"
        case .invoices, .fees, .payments, .creditNotes, .wallets, .walletTransactions: "lago_id"
        }
    }

    /// False for lists Lago returns whole, without `meta` (`GET /billing_entities`).
    public var isPaginated: Bool { self != .billingEntities }

    /// A human name for headings and messages ("credit notes").
    public var displayName: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
