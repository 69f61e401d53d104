import Foundation

/// A payment recorded against an invoice or a payment request.
public struct Payment: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .payments
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }

    public var lagoId: String
    public var lagoCustomerId: String?
    public var externalCustomerId: String?
    public var invoiceIds: [String]?
    public var invoiceNumbers: [String]?
    public var lagoPayableId: String?
    public var payableType: PayableType?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    /// The provider's raw status string.
    public var status: String?
    public var paymentStatus: PaymentStatus?
    public var type: PaymentType?
    public var reference: String?
    public var paymentProviderCode: String?
    public var paymentProviderType: String?
    public var externalPaymentId: String?
    public var providerPaymentId: String?
    public var providerCustomerId: String?
    public var paymentMethodId: String?
    public var nextAction: JSONValue?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        lagoCustomerId: String? = nil,
        externalCustomerId: String? = nil,
        invoiceIds: [String]? = nil,
        invoiceNumbers: [String]? = nil,
        lagoPayableId: String? = nil,
        payableType: PayableType? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        status: String? = nil,
        paymentStatus: PaymentStatus? = nil,
        type: PaymentType? = nil,
        reference: String? = nil,
        paymentProviderCode: String? = nil,
        paymentProviderType: String? = nil,
        externalPaymentId: String? = nil,
        providerPaymentId: String? = nil,
        providerCustomerId: String? = nil,
        paymentMethodId: String? = nil,
        nextAction: JSONValue? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoCustomerId = lagoCustomerId
        self.externalCustomerId = externalCustomerId
        self.invoiceIds = invoiceIds
        self.invoiceNumbers = invoiceNumbers
        self.lagoPayableId = lagoPayableId
        self.payableType = payableType
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.status = status
        self.paymentStatus = paymentStatus
        self.type = type
        self.reference = reference
        self.paymentProviderCode = paymentProviderCode
        self.paymentProviderType = paymentProviderType
        self.externalPaymentId = externalPaymentId
        self.providerPaymentId = providerPaymentId
        self.providerCustomerId = providerCustomerId
        self.paymentMethodId = paymentMethodId
        self.nextAction = nextAction
        self.createdAt = createdAt
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoCustomerId = "lago_customer_id"
        case externalCustomerId = "external_customer_id"
        case invoiceIds = "invoice_ids"
        case invoiceNumbers = "invoice_numbers"
        case lagoPayableId = "lago_payable_id"
        case payableType = "payable_type"
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case status
        case paymentStatus = "payment_status"
        case type
        case reference
        case paymentProviderCode = "payment_provider_code"
        case paymentProviderType = "payment_provider_type"
        case externalPaymentId = "external_payment_id"
        case providerPaymentId = "provider_payment_id"
        case providerCustomerId = "provider_customer_id"
        case paymentMethodId = "payment_method_id"
        case nextAction = "next_action"
        case createdAt = "created_at"
    }
}
