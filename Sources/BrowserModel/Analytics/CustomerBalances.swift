import Foundation
import LagoAPI

/// A customer's invoice balances, as Lago's web app shows them above the customer's invoices:
/// per currency, the gross revenue since the organization began (`GET /analytics/gross_revenue`
/// filtered by `external_customer_id`, no `months`) and the overdue balance
/// (`GET /analytics/overdue_balance`, same filter), each with how many invoices it covers.
/// The monthly rows are added up exactly (amounts through `AnalyticsRow.cents`, never `Double`).
struct CustomerBalances: Equatable {
    /// One currency's figures.
    struct Line: Equatable {
        var currency: String
        var grossCents: Int64 = 0
        var grossInvoices: Int64 = 0
        var overdueCents: Int64 = 0
        var overdueInvoices: Int64 = 0
    }

    enum State: Equatable {
        case loading
        case loaded(CustomerBalances)
        /// Lago's plan or the key's permissions leave analytics out (403): a calm line.
        case unavailable
        case failed(String)
    }

    /// Largest gross revenue first, then by currency code.
    var lines: [Line]

    /// Adds the monthly rows of both series per currency. Gross revenue counts its
    /// `invoices_count` (a decimal string in Lago: "3.0"); the overdue balance its distinct
    /// `lago_invoice_ids`, since an invoice sits in one month only but the ids are what Lago sends.
    init(grossRevenue: JSONValue, overdueBalance: JSONValue) {
        var byCurrency: [String: Line] = [:]
        func rows(_ json: JSONValue, _ series: AnalyticsSeries) -> [JSONValue] {
            if case let .array(items) = json { return items }
            return json.array(series.rootKey)
        }
        for row in rows(grossRevenue, .grossRevenue) {
            guard let parsed = AnalyticsRow(row, series: .grossRevenue) else { continue }
            let count = row["invoices_count"].flatMap { AnalyticsRow.cents($0) } ?? 0
            byCurrency[parsed.currency, default: Line(currency: parsed.currency)].grossCents += parsed.cents
            byCurrency[parsed.currency, default: Line(currency: parsed.currency)].grossInvoices += count
        }
        var overdueIDs: [String: Set<String>] = [:]
        for row in rows(overdueBalance, .overdueBalance) {
            guard let parsed = AnalyticsRow(row, series: .overdueBalance) else { continue }
            byCurrency[parsed.currency, default: Line(currency: parsed.currency)].overdueCents += parsed.cents
            overdueIDs[parsed.currency, default: []].formUnion(row.array("lago_invoice_ids").compactMap(\.stringValue))
        }
        for (currency, ids) in overdueIDs { byCurrency[currency]?.overdueInvoices = Int64(ids.count) }
        lines = byCurrency.values
            .filter { $0.grossCents != 0 || $0.overdueCents != 0 }
            .sorted { $0.grossCents != $1.grossCents ? $0.grossCents > $1.grossCents : $0.currency < $1.currency }
    }

    /// "1 invoice" / "12 invoices".
    static func invoices(_ n: Int64) -> String { "\(n) invoice\(n == 1 ? "" : "s")" }

    /// The summary lines above the customer's invoices: one per currency, or one calm line.
    static func summary(_ state: State) -> [StyledText] {
        switch state {
        case .loading:
            return [StyledText("Balances loading…", role: .muted)]
        case .unavailable:
            return [StyledText("Balances are not available on this Lago plan", role: .muted)]
        case let .failed(message):
            return [StyledText("Balances: " + message, role: .muted)]
        case let .loaded(balances):
            guard !balances.lines.isEmpty else { return [StyledText("Balances: no revenue and nothing overdue", role: .muted)] }
            return balances.lines.map { line in
                let gross = "\(line.currency) gross revenue \(Format.money(cents: line.grossCents, currency: line.currency)) (\(invoices(line.grossInvoices)))"
                let overdue = line.overdueCents == 0
                    ? "nothing overdue"
                    : "overdue \(Format.money(cents: line.overdueCents, currency: line.currency)) (\(invoices(line.overdueInvoices)))"
                return StyledText(gross, role: line.overdueCents > 0 ? .warning : .normal, trailing: overdue)
            }
        }
    }
}
