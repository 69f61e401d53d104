/// Every resource the browser can list. Raw values are Lago's plural collection names, the same
/// as `LagoResource` in LagoAPI, so the data-source adapter maps between them by raw value.
public enum ResourceKind: String, CaseIterable, Sendable, Hashable {
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

    /// Human title for pane headers and breadcrumbs ("credit notes").
    public var title: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Singular noun for messages ("invoice").
    public var singular: String {
        switch self {
        case .customers: return "customer"
        case .subscriptions: return "subscription"
        case .invoices: return "invoice"
        case .fees: return "fee"
        case .payments: return "payment"
        case .creditNotes: return "credit note"
        case .wallets: return "wallet"
        case .walletTransactions: return "wallet transaction"
        case .billableMetrics: return "billable metric"
        case .plans: return "plan"
        case .coupons: return "coupon"
        case .addOns: return "add-on"
        case .taxes: return "tax"
        case .events: return "event"
        case .billingEntities: return "billing entity"
        case .apiLogs: return "API log"
        }
    }

    /// True when the list endpoint honours `search_term` (BEHAVIOUR.md §3).
    public var supportsServerSearch: Bool {
        switch self {
        case .customers, .invoices, .creditNotes: return true
        default: return false
        }
    }

    /// The filter a bare positional command argument sets (`:inv cus_123`).
    public var positionalFilter: String? {
        switch self {
        case .subscriptions, .invoices, .fees, .payments, .creditNotes, .wallets: return "external_customer_id"
        case .events: return "external_subscription_id"
        case .customers: return "external_id"
        default: return nil
        }
    }

    /// Server filters accepted as `key=value` command arguments (BEHAVIOUR.md §3).
    public var serverFilters: [String] {
        switch self {
        case .customers: return ["external_id", "account_type", "customer_type", "countries", "currencies", "billing_entity_codes", "has_tax_identification_number"]
        case .subscriptions: return ["external_customer_id", "plan_code", "status", "external_id", "currency", "overridden", "billing_entity_codes"]
        case .invoices: return ["external_customer_id", "status", "payment_status", "payment_overdue", "invoice_type", "currency", "issuing_date_from", "issuing_date_to", "amount_from", "amount_to", "payment_dispute_lost", "partially_paid", "self_billed", "purchase_order_number", "billing_entity_codes"]
        case .fees: return ["external_customer_id", "external_subscription_id", "currency", "billable_metric_code", "fee_type", "payment_status", "event_transaction_id", "created_at_from", "created_at_to"]
        case .payments: return ["external_customer_id", "invoice_id"]
        case .creditNotes: return ["external_customer_id", "currency", "invoice_number", "reason", "credit_status", "refund_status", "types", "issuing_date_from", "issuing_date_to", "amount_from", "amount_to", "billing_entity_codes"]
        case .wallets: return ["external_customer_id", "currency", "billing_entity_codes"]
        case .walletTransactions: return ["wallet_id", "status", "transaction_type", "transaction_status"]
        case .events: return ["code", "external_subscription_id", "timestamp_from", "timestamp_to"]
        case .apiLogs: return ["from_date", "to_date", "http_methods", "http_statuses", "api_version", "request_paths", "clients"]
        case .billableMetrics, .plans, .coupons, .addOns, .taxes, .billingEntities: return []
        }
    }

    /// Filters that are array parameters on the server (sent as `name[]=v`).
    public var arrayFilters: Set<String> {
        switch self {
        case .customers: return ["account_type", "countries", "currencies", "billing_entity_codes"]
        case .subscriptions: return ["status", "billing_entity_codes"]
        case .invoices, .creditNotes, .wallets: return ["billing_entity_codes"]
        case .apiLogs: return ["http_methods", "http_statuses", "request_paths", "clients"]
        default: return []
        }
    }
}
