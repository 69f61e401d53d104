import Foundation

/// A wallet transaction. `amount` is money in the wallet's currency and `credit_amount` credits,
/// both decimal strings. A paid top-up stays `pending` until its credit invoice is paid.
public struct WalletTransaction: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .walletTransactions
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }

    public var lagoId: String
    public var lagoWalletId: String?
    /// Null on grants and voids, and on a fresh purchase until its invoice exists.
    public var lagoInvoiceId: String?
    public var lagoCreditNoteId: String?
    public var lagoVoidedInvoiceId: String?
    public var billingEntityCode: String?
    public var status: WalletTransactionStatus?
    public var source: WalletTransactionSource?
    public var transactionStatus: WalletTransactionTransactionStatus?
    public var transactionType: WalletTransactionType?
    public var amount: Decimal?
    public var creditAmount: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var remainingAmountCents: Int64?
    public var remainingCreditAmount: Decimal?
    public var invoiceRequiresSuccessfulPayment: Bool?
    public var priority: Int?
    public var name: String?
    public var purchaseOrderNumber: String?
    public var metadata: [KeyValue]?
    public var appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]?
    public var paymentMethod: PaymentMethodReference?
    public var settledAt: Date?
    public var failedAt: Date?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        lagoWalletId: String? = nil,
        lagoInvoiceId: String? = nil,
        lagoCreditNoteId: String? = nil,
        lagoVoidedInvoiceId: String? = nil,
        billingEntityCode: String? = nil,
        status: WalletTransactionStatus? = nil,
        source: WalletTransactionSource? = nil,
        transactionStatus: WalletTransactionTransactionStatus? = nil,
        transactionType: WalletTransactionType? = nil,
        amount: Decimal? = nil,
        creditAmount: Decimal? = nil,
        remainingAmountCents: Int64? = nil,
        remainingCreditAmount: Decimal? = nil,
        invoiceRequiresSuccessfulPayment: Bool? = nil,
        priority: Int? = nil,
        name: String? = nil,
        purchaseOrderNumber: String? = nil,
        metadata: [KeyValue]? = nil,
        appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]? = nil,
        paymentMethod: PaymentMethodReference? = nil,
        settledAt: Date? = nil,
        failedAt: Date? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoWalletId = lagoWalletId
        self.lagoInvoiceId = lagoInvoiceId
        self.lagoCreditNoteId = lagoCreditNoteId
        self.lagoVoidedInvoiceId = lagoVoidedInvoiceId
        self.billingEntityCode = billingEntityCode
        self.status = status
        self.source = source
        self.transactionStatus = transactionStatus
        self.transactionType = transactionType
        self.amount = amount
        self.creditAmount = creditAmount
        self.remainingAmountCents = remainingAmountCents
        self.remainingCreditAmount = remainingCreditAmount
        self.invoiceRequiresSuccessfulPayment = invoiceRequiresSuccessfulPayment
        self.priority = priority
        self.name = name
        self.purchaseOrderNumber = purchaseOrderNumber
        self.metadata = metadata
        self.appliedInvoiceCustomSections = appliedInvoiceCustomSections
        self.paymentMethod = paymentMethod
        self.settledAt = settledAt
        self.failedAt = failedAt
        self.createdAt = createdAt
    }

    /// The transaction's `amount` as money in the wallet's currency, when it is a whole number of minor units.
    public func amount(in currency: Currency) -> Money? {
        amount.flatMap { Money(decimalAmount: $0, currency: currency) }
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoWalletId = "lago_wallet_id"
        case lagoInvoiceId = "lago_invoice_id"
        case lagoCreditNoteId = "lago_credit_note_id"
        case lagoVoidedInvoiceId = "lago_voided_invoice_id"
        case billingEntityCode = "billing_entity_code"
        case status
        case source
        case transactionStatus = "transaction_status"
        case transactionType = "transaction_type"
        case amount
        case creditAmount = "credit_amount"
        case remainingAmountCents = "remaining_amount_cents"
        case remainingCreditAmount = "remaining_credit_amount"
        case invoiceRequiresSuccessfulPayment = "invoice_requires_successful_payment"
        case priority
        case name
        case purchaseOrderNumber = "purchase_order_number"
        case metadata
        case appliedInvoiceCustomSections = "applied_invoice_custom_sections"
        case paymentMethod = "payment_method"
        case settledAt = "settled_at"
        case failedAt = "failed_at"
        case createdAt = "created_at"
    }
}
