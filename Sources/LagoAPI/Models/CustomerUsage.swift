import Foundation

/// A customer's usage for one subscription over one charges period: the current period for
/// `current_usage` (and `projected_usage`, which adds the projected amounts), invoiced periods
/// for `past_usage`.
public struct CustomerUsage: Codable, Hashable, Sendable {
    public var fromDatetime: Date?
    public var toDatetime: Date?
    public var issuingDate: LagoDate?
    /// Null for current usage; set for past (invoiced) periods.
    public var lagoInvoiceId: String?
    public var currency: Currency?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    /// The amount projected to the end of the period; `projected_usage` only. Minor units.
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

    /// `taxesAmountCents` as money in the record's currency; nil when either is missing.
    public var taxesAmount: Money? { Money.optional(cents: taxesAmountCents, currency: currency) }

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

/// Usage of one charge in a usage period. Projected usage adds the `projected_*` fields.
public struct ChargeUsage: Codable, Hashable, Sendable {
    public var units: Decimal?
    public var totalAggregatedUnits: Decimal?
    public var eventsCount: Int?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    public var projectedUnits: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var projectedAmountCents: Int64?
    public var pricingUnitDetails: PricingUnitDetails?
    public var charge: ChargeUsageCharge?
    public var billableMetric: ChargeUsageBillableMetric?
    public var filters: [ChargeFilterUsage]?
    public var groupedUsage: [GroupedUsage]?
    public var presentationBreakdowns: [PresentationBreakdown]?
    public var projectedPresentationBreakdowns: [PresentationBreakdown]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        units: Decimal? = nil,
        totalAggregatedUnits: Decimal? = nil,
        eventsCount: Int? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        projectedUnits: Decimal? = nil,
        projectedAmountCents: Int64? = nil,
        pricingUnitDetails: PricingUnitDetails? = nil,
        charge: ChargeUsageCharge? = nil,
        billableMetric: ChargeUsageBillableMetric? = nil,
        filters: [ChargeFilterUsage]? = nil,
        groupedUsage: [GroupedUsage]? = nil,
        presentationBreakdowns: [PresentationBreakdown]? = nil,
        projectedPresentationBreakdowns: [PresentationBreakdown]? = nil
    ) {
        self.units = units
        self.totalAggregatedUnits = totalAggregatedUnits
        self.eventsCount = eventsCount
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.projectedUnits = projectedUnits
        self.projectedAmountCents = projectedAmountCents
        self.pricingUnitDetails = pricingUnitDetails
        self.charge = charge
        self.billableMetric = billableMetric
        self.filters = filters
        self.groupedUsage = groupedUsage
        self.presentationBreakdowns = presentationBreakdowns
        self.projectedPresentationBreakdowns = projectedPresentationBreakdowns
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    /// `projectedAmountCents` as money in the record's currency; nil when either is missing.
    public var projectedAmount: Money? { Money.optional(cents: projectedAmountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case units
        case totalAggregatedUnits = "total_aggregated_units"
        case eventsCount = "events_count"
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case projectedUnits = "projected_units"
        case projectedAmountCents = "projected_amount_cents"
        case pricingUnitDetails = "pricing_unit_details"
        case charge
        case billableMetric = "billable_metric"
        case filters
        case groupedUsage = "grouped_usage"
        case presentationBreakdowns = "presentation_breakdowns"
        case projectedPresentationBreakdowns = "projected_presentation_breakdowns"
    }
}

/// The charge a usage line belongs to.
public struct ChargeUsageCharge: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var code: String?
    public var chargeModel: ChargeModel?
    public var invoiceDisplayName: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        code: String? = nil,
        chargeModel: ChargeModel? = nil,
        invoiceDisplayName: String? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.chargeModel = chargeModel
        self.invoiceDisplayName = invoiceDisplayName
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case chargeModel = "charge_model"
        case invoiceDisplayName = "invoice_display_name"
    }
}

/// The billable metric a usage line measures.
public struct ChargeUsageBillableMetric: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var name: String?
    public var code: String?
    public var aggregationType: AggregationType?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        name: String? = nil,
        code: String? = nil,
        aggregationType: AggregationType? = nil
    ) {
        self.lagoId = lagoId
        self.name = name
        self.code = code
        self.aggregationType = aggregationType
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case name
        case code
        case aggregationType = "aggregation_type"
    }
}

