import ArgumentParser

/// The API's own list filters as flags. Which stream accepts which is in `ExportStream.filters`;
/// `StreamQuery` validates the values and turns them into query parameters.
public struct FilterOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Status (repeatable or comma-separated): invoices, subscriptions, wallet_transactions.",
            completion: ShellCompletion.statusValues)
    public var status: [String] = []
    @Option(name: .customLong("payment-status"), help: "Payment status: pending, succeeded, failed (fees also refunded).",
            completion: ShellCompletion.paymentStatusValues)
    public var paymentStatus: [String] = []
    @Flag(name: .long, help: "Only overdue invoices (payment_overdue=true).")
    public var overdue = false
    @Option(name: .long, help: "External customer id.")
    public var customer: String?
    @Option(name: .long, help: "External subscription id.")
    public var subscription: String?
    @Option(name: .long, help: "Plan code.")
    public var plan: String?
    @Option(name: .long, help: "Search term (customers, invoices, credit_notes).")
    public var search: String?
    @Option(name: .long, help: "ISO 4217 currency code.")
    public var currency: String?
    @Option(name: .customLong("issued-from"), help: "Issuing date from (YYYY-MM-DD, inclusive).")
    public var issuedFrom: String?
    @Option(name: .customLong("issued-to"), help: "Issuing date to (YYYY-MM-DD, inclusive).")
    public var issuedTo: String?
    @Option(name: .customLong("amount-from"), help: "Total amount from, in cents.")
    public var amountFrom: String?
    @Option(name: .customLong("amount-to"), help: "Total amount to, in cents.")
    public var amountTo: String?
    @Option(name: .customLong("invoice-type"), help: "Invoice type: subscription, add_on, credit, one_off, advance_charges, progressive_billing.")
    public var invoiceType: String?
    @Option(name: .customLong("fee-type"), help: "Fee type: charge, add_on, subscription, credit, commitment, fixed_charge, product.")
    public var feeType: String?
    @Option(name: .customLong("billable-metric"), help: "Billable metric code (fees, customer_usage_past).")
    public var billableMetric: String?
    @Option(name: .long, help: "Billable metric code of events.")
    public var code: String?
    @Option(name: .long, help: "From (events: timestamp; fees: created_at; api_logs: date), ISO 8601.")
    public var from: String?
    @Option(name: .long, help: "To (events: timestamp; fees: created_at; api_logs: date), ISO 8601.")
    public var to: String?
    @Option(name: .long, help: "Wallet lago_id (wallet_transactions of one wallet).")
    public var wallet: String?
    @Option(name: .long, help: "Invoice lago_id (payments).")
    public var invoice: String?
    @Option(name: .customLong("transaction-type"), help: "inbound or outbound (wallet_transactions).")
    public var transactionType: String?
    @Option(name: .customLong("transaction-status"), help: "purchased, granted, voided or invoiced (wallet_transactions).")
    public var transactionStatus: String?
    @Option(name: .customLong("billing-entity"), help: "Billing entity code (repeatable).")
    public var billingEntity: [String] = []
    @Option(name: .long, help: "Number of past periods (customer_usage_past).")
    public var periods: String?
    @Option(name: .customLong("http-method"), help: "HTTP method (api_logs, repeatable).")
    public var httpMethod: [String] = []
    @Option(name: .customLong("http-status"), help: "HTTP status, or succeeded/failed (api_logs, repeatable).")
    public var httpStatus: [String] = []

    public init() {}

    /// The filters given on the command line, in a fixed order.
    public var given: [ExportFilter] {
        var out: [ExportFilter] = []
        if !status.isEmpty { out.append(.status) }
        if !paymentStatus.isEmpty { out.append(.paymentStatus) }
        if overdue { out.append(.overdue) }
        if customer != nil { out.append(.customer) }
        if subscription != nil { out.append(.subscription) }
        if plan != nil { out.append(.plan) }
        if search != nil { out.append(.search) }
        if currency != nil { out.append(.currency) }
        if issuedFrom != nil { out.append(.issuedFrom) }
        if issuedTo != nil { out.append(.issuedTo) }
        if amountFrom != nil { out.append(.amountFrom) }
        if amountTo != nil { out.append(.amountTo) }
        if invoiceType != nil { out.append(.invoiceType) }
        if feeType != nil { out.append(.feeType) }
        if billableMetric != nil { out.append(.billableMetric) }
        if code != nil { out.append(.code) }
        if from != nil { out.append(.from) }
        if to != nil { out.append(.to) }
        if wallet != nil { out.append(.wallet) }
        if invoice != nil { out.append(.invoice) }
        if transactionType != nil { out.append(.transactionType) }
        if transactionStatus != nil { out.append(.transactionStatus) }
        if !billingEntity.isEmpty { out.append(.billingEntity) }
        if periods != nil { out.append(.periods) }
        if !httpMethod.isEmpty { out.append(.httpMethod) }
        if !httpStatus.isEmpty { out.append(.httpStatus) }
        return out
    }
}
