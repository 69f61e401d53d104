import Foundation

/// Filters of `GET /events` (newest first).
public struct EventListQuery: LagoListQuery {
    public typealias Record = Event

    public var code: String?
    public var externalSubscriptionId: String?
    public var timestampFrom: Date?
    public var timestampTo: Date?
    /// "Since the subscription started": needs `externalSubscriptionId` and excludes
    /// `timestampFrom` (the server answers 422 otherwise).
    public var timestampFromStartedAt: Bool?

    public init(
        code: String? = nil,
        externalSubscriptionId: String? = nil,
        timestampFrom: Date? = nil,
        timestampTo: Date? = nil,
        timestampFromStartedAt: Bool? = nil
    ) {
        self.code = code
        self.externalSubscriptionId = externalSubscriptionId
        self.timestampFrom = timestampFrom
        self.timestampTo = timestampTo
        self.timestampFromStartedAt = timestampFromStartedAt
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("code", code)
        query.add("external_subscription_id", externalSubscriptionId)
        query.add("timestamp_from", timestampFrom)
        query.add("timestamp_to", timestampTo)
        query.add("timestamp_from_started_at", timestampFromStartedAt)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        guard timestampFromStartedAt == true else { return }
        if externalSubscriptionId?.isEmpty ?? true {
            throw LagoQueryError(parameter: "timestamp_from_started_at", message: "timestamp_from_started_at needs external_subscription_id")
        }
        if timestampFrom != nil {
            throw LagoQueryError(parameter: "timestamp_from_started_at", message: "timestamp_from_started_at cannot be combined with timestamp_from")
        }
    }
}
