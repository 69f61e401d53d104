// Invoice enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// The lifecycle state of an invoice. `closed` appears in finalize responses (zero amount, skip
/// setting), `deleted` in delete responses, `open`/`generating` only in webhooks.
public enum InvoiceStatus: LagoEnum {
    case draft, finalized, voided, failed, pending, closed, deleted, open, generating
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.draft, "draft"),
        (.finalized, "finalized"),
        (.voided, "voided"),
        (.failed, "failed"),
        (.pending, "pending"),
        (.closed, "closed"),
        (.deleted, "deleted"),
        (.open, "open"),
        (.generating, "generating"),
    ]
}

/// Whether an invoice has been paid.
public enum InvoicePaymentStatus: LagoEnum {
    case pending, succeeded, failed
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.pending, "pending"),
        (.succeeded, "succeeded"),
        (.failed, "failed"),
    ]
}

/// What produced an invoice.
public enum InvoiceType: LagoEnum {
    case subscription, addOn, credit, oneOff, advanceCharges, progressiveBilling
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.subscription, "subscription"),
        (.addOn, "add_on"),
        (.credit, "credit"),
        (.oneOff, "one_off"),
        (.advanceCharges, "advance_charges"),
        (.progressiveBilling, "progressive_billing"),
    ]
}

/// Why a billing period was invoiced.
public enum InvoicingReason: LagoEnum {
    case subscriptionStarting, subscriptionPeriodic, subscriptionTerminating, inAdvanceCharge, inAdvanceChargePeriodic, progressiveBilling
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.subscriptionStarting, "subscription_starting"),
        (.subscriptionPeriodic, "subscription_periodic"),
        (.subscriptionTerminating, "subscription_terminating"),
        (.inAdvanceCharge, "in_advance_charge"),
        (.inAdvanceChargePeriodic, "in_advance_charge_periodic"),
        (.progressiveBilling, "progressive_billing"),
    ]
}
