// Wallet enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// Whether a wallet can still be used.
public enum WalletStatus: LagoEnum {
    case active, terminated
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.active, "active"),
        (.terminated, "terminated"),
    ]
}

/// Settlement state of a wallet transaction: paid top-ups stay `pending` until their credit invoice
/// is paid.
public enum WalletTransactionStatus: LagoEnum {
    case pending, settled, failed
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.pending, "pending"),
        (.settled, "settled"),
        (.failed, "failed"),
    ]
}

/// What a wallet transaction did (Lago's `transaction_status`).
public enum WalletTransactionTransactionStatus: LagoEnum {
    case purchased, granted, voided, invoiced
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.purchased, "purchased"),
        (.granted, "granted"),
        (.voided, "voided"),
        (.invoiced, "invoiced"),
    ]
}

/// Direction of a wallet transaction.
public enum WalletTransactionType: LagoEnum {
    case inbound, outbound
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.inbound, "inbound"),
        (.outbound, "outbound"),
    ]
}

/// What created a wallet transaction.
public enum WalletTransactionSource: LagoEnum {
    case manual, interval, threshold
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.manual, "manual"),
        (.interval, "interval"),
        (.threshold, "threshold"),
    ]
}
