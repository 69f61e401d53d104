import Foundation
import LagoAPI

/// Live usage of one subscription: one row per charge with its units and amount, the filter
/// and group breakdown under it (Enter expands), the period and totals above, projected
/// values when the organization has them, and what changed since the previous refresh.
/// Polls only while visible and not paused, backing off on errors.
@MainActor
final class UsagePane: Pane {
    struct Target: Equatable {
        var customerExternalId: String
        var subscriptionExternalId: String
        var label: String
    }

    struct Delta: Equatable {
        var units: Decimal
        var amountCents: Int64
    }

    let id: PaneID
    let env: PaneEnvironment
    private(set) var target: Target?
    private(set) var report: UsageReport?
    private(set) var projected: UsageReport?
    /// nil until known; false once Lago said projected usage is not enabled.
    private(set) var projectedSupported: Bool?
    private(set) var deltas: [String: Delta] = [:]
    private(set) var error: String?
    private(set) var lastUpdated: Date?
    private var expanded: Set<String> = []
    private var cursor = 0
    private var scroll = 0
    var viewportRows = 20
    private var generation = 0
    private(set) var poller: PollScheduler!
    private var isVisible = false

    init(id: PaneID, env: PaneEnvironment) {
        self.id = id
        self.env = env
        self.poller = PollScheduler(clock: env.clock, interval: env.configuration.usageRefreshInterval,
                                    maximumBackoff: env.configuration.maximumBackoff) { [weak self] in self?.poll() }
    }

    var title: String { "usage" }
    var resource: ResourceKind? { nil }
    var scopes: Set<ActionScope> { [.usage] }
    var selectedRecord: SelectedRecord? { nil }

    /// Shows usage of another subscription (nil clears the pane).
    func setTarget(_ newTarget: Target?) {
        guard newTarget != target else { return }
        target = newTarget
        generation += 1
        report = nil
        projected = nil
        projectedSupported = nil
        deltas = [:]
        error = nil
        expanded = []
        cursor = 0
        scroll = 0
        lastUpdated = nil
        poller.stop()
        if isVisible, newTarget != nil { poller.setVisible(true) }
        env.changed()
    }

    func setVisible(_ visible: Bool) {
        isVisible = visible
        poller.setVisible(visible && target != nil)
    }

    func refresh() { poller.fireNow() }

    /// Pauses or resumes polling.
    func togglePause() {
        poller.setPaused(!poller.paused)
        env.changed()
    }

    private func poll() {
        guard let target else { poller.completed(success: true); return }
        let gen = generation
        let ds = env.dataSource
        let wantProjected = projectedSupported != false
        env.changed()
        env.tracker.run { [weak self] in
            do {
                let data = try await ds.currentUsage(externalCustomerId: target.customerExternalId, externalSubscriptionId: target.subscriptionExternalId)
                let json = try JSONValue.parse(data)
                var projectedJSON: JSONValue?
                var projectedState: Bool?
                if wantProjected {
                    do {
                        projectedJSON = try JSONValue.parse(try await ds.projectedUsage(externalCustomerId: target.customerExternalId, externalSubscriptionId: target.subscriptionExternalId))
                        projectedState = true
                    } catch BrowserDataError.notSupported {
                        projectedState = false
                    } catch {
                        projectedState = nil
                    }
                }
                guard let self, gen == self.generation else { return }
                self.received(UsageReport(json: json), projected: projectedJSON.map(UsageReport.init(json:)), projectedState: projectedState)
                self.env.succeeded()
                self.poller.completed(success: true)
            } catch {
                guard let self, gen == self.generation else { return }
                self.error = describe(error)
                self.env.failed(error)
                self.poller.completed(success: false)
            }
            self?.env.changed()
        }
    }

