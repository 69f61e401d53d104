// Customer enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// Whether an account is a customer or a partner (self-billing).
public enum CustomerAccountType: LagoEnum {
    case customer, partner
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.customer, "customer"),
        (.partner, "partner"),
    ]
}

/// Company or individual customer.
public enum CustomerType: LagoEnum {
    case company, individual
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.company, "company"),
        (.individual, "individual"),
    ]
}

/// Whether zero-amount invoices are finalized.
public enum FinalizeZeroAmountInvoice: LagoEnum {
    case inherit, skip, finalize
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.inherit, "inherit"),
        (.skip, "skip"),
        (.finalize, "finalize"),
    ]
}

/// The payment service provider attached to a customer.
public enum PaymentProvider: LagoEnum {
    case stripe, gocardless, cashfree, adyen, flutterwave, moneyhash
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.stripe, "stripe"),
        (.gocardless, "gocardless"),
        (.cashfree, "cashfree"),
        (.adyen, "adyen"),
        (.flutterwave, "flutterwave"),
        (.moneyhash, "moneyhash"),
    ]
}

/// Which date subscription invoices are anchored to.
public enum IssuingDateAnchor: LagoEnum {
    case currentPeriodEnd, nextPeriodStart
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.currentPeriodEnd, "current_period_end"),
        (.nextPeriodStart, "next_period_start"),
    ]
}

/// Whether the issuing date moves to the finalization date.
public enum IssuingDateAdjustment: LagoEnum {
    case keepAnchor, alignWithFinalizationDate
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.keepAnchor, "keep_anchor"),
        (.alignWithFinalizationDate, "align_with_finalization_date"),
    ]
}

/// How invoice numbers are sequenced.
public enum DocumentNumbering: LagoEnum {
    case perCustomer, perBillingEntity
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.perCustomer, "per_customer"),
        (.perBillingEntity, "per_billing_entity"),
    ]
}
