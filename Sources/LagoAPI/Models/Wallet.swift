import Foundation

/// A prepaid-credits wallet. `credits_*` values are credits (decimal strings); `*_cents` are money
/// in `currency`.
public struct Wallet: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .wallets
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }

    public var lagoId: String
    public var lagoCustomerId: String?
    public var externalCustomerId: String?
    public var billingEntityCode: String?
    public var status: WalletStatus?
    public var currency: Currency?
    public var name: String?
    public var code: String?
    /// 1 (first) to 50 (last) when several wallets apply.
    public var priority: Int?
    /// Money per credit.
    public var rateAmount: Decimal?
    public var creditsBalance: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var balanceCents: Int64?
    public var consumedCredits: Decimal?
    /// Legacy money balance (`balance`, a decimal string) still sent beside `balance_cents`.
    public var legacyBalance: Decimal?
    /// Balance minus current usage; recomputed asynchronously, may lag.
    public var ongoingBalanceCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var ongoingUsageBalanceCents: Int64?
    public var creditsOngoingBalance: Decimal?
    public var creditsOngoingUsageBalance: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var paidTopUpMinAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var paidTopUpMaxAmountCents: Int64?
    public var invoiceRequiresSuccessfulPayment: Bool?
    public var expirationAt: Date?
    public var lastBalanceSyncAt: Date?
    public var lastConsumedCreditAt: Date?
    public var terminatedAt: Date?
    public var appliesTo: WalletAppliesTo?
    public var recurringTransactionRules: [WalletRecurringTransactionRule]?
    public var appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]?
    public var paymentMethod: PaymentMethodReference?
    public var purchaseOrderNumber: String?
    /// Absent when the wallet has none.
    public var metadata: [String: JSONValue]?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        lagoCustomerId: String? = nil,
        externalCustomerId: String? = nil,
        billingEntityCode: String? = nil,
        status: WalletStatus? = nil,
        currency: Currency? = nil,
        name: String? = nil,
        code: String? = nil,
        priority: Int? = nil,
        rateAmount: Decimal? = nil,
        creditsBalance: Decimal? = nil,
        balanceCents: Int64? = nil,
        consumedCredits: Decimal? = nil,
        legacyBalance: Decimal? = nil,
        ongoingBalanceCents: Int64? = nil,
        ongoingUsageBalanceCents: Int64? = nil,
        creditsOngoingBalance: Decimal? = nil,
        creditsOngoingUsageBalance: Decimal? = nil,
        paidTopUpMinAmountCents: Int64? = nil,
        paidTopUpMaxAmountCents: Int64? = nil,
        invoiceRequiresSuccessfulPayment: Bool? = nil,
        expirationAt: Date? = nil,
        lastBalanceSyncAt: Date? = nil,
        lastConsumedCreditAt: Date? = nil,
        terminatedAt: Date? = nil,
        appliesTo: WalletAppliesTo? = nil,
        recurringTransactionRules: [WalletRecurringTransactionRule]? = nil,
        appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]? = nil,
        paymentMethod: PaymentMethodReference? = nil,
        purchaseOrderNumber: String? = nil,
        metadata: [String: JSONValue]? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoCustomerId = lagoCustomerId
        self.externalCustomerId = externalCustomerId
        self.billingEntityCode = billingEntityCode
        self.status = status
        self.currency = currency
        self.name = name
        self.code = code
        self.priority = priority
        self.rateAmount = rateAmount
        self.creditsBalance = creditsBalance
        self.balanceCents = balanceCents
        self.consumedCredits = consumedCredits
        self.legacyBalance = legacyBalance
        self.ongoingBalanceCents = ongoingBalanceCents
        self.ongoingUsageBalanceCents = ongoingUsageBalanceCents
        self.creditsOngoingBalance = creditsOngoingBalance
        self.creditsOngoingUsageBalance = creditsOngoingUsageBalance
        self.paidTopUpMinAmountCents = paidTopUpMinAmountCents
        self.paidTopUpMaxAmountCents = paidTopUpMaxAmountCents
        self.invoiceRequiresSuccessfulPayment = invoiceRequiresSuccessfulPayment
        self.expirationAt = expirationAt
        self.lastBalanceSyncAt = lastBalanceSyncAt
        self.lastConsumedCreditAt = lastConsumedCreditAt
        self.terminatedAt = terminatedAt
        self.appliesTo = appliesTo
        self.recurringTransactionRules = recurringTransactionRules
        self.appliedInvoiceCustomSections = appliedInvoiceCustomSections
        self.paymentMethod = paymentMethod
        self.purchaseOrderNumber = purchaseOrderNumber
        self.metadata = metadata
        self.createdAt = createdAt
    }

    /// `balanceCents` as money in the record's currency; nil when either is missing.
    public var balance: Money? { Money.optional(cents: balanceCents, currency: currency) }

    /// `ongoingBalanceCents` as money in the record's currency; nil when either is missing.
    public var ongoingBalance: Money? { Money.optional(cents: ongoingBalanceCents, currency: currency) }

    /// `ongoingUsageBalanceCents` as money in the record's currency; nil when either is missing.
    public var ongoingUsageBalance: Money? { Money.optional(cents: ongoingUsageBalanceCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoCustomerId = "lago_customer_id"
        case externalCustomerId = "external_customer_id"
        case billingEntityCode = "billing_entity_code"
        case status
        case currency
        case name
        case code
        case priority
        case rateAmount = "rate_amount"
        case creditsBalance = "credits_balance"
        case balanceCents = "balance_cents"
        case consumedCredits = "consumed_credits"
        case legacyBalance = "balance"
        case ongoingBalanceCents = "ongoing_balance_cents"
        case ongoingUsageBalanceCents = "ongoing_usage_balance_cents"
        case creditsOngoingBalance = "credits_ongoing_balance"
        case creditsOngoingUsageBalance = "credits_ongoing_usage_balance"
        case paidTopUpMinAmountCents = "paid_top_up_min_amount_cents"
        case paidTopUpMaxAmountCents = "paid_top_up_max_amount_cents"
        case invoiceRequiresSuccessfulPayment = "invoice_requires_successful_payment"
        case expirationAt = "expiration_at"
        case lastBalanceSyncAt = "last_balance_sync_at"
        case lastConsumedCreditAt = "last_consumed_credit_at"
        case terminatedAt = "terminated_at"
        case appliesTo = "applies_to"
        case recurringTransactionRules = "recurring_transaction_rules"
        case appliedInvoiceCustomSections = "applied_invoice_custom_sections"
        case paymentMethod = "payment_method"
        case purchaseOrderNumber = "purchase_order_number"
        case metadata
        case createdAt = "created_at"
    }
}

