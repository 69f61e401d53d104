import Foundation

/// What a bulk action will do to a set of marked invoices, decided by the single action's
/// Lago rule for each: the invoices to send, those skipped with the rule's reason, and the
/// totals per currency of the ones sent. The browser's confirmation, `lagotui bulk`'s plan
/// and `--dry-run` all print this one value.
public struct BulkPlan: Sendable, Equatable {
    /// An invoice left out, with Lago's reason ("payment already succeeded").
    public struct Skip: Sendable, Equatable {
        public var invoice: MarkedInvoice
        public var reason: String
    }

    public var action: BulkAction
    public var items: [MarkedInvoice]
    public var skipped: [Skip]

    public init(action: BulkAction, marked: [MarkedInvoice]) {
        self.action = action
        var items: [MarkedInvoice] = []
        var skipped: [Skip] = []
        for invoice in marked {
            guard let facts = invoice.facts else {
                skipped.append(Skip(invoice: invoice, reason: "not loaded any more (no longer in this list)"))
                continue
            }
            switch action.availability(facts) {
            case .enabled: items.append(invoice)
            case let .disabled(reason): skipped.append(Skip(invoice: invoice, reason: reason))
            }
        }
        self.items = items
        self.skipped = skipped
    }

    /// Cents per ISO 4217 code of the invoices sent (due amounts for a payment retry),
    /// sorted by code.
    public var totals: [(currency: String, cents: Int64)] {
        var sums: [String: Int64] = [:]
        for item in items {
            guard let f = item.facts else { continue }
            let cents = action == .retryPayment ? f.dueCents : f.totalCents
            sums[f.currency, default: 0] = sums[f.currency, default: 0].addingReportingOverflow(cents).partialValue
        }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// "$8,412.20 · €96.10" (or "nothing" when empty).
    public var totalsText: String {
        let t = totals
        return t.isEmpty ? "nothing" : t.map { Format.money(cents: $0.cents, currency: $0.currency) }.joined(separator: " · ")
    }

    /// Skip reasons with their counts, most frequent first ("3 payment already succeeded").
    public var skipReasons: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for s in skipped {
            if counts[s.reason] == nil { order.append(s.reason) }
            counts[s.reason, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.count > $1.count }
    }

    /// The plan in lines: "12 invoices: retry payment of $8,412.20 · €96.10", then skips.
    public var summaryLines: [String] {
        let noun = items.count == 1 ? "invoice" : "invoices"
        var lines = ["\(items.count) \(noun) to \(action.title): \(totalsText)"]
        if !skipped.isEmpty {
            lines.append("\(skipped.count) skipped:")
            lines += skipReasons.map { "  \($0.count) × \($0.reason)" }
        }
        return lines
    }
}
