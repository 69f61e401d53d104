import Foundation

/// A credit note issued against an invoice. Only finalized credit notes are listed.
public struct CreditNote: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .creditNotes
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }

    public var lagoId: String
    public var billingEntityCode: String?
    public var sequentialId: Int?
    public var number: String
    public var lagoInvoiceId: String?
    public var invoiceNumber: String?
    public var issuingDate: LagoDate?
    public var creditStatus: CreditNoteCreditStatus?
    public var refundStatus: CreditNoteRefundStatus?
    public var reason: CreditNoteReason?
    public var description: String?
    public var currency: Currency?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var totalAmountCents: Int64?
    /// `totalAmountCents` before rounding to whole cents.
    public var preciseTotalAmountCents: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var taxesAmountCents: Int64?
    /// `taxesAmountCents` before rounding to whole cents.
    public var preciseTaxesAmountCents: Decimal?
    public var taxesRate: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var subTotalExcludingTaxesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var balanceAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var creditAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var refundAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var offsetAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var couponsAdjustmentAmountCents: Int64?
    public var selfBilled: Bool?
    public var fileUrl: String?
    public var xmlUrl: String?
    public var items: [CreditNoteItem]?
    public var appliedTaxes: [AppliedTax]?
    public var customer: Customer?
    public var metadata: [String: JSONValue]?
    public var errorDetails: [ErrorDetail]?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        number: String,
        billingEntityCode: String? = nil,
        sequentialId: Int? = nil,
        lagoInvoiceId: String? = nil,
        invoiceNumber: String? = nil,
        issuingDate: LagoDate? = nil,
        creditStatus: CreditNoteCreditStatus? = nil,
        refundStatus: CreditNoteRefundStatus? = nil,
        reason: CreditNoteReason? = nil,
        description: String? = nil,
        currency: Currency? = nil,
        totalAmountCents: Int64? = nil,
        preciseTotalAmountCents: Decimal? = nil,
        taxesAmountCents: Int64? = nil,
        preciseTaxesAmountCents: Decimal? = nil,
        taxesRate: Decimal? = nil,
        subTotalExcludingTaxesAmountCents: Int64? = nil,
        balanceAmountCents: Int64? = nil,
        creditAmountCents: Int64? = nil,
        refundAmountCents: Int64? = nil,
        offsetAmountCents: Int64? = nil,
        couponsAdjustmentAmountCents: Int64? = nil,
        selfBilled: Bool? = nil,
        fileUrl: String? = nil,
        xmlUrl: String? = nil,
        items: [CreditNoteItem]? = nil,
        appliedTaxes: [AppliedTax]? = nil,
        customer: Customer? = nil,
        metadata: [String: JSONValue]? = nil,
        errorDetails: [ErrorDetail]? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.billingEntityCode = billingEntityCode
        self.sequentialId = sequentialId
        self.number = number
        self.lagoInvoiceId = lagoInvoiceId
        self.invoiceNumber = invoiceNumber
        self.issuingDate = issuingDate
        self.creditStatus = creditStatus
        self.refundStatus = refundStatus
        self.reason = reason
        self.description = description
        self.currency = currency
        self.totalAmountCents = totalAmountCents
        self.preciseTotalAmountCents = preciseTotalAmountCents
        self.taxesAmountCents = taxesAmountCents
        self.preciseTaxesAmountCents = preciseTaxesAmountCents
        self.taxesRate = taxesRate
        self.subTotalExcludingTaxesAmountCents = subTotalExcludingTaxesAmountCents
        self.balanceAmountCents = balanceAmountCents
        self.creditAmountCents = creditAmountCents
        self.refundAmountCents = refundAmountCents
        self.offsetAmountCents = offsetAmountCents
        self.couponsAdjustmentAmountCents = couponsAdjustmentAmountCents
        self.selfBilled = selfBilled
        self.fileUrl = fileUrl
        self.xmlUrl = xmlUrl
        self.items = items
        self.appliedTaxes = appliedTaxes
        self.customer = customer
        self.metadata = metadata
        self.errorDetails = errorDetails
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// `totalAmountCents` as money in the record's currency; nil when either is missing.
    public var totalAmount: Money? { Money.optional(cents: totalAmountCents, currency: currency) }

    /// `balanceAmountCents` as money in the record's currency; nil when either is missing.
    public var balanceAmount: Money? { Money.optional(cents: balanceAmountCents, currency: currency) }

    /// `creditAmountCents` as money in the record's currency; nil when either is missing.
    public var creditAmount: Money? { Money.optional(cents: creditAmountCents, currency: currency) }

    /// `refundAmountCents` as money in the record's currency; nil when either is missing.
    public var refundAmount: Money? { Money.optional(cents: refundAmountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case billingEntityCode = "billing_entity_code"
        case sequentialId = "sequential_id"
        case number
        case lagoInvoiceId = "lago_invoice_id"
        case invoiceNumber = "invoice_number"
        case issuingDate = "issuing_date"
        case creditStatus = "credit_status"
        case refundStatus = "refund_status"
        case reason
        case description
        case currency
        case totalAmountCents = "total_amount_cents"
        case preciseTotalAmountCents = "precise_total_amount_cents"
        case taxesAmountCents = "taxes_amount_cents"
        case preciseTaxesAmountCents = "precise_taxes_amount_cents"
        case taxesRate = "taxes_rate"
        case subTotalExcludingTaxesAmountCents = "sub_total_excluding_taxes_amount_cents"
        case balanceAmountCents = "balance_amount_cents"
        case creditAmountCents = "credit_amount_cents"
        case refundAmountCents = "refund_amount_cents"
        case offsetAmountCents = "offset_amount_cents"
        case couponsAdjustmentAmountCents = "coupons_adjustment_amount_cents"
        case selfBilled = "self_billed"
        case fileUrl = "file_url"
        case xmlUrl = "xml_url"
        case items
        case appliedTaxes = "applied_taxes"
        case customer
        case metadata
        case errorDetails = "error_details"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// One credited fee of a credit note.
public struct CreditNoteItem: Codable, Hashable, Sendable {
    public var lagoId: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    /// `amountCents` before rounding to whole cents.
    public var preciseAmountCents: Decimal?
    public var amountCurrency: Currency?
    public var fee: Fee?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        amountCents: Int64? = nil,
        preciseAmountCents: Decimal? = nil,
        amountCurrency: Currency? = nil,
        fee: Fee? = nil
    ) {
        self.lagoId = lagoId
        self.amountCents = amountCents
        self.preciseAmountCents = preciseAmountCents
        self.amountCurrency = amountCurrency
        self.fee = fee
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case amountCents = "amount_cents"
        case preciseAmountCents = "precise_amount_cents"
        case amountCurrency = "amount_currency"
        case fee
    }
}