    private func received(_ new: UsageReport, projected newProjected: UsageReport?, projectedState: Bool?) {
        if let old = report {
            var d: [String: Delta] = [:]
            let before = Dictionary(old.charges.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for c in new.charges {
                let prev = before[c.key]
                let du = c.units - (prev?.units ?? 0)
                let da = c.amountCents - (prev?.amountCents ?? 0)
                if du != 0 || da != 0 { d[c.key] = Delta(units: du, amountCents: da) }
            }
            deltas = d
        }
        report = new
        if let projectedState { projectedSupported = projectedState }
        if let newProjected { projected = newProjected }
        error = nil
        lastUpdated = env.clock.now
        cursor = min(cursor, max(0, rowCount - 1))
    }

    // MARK: rows

    private struct Line {
        var id: String
        var cells: [String]
        var roles: [StatusRole]
        var changed: Set<Int>
        var indent: Bool
    }

    private var showProjected: Bool { projected != nil }

    private var lines: [Line] {
        guard let report else { return [] }
        let cur = report.currency
        let projectedCharges = Dictionary((projected?.charges ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Line] = []
        for c in report.charges {
            let d = deltas[c.key]
            let marker = c.breakdown.isEmpty ? "  " : (expanded.contains(c.key) ? "▾ " : "▸ ")
            var cells = [marker + c.name, Format.decimal("\(c.units)"), d.map { signed($0.units) } ?? "",
                         Format.money(cents: c.amountCents, currency: cur), d.map { signedMoney($0.amountCents, cur) } ?? ""]
            var roles: [StatusRole] = [.normal, .normal, .accent, .normal, .accent]
            if showProjected {
                let p = projectedCharges[c.key]
                cells.append(p?.projectedAmountCents.map { Format.money(cents: $0, currency: cur) } ?? c.projectedAmountCents.map { Format.money(cents: $0, currency: cur) } ?? "")
                roles.append(.muted)
            }
            out.append(Line(id: c.key, cells: cells.map(TextSanitizer.clean), roles: roles, changed: d == nil ? [] : [1, 2, 3, 4], indent: false))
            if expanded.contains(c.key) {
                for (i, b) in c.breakdown.enumerated() {
                    var bc = ["    " + b.label, Format.decimal("\(b.units)"), "", Format.money(cents: b.amountCents, currency: cur), ""]
                    if showProjected { bc.append(b.projectedAmountCents.map { Format.money(cents: $0, currency: cur) } ?? "") }
                    out.append(Line(id: c.key + "/\(i)", cells: bc.map(TextSanitizer.clean), roles: Array(repeating: .muted, count: bc.count), changed: [], indent: true))
                }
                if c.breakdown.isEmpty {
                    out.append(Line(id: c.key + "/none", cells: ["    This charge has no filters or pricing group key."] + Array(repeating: "", count: showProjected ? 5 : 4),
                                    roles: Array(repeating: .muted, count: showProjected ? 6 : 5), changed: [], indent: true))
                }
            }
        }
        return out
    }

    private var rowCount: Int { lines.count }

    private func signed(_ d: Decimal) -> String {
        let s = Format.decimal("\(d)")
        return d > 0 ? "+" + s : s
    }

    private func signedMoney(_ cents: Int64, _ cur: String) -> String {
        cents > 0 ? "+" + Format.money(cents: cents, currency: cur) : Format.money(cents: cents, currency: cur)
    }

    /// Expands or collapses the breakdown of the charge under the cursor.
    func toggleExpanded() {
        let all = lines
        guard all.indices.contains(cursor) else { return }
        let key = String(all[cursor].id.split(separator: "/").first ?? "")
        if expanded.contains(key) { expanded.remove(key) } else { expanded.insert(key) }
        if let idx = lines.firstIndex(where: { $0.id == key }) { cursor = idx }
        clamp()
        env.changed()
    }

    func move(_ action: ActionID) -> Bool {
        guard let moved = action.moved(cursor, page: viewportRows, count: rowCount) else { return false }
        cursor = moved
        clamp()
        env.changed()
        return true
    }

    func select(row: Int) {
        cursor = max(0, min(row, rowCount - 1))
        clamp()
    }

    private func clamp() {
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + viewportRows { scroll = cursor - viewportRows + 1 }
        scroll = max(0, scroll)
    }

    // MARK: snapshot

    var statusText: String {
        if target == nil { return "" }
        if poller.paused { return "Paused · p resumes" }
        if let error {
            return "Error: \(error) · retrying in \(Int(poller.currentDelay.seconds))s"
        }
        var s = "Refreshing every \(Int(poller.interval.seconds))s"
        if let lastUpdated { s += " · updated " + UsagePane.clockText(lastUpdated) }
        return s
    }

    static func clockText(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d UTC", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        var summary: [StyledText] = []
        if let target {
            summary.append(StyledText("Subscription " + target.label))
        }
        if let report {
            summary.append(StyledText("Period " + Format.date(report.from) + " → " + Format.date(report.to) + " UTC"))
            var total = "Usage so far " + Format.money(cents: report.amountCents, currency: report.currency)
            if report.taxesAmountCents != 0 {
                total += " + taxes " + Format.money(cents: report.taxesAmountCents, currency: report.currency) + " = " + Format.money(cents: report.totalAmountCents, currency: report.currency)
            }
            summary.append(StyledText(total, role: .accent))
            if let p = projected?.projectedAmountCents ?? report.projectedAmountCents {
                summary.append(StyledText("Projected end of period " + Format.money(cents: p, currency: report.currency), role: .muted))
            }
        }
        if target != nil {
            summary.append(StyledText(statusText, role: error != nil ? .danger : (poller.paused ? .warning : .muted)))
        }
        var columns = [
            ColumnSnapshot(title: "CHARGE", alignment: .left, priority: 0, minWidth: 12, flexible: true),
            ColumnSnapshot(title: "UNITS", alignment: .right, priority: 0, minWidth: 6, flexible: false),
            ColumnSnapshot(title: "Δ", alignment: .right, priority: 2, minWidth: 4, flexible: false),
            ColumnSnapshot(title: "AMOUNT", alignment: .right, priority: 0, minWidth: 10, flexible: false),
            ColumnSnapshot(title: "Δ AMOUNT", alignment: .right, priority: 2, minWidth: 8, flexible: false),
        ]
        if showProjected { columns.append(ColumnSnapshot(title: "PROJECTED", alignment: .right, priority: 1, minWidth: 10, flexible: false)) }
        let all = lines
        let end = min(all.count, scroll + viewportRows)
        let window = scroll < end ? Array(all[scroll..<end]) : []
        let rows = window.enumerated().map { offset, line in
            RowSnapshot(id: line.id, cells: line.cells, cellRoles: line.roles, role: line.indent ? .muted : .normal,
                        changedColumns: line.changed, selected: scroll + offset == cursor)
        }
        let state: LoadState
        if let error { state = .failed(error) } else if poller.inFlight { state = report == nil ? .loading : .refreshing } else { state = .idle }
        let empty: String?
        if target == nil { empty = "Select an active subscription to see its live usage" }
        else if report == nil { empty = error == nil ? "Loading usage…" : nil }
        else if report?.charges.isEmpty == true { empty = "No charges in this period" }
        else { empty = nil }
        return PaneSnapshot(id: id, title: "usage", countText: report.map { String($0.charges.count) } ?? "", focused: focused, state: state,
                            stale: false, filter: nil, serverSearch: nil, summary: summary,
                            content: .table(TableSnapshot(columns: columns, rows: rows, firstRowIndex: scroll, cursorIndex: all.isEmpty ? nil : cursor,
                                                          totalRows: all.count, sort: nil, hasMore: false)),
                            emptyMessage: empty)
    }
}
