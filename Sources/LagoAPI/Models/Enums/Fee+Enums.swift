// Fee enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// What a fee charges for.
public enum FeeType: LagoEnum {
    case charge, addOn, subscription, credit, commitment, fixedCharge, product
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.charge, "charge"),
        (.addOn, "add_on"),
        (.subscription, "subscription"),
        (.credit, "credit"),
        (.commitment, "commitment"),
        (.fixedCharge, "fixed_charge"),
        (.product, "product"),
    ]
}

/// Payment state of a fee.
public enum FeePaymentStatus: LagoEnum {
    case pending, succeeded, failed, refunded
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.pending, "pending"),
        (.succeeded, "succeeded"),
        (.failed, "failed"),
        (.refunded, "refunded"),
    ]
}
