import Foundation
import LagoAPI

/// Lago's five analytics series: where each is read, what its rows are grouped by, and how
/// it is titled. The one place the browser spells the analytics endpoints.
public enum AnalyticsSeries: String, CaseIterable, Sendable {
    case mrr, grossRevenue = "gross_revenue", invoicedUsage = "invoiced_usage"
    case invoiceCollection = "invoice_collection", overdueBalance = "overdue_balance"

    /// `GET /analytics/<path>`.
    public var path: String { "/analytics/" + rawValue }

    /// The response's root key (the plural controller name).
    public var rootKey: String {
        switch self {
        case .mrr: "mrrs"
        case .grossRevenue: "gross_revenues"
        case .invoicedUsage: "invoiced_usages"
        case .invoiceCollection: "invoice_collections"
        case .overdueBalance: "overdue_balances"
        }
    }

    public var title: String {
        switch self {
        case .mrr: "MRR"
        case .grossRevenue: "Gross revenue"
        case .invoicedUsage: "Invoiced usage"
        case .invoiceCollection: "Invoice collection"
        case .overdueBalance: "Overdue balance"
        }
    }

    /// The field a month's amount is split by (metric code, payment status), if any.
    public var groupField: String? {
        switch self {
        case .invoicedUsage: "code"
        case .invoiceCollection: "payment_status"
        default: nil
        }
    }

    /// Only these two honour `external_customer_id` (BEHAVIOUR.md C7), so a customer's view shows them.
    public var perCustomer: Bool { self == .grossRevenue || self == .overdueBalance }

    /// The query for the last `months` months (Lago counts the current month as one); nil
    /// `months` asks for every month since the organization was created.
    /// `currency` (sent upper-cased, as Lago reads it) and `billingEntity` (a code; Lago ignores
    /// an unknown one) narrow every series (BEHAVIOUR.md C7).
    public func query(months: Int?, externalCustomerId: String? = nil, currency: String? = nil, billingEntity: String? = nil) -> [URLQueryItem] {
        var items = months.map { [URLQueryItem(name: "months", value: String($0))] } ?? []
        // The same parameters as the lists' customer and currency filters, spelled by the catalogue.
        if let currency, let spec = LagoResource.invoices.entry.filter(named: "currency") {
            items.append(URLQueryItem(name: spec.wire, value: currency.uppercased()))
        }
        if let billingEntity { items.append(URLQueryItem(name: "billing_entity_code", value: billingEntity)) }
        if perCustomer, let externalCustomerId, let customer = LagoResource.invoices.entry.filter(named: "customer") {
            items.append(URLQueryItem(name: customer.wire, value: externalCustomerId))
        }
        return items
    }
}

/// One analytics row read exactly: Lago sends `amount_cents` as a JSON float in some series
/// and a decimal string in others (and `null` for empty months); the digits are read as a
/// decimal, never through `Double`, and rounded half-up to whole minor units.
public struct AnalyticsRow: Sendable, Equatable {
    /// "2026-05" from "2026-05-01T00:00:00.000Z".
    public var month: String
    public var currency: String
    /// Metric code or payment status for grouped series; nil otherwise.
    public var group: String?
    public var cents: Int64

    public init(month: String, currency: String, group: String?, cents: Int64) {
        self.month = month
        self.currency = currency
        self.group = group
        self.cents = cents
    }

    /// Nil for rows without a month or currency (Lago's empty months).
    init?(_ json: JSONValue, series: AnalyticsSeries) {
        guard let month = json.string("month"), month.count >= 7, let currency = json.string("currency"), !currency.isEmpty else { return nil }
        guard let cents = AnalyticsRow.cents(json["amount_cents"]) else { return nil }
        self.month = String(month.prefix(7))
        self.currency = currency.uppercased()
        self.group = series.groupField.flatMap { json.string($0) }
        self.cents = cents
    }

    /// Whole minor units from a number, a decimal string or null (null → nil).
    public static func cents(_ value: JSONValue?) -> Int64? {
        guard let text = value?.text, let decimal = LagoNumber.decimal(text) else { return nil }
        var exact = decimal, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return LagoNumber.integer(rounded)
    }

    /// The rows of one response (its root array, or a bare array).
    static func rows(_ json: JSONValue, series: AnalyticsSeries) -> [AnalyticsRow] {
        let items: [JSONValue]
        if case let .array(all) = json { items = all } else { items = json.array(series.rootKey) }
        return items.compactMap { AnalyticsRow($0, series: series) }
    }
}
