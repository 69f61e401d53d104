import Foundation

/// A billable metric: how events are aggregated into billable units.
public struct BillableMetric: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .billableMetrics
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { code }

    public var lagoId: String
    public var code: String
    public var name: String?
    public var description: String?
    public var aggregationType: AggregationType?
    public var fieldName: String?
    public var expression: String?
    public var recurring: Bool?
    public var roundingFunction: String?
    public var roundingPrecision: Int?
    public var weightedInterval: String?
    public var filters: [BillableMetricFilter]?
    public var activeSubscriptionsCount: Int?
    public var draftInvoicesCount: Int?
    public var plansCount: Int?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        code: String,
        name: String? = nil,
        description: String? = nil,
        aggregationType: AggregationType? = nil,
        fieldName: String? = nil,
        expression: String? = nil,
        recurring: Bool? = nil,
        roundingFunction: String? = nil,
        roundingPrecision: Int? = nil,
        weightedInterval: String? = nil,
        filters: [BillableMetricFilter]? = nil,
        activeSubscriptionsCount: Int? = nil,
        draftInvoicesCount: Int? = nil,
        plansCount: Int? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.name = name
        self.description = description
        self.aggregationType = aggregationType
        self.fieldName = fieldName
        self.expression = expression
        self.recurring = recurring
        self.roundingFunction = roundingFunction
        self.roundingPrecision = roundingPrecision
        self.weightedInterval = weightedInterval
        self.filters = filters
        self.activeSubscriptionsCount = activeSubscriptionsCount
        self.draftInvoicesCount = draftInvoicesCount
        self.plansCount = plansCount
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case name
        case description
        case aggregationType = "aggregation_type"
        case fieldName = "field_name"
        case expression
        case recurring
        case roundingFunction = "rounding_function"
        case roundingPrecision = "rounding_precision"
        case weightedInterval = "weighted_interval"
        case filters
        case activeSubscriptionsCount = "active_subscriptions_count"
        case draftInvoicesCount = "draft_invoices_count"
        case plansCount = "plans_count"
        case createdAt = "created_at"
    }
}

/// A dimension of a billable metric and its allowed values.
public struct BillableMetricFilter: Codable, Hashable, Sendable {
    public var key: String
    public var values: [String]?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        key: String,
        values: [String]? = nil
    ) {
        self.key = key
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case key
        case values
    }
}
