import Foundation

/// A Lago invoice. List items include `customer`, `metadata` and `applied_taxes`; `fees`,
/// `credits`, `subscriptions` and `billing_periods` come only with `GET /invoices/{id}` and action
/// responses (nil means "not loaded", [] means "none").
public struct Invoice: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .invoices
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }

    public var lagoId: String
    public var billingEntityCode: String?
    /// Null on drafts.
    public var sequentialId: Int?
    /// `PREFIX-XXXX-DRAFT` on drafts, final once finalized.
    public var number: String
    public var issuingDate: LagoDate?
    public var paymentDueDate: LagoDate?
    public var paymentDisputeLostAt: Date?
    /// True once the due date has passed unpaid (set hourly by the server).
    public var paymentOverdue: Bool?
    public var netPaymentTerm: Int?
    public var invoiceType: InvoiceType?
    public var status: InvoiceStatus?
    public var paymentStatus: InvoicePaymentStatus?
    public var currency: Currency?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var feesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var couponsAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var creditNotesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var subTotalExcludingTaxesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var taxesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var subTotalIncludingTaxesAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var prepaidCreditAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var prepaidGrantedCreditAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var prepaidPurchasedCreditAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var progressiveBillingCreditAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var totalAmountCents: Int64?
    /// Total minus payments and credit-note offsets; 0 once voided.
    public var totalDueAmountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var totalPaidAmountCents: Int64?
    /// Minor units (cents) of the currency credited by offset credit notes.
    public var totalOffsettedCreditNoteAmountCents: Int64?
    public var versionNumber: Int?
    public var selfBilled: Bool?
    public var readyForPaymentProcessing: Bool?
    public var purchaseOrderNumber: String?
    /// The PDF's URL; null until the PDF is generated.
    public var fileUrl: String?
    public var xmlUrl: String?
    public var webUrl: String?
    public var voidedAt: Date?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var customer: Customer?
    public var metadata: [InvoiceMetadata]?
    public var appliedTaxes: [AppliedTax]?
    public var appliedInvoiceCustomSections: [InvoiceAppliedCustomSection]?
    public var appliedUsageThresholds: [AppliedUsageThreshold]?
    public var billingPeriods: [BillingPeriod]?
    public var credits: [InvoiceCredit]?
    public var fees: [Fee]?
    public var subscriptions: [Subscription]?
    public var errorDetails: [ErrorDetail]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        number: String,
        billingEntityCode: String? = nil,
        sequentialId: Int? = nil,
        issuingDate: LagoDate? = nil,
        paymentDueDate: LagoDate? = nil,
        paymentDisputeLostAt: Date? = nil,
        paymentOverdue: Bool? = nil,
        netPaymentTerm: Int? = nil,
        invoiceType: InvoiceType? = nil,
        status: InvoiceStatus? = nil,
        paymentStatus: InvoicePaymentStatus? = nil,
        currency: Currency? = nil,
        feesAmountCents: Int64? = nil,
        couponsAmountCents: Int64? = nil,
        creditNotesAmountCents: Int64? = nil,
        subTotalExcludingTaxesAmountCents: Int64? = nil,
        taxesAmountCents: Int64? = nil,
        subTotalIncludingTaxesAmountCents: Int64? = nil,
        prepaidCreditAmountCents: Int64? = nil,
        prepaidGrantedCreditAmountCents: Int64? = nil,
        prepaidPurchasedCreditAmountCents: Int64? = nil,
        progressiveBillingCreditAmountCents: Int64? = nil,
        totalAmountCents: Int64? = nil,
        totalDueAmountCents: Int64? = nil,
        totalPaidAmountCents: Int64? = nil,
        totalOffsettedCreditNoteAmountCents: Int64? = nil,
        versionNumber: Int? = nil,
        selfBilled: Bool? = nil,
        readyForPaymentProcessing: Bool? = nil,
        purchaseOrderNumber: String? = nil,
        fileUrl: String? = nil,
        xmlUrl: String? = nil,
        webUrl: String? = nil,
        voidedAt: Date? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil,
        customer: Customer? = nil,
        metadata: [InvoiceMetadata]? = nil,
        appliedTaxes: [AppliedTax]? = nil,
        appliedInvoiceCustomSections: [InvoiceAppliedCustomSection]? = nil,
        appliedUsageThresholds: [AppliedUsageThreshold]? = nil,
        billingPeriods: [BillingPeriod]? = nil,
        credits: [InvoiceCredit]? = nil,
        fees: [Fee]? = nil,
        subscriptions: [Subscription]? = nil,
        errorDetails: [ErrorDetail]? = nil
    ) {
        self.lagoId = lagoId
        self.billingEntityCode = billingEntityCode
        self.sequentialId = sequentialId
        self.number = number
        self.issuingDate = issuingDate
        self.paymentDueDate = paymentDueDate
        self.paymentDisputeLostAt = paymentDisputeLostAt
        self.paymentOverdue = paymentOverdue
        self.netPaymentTerm = netPaymentTerm
        self.invoiceType = invoiceType
        self.status = status
        self.paymentStatus = paymentStatus
        self.currency = currency
        self.feesAmountCents = feesAmountCents
        self.couponsAmountCents = couponsAmountCents
        self.creditNotesAmountCents = creditNotesAmountCents
        self.subTotalExcludingTaxesAmountCents = subTotalExcludingTaxesAmountCents
        self.taxesAmountCents = taxesAmountCents
        self.subTotalIncludingTaxesAmountCents = subTotalIncludingTaxesAmountCents
        self.prepaidCreditAmountCents = prepaidCreditAmountCents
        self.prepaidGrantedCreditAmountCents = prepaidGrantedCreditAmountCents
        self.prepaidPurchasedCreditAmountCents = prepaidPurchasedCreditAmountCents
        self.progressiveBillingCreditAmountCents = progressiveBillingCreditAmountCents
        self.totalAmountCents = totalAmountCents
        self.totalDueAmountCents = totalDueAmountCents
        self.totalPaidAmountCents = totalPaidAmountCents
        self.totalOffsettedCreditNoteAmountCents = totalOffsettedCreditNoteAmountCents
        self.versionNumber = versionNumber
        self.selfBilled = selfBilled
        self.readyForPaymentProcessing = readyForPaymentProcessing
        self.purchaseOrderNumber = purchaseOrderNumber
        self.fileUrl = fileUrl
        self.xmlUrl = xmlUrl
        self.webUrl = webUrl
        self.voidedAt = voidedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.customer = customer
        self.metadata = metadata
        self.appliedTaxes = appliedTaxes
        self.appliedInvoiceCustomSections = appliedInvoiceCustomSections
        self.appliedUsageThresholds = appliedUsageThresholds
        self.billingPeriods = billingPeriods
        self.credits = credits
        self.fees = fees
        self.subscriptions = subscriptions
        self.errorDetails = errorDetails
    }

    /// `totalAmountCents` as money in the record's currency; nil when either is missing.
    public var totalAmount: Money? { Money.optional(cents: totalAmountCents, currency: currency) }

    /// `totalDueAmountCents` as money in the record's currency; nil when either is missing.
    public var totalDueAmount: Money? { Money.optional(cents: totalDueAmountCents, currency: currency) }

    /// `totalPaidAmountCents` as money in the record's currency; nil when either is missing.
    public var totalPaidAmount: Money? { Money.optional(cents: totalPaidAmountCents, currency: currency) }

    /// `feesAmountCents` as money in the record's currency; nil when either is missing.
    public var feesAmount: Money? { Money.optional(cents: feesAmountCents, currency: currency) }

    /// `taxesAmountCents` as money in the record's currency; nil when either is missing.
    public var taxesAmount: Money? { Money.optional(cents: taxesAmountCents, currency: currency) }

    /// `subTotalExcludingTaxesAmountCents` as money in the record's currency; nil when either is missing.
    public var subTotalExcludingTaxesAmount: Money? { Money.optional(cents: subTotalExcludingTaxesAmountCents, currency: currency) }

    /// `couponsAmountCents` as money in the record's currency; nil when either is missing.
    public var couponsAmount: Money? { Money.optional(cents: couponsAmountCents, currency: currency) }

    /// `creditNotesAmountCents` as money in the record's currency; nil when either is missing.
    public var creditNotesAmount: Money? { Money.optional(cents: creditNotesAmountCents, currency: currency) }

    /// `prepaidCreditAmountCents` as money in the record's currency; nil when either is missing.
    public var prepaidCreditAmount: Money? { Money.optional(cents: prepaidCreditAmountCents, currency: currency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case billingEntityCode = "billing_entity_code"
        case sequentialId = "sequential_id"
        case number
        case issuingDate = "issuing_date"
        case paymentDueDate = "payment_due_date"
        case paymentDisputeLostAt = "payment_dispute_lost_at"
        case paymentOverdue = "payment_overdue"
        case netPaymentTerm = "net_payment_term"
        case invoiceType = "invoice_type"
        case status
        case paymentStatus = "payment_status"
        case currency
        case feesAmountCents = "fees_amount_cents"
        case couponsAmountCents = "coupons_amount_cents"
        case creditNotesAmountCents = "credit_notes_amount_cents"
        case subTotalExcludingTaxesAmountCents = "sub_total_excluding_taxes_amount_cents"
        case taxesAmountCents = "taxes_amount_cents"
        case subTotalIncludingTaxesAmountCents = "sub_total_including_taxes_amount_cents"
        case prepaidCreditAmountCents = "prepaid_credit_amount_cents"
        case prepaidGrantedCreditAmountCents = "prepaid_granted_credit_amount_cents"
        case prepaidPurchasedCreditAmountCents = "prepaid_purchased_credit_amount_cents"
        case progressiveBillingCreditAmountCents = "progressive_billing_credit_amount_cents"
        case totalAmountCents = "total_amount_cents"
        case totalDueAmountCents = "total_due_amount_cents"
        case totalPaidAmountCents = "total_paid_amount_cents"
        case totalOffsettedCreditNoteAmountCents = "total_offsetted_credit_note_amount_cents"
        case versionNumber = "version_number"
        case selfBilled = "self_billed"
        case readyForPaymentProcessing = "ready_for_payment_processing"
        case purchaseOrderNumber = "purchase_order_number"
        case fileUrl = "file_url"
        case xmlUrl = "xml_url"
        case webUrl = "web_url"
        case voidedAt = "voided_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case customer
        case metadata
        case appliedTaxes = "applied_taxes"
        case appliedInvoiceCustomSections = "applied_invoice_custom_sections"
        case appliedUsageThresholds = "applied_usage_thresholds"
        case billingPeriods = "billing_periods"
        case credits
        case fees
        case subscriptions
        case errorDetails = "error_details"
    }
}

