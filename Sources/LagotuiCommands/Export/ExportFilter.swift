/// A filter flag of `export`, `get` and `sync`, with its command-line spelling. Which streams
/// accept it, and what it sends, is in the catalogue rows (`FilterSpec.flag`).
public enum ExportFilter: String, CaseIterable, Sendable {
    case status, paymentStatus, overdue, customer, subscription, plan, search, currency, issuedFrom, issuedTo
    case amountFrom, amountTo, invoiceType, feeType, billableMetric, code, from, to, wallet, invoice
    case transactionType, transactionStatus, billingEntity, periods, httpMethod, httpStatus
    case activityType, activitySource, userEmail, resourceId, resourceType

    /// The option's name without dashes, as the catalogue's `FilterSpec.flag` spells it (`payment-status`).
    public var name: String {
        var out = ""
        for ch in rawValue {
            if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    /// The flag as typed (`--payment-status`).
    public var flag: String { "--" + name }

    /// The flag a catalogue filter names, if the command line offers it.
    public init?(name: String) {
        guard let filter = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = filter
    }
}
