import Foundation

/// A billing entity: the issuer of invoices (name, numbering, defaults).
public struct BillingEntity: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .billingEntities
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { code }

    public var lagoId: String
    public var code: String
    public var name: String?
    public var defaultCurrency: Currency?
    public var documentLocale: String?
    public var documentNumbering: DocumentNumbering?
    public var documentNumberPrefix: String?
    public var finalizeZeroAmountInvoice: Bool?
    public var invoiceFooter: String?
    public var invoiceGracePeriod: Int?
    public var netPaymentTerm: Int?
    public var subscriptionInvoiceIssuingDateAnchor: IssuingDateAnchor?
    public var subscriptionInvoiceIssuingDateAdjustment: IssuingDateAdjustment?
    public var isDefault: Bool?
    public var addressLine1: String?
    public var addressLine2: String?
    public var city: String?
    public var state: String?
    public var zipcode: String?
    public var country: String?
    public var email: String?
    public var legalName: String?
    public var legalNumber: String?
    public var taxIdentificationNumber: String?
    public var timezone: String?
    public var emailSettings: [String]?
    public var euTaxManagement: Bool?
    public var einvoicing: Bool?
    public var logoUrl: String?
    public var taxes: [Tax]?
    public var selectedInvoiceCustomSections: [InvoiceCustomSection]?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        code: String,
        name: String? = nil,
        defaultCurrency: Currency? = nil,
        documentLocale: String? = nil,
        documentNumbering: DocumentNumbering? = nil,
        documentNumberPrefix: String? = nil,
        finalizeZeroAmountInvoice: Bool? = nil,
        invoiceFooter: String? = nil,
        invoiceGracePeriod: Int? = nil,
        netPaymentTerm: Int? = nil,
        subscriptionInvoiceIssuingDateAnchor: IssuingDateAnchor? = nil,
        subscriptionInvoiceIssuingDateAdjustment: IssuingDateAdjustment? = nil,
        isDefault: Bool? = nil,
        addressLine1: String? = nil,
        addressLine2: String? = nil,
        city: String? = nil,
        state: String? = nil,
        zipcode: String? = nil,
        country: String? = nil,
        email: String? = nil,
        legalName: String? = nil,
        legalNumber: String? = nil,
        taxIdentificationNumber: String? = nil,
        timezone: String? = nil,
        emailSettings: [String]? = nil,
        euTaxManagement: Bool? = nil,
        einvoicing: Bool? = nil,
        logoUrl: String? = nil,
        taxes: [Tax]? = nil,
        selectedInvoiceCustomSections: [InvoiceCustomSection]? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.name = name
        self.defaultCurrency = defaultCurrency
        self.documentLocale = documentLocale
        self.documentNumbering = documentNumbering
        self.documentNumberPrefix = documentNumberPrefix
        self.finalizeZeroAmountInvoice = finalizeZeroAmountInvoice
        self.invoiceFooter = invoiceFooter
        self.invoiceGracePeriod = invoiceGracePeriod
        self.netPaymentTerm = netPaymentTerm
        self.subscriptionInvoiceIssuingDateAnchor = subscriptionInvoiceIssuingDateAnchor
        self.subscriptionInvoiceIssuingDateAdjustment = subscriptionInvoiceIssuingDateAdjustment
        self.isDefault = isDefault
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.city = city
        self.state = state
        self.zipcode = zipcode
        self.country = country
        self.email = email
        self.legalName = legalName
        self.legalNumber = legalNumber
        self.taxIdentificationNumber = taxIdentificationNumber
        self.timezone = timezone
        self.emailSettings = emailSettings
        self.euTaxManagement = euTaxManagement
        self.einvoicing = einvoicing
        self.logoUrl = logoUrl
        self.taxes = taxes
        self.selectedInvoiceCustomSections = selectedInvoiceCustomSections
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case name
        case defaultCurrency = "default_currency"
        case documentLocale = "document_locale"
        case documentNumbering = "document_numbering"
        case documentNumberPrefix = "document_number_prefix"
        case finalizeZeroAmountInvoice = "finalize_zero_amount_invoice"
        case invoiceFooter = "invoice_footer"
        case invoiceGracePeriod = "invoice_grace_period"
        case netPaymentTerm = "net_payment_term"
        case subscriptionInvoiceIssuingDateAnchor = "subscription_invoice_issuing_date_anchor"
        case subscriptionInvoiceIssuingDateAdjustment = "subscription_invoice_issuing_date_adjustment"
        case isDefault = "is_default"
        case addressLine1 = "address_line1"
        case addressLine2 = "address_line2"
        case city
        case state
        case zipcode
        case country
        case email
        case legalName = "legal_name"
        case legalNumber = "legal_number"
        case taxIdentificationNumber = "tax_identification_number"
        case timezone
        case emailSettings = "email_settings"
        case euTaxManagement = "eu_tax_management"
        case einvoicing = "einvoicing"
        case logoUrl = "logo_url"
        case taxes
        case selectedInvoiceCustomSections = "selected_invoice_custom_sections"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
