import Foundation
import LagoAPI

/// What "ask to pay" will send for a set of invoices: one payment request per customer,
/// currency and billing entity (Lago refuses a request mixing currencies or entities with 405),
/// each with the customer's email to prefill, and the invoices left out with the reason. Lago
/// takes only invoices it flagged `payment_overdue` (finalized, unpaid, past due, no lost
/// dispute), so that flag decides; the reason for the others is read from the invoice. The
/// browser's dialog and `lagotui payment-request create` both describe this one value.
public struct PaymentRequestPlan: Sendable, Equatable {
    /// One invoice of a request.
    public struct Invoice: Sendable, Equatable {
        public var id: String
        public var number: String
        /// `total_due_amount_cents`: what the request asks for this invoice.
        public var dueCents: Int64
    }

    /// One payment request to create.
    public struct Request: Sendable, Equatable {
        public var externalCustomerId: String
        public var customerName: String
        /// The customer's email (`customer.email`), which Lago also uses when none is sent.
        public var customerEmail: String?
        public var currency: String
        public var billingEntity: String?
        public var invoices: [Invoice]

        /// Sum of the invoices' due amounts, in cents of `currency`.
        public var dueCents: Int64 {
            invoices.reduce(Int64(0)) { $0.addingReportingOverflow($1.dueCents).partialValue }
        }

        public var dueText: String { Format.money(cents: dueCents, currency: currency) }
    }

    /// An invoice left out, with why.
    public struct Skip: Sendable, Equatable {
        public var number: String
        public var reason: String
        public init(number: String, reason: String) {
            self.number = number
            self.reason = reason
        }
    }

    public var requests: [Request]
    public var skipped: [Skip]

    /// Plans requests for `invoices` (full invoice objects, `customer` included as Lago lists
    /// them); `unreadable` are invoices that could not be read (skipped).
    public init(invoices: [JSONValue], unreadable: [String] = []) {
        var requests: [Request] = []
        var skipped: [Skip] = []
        var seen = Set<String>()
        for json in invoices {
            guard let id = json.string("lago_id"), seen.insert(id).inserted else { continue }
            let number = TextSanitizer.clean(json.string("number") ?? id)
            if let reason = Self.ineligibility(json) {
                skipped.append(Skip(number: number, reason: reason))
                continue
            }
            guard let customer = json.string("customer.external_id") ?? json.string("external_customer_id"), !customer.isEmpty else {
                skipped.append(Skip(number: number, reason: "no customer on the invoice"))
                continue
            }
            let currency = json.string("currency") ?? ""
            let entity = json.string("billing_entity_code")
            let invoice = Invoice(id: id, number: number, dueCents: json.int64("total_due_amount_cents") ?? json.int64("total_amount_cents") ?? 0)
            if let i = requests.firstIndex(where: { $0.externalCustomerId == customer && $0.currency == currency && $0.billingEntity == entity }) {
                requests[i].invoices.append(invoice)
            } else {
                requests.append(Request(externalCustomerId: customer, customerName: BrowserModel.customerName(of: json),
                                        customerEmail: json.string("customer.email").flatMap { $0.isEmpty ? nil : $0 },
                                        currency: currency, billingEntity: entity, invoices: [invoice]))
            }
        }
        skipped += unreadable.map { Skip(number: $0, reason: "could not be read from Lago") }
        self.requests = requests.sorted {
            ($0.customerName.lowercased(), $0.externalCustomerId, $0.currency, $0.billingEntity ?? "")
                < ($1.customerName.lowercased(), $1.externalCustomerId, $1.currency, $1.billingEntity ?? "")
        }
        self.skipped = skipped
    }

    /// Why Lago would refuse `invoice` in a payment request (405 `invoices_not_overdue`), in
    /// the words of its overdue rule; nil when it is flagged overdue.
    public static func ineligibility(_ invoice: JSONValue) -> String? {
        if invoice["payment_overdue"] == .bool(true) { return nil }
        let facts = InvoiceFacts(invoice)
        switch facts.status {
        case .draft: return "a draft is not due yet"
        case .voided: return "voided"
        case .finalized: break
        case .failed: return "a failed invoice (never generated) is not due"
        default: return "\(TextSanitizer.clean(invoice.string("status") ?? "unknown")) invoices are not due"
        }
        if facts.paymentStatus == .succeeded { return "payment already succeeded" }
        if invoice.string("payment_dispute_lost_at") != nil { return "its payment dispute was lost" }
        if let due = invoice.string("payment_due_date") { return "not overdue (due \(TextSanitizer.clean(String(due.prefix(10)))))" }
        return "not overdue"
    }

    /// Invoices in all requests.
    public var invoiceCount: Int { requests.reduce(0) { $0 + $1.invoices.count } }

    /// "$1,347.53 · €96.10": the amount asked per currency, sorted by code.
    public var totalsText: String {
        var sums: [String: Int64] = [:]
        for r in requests { sums[r.currency, default: 0] = sums[r.currency, default: 0].addingReportingOverflow(r.dueCents).partialValue }
        return sums.isEmpty ? "nothing" : sums.sorted { $0.key < $1.key }.map { Format.money(cents: $0.value, currency: $0.key) }.joined(separator: " · ")
    }

    /// The plan in lines: what is asked of whom, then the skipped invoices by reason.
    public var summaryLines: [String] {
        let invoices = invoiceCount == 1 ? "1 overdue invoice" : "\(invoiceCount) overdue invoices"
        let requestsText = requests.count == 1 ? "1 payment request" : "\(requests.count) payment requests"
        var lines = [requests.isEmpty ? "Nothing to ask: none of these invoices is overdue" : "\(requestsText) for \(invoices): \(totalsText)"]
        for r in requests {
            let n = r.invoices.count == 1 ? "1 invoice" : "\(r.invoices.count) invoices"
            lines.append("  \(r.customerName) · \(r.currency) · \(n) · \(r.dueText)")
        }
        if !skipped.isEmpty {
            lines.append("\(skipped.count) skipped:")
            var counts: [(String, Int)] = []
            for s in skipped {
                if let i = counts.firstIndex(where: { $0.0 == s.reason }) { counts[i].1 += 1 } else { counts.append((s.reason, 1)) }
            }
            lines += counts.sorted { $0.1 > $1.1 }.map { "  \($0.1) × \($0.0)" }
        }
        return lines
    }
}

extension PaymentRequestPlan {
    /// Lago's refusals of `POST /payment_requests` (BEHAVIOUR.md C1) in words that say what to
    /// do; nil for a code it does not describe.
    public static func explanation(code: String?) -> String? {
        switch code {
        case "feature_unavailable": return "Payment requests are not available on this Lago plan (premium feature); nothing was sent."
        case "invoices_not_overdue": return "Lago does not count every invoice as overdue yet (it flags them hourly once past due)."
        case "invoices_not_ready_for_payment_processing": return "A payment for one of these invoices is already in progress at the payment provider."
        case "invoices_have_different_currencies": return "A payment request takes invoices of one currency."
        case "invoices_have_different_billing_entities": return "A payment request takes invoices of one billing entity."
        case "customer_not_found": return "Lago has no such customer (deleted?)."
        case "invoice_not_found": return "None of these invoices belongs to the customer any more."
        default: return nil
        }
    }
}
