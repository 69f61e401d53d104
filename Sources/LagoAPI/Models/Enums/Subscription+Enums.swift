// Subscription enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// The lifecycle state of a subscription (`incomplete` is missing from the OpenAPI enum but sent by
/// the server).
public enum SubscriptionStatus: LagoEnum {
    case pending, active, terminated, canceled, incomplete
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.pending, "pending"),
        (.active, "active"),
        (.terminated, "terminated"),
        (.canceled, "canceled"),
        (.incomplete, "incomplete"),
    ]
}

/// Whether a subscription bills on calendar periods or on its anniversary.
public enum BillingTime: LagoEnum {
    case calendar, anniversary
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.calendar, "calendar"),
        (.anniversary, "anniversary"),
    ]
}

/// What happens to unused paid-in-advance amounts when a subscription ends.
public enum OnTerminationCreditNote: LagoEnum {
    case credit, skip, refund, offset
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.credit, "credit"),
        (.skip, "skip"),
        (.refund, "refund"),
        (.offset, "offset"),
    ]
}

/// Whether a closing invoice is generated when a subscription ends.
public enum OnTerminationInvoice: LagoEnum {
    case generate, skip
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.generate, "generate"),
        (.skip, "skip"),
    ]
}

/// Why a subscription was canceled.
public enum CancellationReason: LagoEnum {
    case paymentFailed, timeout
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.paymentFailed, "payment_failed"),
        (.timeout, "timeout"),
    ]
}

/// State of a subscription activation rule.
public enum ActivationRuleStatus: LagoEnum {
    case inactive, pending, satisfied, declined, failed, expired, notApplicable
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.inactive, "inactive"),
        (.pending, "pending"),
        (.satisfied, "satisfied"),
        (.declined, "declined"),
        (.failed, "failed"),
        (.expired, "expired"),
        (.notApplicable, "not_applicable"),
    ]
}

/// How a payment is collected.
public enum PaymentMethodType: LagoEnum {
    case provider, manual
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.provider, "provider"),
        (.manual, "manual"),
    ]
}
