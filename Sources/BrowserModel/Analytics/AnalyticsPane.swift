import Foundation
import LagoAPI

/// How the business is doing: Lago's analytics series month by month in one currency, as bar
/// charts with month-over-month change or as a table (`t`), over the last 3/6/12/24 months
/// (`m`), with a currency switcher (`c`). A series Lago's plan does not include (403
/// `feature_unavailable`) shows a calm "not available on this Lago plan" in its place. For a
/// customer (`externalCustomerId`), only the series Lago filters by customer are shown.
@MainActor
final class AnalyticsPane: Pane {
    enum Mode: Equatable { case charts, table }

    enum SeriesState: Equatable {
        case loading
        case loaded([AnalyticsRow])
        case unavailable
        case failed(String)
    }

    static let windows = [3, 6, 12, 24]

    let id: PaneID
    let env: PaneEnvironment
    let series: [AnalyticsSeries]
    let externalCustomerId: String?
    private(set) var months = 12
    private(set) var mode = Mode.charts
    private(set) var currency: String?
    private(set) var selected = 0
    private(set) var states: [AnalyticsSeries: SeriesState] = [:]
    private var started = false
    private var generation = 0
    private var scroll = 0
    var viewportRows = 20

    init(id: PaneID, env: PaneEnvironment, externalCustomerId: String? = nil) {
        self.id = id
        self.env = env
        self.externalCustomerId = externalCustomerId
        self.series = externalCustomerId == nil ? AnalyticsSeries.allCases : AnalyticsSeries.allCases.filter(\.perCustomer)
    }

    var title: String { "analytics" }
    var resource: ResourceKind? { nil }
    var scopes: Set<ActionScope> { [.analytics] }
    var selectedRecord: SelectedRecord? { nil }

    func setVisible(_ visible: Bool) {
        if visible, !started { load(force: false) }
    }

    func refresh() { load(force: true) }

    func load(force: Bool) {
        started = true
        generation += 1
        let gen = generation
        let ds = env.dataSource
        for s in series {
            states[s] = states[s].flatMap { if case .loaded = $0 { return $0 } else { return nil } } ?? .loading
            let query = s.query(months: months, externalCustomerId: externalCustomerId)
            env.tracker.run { [weak self] in
                let state: SeriesState
                do {
                    let data = try await ds.analytics(s, query: query, forceRefresh: force)
                    state = .loaded(AnalyticsRow.rows(try JSONValue.parse(data), series: s))
                } catch BrowserDataError.notSupported {
                    state = .unavailable
                } catch let BrowserDataError.refused(status, code, _) where status == 403 && code == "feature_unavailable" {
                    state = .unavailable
                } catch {
                    state = .failed(userMessage(for: error))
                }
                guard let self, gen == self.generation else { return }
                self.states[s] = state
                if self.currency == nil || !self.currencies.contains(self.currency ?? "") { self.currency = self.currencies.first }
                self.env.changed()
            }
        }
    }

    /// Currencies found in any loaded series, the largest first.
    var currencies: [String] {
        var rows: [AnalyticsRow] = []
        for s in series { if case let .loaded(r)? = states[s] { rows += r } }
        return AnalyticsReport.currencies(rows)
    }

    // MARK: keys

    func cycleMonths() {
        let i = Self.windows.firstIndex(of: months) ?? 2
        months = Self.windows[(i + 1) % Self.windows.count]
        load(force: false)
        env.changed()
    }

    func toggleTable() {
        mode = mode == .charts ? .table : .charts
        scroll = 0
        env.changed()
    }

    func nextCurrency() {
        let all = currencies
        guard !all.isEmpty else { return }
        let i = currency.flatMap { all.firstIndex(of: $0) } ?? -1
        currency = all[(i + 1) % all.count]
        env.changed()
    }

    func move(_ action: ActionID) -> Bool {
        switch action {
        case .cursorDown, .pageDown, .bottom:
            if mode == .table { scroll = min(scroll + (action == .cursorDown ? 1 : viewportRows), max(0, tableLines.count - viewportRows)) } else { selected = min(series.count - 1, selected + 1) }
        case .cursorUp, .pageUp, .top:
            if mode == .table { scroll = max(0, scroll - (action == .cursorUp ? 1 : viewportRows)) } else { selected = max(0, selected - 1) }
        default: return false
        }
        env.changed()
        return true
    }

