import Foundation

/// A postal address (a customer's shipping address). Every field may be null.
public struct Address: Codable, Hashable, Sendable {
    public var addressLine1: String?
    public var addressLine2: String?
    public var city: String?
    public var state: String?
    public var zipcode: String?
    /// ISO 3166 alpha-2 country code.
    public var country: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        addressLine1: String? = nil,
        addressLine2: String? = nil,
        city: String? = nil,
        state: String? = nil,
        zipcode: String? = nil,
        country: String? = nil
    ) {
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.city = city
        self.state = state
        self.zipcode = zipcode
        self.country = country
    }

    enum CodingKeys: String, CodingKey {
        case addressLine1 = "address_line1"
        case addressLine2 = "address_line2"
        case city
        case state
        case zipcode
        case country
    }
}

/// The payment method a subscription, wallet or transaction is billed with.
public struct PaymentMethodReference: Codable, Hashable, Sendable {
    public var paymentMethodType: PaymentMethodType?
    /// Null when the customer's default method is used.
    public var paymentMethodId: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        paymentMethodType: PaymentMethodType? = nil,
        paymentMethodId: String? = nil
    ) {
        self.paymentMethodType = paymentMethodType
        self.paymentMethodId = paymentMethodId
    }

    enum CodingKeys: String, CodingKey {
        case paymentMethodType = "payment_method_type"
        case paymentMethodId = "payment_method_id"
    }
}

/// A `{key, value}` metadata pair (wallet transactions, recurring rules).
public struct KeyValue: Codable, Hashable, Sendable {
    public var key: String
    public var value: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        key: String,
        value: String? = nil
    ) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key
        case value
    }
}

/// An error recorded on a customer, invoice or credit note (provider or tax failures).
public struct ErrorDetail: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var errorCode: String?
    /// Provider-specific details, shown as-is.
    public var details: JSONValue?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        errorCode: String? = nil,
        details: JSONValue? = nil
    ) {
        self.lagoId = lagoId
        self.errorCode = errorCode
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case errorCode = "error_code"
        case details
    }
}

/// A custom section printed on invoice PDFs.
public struct InvoiceCustomSection: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var name: String?
    public var code: String?
    public var description: String?
    public var details: String?
    public var displayName: String?
    public var appliedToOrganization: Bool?
    public var organizationId: String?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        name: String? = nil,
        code: String? = nil,
        description: String? = nil,
        details: String? = nil,
        displayName: String? = nil,
        appliedToOrganization: Bool? = nil,
        organizationId: String? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.name = name
        self.code = code
        self.description = description
        self.details = details
        self.displayName = displayName
        self.appliedToOrganization = appliedToOrganization
        self.organizationId = organizationId
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case name
        case code
        case description
        case details
        case displayName = "display_name"
        case appliedToOrganization = "applied_to_organization"
        case organizationId = "organization_id"
        case createdAt = "created_at"
    }
}

/// An invoice custom section attached to a subscription, wallet or transaction.
public struct AppliedInvoiceCustomSection: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var createdAt: Date?
    public var invoiceCustomSectionId: String?
    public var invoiceCustomSection: InvoiceCustomSection?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        createdAt: Date? = nil,
        invoiceCustomSectionId: String? = nil,
        invoiceCustomSection: InvoiceCustomSection? = nil
    ) {
        self.lagoId = lagoId
        self.createdAt = createdAt
        self.invoiceCustomSectionId = invoiceCustomSectionId
        self.invoiceCustomSection = invoiceCustomSection
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case createdAt = "created_at"
        case invoiceCustomSectionId = "invoice_custom_section_id"
        case invoiceCustomSection = "invoice_custom_section"
    }
}

