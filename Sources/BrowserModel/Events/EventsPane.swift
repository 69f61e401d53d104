import Foundation
import LagoAPI

/// The events of one subscription, newest first (`GET /events?external_subscription_id=`):
/// time, code, transaction id, and the properties the events carry as columns of their own.
/// `f` follows: while the pane is visible, new events are polled (`timestamp_from` = the newest
/// one shown) and put on top, with the live rate (events a minute) and how long ago the last
/// one arrived; hidden, it stops; after an error it backs off (`PollScheduler`). `/` filters by
/// code on the server. At most `capacity` events are kept, so following for hours holds
/// memory flat. Enter opens an event (its metric, and the fee or charge it counts toward).
@MainActor
final class EventsPane: Pane {
    struct Target: Equatable {
        var subscriptionExternalId: String
        var label: String
    }

    /// Events kept in memory; older ones drop off the bottom while following.
    static let capacity = 1_000
    /// Property columns shown at most (the most frequent keys).
    static let propertyColumns = 4

    let id: PaneID
    let env: PaneEnvironment
    let target: Target
    private(set) var rows: [JSONValue] = []
    private var known: Set<String> = []
    private(set) var codeFilter: String?
    private(set) var following = false
    private(set) var error: String?
    private(set) var loadedOnce = false
    private var loading = false
    /// (when, how many) new events arrived, for the rate over the last minute.
    private var arrivals: [(at: Date, count: Int)] = []
    private var followingSince: Date?
    private(set) var lastArrival: Date?
    private var cursor = ListCursor()
    var viewportRows = 20
    private var generation = 0
    private var isVisible = false
    private(set) var poller: PollScheduler!

    init(id: PaneID, env: PaneEnvironment, target: Target, codeFilter: String? = nil) {
        self.id = id
        self.env = env
        self.target = target
        self.codeFilter = codeFilter
        poller = PollScheduler(clock: env.clock, interval: BrowserConfiguration.minimumUsageRefresh,
                               maximumBackoff: env.configuration.maximumBackoff) { [weak self] in self?.poll() }
    }

    var title: String { "events" }
    var resource: ResourceKind? { .events }
    var scopes: Set<ActionScope> { [.list, .record, .resource(.events)] }

    var selectedRecord: SelectedRecord? {
        guard rows.indices.contains(cursor.index) else { return nil }
        let json = rows[cursor.index]
        let txn = json.string("transaction_id") ?? ""
        return SelectedRecord(resource: .events, id: txn, json: json, displayName: TextSanitizer.clean(txn))
    }

    func setVisible(_ visible: Bool) {
        isVisible = visible
        if visible, !loadedOnce, !loading { load() }
        poller.setVisible(visible && following)
    }

    func refresh() { load() }

    /// Starts or stops following new events.
    func toggleFollow() {
        following.toggle()
        arrivals = []
        followingSince = following ? env.clock.now : nil
        poller.setVisible(isVisible && following)
        env.changed()
    }

    /// Shows only events with this code (nil: every code), read from the server again.
    func setCodeFilter(_ code: String?) {
        let value = code.flatMap { $0.isEmpty ? nil : $0 }
        guard value != codeFilter else { return }
        codeFilter = value
        load()
    }

    private func request(since timestamp: String? = nil) -> ListRequest {
        var filters = [ListFilter("external_subscription_id", target.subscriptionExternalId)]
        if let codeFilter { filters.append(ListFilter("code", codeFilter)) }
        if let timestamp { filters.append(ListFilter("timestamp_from", timestamp)) }
        return ListRequest(.events, filters: filters)
    }

    /// The newest page, replacing what is shown.
    private func load() {
        generation += 1
        let gen = generation
        loading = true
        let request = request()
        let source = env.dataSource
        env.load({ try await source.freshPage(request, page: 1, perPage: 100).items.map(JSONValue.parse) },
                 isCurrent: { [weak self] in self?.generation == gen }) { [weak self] result in
            guard let self else { return }
            self.loading = false
            switch result {
            case .success(let items):
                self.rows = Array(items.prefix(Self.capacity))
                self.known = Set(self.rows.compactMap { $0.string("transaction_id") })
                self.cursor.clamp(count: self.rows.count, viewport: self.viewportRows)
                self.error = nil
                self.loadedOnce = true
            case .failure(let error):
                self.error = describe(error)
            }
        }
    }

    /// One follow tick: pages of events at or after the newest one shown, until a page holds
    /// only events already shown (at most five pages a tick).
    private func poll() {
        let gen = generation
        let request = request(since: rows.first?.string("timestamp"))
        let source = env.dataSource
        let known = self.known
        env.tracker.run { [weak self] in
            do {
                var fresh: [JSONValue] = []
                var page: Int? = 1
                while let current = page, current <= 5 {
                    let result = try await source.freshPage(request, page: current, perPage: 100)
                    let items = try result.items.map(JSONValue.parse)
                    let unseen = items.filter { !known.contains($0.string("transaction_id") ?? "") }
                    fresh += unseen
                    page = unseen.count == items.count ? result.nextPage : nil
                }
                guard let self, gen == self.generation else { self?.poller.completed(success: true); return }
                self.received(fresh)
                self.error = nil
                self.env.succeeded()
                self.poller.completed(success: true)
            } catch {
                guard let self else { return }
                self.error = describe(error)
                self.env.failed(error)
                self.poller.completed(success: false)
            }
            self?.env.changed()
        }
    }

