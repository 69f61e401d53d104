import Foundation

/// Filters of `GET /fees` (listed oldest first). Timestamp bounds are inclusive.
public struct FeeListQuery: LagoListQuery {
    public typealias Record = Fee

    /// Covers invoice fees and pay-in-advance fees not invoiced yet.
    public var externalCustomerId: String?
    public var externalSubscriptionId: String?
    public var currency: String?
    public var billableMetricCode: String?
    public var eventTransactionId: String?
    /// Invalid values are a 422 from the server.
    public var feeType: FeeType?
    /// Invalid values are a 422 from the server.
    public var paymentStatus: FeePaymentStatus?
    public var createdAtFrom: Date?
    public var createdAtTo: Date?
    public var succeededAtFrom: Date?
    public var succeededAtTo: Date?
    public var failedAtFrom: Date?
    public var failedAtTo: Date?
    public var refundedAtFrom: Date?
    public var refundedAtTo: Date?

    public init(
        externalCustomerId: String? = nil,
        externalSubscriptionId: String? = nil,
        currency: String? = nil,
        billableMetricCode: String? = nil,
        eventTransactionId: String? = nil,
        feeType: FeeType? = nil,
        paymentStatus: FeePaymentStatus? = nil,
        createdAtFrom: Date? = nil,
        createdAtTo: Date? = nil,
        succeededAtFrom: Date? = nil,
        succeededAtTo: Date? = nil,
        failedAtFrom: Date? = nil,
        failedAtTo: Date? = nil,
        refundedAtFrom: Date? = nil,
        refundedAtTo: Date? = nil
    ) {
        self.externalCustomerId = externalCustomerId
        self.externalSubscriptionId = externalSubscriptionId
        self.currency = currency
        self.billableMetricCode = billableMetricCode
        self.eventTransactionId = eventTransactionId
        self.feeType = feeType
        self.paymentStatus = paymentStatus
        self.createdAtFrom = createdAtFrom
        self.createdAtTo = createdAtTo
        self.succeededAtFrom = succeededAtFrom
        self.succeededAtTo = succeededAtTo
        self.failedAtFrom = failedAtFrom
        self.failedAtTo = failedAtTo
        self.refundedAtFrom = refundedAtFrom
        self.refundedAtTo = refundedAtTo
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("external_customer_id", externalCustomerId)
        query.add("external_subscription_id", externalSubscriptionId)
        query.add("currency", currency)
        query.add("billable_metric_code", billableMetricCode)
        query.add("event_transaction_id", eventTransactionId)
        query.add("fee_type", feeType)
        query.add("payment_status", paymentStatus)
        query.add("created_at_from", createdAtFrom)
        query.add("created_at_to", createdAtTo)
        query.add("succeeded_at_from", succeededAtFrom)
        query.add("succeeded_at_to", succeededAtTo)
        query.add("failed_at_from", failedAtFrom)
        query.add("failed_at_to", failedAtTo)
        query.add("refunded_at_from", refundedAtFrom)
        query.add("refunded_at_to", refundedAtTo)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try QueryCheck.oneOf("fee_type", feeType)
        try QueryCheck.oneOf("payment_status", paymentStatus)
    }
}
