import Foundation

/// A Lago customer: the account that subscriptions, invoices and wallets belong to.
public struct Customer: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .customers
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { externalId }

    public var lagoId: String
    /// Your identifier for the customer; `GET /customers/{external_id}` uses it.
    public var externalId: String
    public var sequentialId: Int?
    public var slug: String?
    public var billingEntityCode: String?
    public var accountType: CustomerAccountType?
    public var customerType: CustomerType?
    public var name: String?
    public var firstname: String?
    public var lastname: String?
    public var legalName: String?
    public var legalNumber: String?
    public var taxIdentificationNumber: String?
    public var email: String?
    public var phone: String?
    public var url: String?
    public var logoUrl: String?
    public var addressLine1: String?
    public var addressLine2: String?
    public var city: String?
    public var state: String?
    public var zipcode: String?
    /// ISO 3166 alpha-2 code.
    public var country: String?
    /// Null until the customer's first subscription or invoice fixes it.
    public var currency: Currency?
    /// The customer's own time zone, often null.
    public var timezone: String?
    /// The effective time zone (falls back to the billing entity's, then UTC).
    public var applicableTimezone: String?
    /// Days to pay; null means the billing entity's term applies.
    public var netPaymentTerm: Int?
    public var finalizeZeroAmountInvoice: FinalizeZeroAmountInvoice?
    public var skipInvoiceCustomSections: Bool?
    public var externalSalesforceId: String?
    public var billingConfiguration: CustomerBillingConfiguration?
    public var shippingAddress: Address?
    public var metadata: [CustomerMetadata]?
    public var integrationCustomers: [IntegrationCustomer]?
    public var taxes: [Tax]?
    public var applicableInvoiceCustomSections: [InvoiceCustomSection]?
    public var errorDetails: [ErrorDetail]?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        externalId: String,
        sequentialId: Int? = nil,
        slug: String? = nil,
        billingEntityCode: String? = nil,
        accountType: CustomerAccountType? = nil,
        customerType: CustomerType? = nil,
        name: String? = nil,
        firstname: String? = nil,
        lastname: String? = nil,
        legalName: String? = nil,
        legalNumber: String? = nil,
        taxIdentificationNumber: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        url: String? = nil,
        logoUrl: String? = nil,
        addressLine1: String? = nil,
        addressLine2: String? = nil,
        city: String? = nil,
        state: String? = nil,
        zipcode: String? = nil,
        country: String? = nil,
        currency: Currency? = nil,
        timezone: String? = nil,
        applicableTimezone: String? = nil,
        netPaymentTerm: Int? = nil,
        finalizeZeroAmountInvoice: FinalizeZeroAmountInvoice? = nil,
        skipInvoiceCustomSections: Bool? = nil,
        externalSalesforceId: String? = nil,
        billingConfiguration: CustomerBillingConfiguration? = nil,
        shippingAddress: Address? = nil,
        metadata: [CustomerMetadata]? = nil,
        integrationCustomers: [IntegrationCustomer]? = nil,
        taxes: [Tax]? = nil,
        applicableInvoiceCustomSections: [InvoiceCustomSection]? = nil,
        errorDetails: [ErrorDetail]? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.externalId = externalId
        self.sequentialId = sequentialId
        self.slug = slug
        self.billingEntityCode = billingEntityCode
        self.accountType = accountType
        self.customerType = customerType
        self.name = name
        self.firstname = firstname
        self.lastname = lastname
        self.legalName = legalName
        self.legalNumber = legalNumber
        self.taxIdentificationNumber = taxIdentificationNumber
        self.email = email
        self.phone = phone
        self.url = url
        self.logoUrl = logoUrl
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.city = city
        self.state = state
        self.zipcode = zipcode
        self.country = country
        self.currency = currency
        self.timezone = timezone
        self.applicableTimezone = applicableTimezone
        self.netPaymentTerm = netPaymentTerm
        self.finalizeZeroAmountInvoice = finalizeZeroAmountInvoice
        self.skipInvoiceCustomSections = skipInvoiceCustomSections
        self.externalSalesforceId = externalSalesforceId
        self.billingConfiguration = billingConfiguration
        self.shippingAddress = shippingAddress
        self.metadata = metadata
        self.integrationCustomers = integrationCustomers
        self.taxes = taxes
        self.applicableInvoiceCustomSections = applicableInvoiceCustomSections
        self.errorDetails = errorDetails
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The best human label: `name`, else "firstname lastname", else the external id.
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        let person = [firstname, lastname].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return person.isEmpty ? externalId : person
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case externalId = "external_id"
        case sequentialId = "sequential_id"
        case slug
        case billingEntityCode = "billing_entity_code"
        case accountType = "account_type"
        case customerType = "customer_type"
        case name
        case firstname
        case lastname
        case legalName = "legal_name"
        case legalNumber = "legal_number"
        case taxIdentificationNumber = "tax_identification_number"
        case email
        case phone
        case url
        case logoUrl = "logo_url"
        case addressLine1 = "address_line1"
        case addressLine2 = "address_line2"
        case city
        case state
        case zipcode
        case country
        case currency
        case timezone
        case applicableTimezone = "applicable_timezone"
        case netPaymentTerm = "net_payment_term"
        case finalizeZeroAmountInvoice = "finalize_zero_amount_invoice"
        case skipInvoiceCustomSections = "skip_invoice_custom_sections"
        case externalSalesforceId = "external_salesforce_id"
        case billingConfiguration = "billing_configuration"
        case shippingAddress = "shipping_address"
        case metadata
        case integrationCustomers = "integration_customers"
        case taxes
        case applicableInvoiceCustomSections = "applicable_invoice_custom_sections"
        case errorDetails = "error_details"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// How a customer is invoiced and charged. Provider-specific keys appear only when a PSP is set.
