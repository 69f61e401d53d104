import Foundation
import LagoAPI

/// A subscription's usage as a whole (`H` on a subscription): the amount of each invoiced
/// period as a bar chart with the open period highlighted (`m` switches to one metric's
/// units), and lifetime usage as a meter towards the next progressive-billing threshold.
/// Read when first shown; `ctrl-r` reads again.
@MainActor
final class UsageHistoryPane: Pane {
    /// Periods read from `past_usage` (Lago returns the newest first).
    static let periods = 12

    struct Period: Equatable {
        var label: String
        var currency: String
        var amountCents: Int64
        /// Units per metric code, as Lago's decimal strings.
        var units: [String: String]
        var open: Bool
    }

    let id: PaneID
    let env: PaneEnvironment
    let target: UsagePane.Target
    private(set) var history: [Period] = []
    private(set) var lifetime: JSONValue?
    private(set) var lifetimeProblem: String?
    private(set) var error: String?
    private(set) var loading = false
    private(set) var loaded = false
    /// nil: amounts; else the metric whose units are charted.
    private(set) var metric: String?
    var viewportRows = 20
    private var generation = 0

    init(id: PaneID, env: PaneEnvironment, target: UsagePane.Target) {
        self.id = id
        self.env = env
        self.target = target
    }

    var title: String { "usage history" }
    var resource: ResourceKind? { nil }
    var scopes: Set<ActionScope> { [.usage] }
    var selectedRecord: SelectedRecord? { nil }

    func setVisible(_ visible: Bool) {
        if visible, !loaded, !loading { load() }
    }

    func refresh() { load() }

    func move(_ action: ActionID) -> Bool { false }

    /// Metric codes seen in any period, in first-seen order.
    var metrics: [String] {
        var seen: [String] = []
        for period in history { for code in period.units.keys.sorted() where !seen.contains(code) { seen.append(code) } }
        return seen
    }

    /// `m`: amounts → each metric's units → amounts.
    func switchMetric() {
        let all = metrics
        if let metric, let index = all.firstIndex(of: metric) {
            self.metric = index + 1 < all.count ? all[index + 1] : nil
        } else {
            metric = all.first
        }
        env.changed()
    }

    private func load() {
        generation += 1
        let gen = generation
        loading = true
        let source = env.dataSource
        let target = self.target
        env.load({ () async throws -> (JSONValue, JSONValue, JSONValue?, String?) in
            let past = try JSONValue.parse(try await source.pastUsage(externalCustomerId: target.customerExternalId,
                                                                         externalSubscriptionId: target.subscriptionExternalId, periods: Self.periods))
            let current = try JSONValue.parse(try await source.currentUsage(externalCustomerId: target.customerExternalId,
                                                                               externalSubscriptionId: target.subscriptionExternalId))
            do {
                return (past, current, try JSONValue.parse(try await source.lifetimeUsage(externalSubscriptionId: target.subscriptionExternalId)), nil)
            } catch {
                return (past, current, nil, describe(error))
            }
        }, isCurrent: { [weak self] in self?.generation == gen }) { [weak self] result in
            guard let self else { return }
            self.loading = false
            switch result {
            case let .success((past, current, lifetime, problem)):
                self.history = ((past.arrayValue ?? []).reversed().map { Self.period($0, open: false) }) + [Self.period(current, open: true)]
                self.lifetime = lifetime
                self.lifetimeProblem = problem
                self.error = nil
                self.loaded = true
            case .failure(let error):
                self.error = describe(error)
            }
        }
    }

    static func period(_ json: JSONValue, open: Bool) -> Period {
        var units: [String: String] = [:]
        for charge in json.array("charges_usage") {
            guard let code = charge.string("billable_metric.code") else { continue }
            units[code] = Self.sum(units[code], charge.string("units"))
        }
        let from = json.string("from_datetime") ?? ""
        let label = open ? "now" : (from.dropFirst(8).hasPrefix("01") ? Self.month(from) : String(from.dropFirst(5).prefix(5)))
        return Period(label: label, currency: json.string("currency") ?? "", amountCents: json.int64("amount_cents") ?? 0, units: units, open: open)
    }

