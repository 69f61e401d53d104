import Foundation

/// Filters of `GET /credit_notes` (finalized credit notes only). Enum filters take one value
/// (`reason=other`) or several (`reason[]=a&reason[]=b`).
public struct CreditNoteListQuery: LagoListQuery {
    public typealias Record = CreditNote

    public var externalCustomerId: String?
    /// Matches id, number and customer fields.
    public var searchTerm: String?
    public var currency: String?
    public var invoiceNumber: String?
    public var purchaseOrderNumber: String?
    /// Inclusive issuing-date bounds.
    public var issuingDateFrom: LagoDate?
    public var issuingDateTo: LagoDate?
    /// Inclusive bounds on `total_amount_cents`, in cents.
    public var amountFrom: Int64?
    public var amountTo: Int64?
    public var selfBilled: Bool?
    public var billingEntityCodes: [String]
    public var reasons: [CreditNoteReason]
    public var creditStatuses: [CreditNoteCreditStatus]
    public var refundStatuses: [CreditNoteRefundStatus]
    public var types: [CreditNoteType]

    public init(
        externalCustomerId: String? = nil,
        searchTerm: String? = nil,
        currency: String? = nil,
        invoiceNumber: String? = nil,
        purchaseOrderNumber: String? = nil,
        issuingDateFrom: LagoDate? = nil,
        issuingDateTo: LagoDate? = nil,
        amountFrom: Int64? = nil,
        amountTo: Int64? = nil,
        selfBilled: Bool? = nil,
        billingEntityCodes: [String] = [],
        reasons: [CreditNoteReason] = [],
        creditStatuses: [CreditNoteCreditStatus] = [],
        refundStatuses: [CreditNoteRefundStatus] = [],
        types: [CreditNoteType] = []
    ) {
        self.externalCustomerId = externalCustomerId
        self.searchTerm = searchTerm
        self.currency = currency
        self.invoiceNumber = invoiceNumber
        self.purchaseOrderNumber = purchaseOrderNumber
        self.issuingDateFrom = issuingDateFrom
        self.issuingDateTo = issuingDateTo
        self.amountFrom = amountFrom
        self.amountTo = amountTo
        self.selfBilled = selfBilled
        self.billingEntityCodes = billingEntityCodes
        self.reasons = reasons
        self.creditStatuses = creditStatuses
        self.refundStatuses = refundStatuses
        self.types = types
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_customer_id", externalCustomerId)
        query.add("search_term", searchTerm)
        query.add("currency", currency)
        query.add("invoice_number", invoiceNumber)
        query.add("purchase_order_number", purchaseOrderNumber)
        query.add("issuing_date_from", issuingDateFrom)
        query.add("issuing_date_to", issuingDateTo)
        query.add("amount_from", amountFrom)
        query.add("amount_to", amountTo)
        query.add("self_billed", selfBilled)
        query.addArray("billing_entity_codes", billingEntityCodes)
        query.addScalarOrArray("reason", reasons)
        query.addScalarOrArray("credit_status", creditStatuses)
        query.addScalarOrArray("refund_status", refundStatuses)
        query.addScalarOrArray("types", types)
        return query.items
    }

    /// The server drops invalid enum values silently (showing more than asked), so they are
    /// refused here.
    public func validate() throws(LagoQueryError) {
        try QueryCheck.oneOf("reason", reasons)
        try QueryCheck.oneOf("credit_status", creditStatuses)
        try QueryCheck.oneOf("refund_status", refundStatuses)
        try QueryCheck.oneOf("types", types)
        try QueryCheck.range("amount_from", amountFrom, "amount_to", amountTo)
    }
}
