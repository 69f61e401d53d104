import Foundation
import LagoAPI

/// The on-call view: every overdue invoice across customers, most overdue first (then the
/// largest amount due), with the overdue total per currency from the analytics endpoint.
enum OverdueView {
    /// The list query: Lago's own overdue flag (BEHAVIOUR.md §6).
    static let request = ListRequest(.invoices, filters: [ListFilter("payment_overdue", "true")])

    /// Days since the invoice fell due (Lago flags it the day after `payment_due_date`).
    static func daysOverdue(_ json: JSONValue, asOf now: Date) -> Int? {
        guard let due = Format.day(json.string("payment_due_date")) else { return nil }
        return Format.days(from: due, to: now)
    }

    /// Columns of the overdue table as of `now`.
    static func descriptor(asOf now: Date) -> ResourceDescriptor {
        var d = ResourceDescriptor(kind: .invoices, columns: [
            ColumnSpec(title: "DAYS", alignment: .right, priority: 0, minWidth: 4) { json in
                guard let days = daysOverdue(json, asOf: now) else { return .dash }
                return CellValue(text: String(days), sortKey: .number(Decimal(days)), role: days > 30 ? .danger : .warning)
            },
            .money("AMOUNT DUE", cents: "total_due_amount_cents", currency: "currency"),
            .first("CUSTOMER", ["customer.name", "customer.external_id", "external_customer_id"], priority: 0, flexible: true),
            .text("NUMBER", "number", priority: 1, minWidth: 12),
            .date("DUE DATE", ["payment_due_date"], priority: 2),
            .status("PAYMENT", "payment_status", priority: 2, roles: ResourceDescriptor.paymentStatusRoles),
            .text("CUSTOMER ID", "customer.external_id", priority: 3),
        ])
        d.rowRole = { _ in .normal }
        return d
    }

    /// Order: days overdue descending, then amount due descending, then number.
    static func precedes(_ a: JSONValue, _ b: JSONValue, asOf now: Date) -> Bool {
        let da = daysOverdue(a, asOf: now) ?? Int.min, db = daysOverdue(b, asOf: now) ?? Int.min
        if da != db { return da > db }
        let ma = a.int64("total_due_amount_cents") ?? 0, mb = b.int64("total_due_amount_cents") ?? 0
        if ma != mb { return ma > mb }
        return (a.string("number") ?? "") < (b.string("number") ?? "")
    }

    /// Overdue totals per currency from the analytics rows (amounts are decimal strings of cents).
    static func totals(fromAnalytics json: JSONValue) -> [(currency: String, cents: Int64)] {
        var sums: [String: Decimal] = [:]
        let rows: [JSONValue]
        if case let .array(items) = json { rows = items } else { rows = json.array("overdue_balances") }
        for row in rows {
            guard let cur = row.string("currency"), let amount = row.decimal("amount_cents") else { continue }
            sums[cur.uppercased(), default: 0] += amount
        }
        return sums.keys.sorted().map { cur in
            var v = sums[cur]!, r = Decimal()
            NSDecimalRound(&r, &v, 0, .plain)
            return (cur, NSDecimalNumber(decimal: r).int64Value)
        }
    }

    /// Totals per currency summed from loaded invoices (fallback when analytics is unavailable).
    static func totals(fromInvoices rows: [JSONValue]) -> [(currency: String, cents: Int64)] {
        var sums: [String: Int64] = [:]
        for r in rows {
            guard let cur = r.string("currency"), let c = r.int64("total_due_amount_cents") else { continue }
            sums[cur.uppercased(), default: 0] += c
        }
        return sums.keys.sorted().map { ($0, sums[$0]!) }
    }

    static func totalsText(_ totals: [(currency: String, cents: Int64)]) -> String {
        totals.isEmpty ? "nothing overdue" : totals.map { Format.money(cents: $0.cents, currency: $0.currency) }.joined(separator: " · ")
    }
}

/// Drives the overdue screen: the complete overdue list (all pages) plus the analytics totals.
@MainActor
final class OverdueController {
    let pane: ListPane
    let env: PaneEnvironment
    private(set) var analyticsTotals: [(currency: String, cents: Int64)]?
    private(set) var analyticsError: String?
    private var generation = 0

    init(env: PaneEnvironment) {
        self.env = env
        let now = env.clock.now
        pane = ListPane(id: PaneID("overdue"), env: env, request: OverdueView.request, title: "overdue invoices",
                        descriptor: OverdueView.descriptor(asOf: now))
        pane.loadAll = true
        pane.emptyMessage = "No overdue invoices"
        pane.fixedOrder = { OverdueView.precedes($0, $1, asOf: now) }
        pane.extraScopes = []
        updateSummary()
    }

    /// Loads the analytics totals (the list loads itself when shown).
    func loadTotals() {
        generation += 1
        let gen = generation
        let ds = env.dataSource
        env.tracker.run { [weak self] in
            do {
                let json = try JSONValue.parse(try await ds.overdueBalances())
                guard let self, gen == self.generation else { return }
                self.analyticsTotals = OverdueView.totals(fromAnalytics: json)
                self.analyticsError = nil
            } catch {
                guard let self, gen == self.generation else { return }
                self.analyticsError = describe(error)
            }
            self?.updateSummary()
            self?.env.changed()
        }
    }

    func refresh() {
        pane.refresh()
        loadTotals()
    }

    func updateSummary() {
        var lines: [StyledText] = []
        if let analyticsTotals {
            lines.append(StyledText("Overdue total: " + OverdueView.totalsText(analyticsTotals), role: .danger))
        } else if let analyticsError {
            lines.append(StyledText("Overdue total unavailable (\(analyticsError)); loaded invoices sum to " +
                                    OverdueView.totalsText(OverdueView.totals(fromInvoices: pane.residentRecords)), role: .warning))
        } else {
            lines.append(StyledText("Overdue total: loading…", role: .muted))
        }
        lines.append(StyledText("Sorted by days overdue, then amount due", role: .muted))
        pane.summary = lines
    }
}
