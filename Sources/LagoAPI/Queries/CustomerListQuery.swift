import Foundation

/// Filters of `GET /customers` (BEHAVIOUR.md §3). Soft-deleted customers are never listed.
public struct CustomerListQuery: LagoListQuery {
    public typealias Record = Customer

    /// Case-insensitive substring over name, firstname, lastname, legal name, external id and
    /// email. Ignored by the server when `externalId` is set.
    public var searchTerm: String?
    /// Exact external id.
    public var externalId: String?
    /// Billing entity codes; an unknown code makes the server answer 404.
    public var billingEntityCodes: [String]
    /// ISO 3166 alpha-2 country codes (validated by the server).
    public var countries: [String]
    public var states: [String]
    public var zipcodes: [String]
    /// ISO 4217 codes (validated by the server).
    public var currencies: [String]
    public var accountTypes: [CustomerAccountType]
    public var customerType: CustomerType?
    public var hasCustomerType: Bool?
    public var hasTaxIdentificationNumber: Bool?
    /// `metadata[key]=value`; an empty value means "the key is absent".
    public var metadata: [String: String]

    public init(
        searchTerm: String? = nil,
        externalId: String? = nil,
        billingEntityCodes: [String] = [],
        countries: [String] = [],
        states: [String] = [],
        zipcodes: [String] = [],
        currencies: [String] = [],
        accountTypes: [CustomerAccountType] = [],
        customerType: CustomerType? = nil,
        hasCustomerType: Bool? = nil,
        hasTaxIdentificationNumber: Bool? = nil,
        metadata: [String: String] = [:]
    ) {
        self.searchTerm = searchTerm
        self.externalId = externalId
        self.billingEntityCodes = billingEntityCodes
        self.countries = countries
        self.states = states
        self.zipcodes = zipcodes
        self.currencies = currencies
        self.accountTypes = accountTypes
        self.customerType = customerType
        self.hasCustomerType = hasCustomerType
        self.hasTaxIdentificationNumber = hasTaxIdentificationNumber
        self.metadata = metadata
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("search_term", searchTerm)
        query.add("external_id", externalId)
        query.addArray("billing_entity_codes", billingEntityCodes)
        query.addArray("countries", countries)
        query.addArray("states", states)
        query.addArray("zipcodes", zipcodes)
        query.addArray("currencies", currencies)
        query.addArray("account_type", accountTypes)
        query.add("customer_type", customerType)
        query.add("has_customer_type", hasCustomerType)
        query.add("has_tax_identification_number", hasTaxIdentificationNumber)
        query.addHash("metadata", metadata)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        for country in countries where !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
            throw LagoQueryError(parameter: "countries[]", message: "countries[] takes ISO 3166 alpha-2 codes such as FR or US; got \"\(TextSanitizer.printable(country, clippedTo: 60))\"")
        }
        for currency in currencies where !Currency(code: currency).isISO4217 || currency != currency.uppercased() {
            throw LagoQueryError(parameter: "currencies[]", message: "currencies[] takes ISO 4217 codes such as EUR or USD; got \"\(TextSanitizer.printable(currency, clippedTo: 60))\"")
        }
        try QueryCheck.oneOf("account_type[]", accountTypes)
        try QueryCheck.oneOf("customer_type", customerType)
        if customerType != nil, hasCustomerType == false {
            throw LagoQueryError(parameter: "customer_type", message: "customer_type cannot be combined with has_customer_type=false")
        }
        try QueryCheck.metadata(metadata)
    }
}