public struct CustomerBillingConfiguration: Codable, Hashable, Sendable {
    /// Days an invoice stays draft; null means the billing entity's period.
    public var invoiceGracePeriod: Int?
    public var paymentProvider: PaymentProvider?
    public var paymentProviderCode: String?
    public var providerCustomerId: String?
    public var providerPaymentMethods: [String]?
    public var sync: Bool?
    public var syncWithProvider: Bool?
    public var documentLocale: String?
    public var subscriptionInvoiceIssuingDateAnchor: IssuingDateAnchor?
    public var subscriptionInvoiceIssuingDateAdjustment: IssuingDateAdjustment?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        invoiceGracePeriod: Int? = nil,
        paymentProvider: PaymentProvider? = nil,
        paymentProviderCode: String? = nil,
        providerCustomerId: String? = nil,
        providerPaymentMethods: [String]? = nil,
        sync: Bool? = nil,
        syncWithProvider: Bool? = nil,
        documentLocale: String? = nil,
        subscriptionInvoiceIssuingDateAnchor: IssuingDateAnchor? = nil,
        subscriptionInvoiceIssuingDateAdjustment: IssuingDateAdjustment? = nil
    ) {
        self.invoiceGracePeriod = invoiceGracePeriod
        self.paymentProvider = paymentProvider
        self.paymentProviderCode = paymentProviderCode
        self.providerCustomerId = providerCustomerId
        self.providerPaymentMethods = providerPaymentMethods
        self.sync = sync
        self.syncWithProvider = syncWithProvider
        self.documentLocale = documentLocale
        self.subscriptionInvoiceIssuingDateAnchor = subscriptionInvoiceIssuingDateAnchor
        self.subscriptionInvoiceIssuingDateAdjustment = subscriptionInvoiceIssuingDateAdjustment
    }

    enum CodingKeys: String, CodingKey {
        case invoiceGracePeriod = "invoice_grace_period"
        case paymentProvider = "payment_provider"
        case paymentProviderCode = "payment_provider_code"
        case providerCustomerId = "provider_customer_id"
        case providerPaymentMethods = "provider_payment_methods"
        case sync
        case syncWithProvider = "sync_with_provider"
        case documentLocale = "document_locale"
        case subscriptionInvoiceIssuingDateAnchor = "subscription_invoice_issuing_date_anchor"
        case subscriptionInvoiceIssuingDateAdjustment = "subscription_invoice_issuing_date_adjustment"
    }
}

/// A customer metadata entry.
public struct CustomerMetadata: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var key: String
    public var value: String?
    public var displayInInvoice: Bool?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        key: String,
        lagoId: String? = nil,
        value: String? = nil,
        displayInInvoice: Bool? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.key = key
        self.value = value
        self.displayInInvoice = displayInInvoice
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case key
        case value
        case displayInInvoice = "display_in_invoice"
        case createdAt = "created_at"
    }
}

/// The customer's link to an accounting, tax or CRM integration.
public struct IntegrationCustomer: Codable, Hashable, Sendable {
    public var lagoId: String?
    public var type: String?
    public var integrationCode: String?
    public var externalCustomerId: String?
    public var syncWithProvider: Bool?
    public var subsidiaryId: String?
    public var targetedObject: String?
    public var email: String?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String? = nil,
        type: String? = nil,
        integrationCode: String? = nil,
        externalCustomerId: String? = nil,
        syncWithProvider: Bool? = nil,
        subsidiaryId: String? = nil,
        targetedObject: String? = nil,
        email: String? = nil
    ) {
        self.lagoId = lagoId
        self.type = type
        self.integrationCode = integrationCode
        self.externalCustomerId = externalCustomerId
        self.syncWithProvider = syncWithProvider
        self.subsidiaryId = subsidiaryId
        self.targetedObject = targetedObject
        self.email = email
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case type
        case integrationCode = "integration_code"
        case externalCustomerId = "external_customer_id"
        case syncWithProvider = "sync_with_provider"
        case subsidiaryId = "subsidiary_id"
        case targetedObject = "targeted_object"
        case email
    }
}
