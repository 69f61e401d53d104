import Foundation

// The resource catalogue: one row per Lago resource, the only place lagotui spells a
// resource's paths, roots, record key, paging, filters, search fields, freshness,
// invalidation and web-app page. The browser (`:` commands, quick filters, completion,
// lookup, web links), `get`/`export`/`sync` (flags, validation, requests), the page cache
// (freshness, invalidation, search) and the contract tests are projections of these rows.
//
// Row format (`ResourceEntry`):
//
//   path             "/invoices"          records at {path}/{key}; lists too unless nested
//   parent           .wallets             nested list: {parent path}/{parent id}{path}
//   collectionRoot   "invoices"           list body: {"invoices": [...], "meta": {...}}
//   recordRoot       "invoice"            record body: {"invoice": {...}}
//   recordKeyField   "lago_id"            the field {key} takes (external_id, code, ...)
//   isPaginated      true                 false: no page/per_page is sent, no meta comes back
//   filters          [FilterSpec]         in the order export sends them, see below
//   positionalFilter "external_customer_id"   what `:inv cus_1` sets
//   searchFields     ["number"]           fields indexed for instant offline search
//   maxAge           60                   seconds a cached page counts as fresh
//   invalidates      [.fees, .payments]   lists a changed record can make wrong
//   changesUsage     true                 a changed record changes current usage
//   webPath          "plan/{lago_id}/overview"   page in Lago's web app; {a|b}: field a, else b
//   noun             "add-on"             singular for messages (default: recordRoot spaced)
//
// A filter (`FilterSpec`) is one line:
//
//   .init("statuses", .array, .values(InvoiceStatus.listable), key: "status", flag: "status")
//          wire name     shape   domain (from the model enum)   `:inv status=`  `--status`
//
// The wire name is the OpenAPI spec's, without `[]`; shape is `.scalar` (`name=v`), `.array`
// (`name[]=v`, always), `.scalarOrArray` (either; the spec declares the scalar) or `.path` (the
// parent's id in a nested list's path). `key` defaults to the wire name. Where the real server
// differs from the spec, the row follows the server and `CatalogContractTests` lists why.
//
// Adding a resource: a `LagoResource` case and its row below. Adding a filter: one line in its
// row (plus an `@Option` in `FilterOptions` if it needs a command-line flag no resource has yet).

extension FilterSpec {
    /// The key of the server search filter: `:cus ?acme`, `search=`, `--search`.
    public static let searchKey = "search"

    static let search = FilterSpec("search_term", key: searchKey, flag: "search")
    static let customer = FilterSpec("external_customer_id", aliases: ["customer"], flag: "customer")
    static let subscription = FilterSpec("external_subscription_id", flag: "subscription")
    static let currency = FilterSpec("currency", .scalar, .currency, flag: "currency")
    static let billingEntities = FilterSpec("billing_entity_codes", .array, flag: "billing-entity")
    static let issuedFrom = FilterSpec("issuing_date_from", .scalar, .date, flag: "issued-from")
    static let issuedTo = FilterSpec("issuing_date_to", .scalar, .date, flag: "issued-to")
    static let amountFrom = FilterSpec("amount_from", .scalar, .cents, flag: "amount-from")
    static let amountTo = FilterSpec("amount_to", .scalar, .cents, flag: "amount-to")
    static func boolean(_ wire: String) -> FilterSpec { FilterSpec(wire, .scalar, .bool) }
}

extension InvoiceStatus {
    /// The statuses an invoice list can be filtered by and shows: the others never leave the
    /// server's list queries (BEHAVIOUR.md §3, `invoice.rb:152-153`).
    public static let listable: [InvoiceStatus] = [.draft, .finalized, .voided, .failed, .pending]
}

extension ApiLogHTTPMethod {
    /// The methods an API log can have: only mutating requests are logged (BEHAVIOUR.md §3,
    /// `api_loggable.rb:24-26`); the others stay decodable for servers that log more.
    public static let logged: [ApiLogHTTPMethod] = [.post, .put, .delete]
}

extension LagoResource {
    /// This resource's catalogue row.
    public var entry: ResourceEntry { Self.catalogue[self]! }

