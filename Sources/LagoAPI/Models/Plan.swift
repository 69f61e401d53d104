import Foundation

/// A plan: the price list subscriptions follow.
public struct Plan: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .plans
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { code }

    public var lagoId: String
    public var code: String
    public var name: String?
    public var invoiceDisplayName: String?
    public var description: String?
    public var interval: PlanInterval?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    /// Days of trial.
    public var trialPeriod: Decimal?
    public var payInAdvance: Bool?
    public var billChargesMonthly: Bool?
    public var billFixedChargesMonthly: Bool?
    /// True while the plan is being deleted (still listed).
    public var pendingDeletion: Bool?
    public var minimumCommitment: MinimumCommitment?
    public var charges: [Charge]?
    public var fixedCharges: [FixedCharge]?
    public var taxes: [Tax]?
    public var usageThresholds: [UsageThreshold]?
    /// The thresholds that apply to the plan (its own, or its parent's).
    public var applicableUsageThresholds: [UsageThreshold]?
    public var entitlements: [JSONValue]?
    public var metadata: [String: JSONValue]?
    public var activeSubscriptionsCount: Int?
    public var customersCount: Int?
    public var draftInvoicesCount: Int?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        code: String,
        name: String? = nil,
        invoiceDisplayName: String? = nil,
        description: String? = nil,
        interval: PlanInterval? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        trialPeriod: Decimal? = nil,
        payInAdvance: Bool? = nil,
        billChargesMonthly: Bool? = nil,
        billFixedChargesMonthly: Bool? = nil,
        pendingDeletion: Bool? = nil,
        minimumCommitment: MinimumCommitment? = nil,
        charges: [Charge]? = nil,
        fixedCharges: [FixedCharge]? = nil,
        taxes: [Tax]? = nil,
        usageThresholds: [UsageThreshold]? = nil,
        applicableUsageThresholds: [UsageThreshold]? = nil,
        entitlements: [JSONValue]? = nil,
        metadata: [String: JSONValue]? = nil,
        activeSubscriptionsCount: Int? = nil,
        customersCount: Int? = nil,
        draftInvoicesCount: Int? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.name = name
        self.invoiceDisplayName = invoiceDisplayName
        self.description = description
        self.interval = interval
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.trialPeriod = trialPeriod
        self.payInAdvance = payInAdvance
        self.billChargesMonthly = billChargesMonthly
        self.billFixedChargesMonthly = billFixedChargesMonthly
        self.pendingDeletion = pendingDeletion
        self.minimumCommitment = minimumCommitment
        self.charges = charges
        self.fixedCharges = fixedCharges
        self.taxes = taxes
        self.usageThresholds = usageThresholds
        self.applicableUsageThresholds = applicableUsageThresholds
        self.entitlements = entitlements
        self.metadata = metadata
        self.activeSubscriptionsCount = activeSubscriptionsCount
        self.customersCount = customersCount
        self.draftInvoicesCount = draftInvoicesCount
        self.createdAt = createdAt
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case name
        case invoiceDisplayName = "invoice_display_name"
        case description
        case interval
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case trialPeriod = "trial_period"
        case payInAdvance = "pay_in_advance"
        case billChargesMonthly = "bill_charges_monthly"
        case billFixedChargesMonthly = "bill_fixed_charges_monthly"
        case pendingDeletion = "pending_deletion"
        case minimumCommitment = "minimum_commitment"
        case charges
        case fixedCharges = "fixed_charges"
        case taxes
        case usageThresholds = "usage_thresholds"
        case applicableUsageThresholds = "applicable_usage_thresholds"
        case entitlements
        case metadata
        case activeSubscriptionsCount = "active_subscriptions_count"
        case customersCount = "customers_count"
        case draftInvoicesCount = "draft_invoices_count"
        case createdAt = "created_at"
    }
}

