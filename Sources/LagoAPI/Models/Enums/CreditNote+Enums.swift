// CreditNote enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// Whether a credit note's credit is still available.
public enum CreditNoteCreditStatus: LagoEnum {
    case available, consumed, voided
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.available, "available"),
        (.consumed, "consumed"),
        (.voided, "voided"),
    ]
}

/// Progress of a credit note's refund.
public enum CreditNoteRefundStatus: LagoEnum {
    case pending, succeeded, failed
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.pending, "pending"),
        (.succeeded, "succeeded"),
        (.failed, "failed"),
    ]
}

/// Why a credit note was issued.
public enum CreditNoteReason: LagoEnum {
    case duplicatedCharge, productUnsatisfactory, orderChange, orderCancellation, fraudulentCharge, other
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.duplicatedCharge, "duplicated_charge"),
        (.productUnsatisfactory, "product_unsatisfactory"),
        (.orderChange, "order_change"),
        (.orderCancellation, "order_cancellation"),
        (.fraudulentCharge, "fraudulent_charge"),
        (.other, "other"),
    ]
}

/// The kind of amount a credit note carries (credit-note list `types` filter).
public enum CreditNoteType: LagoEnum {
    case credit, refund, offset
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.credit, "credit"),
        (.refund, "refund"),
        (.offset, "offset"),
    ]
}
