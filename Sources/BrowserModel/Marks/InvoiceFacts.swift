import Foundation
import LagoAPI

/// What Lago's invoice-action rules and the marked totals read from an invoice: its status,
/// payment status, whether taxes are pending, and its money (integer cents plus an ISO 4217
/// code). The single actions and the bulk plans judge eligibility from this same value.
public struct InvoiceFacts: Sendable, Equatable {
    /// Lago's invoice `status`.
    public enum Status: UInt8, Sendable {
        case draft, finalized, voided, failed, pending, closed, other
        init(_ text: String?) {
            switch text {
            case "draft": self = .draft
            case "finalized": self = .finalized
            case "voided": self = .voided
            case "failed": self = .failed
            case "pending": self = .pending
            case "closed": self = .closed
            default: self = .other
            }
        }
    }

    /// Lago's invoice `payment_status`.
    public enum PaymentStatus: UInt8, Sendable {
        case pending, succeeded, failed, other
        init(_ text: String?) {
            switch text {
            case "pending": self = .pending
            case "succeeded": self = .succeeded
            case "failed": self = .failed
            default: self = .other
            }
        }
    }

    public var status: Status
    public var paymentStatus: PaymentStatus
    /// `tax_status == "pending"`: taxes still computed at a provider.
    public var taxPending: Bool
    public var currency: String
    /// `total_due_amount_cents` (what a payment retry collects).
    public var dueCents: Int64
    /// `total_amount_cents`.
    public var totalCents: Int64

    public init(status: Status, paymentStatus: PaymentStatus, taxPending: Bool, currency: String, dueCents: Int64, totalCents: Int64) {
        self.status = status
        self.paymentStatus = paymentStatus
        self.taxPending = taxPending
        self.currency = currency
        self.dueCents = dueCents
        self.totalCents = totalCents
    }

    public init(_ json: JSONValue) {
        let total = json.int64("total_amount_cents") ?? 0
        self.init(status: Status(json.string("status")), paymentStatus: PaymentStatus(json.string("payment_status")),
                  taxPending: json.string("tax_status") == "pending", currency: json.string("currency") ?? "",
                  dueCents: json.int64("total_due_amount_cents") ?? total, totalCents: total)
    }

    /// The amount a marked invoice counts for in the totals: what is due once finalized,
    /// the draft's total before.
    public var markedCents: Int64 { status == .finalized ? dueCents : totalCents }
}

/// The invoice facts of each slot of a list's row store, in columns (18 bytes a slot, no
/// per-row object): a code byte (bit 7 present, bits 0-2 status, 3-4 payment status, 5 tax
/// pending), a currency index into a small table, and the due and total cents. Lists of
/// other resources leave it empty.
struct InvoiceFactsColumn {
    private var codes: [UInt8] = []
    private var currencyIndex: [UInt16] = []
    private var due: [Int64] = []
    private var total: [Int64] = []
    private var currencies: [String] = []

    /// Sets the facts of `slot` (slots are appended in order; gaps read as nil).
    mutating func set(_ facts: InvoiceFacts?, slot: Int32) {
        let s = Int(slot)
        if facts == nil && codes.count <= s && codes.isEmpty { return }
        while codes.count <= s {
            codes.append(0); currencyIndex.append(0); due.append(0); total.append(0)
        }
        guard let facts else { codes[s] = 0; return }
        codes[s] = 0x80 | facts.status.rawValue | (facts.paymentStatus.rawValue << 3) | (facts.taxPending ? 0x20 : 0)
        let c: Int
        if let i = currencies.firstIndex(of: facts.currency) { c = i } else { currencies.append(facts.currency); c = currencies.count - 1 }
        currencyIndex[s] = UInt16(truncatingIfNeeded: c)
        due[s] = facts.dueCents
        total[s] = facts.totalCents
    }

    subscript(slot: Int32) -> InvoiceFacts? {
        let s = Int(slot)
        guard s >= 0, s < codes.count, codes[s] & 0x80 != 0 else { return nil }
        let code = codes[s]
        return InvoiceFacts(status: InvoiceFacts.Status(rawValue: code & 0x07) ?? .other,
                            paymentStatus: InvoiceFacts.PaymentStatus(rawValue: (code >> 3) & 0x03) ?? .other,
                            taxPending: code & 0x20 != 0, currency: currencies[Int(currencyIndex[s])],
                            dueCents: due[s], totalCents: total[s])
    }

    var byteCount: Int { codes.count * 19 }
}