/// An invoice metadata entry.
public struct InvoiceMetadata: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var key: String
    public var value: String?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        key: String,
        lagoId: String? = nil,
        value: String? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.key = key
        self.value = value
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case key
        case value
        case createdAt = "created_at"
    }
}

/// An invoice custom section as printed on one invoice.
public struct InvoiceAppliedCustomSection: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var lagoInvoiceId: String?
    public var code: String?
    public var details: String?
    public var displayName: String?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        lagoInvoiceId: String? = nil,
        code: String? = nil,
        details: String? = nil,
        displayName: String? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoInvoiceId = lagoInvoiceId
        self.code = code
        self.details = details
        self.displayName = displayName
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoInvoiceId = "lago_invoice_id"
        case code
        case details
        case displayName = "display_name"
        case createdAt = "created_at"
    }
}

/// A usage threshold crossed by a progressive-billing invoice.
public struct AppliedUsageThreshold: Codable, Hashable, Sendable {
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var lifetimeUsageAmountCents: Int64?
    public var createdAt: Date?
    public var usageThreshold: UsageThreshold?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lifetimeUsageAmountCents: Int64? = nil,
        createdAt: Date? = nil,
        usageThreshold: UsageThreshold? = nil
    ) {
        self.lifetimeUsageAmountCents = lifetimeUsageAmountCents
        self.createdAt = createdAt
        self.usageThreshold = usageThreshold
    }

    enum CodingKeys: String, CodingKey {
        case lifetimeUsageAmountCents = "lifetime_usage_amount_cents"
        case createdAt = "created_at"
        case usageThreshold = "usage_threshold"
    }
}

