/// `GET /customers` and `GET /customers/{external_id}`.
enum CustomerHandlers {
    static let routes: [Route] = [
        Route("GET", "customers", list),
        Route("GET", "customers/:external_customer_id", show),
    ]

    static func list(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let entities = try FilterSupport.billingEntities(q, store: store)
        let countries = q.array("countries")
        if let countries {
            for (i, country) in countries.enumerated() where !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
                throw ApiError.validation(json: .obj(["countries": .obj([String(i): .array([.string("must be a valid country code")])])]))
            }
        }
        let currencies = q.array("currencies")
        if let currencies {
            for (i, currency) in currencies.enumerated() where !(currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isUppercase }) {
                throw ApiError.validation(json: .obj(["currencies": .obj([String(i): .array([.string("must be a valid currency code")])])]))
            }
        }
        let accountTypes = q.array("account_type")
        if let accountTypes { try FilterSupport.validate(accountTypes, allowed: ["customer", "partner"], name: "account_type", isArray: true) }
        let customerType = q.scalar("customer_type")
        if let customerType { try FilterSupport.validate([customerType], allowed: ["company", "individual"], name: "customer_type", isArray: false) }
        let hasCustomerType = try FilterSupport.boolean(q, "has_customer_type")
        if customerType != nil && hasCustomerType == false {
            throw ApiError.validation(json: .obj(["customer_type": .array([.string("must be nil when has_customer_type is false")])]))
        }
        let hasTaxId = try FilterSupport.boolean(q, "has_tax_identification_number")
        let states = q.array("states"), zipcodes = q.array("zipcodes")
        let metadata = q.metadata
        let externalId = q.scalar("external_id")
        let term = externalId == nil ? q.scalar("search_term").flatMap { $0.isEmpty ? nil : $0.lowercased() } : nil

        let matches: (CustomerRecord) -> Bool = { c in
            if c.deleted { return false }
            if let externalId, c.externalId != externalId { return false }
            if let entities, !entities.contains(c.billingEntity) { return false }
            if let countries, !countries.contains(c.country ?? "") { return false }
            if let states, !states.contains(c.state ?? "") { return false }
            if let zipcodes, !zipcodes.contains(c.zipcode ?? "") { return false }
            if let currencies, !currencies.contains(c.currency.code) { return false }
            if let accountTypes, !accountTypes.contains(c.accountType) { return false }
            if let customerType, c.customerType != customerType { return false }
            if let hasCustomerType, (c.customerType != nil) != hasCustomerType { return false }
            if let hasTaxId, (c.taxIdentificationNumber != nil) != hasTaxId { return false }
            if !metadata.isEmpty, !FilterSupport.metadataMatches(metadata, pairs: c.metadata.map { ($0.key, $0.value) }) { return false }
            if let term {
                return FilterSupport.ilike(c.name, term) || FilterSupport.ilike(c.firstname, term) || FilterSupport.ilike(c.lastname, term)
                    || FilterSupport.ilike(c.legalName, term) || FilterSupport.ilike(c.externalId, term) || FilterSupport.ilike(c.email, term)
            }
            return true
        }
        let pagination = Pagination(q)
        // Customers are seeded oldest first, so created_at DESC is the reverse of storage order.
        let customers = store.customers
        let rows: [Int]
        if let externalId {
            rows = store.customerIndex(externalId: externalId).map { matches(customers[$0]) ? [$0] : [] } ?? []
        } else {
            rows = store.customerOrder.filter { matches(customers[$0]) }
        }
        let snapshot = store
        return pagination.response(key: "customers", rows: rows) { snapshot.customerJSON($0, includes: .list) }
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let i = store.customerIndex(externalId: ctx.request.parameter("external_customer_id")) else {
            throw ApiError.notFound("customer_not_found")
        }
        return .json(.obj(["customer": store.customerJSON(i, includes: .show)]))
    }

    /// Resolves the `{external_customer_id}` of nested routes, 404 `customer_not_found` otherwise.
    static func customer(_ store: SandboxStore, _ ctx: HandlerContext) throws -> Int {
        guard let i = store.customerIndex(externalId: ctx.request.parameter("external_customer_id")) else {
            throw ApiError.notFound("customer_not_found")
        }
        return i
    }
}

extension SandboxStore {
    /// Customers in list order (created_at DESC): seeding gives each customer a strictly later
    /// `created_at` than the previous one, so this is storage order reversed.
    var customerOrder: ReversedCollection<Range<Int>> { customers.indices.reversed() }
}
