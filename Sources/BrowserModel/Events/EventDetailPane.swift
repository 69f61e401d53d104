import Foundation
import LagoAPI

/// One event explained (`:event TXN_ID`, or Enter on an event): its fields and properties,
/// the billable metric its code matches (aggregation and field, or that none does), and what
/// it produced: the fee Lago links to it (`GET /fees?event_transaction_id=`, pay-in-advance
/// charges only) or else the charge of the subscription's current usage it counts toward
/// (in-arrears charges aggregate many events; Lago keeps no event → fee link for them).
@MainActor
final class EventDetailPane: Pane {
    /// What the pane found, read in order: event, metric, fee, else current usage.
    struct Trail: Equatable {
        var event: JSONValue?
        var metric: JSONValue?
        var metricMissing = false
        var fees: [JSONValue] = []
        var usageCharge: JSONValue?
        var usageCurrency: String?
        var usagePeriod: (from: String?, to: String?) = (nil, nil)
        var usageProblem: String?

        static func == (a: Trail, b: Trail) -> Bool {
            a.event == b.event && a.metric == b.metric && a.metricMissing == b.metricMissing && a.fees == b.fees
                && a.usageCharge == b.usageCharge && a.usageProblem == b.usageProblem
        }
    }

    let id: PaneID
    let env: PaneEnvironment
    let transactionId: String
    private(set) var trail = Trail()
    private(set) var error: String?
    private(set) var loading = false
    private var scroll = ScrollPosition()
    var viewportRows = 20
    private var generation = 0

    init(id: PaneID, env: PaneEnvironment, transactionId: String, known: JSONValue? = nil) {
        self.id = id
        self.env = env
        self.transactionId = transactionId
        trail.event = known
    }

    var title: String { TextSanitizer.clean(transactionId) }
    var resource: ResourceKind? { .events }
    var scopes: Set<ActionScope> { [.record, .resource(.events)] }
    var selectedRecord: SelectedRecord? {
        trail.event.map { SelectedRecord(resource: .events, id: transactionId, json: $0, displayName: title) }
    }

    func setVisible(_ visible: Bool) {
        if visible, !loading, trail.metric == nil, !trail.metricMissing, error == nil { load() }
    }

    func refresh() { load() }

    private func load() {
        generation += 1
        let gen = generation
        loading = true
        error = nil
        let source = env.dataSource
        let txn = transactionId
        env.load({ try await EventDetailPane.follow(txn, source: source) },
                 isCurrent: { [weak self] in self?.generation == gen }) { [weak self] result in
            guard let self else { return }
            self.loading = false
            switch result {
            case .success(let trail): self.trail = trail
            case .failure(let error): self.error = describe(error)
            }
        }
    }

    /// Reads the event, then its metric, then its fee or the current usage charge.
    nonisolated static func follow(_ txn: String, source: any BrowserDataSource) async throws -> Trail {
        var trail = Trail()
        let event = try JSONValue.parse(try await source.record(.events, key: txn, forceRefresh: false))
        trail.event = event
        let code = event.string("code") ?? ""
        do {
            trail.metric = try JSONValue.parse(try await source.record(.billableMetrics, key: code, forceRefresh: false))
        } catch let BrowserDataError.refused(status, _, _) where status == 404 {
            trail.metricMissing = true
        }
        let fees = try await source.freshPage(ListRequest(.fees, filters: [ListFilter("event_transaction_id", txn)]), page: 1, perPage: 20)
        trail.fees = try fees.items.map(JSONValue.parse)
        guard trail.fees.isEmpty, !trail.metricMissing, let subscription = event.string("external_subscription_id") else { return trail }
        do {
            let sub = try JSONValue.parse(try await source.record(.subscriptions, key: subscription, forceRefresh: false))
            guard sub.string("status") == "active", let customer = sub.string("external_customer_id") else {
                trail.usageProblem = "Subscription \(subscription) is \(sub.string("status") ?? "not active"): it has no current usage."
                return trail
            }
            let usage = try JSONValue.parse(try await source.currentUsage(externalCustomerId: customer, externalSubscriptionId: subscription))
            trail.usageCurrency = usage.string("currency")
            trail.usagePeriod = (usage.string("from_datetime"), usage.string("to_datetime"))
            trail.usageCharge = usage.array("charges_usage").first { $0.string("billable_metric.code") == code }
            if trail.usageCharge == nil { trail.usageProblem = "Plan \(sub.string("plan_code") ?? "") has no charge for \(code): this event counts towards nothing." }
        } catch let BrowserDataError.refused(status, _, message) {
            trail.usageProblem = "Current usage of \(subscription) unavailable: \(message) (\(status))"
        }
        return trail
    }

