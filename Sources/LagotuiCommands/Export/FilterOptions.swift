import ArgumentParser

/// The API's own list filters as flags. Which stream accepts which, and what each sends, is in
/// the catalogue rows (`ExportStream.filters`); `StreamQuery` validates and sends them.
public struct FilterOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Status (repeatable or comma-separated): invoices, subscriptions, wallet_transactions.",
            completion: ShellCompletion.values(of: .status))
    public var status: [String] = []
    @Option(name: .customLong("payment-status"), help: "Payment status: pending, succeeded, failed (fees also refunded).",
            completion: ShellCompletion.values(of: .paymentStatus))
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
    @Option(name: .customLong("invoice-type"), help: "Invoice type: subscription, add_on, credit, one_off, advance_charges, progressive_billing.",
            completion: ShellCompletion.values(of: .invoiceType))
    public var invoiceType: String?
    @Option(name: .customLong("fee-type"), help: "Fee type: charge, add_on, subscription, credit, commitment, fixed_charge, product.",
            completion: ShellCompletion.values(of: .feeType))
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
    @Option(name: .customLong("transaction-type"), help: "inbound or outbound (wallet_transactions).",
            completion: ShellCompletion.values(of: .transactionType))
    public var transactionType: String?
    @Option(name: .customLong("transaction-status"), help: "purchased, granted, voided or invoiced (wallet_transactions).",
            completion: ShellCompletion.values(of: .transactionStatus))
    public var transactionStatus: String?
    @Option(name: .customLong("billing-entity"), help: "Billing entity code (repeatable).")
    public var billingEntity: [String] = []
    @Option(name: .long, help: "Number of past periods (customer_usage_past).")
    public var periods: String?
    @Option(name: .customLong("http-method"), help: "HTTP method (api_logs, repeatable).")
    public var httpMethod: [String] = []
    @Option(name: .customLong("http-status"), help: "HTTP status, or succeeded/failed (api_logs, repeatable).")
    public var httpStatus: [String] = []
    @Option(name: .customLong("activity-type"), help: "Activity type, e.g. invoice.created (activity_logs, repeatable).")
    public var activityType: [String] = []
    @Option(name: .customLong("activity-source"), help: "api, front or system (activity_logs, repeatable).")
    public var activitySource: [String] = []
    @Option(name: .customLong("user-email"), help: "Email of the user who acted (activity_logs, repeatable).")
    public var userEmail: [String] = []
    @Option(name: .customLong("resource-id"), help: "Lago id of the record acted on (activity_logs, repeatable).")
    public var resourceId: [String] = []
    @Option(name: .customLong("resource-type"), help: "Resource class, e.g. Invoice, Customer (activity_logs, repeatable).")
    public var resourceType: [String] = []

    public init() {}

    /// The filters given on the command line with their raw values, in a fixed order
    /// (`--overdue` gives `true`).
    public var given: [(filter: ExportFilter, values: [String])] {
        let all: [(ExportFilter, [String])] = [
            (.status, status), (.paymentStatus, paymentStatus), (.overdue, overdue ? ["true"] : []),
            (.customer, customer.map { [$0] } ?? []), (.subscription, subscription.map { [$0] } ?? []),
            (.plan, plan.map { [$0] } ?? []), (.search, search.map { [$0] } ?? []), (.currency, currency.map { [$0] } ?? []),
            (.issuedFrom, issuedFrom.map { [$0] } ?? []), (.issuedTo, issuedTo.map { [$0] } ?? []),
            (.amountFrom, amountFrom.map { [$0] } ?? []), (.amountTo, amountTo.map { [$0] } ?? []),
            (.invoiceType, invoiceType.map { [$0] } ?? []), (.feeType, feeType.map { [$0] } ?? []),
            (.billableMetric, billableMetric.map { [$0] } ?? []), (.code, code.map { [$0] } ?? []),
            (.from, from.map { [$0] } ?? []), (.to, to.map { [$0] } ?? []), (.wallet, wallet.map { [$0] } ?? []),
            (.invoice, invoice.map { [$0] } ?? []), (.transactionType, transactionType.map { [$0] } ?? []),
            (.transactionStatus, transactionStatus.map { [$0] } ?? []), (.billingEntity, billingEntity),
            (.periods, periods.map { [$0] } ?? []), (.httpMethod, httpMethod), (.httpStatus, httpStatus),
            (.activityType, activityType), (.activitySource, activitySource), (.userEmail, userEmail),
            (.resourceId, resourceId), (.resourceType, resourceType),
        ]
        return all.filter { !$0.1.isEmpty }.map { (filter: $0.0, values: $0.1) }
    }
}