/// A usage-based charge of a plan.
public struct Charge: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var lagoBillableMetricId: String?
    public var lagoParentId: String?
    public var code: String?
    public var billableMetricCode: String?
    public var invoiceDisplayName: String?
    public var chargeModel: ChargeModel?
    public var payInAdvance: Bool?
    public var invoiceable: Bool?
    public var regroupPaidFees: String?
    public var prorated: Bool?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var minAmountCents: Int64?
    /// Model-specific pricing (amounts as decimal strings, ranges, …).
    public var properties: JSONValue?
    public var filters: [ChargeFilter]?
    public var taxes: [Tax]?
    public var appliedPricingUnit: JSONValue?
    public var acceptsTargetWallet: Bool?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        lagoBillableMetricId: String? = nil,
        lagoParentId: String? = nil,
        code: String? = nil,
        billableMetricCode: String? = nil,
        invoiceDisplayName: String? = nil,
        chargeModel: ChargeModel? = nil,
        payInAdvance: Bool? = nil,
        invoiceable: Bool? = nil,
        regroupPaidFees: String? = nil,
        prorated: Bool? = nil,
        minAmountCents: Int64? = nil,
        properties: JSONValue? = nil,
        filters: [ChargeFilter]? = nil,
        taxes: [Tax]? = nil,
        appliedPricingUnit: JSONValue? = nil,
        acceptsTargetWallet: Bool? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoBillableMetricId = lagoBillableMetricId
        self.lagoParentId = lagoParentId
        self.code = code
        self.billableMetricCode = billableMetricCode
        self.invoiceDisplayName = invoiceDisplayName
        self.chargeModel = chargeModel
        self.payInAdvance = payInAdvance
        self.invoiceable = invoiceable
        self.regroupPaidFees = regroupPaidFees
        self.prorated = prorated
        self.minAmountCents = minAmountCents
        self.properties = properties
        self.filters = filters
        self.taxes = taxes
        self.appliedPricingUnit = appliedPricingUnit
        self.acceptsTargetWallet = acceptsTargetWallet
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoBillableMetricId = "lago_billable_metric_id"
        case lagoParentId = "lago_parent_id"
        case code
        case billableMetricCode = "billable_metric_code"
        case invoiceDisplayName = "invoice_display_name"
        case chargeModel = "charge_model"
        case payInAdvance = "pay_in_advance"
        case invoiceable
        case regroupPaidFees = "regroup_paid_fees"
        case prorated
        case minAmountCents = "min_amount_cents"
        case properties
        case filters
        case taxes
        case appliedPricingUnit = "applied_pricing_unit"
        case acceptsTargetWallet = "accepts_target_wallet"
        case createdAt = "created_at"
    }
}

/// A filtered price of a charge.
public struct ChargeFilter: Codable, Hashable, Sendable {
    public var invoiceDisplayName: String?
    public var properties: JSONValue?
    public var values: [String: JSONValue]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        invoiceDisplayName: String? = nil,
        properties: JSONValue? = nil,
        values: [String: JSONValue]? = nil
    ) {
        self.invoiceDisplayName = invoiceDisplayName
        self.properties = properties
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case invoiceDisplayName = "invoice_display_name"
        case properties
        case values
    }
}

/// A fixed (add-on based) charge of a plan.
public struct FixedCharge: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var lagoAddOnId: String?
    public var lagoParentId: String?
    public var code: String?
    public var addOnCode: String?
    public var invoiceDisplayName: String?
    public var chargeModel: ChargeModel?
    public var payInAdvance: Bool?
    public var prorated: Bool?
    public var properties: JSONValue?
    public var units: Decimal?
    public var taxes: [Tax]?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        lagoAddOnId: String? = nil,
        lagoParentId: String? = nil,
        code: String? = nil,
        addOnCode: String? = nil,
        invoiceDisplayName: String? = nil,
        chargeModel: ChargeModel? = nil,
        payInAdvance: Bool? = nil,
        prorated: Bool? = nil,
        properties: JSONValue? = nil,
        units: Decimal? = nil,
        taxes: [Tax]? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoAddOnId = lagoAddOnId
        self.lagoParentId = lagoParentId
        self.code = code
        self.addOnCode = addOnCode
        self.invoiceDisplayName = invoiceDisplayName
        self.chargeModel = chargeModel
        self.payInAdvance = payInAdvance
        self.prorated = prorated
        self.properties = properties
        self.units = units
        self.taxes = taxes
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoAddOnId = "lago_add_on_id"
        case lagoParentId = "lago_parent_id"
        case code
        case addOnCode = "add_on_code"
        case invoiceDisplayName = "invoice_display_name"
        case chargeModel = "charge_model"
        case payInAdvance = "pay_in_advance"
        case prorated
        case properties
        case units
        case taxes
        case createdAt = "created_at"
    }
}

/// A plan's minimum spend per interval.
public struct MinimumCommitment: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var planCode: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var invoiceDisplayName: String?
    public var interval: PlanInterval?
    public var taxes: [Tax]?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        planCode: String? = nil,
        amountCents: Int64? = nil,
        invoiceDisplayName: String? = nil,
        interval: PlanInterval? = nil,
        taxes: [Tax]? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.planCode = planCode
        self.amountCents = amountCents
        self.invoiceDisplayName = invoiceDisplayName
        self.interval = interval
        self.taxes = taxes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case planCode = "plan_code"
        case amountCents = "amount_cents"
        case invoiceDisplayName = "invoice_display_name"
        case interval
        case taxes
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