    var lines: [StyledText] {
        guard let event = trail.event else { return [] }
        var out: [StyledText] = [StyledText("Event", role: .accent)]
        for (label, path) in [("transaction id", "transaction_id"), ("code", "code"), ("timestamp", "timestamp"), ("received", "created_at"),
                              ("subscription", "external_subscription_id"), ("lago id", "lago_id")] {
            out.append(StyledText(label, indent: 1, trailing: event.string(path) ?? "—"))
        }
        out.append(StyledText("Properties", role: .accent))
        if case let .object(members)? = event.value(at: "properties"), !members.isEmpty {
            for (key, value) in members { out.append(StyledText(key, indent: 1, trailing: EventsPane.propertyText(value))) }
        } else {
            out.append(StyledText("none", role: .muted, indent: 1))
        }
        out.append(StyledText("Billable metric", role: .accent))
        let code = event.string("code") ?? ""
        if let metric = trail.metric {
            out.append(StyledText((metric.string("name") ?? code) + " (" + code + ")", indent: 1))
            let aggregation = metric.string("aggregation_type") ?? "?"
            let field = metric.string("field_name").flatMap { $0.isEmpty ? nil : $0 }
            out.append(StyledText("aggregation", indent: 1, trailing: aggregation + (field.map { " of " + $0 } ?? "")))
            if let field {
                let present = event.value(at: "properties")?[field]
                out.append(StyledText(present == nil ? "this event has no \(field): it adds nothing" : "\(field) = \(EventsPane.propertyText(present))",
                                      role: present == nil ? .warning : .normal, indent: 1))
            }
        } else if trail.metricMissing {
            out.append(StyledText("No billable metric has code \(code): this event counts towards nothing.", role: .warning, indent: 1))
        } else if loading {
            out.append(StyledText("reading…", role: .muted, indent: 1))
        }
        if !trail.fees.isEmpty {
            out.append(StyledText("Fee (pay in advance)", role: .accent))
            for fee in trail.fees {
                let amount = fee.int64("amount_cents").map { Format.money(cents: $0, currency: fee.string("amount_currency") ?? "") } ?? "—"
                out.append(StyledText(fee.string("item.name") ?? fee.string("item.code") ?? "fee", indent: 1, trailing: amount))
                out.append(StyledText("units", indent: 1, trailing: Format.decimal(fee.string("units"))))
                out.append(StyledText("invoice", indent: 1, trailing: fee.string("lago_invoice_id") ?? "not invoiced yet"))
                out.append(StyledText("payment", indent: 1, trailing: fee.string("payment_status") ?? "—"))
                out.append(StyledText("fee id", indent: 1, trailing: fee.string("lago_id") ?? "—"))
            }
        } else if let charge = trail.usageCharge {
            out.append(StyledText("Counts toward (current usage)", role: .accent))
            let currency = trail.usageCurrency ?? ""
            out.append(StyledText(charge.string("charge.invoice_display_name") ?? charge.string("billable_metric.name") ?? code, indent: 1,
                                  trailing: charge.int64("amount_cents").map { Format.money(cents: $0, currency: currency) } ?? "—"))
            out.append(StyledText("units so far", indent: 1, trailing: Format.decimal(charge.string("units"))))
            out.append(StyledText("events so far", indent: 1, trailing: charge.string("events_count") ?? "—"))
            out.append(StyledText("period", indent: 1, trailing: Format.date(trail.usagePeriod.from) + " → " + Format.date(trail.usagePeriod.to)))
            out.append(StyledText("Charged in arrears: Lago links no fee to one event; this is the charge it adds to.", role: .muted, indent: 1))
        } else if let problem = trail.usageProblem {
            out.append(StyledText("Counts toward", role: .accent))
            out.append(StyledText(problem, role: .warning, indent: 1))
        }
        return out
    }

    func move(_ action: ActionID) -> Bool {
        guard scroll.move(action, count: lines.count, viewport: viewportRows, wrapped: true) else { return false }
        env.changed()
        return true
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let state: LoadState
        if let error { state = .failed(error) } else if loading { state = trail.event == nil ? .loading : .refreshing } else { state = .idle }
        return PaneSnapshot(id: id, title: "event " + title, countText: "", focused: focused, state: state, stale: false, filter: nil,
                            serverSearch: nil, summary: [],
                            content: .text(TextSnapshot(lines: lines, scrollOffset: scroll.offset, tabs: [], activeTab: 0, wraps: true)),
                            emptyMessage: trail.event == nil && error == nil ? "Reading event…" : nil)
    }
}
