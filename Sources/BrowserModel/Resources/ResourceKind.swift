import LagoAPI

/// Every resource the browser can list: LagoAPI's `LagoResource`, the one list of Lago's
/// resources with their paths and keys. The browser adds what it needs to show and filter them.
public typealias ResourceKind = LagoResource

extension LagoResource {
    /// Human title for pane headers and breadcrumbs ("credit notes").
    public var title: String { displayName }

    /// Singular noun for messages ("invoice", "credit note").
    public var singular: String {
        switch self {
        case .addOns: "add-on"
        case .apiLogs: "API log"
        default: singularKey.replacingOccurrences(of: "_", with: " ")
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