/// A subscription period billed by an invoice.
public struct BillingPeriod: Codable, Hashable, Sendable {
    public var lagoSubscriptionId: String?
    public var externalSubscriptionId: String?
    public var lagoPlanId: String?
    public var subscriptionFromDatetime: Date?
    public var subscriptionToDatetime: Date?
    public var chargesFromDatetime: Date?
    public var chargesToDatetime: Date?
    public var invoicingReason: InvoicingReason?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoSubscriptionId: String? = nil,
        externalSubscriptionId: String? = nil,
        lagoPlanId: String? = nil,
        subscriptionFromDatetime: Date? = nil,
        subscriptionToDatetime: Date? = nil,
        chargesFromDatetime: Date? = nil,
        chargesToDatetime: Date? = nil,
        invoicingReason: InvoicingReason? = nil
    ) {
        self.lagoSubscriptionId = lagoSubscriptionId
        self.externalSubscriptionId = externalSubscriptionId
        self.lagoPlanId = lagoPlanId
        self.subscriptionFromDatetime = subscriptionFromDatetime
        self.subscriptionToDatetime = subscriptionToDatetime
        self.chargesFromDatetime = chargesFromDatetime
        self.chargesToDatetime = chargesToDatetime
        self.invoicingReason = invoicingReason
    }

    enum CodingKeys: String, CodingKey {
        case lagoSubscriptionId = "lago_subscription_id"
        case externalSubscriptionId = "external_subscription_id"
        case lagoPlanId = "lago_plan_id"
        case subscriptionFromDatetime = "subscription_from_datetime"
        case subscriptionToDatetime = "subscription_to_datetime"
        case chargesFromDatetime = "charges_from_datetime"
        case chargesToDatetime = "charges_to_datetime"
        case invoicingReason = "invoicing_reason"
    }
}

