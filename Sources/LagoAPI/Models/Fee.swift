import Foundation

/// A fee: one line of an invoice (or a pay-in-advance fee not invoiced yet). `id` is the `lago_id`,
/// or empty for an estimate that has none.
public struct Fee: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .fees
    /// Stable identity for lists and diffing: `lagoId ?? ""`.
    public var id: String { lagoId ?? "" }

    /// Null only on estimated fees that were never stored; listed and invoiced fees always have
    /// one.
    public var lagoId: String?
    public var lagoChargeId: String?
    public var lagoChargeFilterId: String?
    public var lagoFixedChargeId: String?
    public var lagoInvoiceId: String?
    public var lagoTrueUpFeeId: String?
    public var lagoTrueUpParentFeeId: String?
    public var lagoSubscriptionId: String?
    public var lagoCustomerId: String?
    public var externalCustomerId: String?
    public var externalSubscriptionId: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var preciseAmount: Decimal?
    public var preciseTotalAmount: Decimal?
    public var amountCurrency: Currency?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var taxesAmountCents: Int64?
    public var taxesPreciseAmount: Decimal?
    public var taxesRate: Decimal?
    public var units: Decimal?
    public var preciseUnitAmount: Decimal?
    public var totalAggregatedUnits: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var totalAmountCents: Int64?
    public var totalAmountCurrency: Currency?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var subTotalExcludingTaxesAmountCents: Int64?
    public var subTotalExcludingTaxesPreciseAmountCents: Decimal?
    public var preciseCouponsAmountCents: Decimal?
    public var eventsCount: Int?
    public var payInAdvance: Bool?
    public var invoiceable: Bool?
    public var selfBilled: Bool?
    public var fromDate: Date?
    public var toDate: Date?
    public var paymentStatus: FeePaymentStatus?
    public var succeededAt: Date?
    public var failedAt: Date?
    public var refundedAt: Date?
    public var eventTransactionId: String?
    public var description: String?
    public var invoiceDisplayName: String?
    /// Charge-model specific breakdown (ranges, free units, …).
    public var amountDetails: JSONValue?
    public var item: FeeItem?
    public var appliedTaxes: [AppliedTax]?
    public var pricingUnitDetails: PricingUnitDetails?
    public var presentationBreakdowns: [PresentationBreakdown]?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        lagoChargeId: String? = nil,
        lagoChargeFilterId: String? = nil,
        lagoFixedChargeId: String? = nil,
        lagoInvoiceId: String? = nil,
        lagoTrueUpFeeId: String? = nil,
        lagoTrueUpParentFeeId: String? = nil,
        lagoSubscriptionId: String? = nil,
        lagoCustomerId: String? = nil,
        externalCustomerId: String? = nil,
        externalSubscriptionId: String? = nil,
        amountCents: Int64? = nil,
        preciseAmount: Decimal? = nil,
        preciseTotalAmount: Decimal? = nil,
        amountCurrency: Currency? = nil,
        taxesAmountCents: Int64? = nil,
        taxesPreciseAmount: Decimal? = nil,
        taxesRate: Decimal? = nil,
        units: Decimal? = nil,
        preciseUnitAmount: Decimal? = nil,
        totalAggregatedUnits: Decimal? = nil,
        totalAmountCents: Int64? = nil,
        totalAmountCurrency: Currency? = nil,
        subTotalExcludingTaxesAmountCents: Int64? = nil,
        subTotalExcludingTaxesPreciseAmountCents: Decimal? = nil,
        preciseCouponsAmountCents: Decimal? = nil,
        eventsCount: Int? = nil,
        payInAdvance: Bool? = nil,
        invoiceable: Bool? = nil,
        selfBilled: Bool? = nil,
        fromDate: Date? = nil,
        toDate: Date? = nil,
        paymentStatus: FeePaymentStatus? = nil,
        succeededAt: Date? = nil,
        failedAt: Date? = nil,
        refundedAt: Date? = nil,
        eventTransactionId: String? = nil,
        description: String? = nil,
        invoiceDisplayName: String? = nil,
        amountDetails: JSONValue? = nil,
        item: FeeItem? = nil,
        appliedTaxes: [AppliedTax]? = nil,
        pricingUnitDetails: PricingUnitDetails? = nil,
        presentationBreakdowns: [PresentationBreakdown]? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoChargeId = lagoChargeId
        self.lagoChargeFilterId = lagoChargeFilterId
        self.lagoFixedChargeId = lagoFixedChargeId
        self.lagoInvoiceId = lagoInvoiceId
        self.lagoTrueUpFeeId = lagoTrueUpFeeId
        self.lagoTrueUpParentFeeId = lagoTrueUpParentFeeId
        self.lagoSubscriptionId = lagoSubscriptionId
        self.lagoCustomerId = lagoCustomerId
        self.externalCustomerId = externalCustomerId
        self.externalSubscriptionId = externalSubscriptionId
        self.amountCents = amountCents
        self.preciseAmount = preciseAmount
        self.preciseTotalAmount = preciseTotalAmount
        self.amountCurrency = amountCurrency
        self.taxesAmountCents = taxesAmountCents
        self.taxesPreciseAmount = taxesPreciseAmount
        self.taxesRate = taxesRate
        self.units = units
        self.preciseUnitAmount = preciseUnitAmount
        self.totalAggregatedUnits = totalAggregatedUnits
        self.totalAmountCents = totalAmountCents
        self.totalAmountCurrency = totalAmountCurrency
        self.subTotalExcludingTaxesAmountCents = subTotalExcludingTaxesAmountCents
        self.subTotalExcludingTaxesPreciseAmountCents = subTotalExcludingTaxesPreciseAmountCents
        self.preciseCouponsAmountCents = preciseCouponsAmountCents
        self.eventsCount = eventsCount
        self.payInAdvance = payInAdvance
        self.invoiceable = invoiceable
        self.selfBilled = selfBilled
        self.fromDate = fromDate
        self.toDate = toDate
        self.paymentStatus = paymentStatus
        self.succeededAt = succeededAt
        self.failedAt = failedAt
        self.refundedAt = refundedAt
        self.eventTransactionId = eventTransactionId
        self.description = description
        self.invoiceDisplayName = invoiceDisplayName
        self.amountDetails = amountDetails
        self.item = item
        self.appliedTaxes = appliedTaxes
        self.pricingUnitDetails = pricingUnitDetails
        self.presentationBreakdowns = presentationBreakdowns
        self.createdAt = createdAt
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    /// `totalAmountCents` as money in the record's currency; nil when either is missing.
    public var totalAmount: Money? { Money.optional(cents: totalAmountCents, currency: amountCurrency) }

    /// `taxesAmountCents` as money in the record's currency; nil when either is missing.
    public var taxesAmount: Money? { Money.optional(cents: taxesAmountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoChargeId = "lago_charge_id"
        case lagoChargeFilterId = "lago_charge_filter_id"
        case lagoFixedChargeId = "lago_fixed_charge_id"
        case lagoInvoiceId = "lago_invoice_id"
        case lagoTrueUpFeeId = "lago_true_up_fee_id"
        case lagoTrueUpParentFeeId = "lago_true_up_parent_fee_id"
        case lagoSubscriptionId = "lago_subscription_id"
        case lagoCustomerId = "lago_customer_id"
        case externalCustomerId = "external_customer_id"
        case externalSubscriptionId = "external_subscription_id"
        case amountCents = "amount_cents"
        case preciseAmount = "precise_amount"
        case preciseTotalAmount = "precise_total_amount"
        case amountCurrency = "amount_currency"
        case taxesAmountCents = "taxes_amount_cents"
        case taxesPreciseAmount = "taxes_precise_amount"
        case taxesRate = "taxes_rate"
        case units
        case preciseUnitAmount = "precise_unit_amount"
        case totalAggregatedUnits = "total_aggregated_units"
        case totalAmountCents = "total_amount_cents"
        case totalAmountCurrency = "total_amount_currency"
        case subTotalExcludingTaxesAmountCents = "sub_total_excluding_taxes_amount_cents"
        case subTotalExcludingTaxesPreciseAmountCents = "sub_total_excluding_taxes_precise_amount_cents"
        case preciseCouponsAmountCents = "precise_coupons_amount_cents"
        case eventsCount = "events_count"
        case payInAdvance = "pay_in_advance"
        case invoiceable
        case selfBilled = "self_billed"
        case fromDate = "from_date"
        case toDate = "to_date"
        case paymentStatus = "payment_status"
        case succeededAt = "succeeded_at"
        case failedAt = "failed_at"
        case refundedAt = "refunded_at"
        case eventTransactionId = "event_transaction_id"
        case description
        case invoiceDisplayName = "invoice_display_name"
        case amountDetails = "amount_details"
        case item
        case appliedTaxes = "applied_taxes"
        case pricingUnitDetails = "pricing_unit_details"
        case presentationBreakdowns = "presentation_breakdowns"
        case createdAt = "created_at"
    }
}

