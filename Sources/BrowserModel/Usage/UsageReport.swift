import Foundation
import LagoAPI

/// Current (or projected) usage of one subscription, read from Lago's `customer_usage` object.
struct UsageReport: Equatable {
    struct Breakdown: Equatable {
        var label: String
        var units: Decimal
        var amountCents: Int64
        var projectedUnits: Decimal?
        var projectedAmountCents: Int64?
    }

    struct Charge: Equatable {
        /// Stable key across refreshes (charge id, else metric code).
        var key: String
        var name: String
        var metricCode: String
        var units: Decimal
        var amountCents: Int64
        var eventsCount: Int64?
        var projectedUnits: Decimal?
        var projectedAmountCents: Int64?
        var breakdown: [Breakdown]
    }

    var from: String?
    var to: String?
    var currency: String
    var amountCents: Int64
    var taxesAmountCents: Int64
    var totalAmountCents: Int64
    var projectedAmountCents: Int64?
    var charges: [Charge]

    init(json: JSONValue) {
        from = json.string("from_datetime")
        to = json.string("to_datetime")
        currency = json.string("currency") ?? ""
        amountCents = json.int64("amount_cents") ?? 0
        taxesAmountCents = json.int64("taxes_amount_cents") ?? 0
        totalAmountCents = json.int64("total_amount_cents") ?? amountCents
        projectedAmountCents = json.int64("projected_amount_cents")
        charges = json.array("charges_usage").map { c in
            let code = c.string("billable_metric.code") ?? ""
            let name = c.string("charge.invoice_display_name").flatMap { $0.isEmpty ? nil : $0 } ?? c.string("billable_metric.name") ?? code
            return Charge(key: c.string("charge.lago_id") ?? code, name: name, metricCode: code,
                          units: c.decimal("units") ?? 0, amountCents: c.int64("amount_cents") ?? 0,
                          eventsCount: c.int64("events_count"), projectedUnits: c.decimal("projected_units"),
                          projectedAmountCents: c.int64("projected_amount_cents"), breakdown: UsageReport.breakdown(of: c))
        }
    }

    /// Filter and group rows, labelled like Lago's web app: grouped values joined with " • ",
    /// a filter's display name else its values, and "Default price" for the catch-all bucket.
    static func breakdown(of charge: JSONValue) -> [Breakdown] {
        var rows: [Breakdown] = []
        for g in charge.array("grouped_usage") {
            var parts: [String] = []
            if case let .object(members)? = g.value(at: "grouped_by") {
                parts = members.compactMap { $0.1.text }
            }
            let groupLabel = parts.isEmpty ? "(no group)" : parts.joined(separator: " • ")
            let filters = g.array("filters")
            if filters.isEmpty {
                rows.append(Breakdown(label: groupLabel, units: g.decimal("units") ?? 0, amountCents: g.int64("amount_cents") ?? 0,
                                      projectedUnits: g.decimal("projected_units"), projectedAmountCents: g.int64("projected_amount_cents")))
            } else {
                for f in filters {
                    rows.append(Breakdown(label: groupLabel + " • " + filterLabel(f), units: f.decimal("units") ?? 0, amountCents: f.int64("amount_cents") ?? 0,
                                          projectedUnits: f.decimal("projected_units"), projectedAmountCents: f.int64("projected_amount_cents")))
                }
            }
        }
        if rows.isEmpty {
            for f in charge.array("filters") {
                rows.append(Breakdown(label: filterLabel(f), units: f.decimal("units") ?? 0, amountCents: f.int64("amount_cents") ?? 0,
                                      projectedUnits: f.decimal("projected_units"), projectedAmountCents: f.int64("projected_amount_cents")))
            }
        }
        return rows
    }

    static func filterLabel(_ f: JSONValue) -> String {
        if let name = f.string("invoice_display_name"), !name.isEmpty { return name }
        guard case let .object(members)? = f.value(at: "values"), !members.isEmpty else { return "Default price" }
        return members.flatMap { member -> [String] in
            if case let .array(vs) = member.1 { return vs.compactMap(\.text) }
            return member.1.text.map { [$0] } ?? []
        }.joined(separator: " • ")
    }
}
