import Foundation

/// Overdue amounts for one month (of the due date), currency and billing entity. The server sends
/// `amount_cents` as a decimal string; it is read as whole cents.
public struct OverdueBalance: Codable, Hashable, Sendable {
    public var month: Date?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var currency: Currency?
    public var lagoInvoiceIds: [String]?
    public var billingEntityId: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        month: Date? = nil,
        amountCents: Int64? = nil,
        currency: Currency? = nil,
        lagoInvoiceIds: [String]? = nil,
        billingEntityId: String? = nil
    ) {
        self.month = month
        self.amountCents = amountCents
        self.currency = currency
        self.lagoInvoiceIds = lagoInvoiceIds
        self.billingEntityId = billingEntityId
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case month
        case amountCents = "amount_cents"
        case currency
        case lagoInvoiceIds = "lago_invoice_ids"
        case billingEntityId = "billing_entity_id"
    }
}

/// Invoiced revenue for one month and currency.
public struct GrossRevenue: Codable, Hashable, Sendable {
    public var month: Date?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var currency: Currency?
    /// Lago sends this count as a decimal string ("2.0", a SQL SUM), read as a whole number.
    public var invoicesCount: Int64?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        month: Date? = nil,
        amountCents: Int64? = nil,
        currency: Currency? = nil,
        invoicesCount: Int64? = nil
    ) {
        self.month = month
        self.amountCents = amountCents
        self.currency = currency
        self.invoicesCount = invoicesCount
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case month
        case amountCents = "amount_cents"
        case currency
        case invoicesCount = "invoices_count"
    }
}

/// Monthly recurring revenue for one month and currency.
public struct Mrr: Codable, Hashable, Sendable {
    public var month: Date?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var currency: Currency?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        month: Date? = nil,
        amountCents: Int64? = nil,
        currency: Currency? = nil
    ) {
        self.month = month
        self.amountCents = amountCents
        self.currency = currency
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case month
        case amountCents = "amount_cents"
        case currency
    }
}

/// Invoices of one month grouped by payment status and currency.
public struct InvoiceCollection: Codable, Hashable, Sendable {
    public var month: Date?
    public var paymentStatus: InvoicePaymentStatus?
    public var invoicesCount: Int?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var currency: Currency?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        month: Date? = nil,
        paymentStatus: InvoicePaymentStatus? = nil,
        invoicesCount: Int? = nil,
        amountCents: Int64? = nil,
        currency: Currency? = nil
    ) {
        self.month = month
        self.paymentStatus = paymentStatus
        self.invoicesCount = invoicesCount
        self.amountCents = amountCents
        self.currency = currency
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case month
        case paymentStatus = "payment_status"
        case invoicesCount = "invoices_count"
        case amountCents = "amount_cents"
        case currency
    }
}