    // MARK: content

    func monthsOf(_ s: AnalyticsSeries) -> [AnalyticsMonth]? {
        guard case let .loaded(rows)? = states[s], let currency else { return nil }
        return AnalyticsReport.months(rows, currency: currency, keys: AnalyticsReport.monthKeys(endingAt: env.clock.now, count: months))
    }

    func money(_ cents: Int64) -> String { Format.money(cents: cents, currency: currency ?? "") }

    func panel(_ s: AnalyticsSeries) -> ChartPanelSnapshot {
        var panel = ChartPanelSnapshot(title: s.title, headline: "", headlineRole: .muted, bars: [], notes: [], message: nil)
        switch states[s] ?? .loading {
        case .loading:
            panel.message = StyledText("loading…", role: .muted)
        case .unavailable:
            panel.message = StyledText("not available on this Lago plan", role: .muted)
        case let .failed(message):
            panel.message = StyledText(message, role: .danger)
        case .loaded:
            guard let data = monthsOf(s) else {
                panel.message = StyledText("no \(s.title.lowercased()) in these months", role: .muted)
                return panel
            }
            panel.bars = data.map { ChartBarSnapshot(label: AnalyticsReport.label($0.key), value: $0.cents, valueLabel: money($0.cents)) }
            if let last = data.last {
                panel.headline = "\(AnalyticsReport.longLabel(last.key)) \(money(last.cents))"
                if data.count > 1, let change = AnalyticsReport.change(from: data[data.count - 2].cents, to: last.cents) {
                    panel.headline += " · \(change) on \(AnalyticsReport.label(data[data.count - 2].key).prefix(3))"
                    panel.headlineRole = change.hasPrefix("+") ? (s == .overdueBalance ? .warning : .success) : change.hasPrefix("-") ? (s == .overdueBalance ? .success : .warning) : .normal
                } else {
                    panel.headlineRole = .normal
                }
                panel.notes = last.groups.map { StyledText($0.0.replacingOccurrences(of: "_", with: " "), role: .muted, trailing: money($0.1)) }
            }
        }
        return panel
    }

    /// The table form: one block per series, a row per month with its amount, its change on
    /// the month before and, for grouped series, its parts.
    var tableLines: [StyledText] {
        var out: [StyledText] = []
        for s in series {
            out.append(StyledText(s.title, role: .info))
            let p = panel(s)
            if let message = p.message { out.append(StyledText(message.text, role: message.role, indent: 1)); out.append(StyledText("")); continue }
            let data = monthsOf(s) ?? []
            for (i, month) in data.enumerated() {
                let change = i > 0 ? AnalyticsReport.change(from: data[i - 1].cents, to: month.cents) ?? "" : ""
                let parts = month.groups.map { "\($0.0) \(money($0.1))" }.joined(separator: " · ")
                let text = AnalyticsReport.longLabel(month.key).padding(toLength: 10, withPad: " ", startingAt: 0)
                    + change.padding(toLength: 9, withPad: " ", startingAt: 0) + parts
                out.append(StyledText(text, indent: 1, trailing: money(month.cents)))
            }
            out.append(StyledText(""))
        }
        return out
    }

    var caption: String {
        let all = currencies
        let cur = currency.map { c in all.count > 1 ? "\(c) (c: \(all.filter { $0 != c }.joined(separator: ", ")))" : c } ?? "no currency yet"
        return "\(cur) · last \(months) months · m months · t \(mode == .charts ? "table" : "charts")"
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let loading = series.contains { states[$0] == nil || states[$0] == .loading }
        let content: PaneContent
        switch mode {
        case .charts:
            content = .charts(ChartsSnapshot(panels: series.map(panel), selected: selected, caption: caption))
        case .table:
            let all = [StyledText(caption, role: .muted)] + tableLines
            let end = min(all.count, scroll + viewportRows)
            content = .text(TextSnapshot(lines: scroll < end ? Array(all[scroll..<end]) : [], scrollOffset: scroll, tabs: [], activeTab: 0))
        }
        return PaneSnapshot(id: id, title: externalCustomerId.map { "analytics · \($0)" } ?? "analytics", countText: "", focused: focused,
                            state: loading ? .refreshing : .idle, stale: false, filter: nil, serverSearch: nil, summary: [],
                            content: content, emptyMessage: nil)
    }
}
