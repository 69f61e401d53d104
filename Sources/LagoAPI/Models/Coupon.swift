import Foundation

/// A coupon definition.
public struct Coupon: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .coupons
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { code }

    public var lagoId: String
    public var code: String
    public var name: String?
    public var description: String?
    public var couponType: CouponType?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    public var percentageRate: Decimal?
    public var frequency: CouponFrequency?
    public var frequencyDuration: Int?
    public var expiration: CouponExpiration?
    public var expirationAt: Date?
    public var reusable: Bool?
    public var limitedPlans: Bool?
    public var planCodes: [String]?
    public var limitedBillableMetrics: Bool?
    public var billableMetricCodes: [String]?
    public var status: CouponStatus?
    public var terminatedAt: Date?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        code: String,
        name: String? = nil,
        description: String? = nil,
        couponType: CouponType? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        percentageRate: Decimal? = nil,
        frequency: CouponFrequency? = nil,
        frequencyDuration: Int? = nil,
        expiration: CouponExpiration? = nil,
        expirationAt: Date? = nil,
        reusable: Bool? = nil,
        limitedPlans: Bool? = nil,
        planCodes: [String]? = nil,
        limitedBillableMetrics: Bool? = nil,
        billableMetricCodes: [String]? = nil,
        status: CouponStatus? = nil,
        terminatedAt: Date? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.name = name
        self.description = description
        self.couponType = couponType
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.percentageRate = percentageRate
        self.frequency = frequency
        self.frequencyDuration = frequencyDuration
        self.expiration = expiration
        self.expirationAt = expirationAt
        self.reusable = reusable
        self.limitedPlans = limitedPlans
        self.planCodes = planCodes
        self.limitedBillableMetrics = limitedBillableMetrics
        self.billableMetricCodes = billableMetricCodes
        self.status = status
        self.terminatedAt = terminatedAt
        self.createdAt = createdAt
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case name
        case description
        case couponType = "coupon_type"
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case percentageRate = "percentage_rate"
        case frequency
        case frequencyDuration = "frequency_duration"
        case expiration
        case expirationAt = "expiration_at"
        case reusable
        case limitedPlans = "limited_plans"
        case planCodes = "plan_codes"
        case limitedBillableMetrics = "limited_billable_metrics"
        case billableMetricCodes = "billable_metric_codes"
        case status
        case terminatedAt = "terminated_at"
        case createdAt = "created_at"
    }
}
