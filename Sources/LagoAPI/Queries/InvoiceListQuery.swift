import Foundation

/// Filters of `GET /invoices` (also used for a customer's invoices). Without `statuses` the
/// server lists all five visible statuses, drafts included.
public struct InvoiceListQuery: LagoListQuery {
    public typealias Record = Invoice

    /// The statuses a list can be filtered on; others (closed, open, generating, deleted) are
    /// invisible and the server answers 422.
    public static let filterableStatuses: [InvoiceStatus] = [.draft, .finalized, .voided, .failed, .pending]

    /// An unknown customer gives an empty list; deleted customers' invoices are still listed.
    public var externalCustomerId: String?
    /// `statuses[]`.
    public var statuses: [InvoiceStatus]
    /// `payment_statuses[]`.
    public var paymentStatuses: [InvoicePaymentStatus]
    /// Exact match on the invoice's stored overdue flag.
    public var paymentOverdue: Bool?
    /// `invoice_type` (one value) or `invoice_type[]` (several).
    public var invoiceTypes: [InvoiceType]
    public var currency: String?
    /// Inclusive issuing-date bounds.
    public var issuingDateFrom: LagoDate?
    public var issuingDateTo: LagoDate?
    /// Inclusive bounds on `total_amount_cents`, in cents.
    public var amountFrom: Int64?
    public var amountTo: Int64?
    /// Matches the invoice number (and the id when it is a UUID); without a customer filter
    /// also the customer's name, external id and email.
    public var searchTerm: String?
    public var paymentDisputeLost: Bool?
    public var selfBilled: Bool?
    public var partiallyPaid: Bool?
    /// Case-insensitive exact match.
    public var purchaseOrderNumber: String?
    /// `settlements[]`: how the invoice was settled (`credit_note`, `payment`).
    public var settlements: [String]
    /// Unknown codes make the server answer 404.
    public var billingEntityCodes: [String]
    /// `metadata[key]=value`; an empty value means "the key is absent".
    public var metadata: [String: String]

    public init(
        externalCustomerId: String? = nil,
        statuses: [InvoiceStatus] = [],
        paymentStatuses: [InvoicePaymentStatus] = [],
        paymentOverdue: Bool? = nil,
        invoiceTypes: [InvoiceType] = [],
        currency: String? = nil,
        issuingDateFrom: LagoDate? = nil,
        issuingDateTo: LagoDate? = nil,
        amountFrom: Int64? = nil,
        amountTo: Int64? = nil,
        searchTerm: String? = nil,
        paymentDisputeLost: Bool? = nil,
        selfBilled: Bool? = nil,
        partiallyPaid: Bool? = nil,
        purchaseOrderNumber: String? = nil,
        settlements: [String] = [],
        billingEntityCodes: [String] = [],
        metadata: [String: String] = [:]
    ) {
        self.externalCustomerId = externalCustomerId
        self.statuses = statuses
        self.paymentStatuses = paymentStatuses
        self.paymentOverdue = paymentOverdue
        self.invoiceTypes = invoiceTypes
        self.currency = currency
        self.issuingDateFrom = issuingDateFrom
        self.issuingDateTo = issuingDateTo
        self.amountFrom = amountFrom
        self.amountTo = amountTo
        self.searchTerm = searchTerm
        self.paymentDisputeLost = paymentDisputeLost
        self.selfBilled = selfBilled
        self.partiallyPaid = partiallyPaid
        self.purchaseOrderNumber = purchaseOrderNumber
        self.settlements = settlements
        self.billingEntityCodes = billingEntityCodes
        self.metadata = metadata
    }

    /// Overdue invoices, as on-call looks for them (BEHAVIOUR.md §6).
    public static var overdue: InvoiceListQuery { InvoiceListQuery(paymentOverdue: true) }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_customer_id", externalCustomerId)
        query.addArray("statuses", statuses)
        query.addArray("payment_statuses", paymentStatuses)
        query.add("payment_overdue", paymentOverdue)
        query.addScalarOrArray("invoice_type", invoiceTypes)
        query.add("currency", currency)
        query.add("issuing_date_from", issuingDateFrom)
        query.add("issuing_date_to", issuingDateTo)
        query.add("amount_from", amountFrom)
        query.add("amount_to", amountTo)
        query.add("search_term", searchTerm)
        query.add("payment_dispute_lost", paymentDisputeLost)
        query.add("self_billed", selfBilled)
        query.add("partially_paid", partiallyPaid)
        query.add("purchase_order_number", purchaseOrderNumber)
        query.addArray("settlements", settlements)
        query.addArray("billing_entity_codes", billingEntityCodes)
        query.addHash("metadata", metadata)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try QueryCheck.oneOf("statuses[]", statuses, accepted: Self.filterableStatuses)
        try QueryCheck.oneOf("payment_statuses[]", paymentStatuses)
        try QueryCheck.oneOf("invoice_type", invoiceTypes)
        try QueryCheck.range("amount_from", amountFrom, "amount_to", amountTo)
        try QueryCheck.metadata(metadata)
    }
}