/// Restricts which fees a wallet pays for.
public struct WalletAppliesTo: Codable, Hashable, Sendable {
    public var feeTypes: [String]?
    public var billableMetricCodes: [String]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        feeTypes: [String]? = nil,
        billableMetricCodes: [String]? = nil
    ) {
        self.feeTypes = feeTypes
        self.billableMetricCodes = billableMetricCodes
    }

    enum CodingKeys: String, CodingKey {
        case feeTypes = "fee_types"
        case billableMetricCodes = "billable_metric_codes"
    }
}

/// An automatic top-up rule of a wallet.
public struct WalletRecurringTransactionRule: Codable, Hashable, Sendable {
    public var lagoId: String?
    /// `interval` or `threshold`.
    public var trigger: String?
    /// `fixed` or `target`.
    public var method: String?
    public var interval: PlanInterval?
    public var status: String?
    public var thresholdCredits: Decimal?
    public var paidCredits: Decimal?
    public var grantedCredits: Decimal?
    public var targetOngoingBalance: Decimal?
    public var grantsTargetTopUp: Bool?
    public var ignorePaidTopUpLimits: Bool?
    public var invoiceRequiresSuccessfulPayment: Bool?
    public var startedAt: Date?
    public var expirationAt: Date?
    public var transactionMetadata: [KeyValue]?
    public var transactionName: String?
    public var appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]?
    public var paymentMethod: PaymentMethodReference?
    public var purchaseOrderNumber: String?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        trigger: String? = nil,
        method: String? = nil,
        interval: PlanInterval? = nil,
        status: String? = nil,
        thresholdCredits: Decimal? = nil,
        paidCredits: Decimal? = nil,
        grantedCredits: Decimal? = nil,
        targetOngoingBalance: Decimal? = nil,
        grantsTargetTopUp: Bool? = nil,
        ignorePaidTopUpLimits: Bool? = nil,
        invoiceRequiresSuccessfulPayment: Bool? = nil,
        startedAt: Date? = nil,
        expirationAt: Date? = nil,
        transactionMetadata: [KeyValue]? = nil,
        transactionName: String? = nil,
        appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]? = nil,
        paymentMethod: PaymentMethodReference? = nil,
        purchaseOrderNumber: String? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.trigger = trigger
        self.method = method
        self.interval = interval
        self.status = status
        self.thresholdCredits = thresholdCredits
        self.paidCredits = paidCredits
        self.grantedCredits = grantedCredits
        self.targetOngoingBalance = targetOngoingBalance
        self.grantsTargetTopUp = grantsTargetTopUp
        self.ignorePaidTopUpLimits = ignorePaidTopUpLimits
        self.invoiceRequiresSuccessfulPayment = invoiceRequiresSuccessfulPayment
        self.startedAt = startedAt
        self.expirationAt = expirationAt
        self.transactionMetadata = transactionMetadata
        self.transactionName = transactionName
        self.appliedInvoiceCustomSections = appliedInvoiceCustomSections
        self.paymentMethod = paymentMethod
        self.purchaseOrderNumber = purchaseOrderNumber
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case trigger
        case method
        case interval
        case status
        case thresholdCredits = "threshold_credits"
        case paidCredits = "paid_credits"
        case grantedCredits = "granted_credits"
        case targetOngoingBalance = "target_ongoing_balance"
        case grantsTargetTopUp = "grants_target_top_up"
        case ignorePaidTopUpLimits = "ignore_paid_top_up_limits"
        case invoiceRequiresSuccessfulPayment = "invoice_requires_successful_payment"
        case startedAt = "started_at"
        case expirationAt = "expiration_at"
        case transactionMetadata = "transaction_metadata"
        case transactionName = "transaction_name"
        case appliedInvoiceCustomSections = "applied_invoice_custom_sections"
        case paymentMethod = "payment_method"
        case purchaseOrderNumber = "purchase_order_number"
        case createdAt = "created_at"
    }
}
