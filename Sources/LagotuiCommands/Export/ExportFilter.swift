/// A filter flag of `export`, `get` and `sync`, with its command-line spelling.
public enum ExportFilter: String, CaseIterable, Sendable {
    case status, paymentStatus, overdue, customer, subscription, plan, search, currency, issuedFrom, issuedTo
    case amountFrom, amountTo, invoiceType, feeType, billableMetric, code, from, to, wallet, invoice
    case transactionType, transactionStatus, billingEntity, periods, httpMethod, httpStatus

    /// The flag as typed (`--payment-status`).
    public var flag: String {
        var out = "--"
        for ch in rawValue {
            if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}