/// A credit (coupon, credit note, …) deducted on an invoice.
public struct InvoiceCredit: Codable, Hashable, Sendable {
    public var lagoId: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    public var beforeTaxes: Bool?
    public var item: InvoiceCreditItem?
    public var invoice: InvoiceCreditInvoice?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        beforeTaxes: Bool? = nil,
        item: InvoiceCreditItem? = nil,
        invoice: InvoiceCreditInvoice? = nil
    ) {
        self.lagoId = lagoId
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.beforeTaxes = beforeTaxes
        self.item = item
        self.invoice = invoice
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case beforeTaxes = "before_taxes"
        case item
        case invoice
    }
}

/// What an invoice credit came from.
public struct InvoiceCreditItem: Codable, Hashable, Sendable {
    public var lagoItemId: String?
    /// `coupon`, `credit_note` or `invoice`.
    public var type: String?
    public var code: String?
    public var name: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoItemId: String? = nil,
        type: String? = nil,
        code: String? = nil,
        name: String? = nil
    ) {
        self.lagoItemId = lagoItemId
        self.type = type
        self.code = code
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case lagoItemId = "lago_item_id"
        case type
        case code
        case name
    }
}

/// The invoice an invoice credit belongs to.
public struct InvoiceCreditInvoice: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var paymentStatus: InvoicePaymentStatus?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        paymentStatus: InvoicePaymentStatus? = nil
    ) {
        self.lagoId = lagoId
        self.paymentStatus = paymentStatus
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case paymentStatus = "payment_status"
    }
}