    /// Two decimal strings added exactly (a metric can have several charges).
    static func sum(_ a: String?, _ b: String?) -> String {
        let x = a.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } ?? 0
        let y = b.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } ?? 0
        return NSDecimalNumber(decimal: x + y).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    static func month(_ timestamp: String) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let m = Int(timestamp.dropFirst(5).prefix(2)), (1...12).contains(m) else { return String(timestamp.prefix(7)) }
        return names[m - 1]
    }

    /// Units in hundredths (the chart takes integers), rounded half up.
    static func hundredths(_ text: String?) -> Int64 {
        guard let text, var value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return 0 }
        value *= 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    var chart: ChartSnapshot {
        let bars = history.map { period -> ChartSnapshot.Bar in
            let kind: ChartSnapshot.BarKind = period.open ? .highlight : .normal
            if let metric {
                let raw = period.units[metric] ?? "0"
                return ChartSnapshot.Bar(label: period.label, value: Self.hundredths(raw), valueLabel: Format.decimal(raw), kind: kind)
            }
            return ChartSnapshot.Bar(label: period.label, value: period.amountCents, valueLabel: Format.money(cents: period.amountCents, currency: period.currency), kind: kind)
        }
        var meters: [ChartSnapshot.Meter] = []
        var lines: [StyledText] = []
        if let lifetime {
            let currency = history.last?.currency ?? ""
            let total = (lifetime.int64("external_historical_usage_amount_cents") ?? 0) + (lifetime.int64("invoiced_usage_amount_cents") ?? 0)
                + (lifetime.int64("current_usage_amount_cents") ?? 0)
            let thresholds = lifetime.array("usage_thresholds").compactMap { $0.int64("amount_cents") }.sorted()
            if let next = thresholds.first(where: { $0 > total }) {
                let position = (thresholds.firstIndex(of: next) ?? 0) + 1
                meters.append(ChartSnapshot.Meter(title: "Lifetime usage → threshold \(position) of \(thresholds.count)", value: total, target: next,
                                                  label: Format.money(cents: total, currency: currency) + " of " + Format.money(cents: next, currency: currency)))
            } else if let last = thresholds.last {
                meters.append(ChartSnapshot.Meter(title: "Lifetime usage: every threshold passed", value: total, target: last,
                                                  label: Format.money(cents: total, currency: currency) + " ≥ " + Format.money(cents: last, currency: currency)))
            } else {
                lines.append(StyledText("Lifetime usage " + Format.money(cents: total, currency: currency) + " (no progressive-billing thresholds)", role: .muted))
            }
        } else if let lifetimeProblem {
            lines.append(StyledText("Lifetime usage unavailable: " + lifetimeProblem, role: .muted))
        }
        let unit = metric.map { "\($0) units" } ?? "amount"
        lines.append(StyledText("m switches the chart to " + (metrics.isEmpty ? "a metric's units" : (nextMetricName ?? "amounts")), role: .muted))
        return ChartSnapshot(chartTitle: unit + " per period", bars: loaded ? bars : [],
                             legend: [(.normal, "invoiced"), (.highlight, "current period so far")], meters: meters, lines: lines,
                             emptyChart: loaded ? "No usage periods yet" : "Reading usage…")
    }

    private var nextMetricName: String? {
        let all = metrics
        guard let metric, let index = all.firstIndex(of: metric) else { return all.first.map { "\($0) units" } }
        return index + 1 < all.count ? "\(all[index + 1]) units" : nil
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let state: LoadState
        if let error { state = .failed(error) } else if loading { state = loaded ? .refreshing : .loading } else { state = .idle }
        return PaneSnapshot(id: id, title: "usage history", countText: loaded ? String(history.count) : "", focused: focused, state: state,
                            stale: false, filter: nil, serverSearch: nil, summary: [StyledText("Subscription " + target.label)],
                            content: .chart(chart), emptyMessage: nil)
    }
}
