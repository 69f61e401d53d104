import Foundation
import LagoAPI

/// Shared services the panes of one browser use.
@MainActor
final class PaneEnvironment {
    var dataSource: any BrowserDataSource
    let tracker: BusyTracker
    let clock: any BrowserClock
    var configuration: BrowserConfiguration
    /// Asks the front end to draw again.
    var changed: @MainActor () -> Void = {}
    /// Last API problem for the header, nil once a request succeeds.
    var apiStatus: String?
    /// When fresh data last arrived.
    var lastRefresh: Date?
    /// Told about every load's outcome (the browser's automatic recovery listens here).
    var onLoadSucceeded: @MainActor () -> Void = {}
    var onLoadFailed: @MainActor (any Error) -> Void = { _ in }

    init(dataSource: any BrowserDataSource, tracker: BusyTracker, clock: any BrowserClock, configuration: BrowserConfiguration) {
        self.dataSource = dataSource
        self.tracker = tracker
        self.clock = clock
        self.configuration = configuration
    }

    func succeeded() {
        apiStatus = nil
        lastRefresh = clock.now
        onLoadSucceeded()
    }

    func failed(_ error: any Error) {
        apiStatus = describe(error)
        onLoadFailed(error)
    }
}

/// The record under the cursor, as actions see it.
struct SelectedRecord {
    var resource: ResourceKind
    var id: String
    var json: JSONValue
    var displayName: String
}

/// What every pane offers the browser: a snapshot, cursor movement, the selected record,
/// visibility (only visible panes poll) and refresh.
@MainActor
protocol Pane: AnyObject {
    var id: PaneID { get }
    /// Short title for breadcrumbs ("invoices", "usage").
    var title: String { get }
    /// The resource whose records this pane shows (action scopes), or nil.
    var resource: ResourceKind? { get }
    /// Scope tags this pane adds for the action registry.
    var scopes: Set<ActionScope> { get }
    var selectedRecord: SelectedRecord? { get }
    /// Rows the front end shows for this pane.
    var viewportRows: Int { get set }
    func snapshot(focused: Bool) -> PaneSnapshot
    /// Cursor and scroll actions; returns false when the action is not a movement.
    func move(_ action: ActionID) -> Bool
    /// Moves the cursor to a row index (mouse).
    func select(row: Int)
    /// Called when the pane becomes visible or hidden.
    func setVisible(_ visible: Bool)
    /// Re-reads the pane's data.
    func refresh()
    /// Replaces a record's JSON everywhere this pane shows it (after an action re-read).
    func replace(recordID: String, with json: JSONValue)
}

extension Pane {
    func select(row: Int) {}
    func replace(recordID: String, with json: JSONValue) {}
}