/// What a fee charges for.
public struct FeeItem: Codable, Hashable, Sendable {
    public var type: FeeType?
    public var code: String?
    public var name: String?
    public var description: String?
    public var invoiceDisplayName: String?
    public var filterInvoiceDisplayName: String?
    public var filters: JSONValue?
    public var lagoItemId: String?
    public var itemType: String?
    public var groupedBy: [String: JSONValue]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        type: FeeType? = nil,
        code: String? = nil,
        name: String? = nil,
        description: String? = nil,
        invoiceDisplayName: String? = nil,
        filterInvoiceDisplayName: String? = nil,
        filters: JSONValue? = nil,
        lagoItemId: String? = nil,
        itemType: String? = nil,
        groupedBy: [String: JSONValue]? = nil
    ) {
        self.type = type
        self.code = code
        self.name = name
        self.description = description
        self.invoiceDisplayName = invoiceDisplayName
        self.filterInvoiceDisplayName = filterInvoiceDisplayName
        self.filters = filters
        self.lagoItemId = lagoItemId
        self.itemType = itemType
        self.groupedBy = groupedBy
    }

    enum CodingKeys: String, CodingKey {
        case type
        case code
        case name
        case description
        case invoiceDisplayName = "invoice_display_name"
        case filterInvoiceDisplayName = "filter_invoice_display_name"
        case filters
        case lagoItemId = "lago_item_id"
        case itemType = "item_type"
        case groupedBy = "grouped_by"
    }
}