/// Usage of one filter (dimension values) of a charge.
public struct ChargeFilterUsage: Codable, Hashable, Sendable {
    public var units: Decimal?
    public var totalAggregatedUnits: Decimal?
    public var projectedUnits: Decimal?
    public var eventsCount: Int?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var projectedAmountCents: Int64?
    public var invoiceDisplayName: String?
    public var pricingUnitDetails: PricingUnitDetails?
    /// Filter key to its values; null for the default bucket.
    public var values: [String: JSONValue]?
    public var presentationBreakdowns: [PresentationBreakdown]?
    public var projectedPresentationBreakdowns: [PresentationBreakdown]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        units: Decimal? = nil,
        totalAggregatedUnits: Decimal? = nil,
        projectedUnits: Decimal? = nil,
        eventsCount: Int? = nil,
        amountCents: Int64? = nil,
        projectedAmountCents: Int64? = nil,
        invoiceDisplayName: String? = nil,
        pricingUnitDetails: PricingUnitDetails? = nil,
        values: [String: JSONValue]? = nil,
        presentationBreakdowns: [PresentationBreakdown]? = nil,
        projectedPresentationBreakdowns: [PresentationBreakdown]? = nil
    ) {
        self.units = units
        self.totalAggregatedUnits = totalAggregatedUnits
        self.projectedUnits = projectedUnits
        self.eventsCount = eventsCount
        self.amountCents = amountCents
        self.projectedAmountCents = projectedAmountCents
        self.invoiceDisplayName = invoiceDisplayName
        self.pricingUnitDetails = pricingUnitDetails
        self.values = values
        self.presentationBreakdowns = presentationBreakdowns
        self.projectedPresentationBreakdowns = projectedPresentationBreakdowns
    }

    enum CodingKeys: String, CodingKey {
        case units
        case totalAggregatedUnits = "total_aggregated_units"
        case projectedUnits = "projected_units"
        case eventsCount = "events_count"
        case amountCents = "amount_cents"
        case projectedAmountCents = "projected_amount_cents"
        case invoiceDisplayName = "invoice_display_name"
        case pricingUnitDetails = "pricing_unit_details"
        case values
        case presentationBreakdowns = "presentation_breakdowns"
        case projectedPresentationBreakdowns = "projected_presentation_breakdowns"
    }
}

/// Usage of one group of a charge grouped by event properties.
public struct GroupedUsage: Codable, Hashable, Sendable {
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var projectedAmountCents: Int64?
    public var eventsCount: Int?
    public var units: Decimal?
    public var totalAggregatedUnits: Decimal?
    public var projectedUnits: Decimal?
    public var pricingUnitDetails: PricingUnitDetails?
    public var groupedBy: [String: JSONValue]?
    public var filters: [ChargeFilterUsage]?
    public var presentationBreakdowns: [PresentationBreakdown]?
    public var projectedPresentationBreakdowns: [PresentationBreakdown]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        amountCents: Int64? = nil,
        projectedAmountCents: Int64? = nil,
        eventsCount: Int? = nil,
        units: Decimal? = nil,
        totalAggregatedUnits: Decimal? = nil,
        projectedUnits: Decimal? = nil,
        pricingUnitDetails: PricingUnitDetails? = nil,
        groupedBy: [String: JSONValue]? = nil,
        filters: [ChargeFilterUsage]? = nil,
        presentationBreakdowns: [PresentationBreakdown]? = nil,
        projectedPresentationBreakdowns: [PresentationBreakdown]? = nil
    ) {
        self.amountCents = amountCents
        self.projectedAmountCents = projectedAmountCents
        self.eventsCount = eventsCount
        self.units = units
        self.totalAggregatedUnits = totalAggregatedUnits
        self.projectedUnits = projectedUnits
        self.pricingUnitDetails = pricingUnitDetails
        self.groupedBy = groupedBy
        self.filters = filters
        self.presentationBreakdowns = presentationBreakdowns
        self.projectedPresentationBreakdowns = projectedPresentationBreakdowns
    }

    enum CodingKeys: String, CodingKey {
        case amountCents = "amount_cents"
        case projectedAmountCents = "projected_amount_cents"
        case eventsCount = "events_count"
        case units
        case totalAggregatedUnits = "total_aggregated_units"
        case projectedUnits = "projected_units"
        case pricingUnitDetails = "pricing_unit_details"
        case groupedBy = "grouped_by"
        case filters
        case presentationBreakdowns = "presentation_breakdowns"
        case projectedPresentationBreakdowns = "projected_presentation_breakdowns"
    }
}