    private func received(_ fresh: [JSONValue]) {
        let now = env.clock.now
        arrivals.removeAll { now.timeIntervalSince($0.at) > 60 }
        guard !fresh.isEmpty else { return }
        arrivals.append((now, fresh.count))
        lastArrival = now
        // On the newest row the cursor stays on top; elsewhere it stays on its event.
        let keepCursorOnRecord = cursor.index > 0
        rows.insert(contentsOf: fresh, at: 0)
        if keepCursorOnRecord { cursor.index += fresh.count }
        if rows.count > Self.capacity { rows.removeLast(rows.count - Self.capacity) }
        known = Set(rows.compactMap { $0.string("transaction_id") })
        cursor.clamp(count: rows.count, viewport: viewportRows)
    }

    /// Events a minute over the last minute (over the time followed, when shorter).
    var ratePerMinute: Int {
        let now = env.clock.now
        let recent = arrivals.filter { now.timeIntervalSince($0.at) <= 60 }.reduce(0) { $0 + $1.count }
        let span = min(60, max(BrowserConfiguration.minimumUsageRefresh.seconds, followingSince.map { now.timeIntervalSince($0) } ?? 60))
        return Int((Double(recent) * 60 / span).rounded())
    }

    var statusText: String {
        if let error, following { return "Error: \(error) · retrying in \(Int(poller.currentDelay.seconds))s" }
        guard following else { return "f follows new events" }
        var text = "Following · \(ratePerMinute) events/min"
        if let lastArrival { text += " · last seen \(Int(env.clock.now.timeIntervalSince(lastArrival)))s ago" } else { text += " · none yet" }
        return text + " · f stops"
    }

    // MARK: table

    /// The property keys shown as columns: the most frequent among the rows, ties by name.
    var propertyKeys: [String] {
        var counts: [String: Int] = [:]
        for row in rows.prefix(200) {
            if case let .object(members)? = row.value(at: "properties") { for (key, _) in members { counts[key, default: 0] += 1 } }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.propertyColumns).map(\.key)
    }

    func move(_ action: ActionID) -> Bool {
        guard cursor.move(action, count: rows.count, viewport: viewportRows) else { return false }
        env.changed()
        return true
    }

    func select(row: Int) {
        cursor.index = row
        cursor.clamp(count: rows.count, viewport: viewportRows)
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let keys = propertyKeys
        var columns = [
            ColumnSnapshot(title: "TIMESTAMP", alignment: .left, priority: 0, minWidth: 19, flexible: false),
            ColumnSnapshot(title: "CODE", alignment: .left, priority: 0, minWidth: 8, flexible: false),
            ColumnSnapshot(title: "TRANSACTION ID", alignment: .left, priority: 1, minWidth: 12, flexible: true),
        ]
        columns += keys.enumerated().map { ColumnSnapshot(title: $1.uppercased(), alignment: .left, priority: 2 + $0, minWidth: 6, flexible: false) }
        let scroll = cursor.scroll
        let end = min(rows.count, scroll + viewportRows)
        let window = scroll < end ? Array(rows[scroll..<end]) : []
        let tableRows = window.enumerated().map { offset, json in
            let cells = [EventsPane.timestamp(json.string("timestamp")), json.string("code") ?? "", json.string("transaction_id") ?? ""]
                + keys.map { EventsPane.propertyText(json.value(at: "properties")?[$0]) }
            return RowSnapshot(id: json.string("transaction_id") ?? "\(scroll + offset)", cells: cells.map(TextSanitizer.clean),
                               cellRoles: Array(repeating: .normal, count: cells.count), role: .normal, changedColumns: [],
                               selected: scroll + offset == cursor.index)
        }
        let state: LoadState
        if let error, !following { state = .failed(error) } else if loading { state = loadedOnce ? .refreshing : .loading } else { state = .idle }
        var summary = [StyledText("Subscription " + target.label + (codeFilter.map { " · code " + $0 } ?? ""))]
        summary.append(StyledText(statusText, role: error != nil && following ? .danger : (following ? .success : .muted)))
        return PaneSnapshot(id: id, title: "events", countText: rows.count >= Self.capacity ? "\(Self.capacity)+" : String(rows.count),
                            focused: focused, state: state, stale: false, filter: codeFilter.map { "code=" + $0 }, serverSearch: nil,
                            summary: summary,
                            content: .table(TableSnapshot(columns: columns, rows: tableRows, firstRowIndex: scroll,
                                                          cursorIndex: rows.isEmpty ? nil : cursor.index, totalRows: rows.count, sort: nil, hasMore: false)),
                            emptyMessage: loadedOnce ? (codeFilter == nil ? "No events for this subscription" : "No \(codeFilter!) events") : nil)
    }

    /// "2026-12-04T01:52:07.123Z" → "2026-12-04 01:52:07" (events are seconds apart: the day alone says nothing).
    static func timestamp(_ raw: String?) -> String {
        guard let raw, raw.count >= 19 else { return raw ?? "" }
        return String(raw.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    static func propertyText(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return "null"
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .array, .object: return value.prettyPrinted().replacingOccurrences(of: "\n", with: " ")
        }
    }
}
