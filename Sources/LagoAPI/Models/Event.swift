import Foundation

/// A usage event. Events are fetched by `transaction_id`; `lago_id` can be null.
public struct Event: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .events
    /// Stable identity for lists and diffing: `lagoId ?? transactionId`.
    public var id: String { lagoId ?? transactionId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { transactionId }

    public var lagoId: String?
    public var transactionId: String
    public var lagoCustomerId: String?
    public var externalCustomerId: String?
    public var lagoSubscriptionId: String?
    public var externalSubscriptionId: String?
    public var code: String?
    /// Millisecond precision.
    public var timestamp: Date?
    public var preciseTotalAmountCents: Decimal?
    public var properties: [String: JSONValue]?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        transactionId: String,
        lagoId: String? = nil,
        lagoCustomerId: String? = nil,
        externalCustomerId: String? = nil,
        lagoSubscriptionId: String? = nil,
        externalSubscriptionId: String? = nil,
        code: String? = nil,
        timestamp: Date? = nil,
        preciseTotalAmountCents: Decimal? = nil,
        properties: [String: JSONValue]? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.transactionId = transactionId
        self.lagoCustomerId = lagoCustomerId
        self.externalCustomerId = externalCustomerId
        self.lagoSubscriptionId = lagoSubscriptionId
        self.externalSubscriptionId = externalSubscriptionId
        self.code = code
        self.timestamp = timestamp
        self.preciseTotalAmountCents = preciseTotalAmountCents
        self.properties = properties
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case transactionId = "transaction_id"
        case lagoCustomerId = "lago_customer_id"
        case externalCustomerId = "external_customer_id"
        case lagoSubscriptionId = "lago_subscription_id"
        case externalSubscriptionId = "external_subscription_id"
        case code
        case timestamp
        case preciseTotalAmountCents = "precise_total_amount_cents"
        case properties
        case createdAt = "created_at"
    }
}
