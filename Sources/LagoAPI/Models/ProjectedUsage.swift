import Foundation

/// Current usage plus the amount projected to the end of the period (premium `projected_usage`).
public struct ProjectedUsage: Codable, Hashable, Sendable {
    public var fromDatetime: Date?
    public var toDatetime: Date?
    public var issuingDate: LagoDate?
    public var lagoInvoiceId: String?
    public var currency: Currency?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var projectedAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var taxesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var totalAmountCents: Int64?
    public var chargesUsage: [ChargeUsage]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        fromDatetime: Date? = nil,
        toDatetime: Date? = nil,
        issuingDate: LagoDate? = nil,
        lagoInvoiceId: String? = nil,
        currency: Currency? = nil,
        amountCents: Int64? = nil,
        projectedAmountCents: Int64? = nil,
        taxesAmountCents: Int64? = nil,
        totalAmountCents: Int64? = nil,
        chargesUsage: [ChargeUsage]? = nil
    ) {
        self.fromDatetime = fromDatetime
        self.toDatetime = toDatetime
        self.issuingDate = issuingDate
        self.lagoInvoiceId = lagoInvoiceId
        self.currency = currency
        self.amountCents = amountCents
        self.projectedAmountCents = projectedAmountCents
        self.taxesAmountCents = taxesAmountCents
        self.totalAmountCents = totalAmountCents
        self.chargesUsage = chargesUsage
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: currency) }

    /// `projectedAmountCents` as money in the record's currency; nil when either is missing.
    public var projectedAmount: Money? { Money.optional(cents: projectedAmountCents, currency: currency) }

    /// `totalAmountCents` as money in the record's currency; nil when either is missing.
    public var totalAmount: Money? { Money.optional(cents: totalAmountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case fromDatetime = "from_datetime"
        case toDatetime = "to_datetime"
        case issuingDate = "issuing_date"
        case lagoInvoiceId = "lago_invoice_id"
        case currency
        case amountCents = "amount_cents"
        case projectedAmountCents = "projected_amount_cents"
        case taxesAmountCents = "taxes_amount_cents"
        case totalAmountCents = "total_amount_cents"
        case chargesUsage = "charges_usage"
    }
}
