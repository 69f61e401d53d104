/// Every Lago resource lagotui knows. What it knows about each one is its catalogue row
/// (`entry`, in `LagoResource+Catalog.swift`); the members below are that row's most used facts.
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
    case activityLogs = "activity_logs"
    case paymentRequests = "payment_requests"

    /// The path of the resource's own records: `GET {path}/{id}` fetches one. For wallet
    /// transactions this is `/wallet_transactions`; their list lives under a wallet (see `listPath`).
    public var path: String { entry.path }

    /// The key holding the array in list responses (`{"invoices": [...], "meta": {...}}`).
    public var collectionKey: String { entry.collectionRoot }

    /// The key holding the object in single-record responses (`{"invoice": {...}}`).
    public var singularKey: String { entry.recordRoot }

    /// The resource whose record a list is nested under; nil for top-level lists.
    public var parent: LagoResource? { entry.parent }

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

    /// The field that addresses one record in `GET {path}/{id}`.
    public var recordKeyField: String { entry.recordKeyField }

    /// False for lists Lago returns whole, without `meta` (`GET /billing_entities`).
    public var isPaginated: Bool { entry.isPaginated }

    /// A human name for headings and messages ("credit notes").
    public var displayName: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
