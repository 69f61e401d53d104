import Foundation

/// A customer's subscription to a plan. List items carry only `plan_code`; `GET
/// /subscriptions/{external_id}` adds `plan`.
public struct Subscription: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .subscriptions
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { externalId }

    public var lagoId: String
    /// Your identifier; `GET /subscriptions/{external_id}` uses it.
    public var externalId: String
    public var lagoCustomerId: String?
    public var externalCustomerId: String?
    public var billingEntityCode: String?
    public var name: String?
    public var planCode: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var planAmountCents: Int64?
    public var planAmountCurrency: Currency?
    public var status: SubscriptionStatus?
    public var billingTime: BillingTime?
    public var subscriptionAt: Date?
    /// Null while pending.
    public var startedAt: Date?
    public var endingAt: Date?
    public var terminatedAt: Date?
    public var canceledAt: Date?
    public var trialEndedAt: Date?
    public var activatedAt: Date?
    public var currentBillingPeriodStartedAt: Date?
    public var currentBillingPeriodEndingAt: Date?
    public var previousPlanCode: String?
    public var nextPlanCode: String?
    public var downgradePlanDate: LagoDate?
    public var onTerminationCreditNote: OnTerminationCreditNote?
    public var onTerminationInvoice: OnTerminationInvoice?
    public var cancellationReason: CancellationReason?
    public var consolidateInvoice: Bool?
    public var progressiveBillingDisabled: Bool?
    public var purchaseOrderNumber: String?
    public var paymentMethod: PaymentMethodReference?
    public var activationRules: [SubscriptionActivationRule]?
    public var appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]?
    /// Only on `GET /subscriptions/{external_id}`.
    public var plan: Plan?
    public var applicableUsageThresholds: [ApplicableUsageThreshold]?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        externalId: String,
        lagoCustomerId: String? = nil,
        externalCustomerId: String? = nil,
        billingEntityCode: String? = nil,
        name: String? = nil,
        planCode: String? = nil,
        planAmountCents: Int64? = nil,
        planAmountCurrency: Currency? = nil,
        status: SubscriptionStatus? = nil,
        billingTime: BillingTime? = nil,
        subscriptionAt: Date? = nil,
        startedAt: Date? = nil,
        endingAt: Date? = nil,
        terminatedAt: Date? = nil,
        canceledAt: Date? = nil,
        trialEndedAt: Date? = nil,
        activatedAt: Date? = nil,
        currentBillingPeriodStartedAt: Date? = nil,
        currentBillingPeriodEndingAt: Date? = nil,
        previousPlanCode: String? = nil,
        nextPlanCode: String? = nil,
        downgradePlanDate: LagoDate? = nil,
        onTerminationCreditNote: OnTerminationCreditNote? = nil,
        onTerminationInvoice: OnTerminationInvoice? = nil,
        cancellationReason: CancellationReason? = nil,
        consolidateInvoice: Bool? = nil,
        progressiveBillingDisabled: Bool? = nil,
        purchaseOrderNumber: String? = nil,
        paymentMethod: PaymentMethodReference? = nil,
        activationRules: [SubscriptionActivationRule]? = nil,
        appliedInvoiceCustomSections: [AppliedInvoiceCustomSection]? = nil,
        plan: Plan? = nil,
        applicableUsageThresholds: [ApplicableUsageThreshold]? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.externalId = externalId
        self.lagoCustomerId = lagoCustomerId
        self.externalCustomerId = externalCustomerId
        self.billingEntityCode = billingEntityCode
        self.name = name
        self.planCode = planCode
        self.planAmountCents = planAmountCents
        self.planAmountCurrency = planAmountCurrency
        self.status = status
        self.billingTime = billingTime
        self.subscriptionAt = subscriptionAt
        self.startedAt = startedAt
        self.endingAt = endingAt
        self.terminatedAt = terminatedAt
        self.canceledAt = canceledAt
        self.trialEndedAt = trialEndedAt
        self.activatedAt = activatedAt
        self.currentBillingPeriodStartedAt = currentBillingPeriodStartedAt
        self.currentBillingPeriodEndingAt = currentBillingPeriodEndingAt
        self.previousPlanCode = previousPlanCode
        self.nextPlanCode = nextPlanCode
        self.downgradePlanDate = downgradePlanDate
        self.onTerminationCreditNote = onTerminationCreditNote
        self.onTerminationInvoice = onTerminationInvoice
        self.cancellationReason = cancellationReason
        self.consolidateInvoice = consolidateInvoice
        self.progressiveBillingDisabled = progressiveBillingDisabled
        self.purchaseOrderNumber = purchaseOrderNumber
        self.paymentMethod = paymentMethod
        self.activationRules = activationRules
        self.appliedInvoiceCustomSections = appliedInvoiceCustomSections
        self.plan = plan
        self.applicableUsageThresholds = applicableUsageThresholds
        self.createdAt = createdAt
    }

    /// `planAmountCents` as money in the record's currency; nil when either is missing.
    public var planAmount: Money? { Money.optional(cents: planAmountCents, currency: planAmountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case externalId = "external_id"
        case lagoCustomerId = "lago_customer_id"
        case externalCustomerId = "external_customer_id"
        case billingEntityCode = "billing_entity_code"
        case name
        case planCode = "plan_code"
        case planAmountCents = "plan_amount_cents"
        case planAmountCurrency = "plan_amount_currency"
        case status
        case billingTime = "billing_time"
        case subscriptionAt = "subscription_at"
        case startedAt = "started_at"
        case endingAt = "ending_at"
        case terminatedAt = "terminated_at"
        case canceledAt = "canceled_at"
        case trialEndedAt = "trial_ended_at"
        case activatedAt = "activated_at"
        case currentBillingPeriodStartedAt = "current_billing_period_started_at"
        case currentBillingPeriodEndingAt = "current_billing_period_ending_at"
        case previousPlanCode = "previous_plan_code"
        case nextPlanCode = "next_plan_code"
        case downgradePlanDate = "downgrade_plan_date"
        case onTerminationCreditNote = "on_termination_credit_note"
        case onTerminationInvoice = "on_termination_invoice"
        case cancellationReason = "cancellation_reason"
        case consolidateInvoice = "consolidate_invoice"
        case progressiveBillingDisabled = "progressive_billing_disabled"
        case purchaseOrderNumber = "purchase_order_number"
        case paymentMethod = "payment_method"
        case activationRules = "activation_rules"
        case appliedInvoiceCustomSections = "applied_invoice_custom_sections"
        case plan
        case applicableUsageThresholds = "applicable_usage_thresholds"
        case createdAt = "created_at"
    }
}

/// A rule that must be satisfied before a subscription activates (e.g. a first payment).
public struct SubscriptionActivationRule: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var type: String?
    public var timeoutHours: Int?
    public var status: ActivationRuleStatus?
    public var expiresAt: Date?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        type: String? = nil,
        timeoutHours: Int? = nil,
        status: ActivationRuleStatus? = nil,
        expiresAt: Date? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.type = type
        self.timeoutHours = timeoutHours
        self.status = status
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case type
        case timeoutHours = "timeout_hours"
        case status
        case expiresAt = "expires_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A progressive-billing threshold that applies to a subscription.
public struct ApplicableUsageThreshold: Codable, Hashable, Sendable {
    public var thresholdDisplayName: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var recurring: Bool?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        thresholdDisplayName: String? = nil,
        amountCents: Int64? = nil,
        recurring: Bool? = nil
    ) {
        self.thresholdDisplayName = thresholdDisplayName
        self.amountCents = amountCents
        self.recurring = recurring
    }

    enum CodingKeys: String, CodingKey {
        case thresholdDisplayName = "threshold_display_name"
        case amountCents = "amount_cents"
        case recurring
    }
}
