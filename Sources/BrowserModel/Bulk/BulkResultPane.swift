import Foundation
import LagoAPI

/// A finished bulk run's result table (invoice, customer, outcome, Lago's code and message);
/// `y` shows the same rows as JSON, `:w FILE` saves them as NDJSON.
@MainActor
final class BulkResultPane: Pane {
    let id: PaneID
    let action: BulkAction
    let results: [BulkResult]
    /// "12/12 · 10 succeeded · 2 refused (invalid_status ×2)".
    let summaryText: String
    private(set) var showingJSON = false
    private var cursor = 0
    private var scroll = 0
    var viewportRows = 20

    init(id: PaneID, action: BulkAction, results: [BulkResult], summary: String) {
        self.id = id
        self.action = action
        self.results = results
        self.summaryText = summary
    }

    var title: String { "\(action.title) results" }
    var resource: ResourceKind? { nil }
    var scopes: Set<ActionScope> { [.record, .detail] }
    var selectedRecord: SelectedRecord? { nil }
    func setVisible(_ visible: Bool) {}
    func refresh() {}

    func toggleJSON() {
        showingJSON.toggle()
        cursor = 0
        scroll = 0
    }

    private var lineCount: Int { showingJSON ? jsonLines.count : results.count }

    func move(_ action: ActionID) -> Bool {
        guard let moved = action.moved(cursor, page: viewportRows, count: lineCount) else { return false }
        cursor = moved
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + viewportRows { scroll = cursor - viewportRows + 1 }
        return true
    }

    /// The results as one JSON array, a line per result (what `y` shows).
    var jsonLines: [String] {
        guard !results.isEmpty else { return ["[]"] }
        return ["["] + results.enumerated().map { i, r in "  " + r.ndjsonLine + (i < results.count - 1 ? "," : "") } + ["]"]
    }

    static let columns = [
        ColumnSnapshot(title: "INVOICE", alignment: .left, priority: 0, minWidth: 10, flexible: false),
        ColumnSnapshot(title: "CUSTOMER", alignment: .left, priority: 2, minWidth: 8, flexible: true),
        ColumnSnapshot(title: "OUTCOME", alignment: .left, priority: 0, minWidth: 9, flexible: false),
        ColumnSnapshot(title: "CODE", alignment: .left, priority: 1, minWidth: 6, flexible: false),
        ColumnSnapshot(title: "MESSAGE", alignment: .left, priority: 1, minWidth: 10, flexible: true),
    ]

    static func role(_ outcome: BulkOutcome) -> StatusRole {
        switch outcome {
        case .succeeded: return .success
        case .refused, .failed: return .danger
        case .unknown: return .warning
        case .notSent: return .muted
        }
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let summary = [StyledText(summaryText, role: .muted)]
        if showingJSON {
            let all = jsonLines
            let end = min(all.count, scroll + viewportRows)
            let window = (scroll..<max(scroll, end)).map { StyledText(TextSanitizer.clean(all[$0])) }
            return PaneSnapshot(id: id, title: title, countText: "JSON", focused: focused, state: .idle, stale: false, filter: nil, serverSearch: nil,
                                summary: summary, content: .text(TextSnapshot(lines: window, scrollOffset: scroll, tabs: [], activeTab: 0)), emptyMessage: nil)
        }
        let end = min(results.count, scroll + viewportRows)
        let rows = (scroll..<max(scroll, end)).map { i -> RowSnapshot in
            let r = results[i]
            let role = Self.role(r.outcome)
            let cells = [r.invoice.number, r.invoice.customer, r.outcome.name, r.outcome.code ?? "", r.outcome.message].map(TextSanitizer.clean)
            return RowSnapshot(id: r.invoice.id, cells: cells, cellRoles: [.normal, .normal, role, role, .normal], role: .normal,
                               changedColumns: [], selected: i == cursor)
        }
        let table = TableSnapshot(columns: Self.columns, rows: rows, firstRowIndex: scroll, cursorIndex: results.isEmpty ? nil : cursor,
                                  totalRows: results.count, sort: nil, hasMore: false)
        return PaneSnapshot(id: id, title: title, countText: String(results.count), focused: focused, state: .idle, stale: false,
                            filter: nil, serverSearch: nil, summary: summary, content: .table(table), emptyMessage: results.isEmpty ? "Nothing was sent" : nil)
    }
}