    /// Every row, built once.
    static let catalogue: [LagoResource: ResourceEntry] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.row) })

    private var row: ResourceEntry {
        switch self {
        case .customers:
            ResourceEntry(
                path: "/customers", collectionRoot: "customers", recordRoot: "customer", recordKeyField: "external_id",
                filters: [
                    .search, .init("external_id"), .init("account_type", .array, .cases(of: CustomerAccountType.self)),
                    .init("customer_type", .scalar, .cases(of: CustomerType.self)), .init("countries", .array),
                    .init("currencies", .array, .currency, flag: "currency"), .billingEntities,
                    .boolean("has_tax_identification_number"),
                ],
                positionalFilter: "external_id", searchFields: ["name", "legal_name", "email", "external_id"], maxAge: 300,
                invalidates: [.subscriptions], changesUsage: true, webPath: "customer/{lago_id}")
        case .subscriptions:
            ResourceEntry(
                path: "/subscriptions", collectionRoot: "subscriptions", recordRoot: "subscription", recordKeyField: "external_id",
                filters: [
                    .init("status", .array, .cases(of: SubscriptionStatus.self), flag: "status", narrowsWhenAbsent: true),
                    .customer, .init("plan_code", flag: "plan"), .init("external_id"), .currency,
                    .init("overridden", .scalar, .bool, aliases: ["overriden"]), .billingEntities,
                ],
                positionalFilter: "external_customer_id", searchFields: ["external_id", "plan_code"], maxAge: 300,
                invalidates: [.invoices], changesUsage: true,
                webPath: "customer/{lago_customer_id}/subscription/{lago_id}/overview")
        case .invoices:
            ResourceEntry(
                path: "/invoices", collectionRoot: "invoices", recordRoot: "invoice",
                filters: [
                    .init("statuses", .array, .values(InvoiceStatus.listable), key: "status", flag: "status"),
                    .init("payment_statuses", .array, .cases(of: InvoicePaymentStatus.self), key: "payment_status",
                          flag: "payment-status"),
                    .init("payment_overdue", .scalar, .bool, flag: "overdue"), .customer, .search, .currency,
                    .issuedFrom, .issuedTo, .amountFrom, .amountTo,
                    .init("invoice_type", .scalarOrArray, .cases(of: InvoiceType.self), flag: "invoice-type"),
                    .billingEntities, .boolean("payment_dispute_lost"), .boolean("partially_paid"), .boolean("self_billed"),
                    .init("purchase_order_number"),
                ],
                positionalFilter: "external_customer_id", searchFields: ["number"], maxAge: 60,
                invalidates: [.fees, .payments, .creditNotes], changesUsage: true,
                webPath: "customer/{customer.lago_id|lago_customer_id}/invoice/{lago_id}/overview")
        case .fees:
            ResourceEntry(
                path: "/fees", collectionRoot: "fees", recordRoot: "fee",
                filters: [
                    .customer, .subscription, .currency,
                    .init("fee_type", .scalar, .cases(of: FeeType.self), flag: "fee-type"),
                    .init("payment_status", .scalar, .cases(of: FeePaymentStatus.self), flag: "payment-status"),
                    .init("billable_metric_code", flag: "billable-metric"), .init("event_transaction_id"),
                    .init("created_at_from", .scalar, .timestamp, flag: "from"),
                    .init("created_at_to", .scalar, .timestamp, flag: "to"),
                ],
                positionalFilter: "external_customer_id", maxAge: 60, invalidates: [.invoices])
        case .payments:
            ResourceEntry(
                path: "/payments", collectionRoot: "payments", recordRoot: "payment",
                filters: [.customer, .init("invoice_id", .scalar, .uuid, flag: "invoice")],
                positionalFilter: "external_customer_id", maxAge: 60, invalidates: [.invoices])
        case .creditNotes:
            ResourceEntry(
                path: "/credit_notes", collectionRoot: "credit_notes", recordRoot: "credit_note",
                filters: [
                    .customer, .search, .currency, .issuedFrom, .issuedTo, .amountFrom, .amountTo, .billingEntities,
                    .init("invoice_number"), .init("reason", .scalarOrArray, .cases(of: CreditNoteReason.self)),
                    .init("credit_status", .scalarOrArray, .cases(of: CreditNoteCreditStatus.self)),
                    .init("refund_status", .scalarOrArray, .cases(of: CreditNoteRefundStatus.self)),
                    .init("types", .scalarOrArray, .cases(of: CreditNoteType.self)),
                ],
                positionalFilter: "external_customer_id", maxAge: 60, invalidates: [.invoices, .wallets])
        case .wallets:
            ResourceEntry(
                path: "/wallets", collectionRoot: "wallets", recordRoot: "wallet",
                filters: [.customer, .currency, .billingEntities],
                positionalFilter: "external_customer_id", maxAge: 60, invalidates: [.walletTransactions],
                webPath: "customer/{lago_customer_id}/wallet/{lago_id}")
        case .walletTransactions:
            ResourceEntry(
                path: "/wallet_transactions", parent: .wallets, collectionRoot: "wallet_transactions", recordRoot: "wallet_transaction",
                filters: [
                    .init("wallet_id", .path, .uuid, flag: "wallet"),
                    .init("status", .scalar, .cases(of: WalletTransactionStatus.self), flag: "status"),
                    .init("transaction_type", .scalar, .cases(of: WalletTransactionType.self), flag: "transaction-type"),
                    .init("transaction_status", .scalar, .cases(of: WalletTransactionTransactionStatus.self),
                          flag: "transaction-status"),
                ],
                positionalFilter: "wallet_id", maxAge: 60, invalidates: [.wallets])
        case .billableMetrics:
            ResourceEntry(
                path: "/billable_metrics", collectionRoot: "billable_metrics", recordRoot: "billable_metric", recordKeyField: "code",
                maxAge: 3600, webPath: "billable-metric/{lago_id}")
        case .plans:
            ResourceEntry(
                path: "/plans", collectionRoot: "plans", recordRoot: "plan", recordKeyField: "code", searchFields: ["code", "name"],
                maxAge: 3600, webPath: "plan/{lago_id}/overview")
        case .coupons:
            ResourceEntry(
                path: "/coupons", collectionRoot: "coupons", recordRoot: "coupon", recordKeyField: "code", maxAge: 3600,
                webPath: "coupon/{lago_id}/overview")
        case .addOns:
            ResourceEntry(
                path: "/add_ons", collectionRoot: "add_ons", recordRoot: "add_on", recordKeyField: "code", maxAge: 3600,
                webPath: "add-on/{lago_id}", noun: "add-on")
        case .taxes:
            ResourceEntry(path: "/taxes", collectionRoot: "taxes", recordRoot: "tax", recordKeyField: "code", maxAge: 3600)
        case .events:
            ResourceEntry(
                path: "/events", collectionRoot: "events", recordRoot: "event", recordKeyField: "transaction_id",
                filters: [
                    .subscription, .init("code", flag: "code"),
                    .init("timestamp_from", .scalar, .timestamp, flag: "from"),
                    .init("timestamp_to", .scalar, .timestamp, flag: "to"),
                ],
                positionalFilter: "external_subscription_id", maxAge: 30)
        case .billingEntities:
            ResourceEntry(
                path: "/billing_entities", collectionRoot: "billing_entities", recordRoot: "billing_entity", recordKeyField: "code",
                isPaginated: false, maxAge: 300)
        case .apiLogs:
            ResourceEntry(
                path: "/api_logs", collectionRoot: "api_logs", recordRoot: "api_log", recordKeyField: "request_id",
                filters: [
                    .init("from_date", .scalar, .date, flag: "from"), .init("to_date", .scalar, .date, flag: "to"),
                    .init("http_methods", .array, .values(ApiLogHTTPMethod.logged), flag: "http-method"),
                    .init("http_statuses", .array, .httpStatus, flag: "http-status"), .init("api_version"),
                    .init("request_paths", .array), .init("clients", .array),
                ],
                maxAge: 30, noun: "API log")
        case .activityLogs:
            // Premium only (403 feature_unavailable otherwise); the index keeps the last 30 days.
            ResourceEntry(
                path: "/activity_logs", collectionRoot: "activity_logs", recordRoot: "activity_log", recordKeyField: "activity_id",
                filters: [
                    .init("from_date", .scalar, .timestamp, flag: "from"), .init("to_date", .scalar, .timestamp, flag: "to"),
                    .init("activity_types", .array, key: "type", flag: "activity-type"),
                    .init("activity_sources", .array, .oneOf(["api", "front", "system"]), key: "source", flag: "activity-source"),
                    .init("user_emails", .array, key: "user", flag: "user-email"),
                    .customer, .subscription,
                    .init("resource_ids", .array, flag: "resource-id"), .init("resource_types", .array, flag: "resource-type"),
                ],
                positionalFilter: "external_customer_id", maxAge: 30, noun: "activity")
        case .paymentRequests:
            ResourceEntry(
                path: "/payment_requests", collectionRoot: "payment_requests", recordRoot: "payment_request",
                filters: [.currency, .customer, .init("payment_status", .scalar, .cases(of: InvoicePaymentStatus.self), flag: "payment-status"), .billingEntities],
                positionalFilter: "external_customer_id", maxAge: 60, invalidates: [.invoices], noun: "payment request")
        }
    }
}
