/// A metadata pair on a customer (`[{lago_id,key,value,display_in_invoice,created_at}]`).
struct MetadataPair: Sendable {
    var key: String
    var value: String
    var displayInInvoice: Bool
}

struct CustomerRecord: Sendable {
    var externalId: String
    var name: String?
    var firstname: String?
    var lastname: String?
    var legalName: String?
    var legalNumber: String?
    var taxIdentificationNumber: String?
    var email: String?
    var phone: String?
    var url: String?
    var addressLine1: String?
    var city: String?
    var state: String?
    var zipcode: String?
    var country: String?
    var timezone: String?
    var currency: SandboxCurrency
    var billingEntity: Int
    var accountType: String
    var customerType: String?
    var netPaymentTerm: Int?
    var invoiceGracePeriod: Int?
    var paymentProvider: String?
    /// This customer's card keeps failing: every payment attempt fails.
    var cardFails: Bool
    var documentLocale: String?
    var metadata: [MetadataPair]
    var createdAt: Int64
    var updatedAt: Int64
    var deleted: Bool = false
}

struct SubscriptionRecord: Sendable {
    var customer: Int
    var plan: Int
    var externalId: String
    var name: String?
    var status: SubscriptionStatus
    var billingTime: String
    var subscriptionAt: Int64
    var startedAt: Int64?
    var endingAt: Int64?
    var terminatedAt: Int64?
    var canceledAt: Int64?
    var trialEndedAt: Int64?
    var cancellationReason: String?
    var onTerminationCreditNote: String?
    var createdAt: Int64
}

/// An invoice, kept compact (no strings) so a million of them fit; fees are derived on demand.
struct InvoiceRecord: Sendable {
    var customer: Int32
    var subscription: Int32 = -1
    var addOn: Int16 = -1
    var walletTransaction: Int32 = -1
    var type: InvoiceType
    var status: InvoiceStatus
    var paymentStatus: PaymentStatus
    var paymentOverdue: Bool = false
    var issuingDay: Int32
    var dueDay: Int32?
    var periodStartDay: Int32 = 0
    var periodEndDay: Int32 = 0
    var netPaymentTerm: Int16
    var sequentialId: Int32
    var customerSequence: Int32
    var createdAt: Int64
    var updatedAt: Int64
    var voidedAt: Int64?
    var disputeLostAtMillis: Int64?
    var feesAmountCents: Int64 = 0
    var couponsAmountCents: Int64 = 0
    var creditNotesAmountCents: Int64 = 0
    var prepaidCreditAmountCents: Int64 = 0
    var taxesAmountCents: Int64 = 0
    var totalAmountCents: Int64 = 0
    var totalPaidAmountCents: Int64 = 0
    var taxRateHundredths: Int32 = 0
    var paymentAttempts: Int16 = 0
    var pdfState: PDFState = .none
    var version: Int16 = 0

    enum PDFState: UInt8, Sendable { case none, generating, ready }

}

struct PaymentRecord: Sendable {
    var invoice: Int32
    var amountCents: Int64
    var status: PaymentStatus
    var createdAt: Int64
    /// The payment request this payment pays (payable `PaymentRequest`), or -1 for the
    /// invoice's own payment; `invoice` is then the request's first invoice.
    var paymentRequest: Int32 = -1
}

struct CreditNoteRecord: Sendable {
    var invoice: Int32
    var sequentialId: Int32
    var reason: CreditNoteReason
    var creditStatus: CreditStatus?
    var refundStatus: RefundStatus?
    var creditAmountCents: Int64
    var refundAmountCents: Int64
    var taxesAmountCents: Int64
    var issuingDay: Int32
    var createdAt: Int64
}

struct WalletRecord: Sendable {
    var customer: Int32
    var name: String?
    var code: String?
    var status: WalletStatus
    /// Money per credit, in hundredths (1.0 → 100).
    var rateHundredths: Int64
    /// Settled credit balance in hundredths of a credit.
    var creditsHundredths: Int64
    var consumedCreditsHundredths: Int64
    var ongoingUsageCents: Int64
    var priority: Int
    var paidTopUpMinCents: Int64?
    var paidTopUpMaxCents: Int64?
    var expirationAt: Int64?
    var terminatedAt: Int64?
    var lastBalanceSyncAt: Int64?
    var lastConsumedCreditAt: Int64?
    var createdAt: Int64
}

struct WalletTransactionRecord: Sendable {
    var wallet: Int32
    var status: WalletTransactionStatus
    var kind: WalletTransactionKind
    var type: WalletTransactionType
    var creditsHundredths: Int64
    var invoice: Int32 = -1
    var name: String?
    var priority: Int
    var createdAt: Int64
    var settledAt: Int64?
    var failedAt: Int64?
    var metadata: [(key: String, value: String)] = []
    var purchaseOrderNumber: String?
}

/// A usage event. Seeded events get transaction ids derived from their index; posted ones keep theirs.
struct EventRecord: Sendable {
    var subscription: Int32
    var metric: Int16
    var timestampMillis: Int64
    var createdAt: Int64
    /// The aggregated property value (units for sum/max, an id for unique count), in hundredths.
    var valueHundredths: Int64
    /// Index into the metric's filter values, or -1.
    var dimension: Int16
    var transactionId: String?
}

/// A mutation request recorded for `GET /api_logs`.
struct ApiLogRecord: Sendable {
    var method: String
    var path: String
    var status: Int
    var requestBody: String
    var responseBody: String
    var loggedAt: Int64
}
