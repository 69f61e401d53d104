import Foundation

/// A tax rate.
public struct Tax: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .taxes
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { code }

    public var lagoId: String
    public var code: String
    public var name: String?
    public var description: String?
    /// Percentage, e.g. 20 for 20 %.
    public var rate: Decimal?
    public var appliedToOrganization: Bool?
    public var addOnsCount: Int?
    public var chargesCount: Int?
    public var commitmentsCount: Int?
    public var customersCount: Int?
    public var plansCount: Int?
    /// Codes of the billing entities that apply this tax (taxes endpoints only).
    public var appliedToBillingEntitiesCodes: [String]?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        code: String,
        name: String? = nil,
        description: String? = nil,
        rate: Decimal? = nil,
        appliedToOrganization: Bool? = nil,
        addOnsCount: Int? = nil,
        chargesCount: Int? = nil,
        commitmentsCount: Int? = nil,
        customersCount: Int? = nil,
        plansCount: Int? = nil,
        appliedToBillingEntitiesCodes: [String]? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.name = name
        self.description = description
        self.rate = rate
        self.appliedToOrganization = appliedToOrganization
        self.addOnsCount = addOnsCount
        self.chargesCount = chargesCount
        self.commitmentsCount = commitmentsCount
        self.customersCount = customersCount
        self.plansCount = plansCount
        self.appliedToBillingEntitiesCodes = appliedToBillingEntitiesCodes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case name
        case description
        case rate
        case appliedToOrganization = "applied_to_organization"
        case addOnsCount = "add_ons_count"
        case chargesCount = "charges_count"
        case commitmentsCount = "commitments_count"
        case customersCount = "customers_count"
        case plansCount = "plans_count"
        case appliedToBillingEntitiesCodes = "applied_to_billing_entities_codes"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