/// A tax applied to an invoice, fee or credit note, with the amount it added.
public struct AppliedTax: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var lagoTaxId: String?
    /// Set on invoice-level applied taxes.
    public var lagoInvoiceId: String?
    /// Set on fee-level applied taxes.
    public var lagoFeeId: String?
    /// Set on credit-note-level applied taxes.
    public var lagoCreditNoteId: String?
    public var taxName: String?
    public var taxCode: String?
    /// Percentage, e.g. 20 for 20 %.
    public var taxRate: Decimal?
    public var taxDescription: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    /// The base the tax applies to (invoice level).
    public var feesAmountCents: Int64?
    /// The base the tax applies to (credit-note level).
    public var baseAmountCents: Int64?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        lagoTaxId: String? = nil,
        lagoInvoiceId: String? = nil,
        lagoFeeId: String? = nil,
        lagoCreditNoteId: String? = nil,
        taxName: String? = nil,
        taxCode: String? = nil,
        taxRate: Decimal? = nil,
        taxDescription: String? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        feesAmountCents: Int64? = nil,
        baseAmountCents: Int64? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.lagoTaxId = lagoTaxId
        self.lagoInvoiceId = lagoInvoiceId
        self.lagoFeeId = lagoFeeId
        self.lagoCreditNoteId = lagoCreditNoteId
        self.taxName = taxName
        self.taxCode = taxCode
        self.taxRate = taxRate
        self.taxDescription = taxDescription
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.feesAmountCents = feesAmountCents
        self.baseAmountCents = baseAmountCents
        self.createdAt = createdAt
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case lagoTaxId = "lago_tax_id"
        case lagoInvoiceId = "lago_invoice_id"
        case lagoFeeId = "lago_fee_id"
        case lagoCreditNoteId = "lago_credit_note_id"
        case taxName = "tax_name"
        case taxCode = "tax_code"
        case taxRate = "tax_rate"
        case taxDescription = "tax_description"
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case feesAmountCents = "fees_amount_cents"
        case baseAmountCents = "base_amount_cents"
        case createdAt = "created_at"
    }
}

/// A progressive-billing threshold of a plan.
public struct UsageThreshold: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var thresholdDisplayName: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var recurring: Bool?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        thresholdDisplayName: String? = nil,
        amountCents: Int64? = nil,
        recurring: Bool? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.thresholdDisplayName = thresholdDisplayName
        self.amountCents = amountCents
        self.recurring = recurring
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case thresholdDisplayName = "threshold_display_name"
        case amountCents = "amount_cents"
        case recurring
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// Amounts expressed in a custom pricing unit (credits) alongside the currency amounts.
public struct PricingUnitDetails: Codable, Hashable, Sendable {
    public var lagoPricingUnitId: String?
    public var pricingUnitCode: String?
    public var shortName: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var preciseAmountCents: Decimal?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var unitAmountCents: Int64?
    public var preciseUnitAmount: Decimal?
    public var conversionRate: Decimal?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoPricingUnitId: String? = nil,
        pricingUnitCode: String? = nil,
        shortName: String? = nil,
        amountCents: Int64? = nil,
        preciseAmountCents: Decimal? = nil,
        unitAmountCents: Int64? = nil,
        preciseUnitAmount: Decimal? = nil,
        conversionRate: Decimal? = nil
    ) {
        self.lagoPricingUnitId = lagoPricingUnitId
        self.pricingUnitCode = pricingUnitCode
        self.shortName = shortName
        self.amountCents = amountCents
        self.preciseAmountCents = preciseAmountCents
        self.unitAmountCents = unitAmountCents
        self.preciseUnitAmount = preciseUnitAmount
        self.conversionRate = conversionRate
    }

    enum CodingKeys: String, CodingKey {
        case lagoPricingUnitId = "lago_pricing_unit_id"
        case pricingUnitCode = "pricing_unit_code"
        case shortName = "short_name"
        case amountCents = "amount_cents"
        case preciseAmountCents = "precise_amount_cents"
        case unitAmountCents = "unit_amount_cents"
        case preciseUnitAmount = "precise_unit_amount"
        case conversionRate = "conversion_rate"
    }
}

/// Units split by presentation keys, without affecting pricing.
public struct PresentationBreakdown: Codable, Hashable, Sendable {
    public var presentationBy: [String: JSONValue]?
    public var units: Decimal?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        presentationBy: [String: JSONValue]? = nil,
        units: Decimal? = nil
    ) {
        self.presentationBy = presentationBy
        self.units = units
    }

    enum CodingKeys: String, CodingKey {
        case presentationBy = "presentation_by"
        case units
    }
}
