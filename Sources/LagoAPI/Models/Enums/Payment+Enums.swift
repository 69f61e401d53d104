// Payment enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// What a payment pays for.
public enum PayableType: LagoEnum {
    case invoice, paymentRequest
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.invoice, "Invoice"),
        (.paymentRequest, "PaymentRequest"),
    ]
}

/// A payment's normalised status (`processing` is shown by some providers).
public enum PaymentStatus: LagoEnum {
    case succeeded, failed, pending, processing
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.succeeded, "succeeded"),
        (.failed, "failed"),
        (.pending, "pending"),
        (.processing, "processing"),
    ]
}

/// Whether a payment went through a provider or was recorded manually.
public enum PaymentType: LagoEnum {
    case manual, provider
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.manual, "manual"),
        (.provider, "provider"),
    ]
}
