import Foundation
import LagoAPI

/// A table pane of one resource: a `ListState` (pure transitions) plus the loader that runs
/// the effects it returns (page loads, read-backs, the background filter) as tasks and feeds
/// every answer back to it. Whatever the rows do is decided in `ListState`; this class only
/// owns the tasks, the data source and the pane's place in the browser.
@MainActor
final class ListPane: Pane {
    let id: PaneID
    let env: PaneEnvironment
    private(set) var state: ListState
    /// Pane title without counts ("invoices", "invoices · Acme").
    var title: String
    var emptyMessage: String
    /// Lines above the table (quick-filter tabs, overdue totals).
    var summary: [StyledText] = []
    /// Called when the cursor lands on a different record, and when the record under the
    /// cursor becomes available after its page was read back.
    var onSelectionChange: (@MainActor () -> Void)?
    var extraScopes: Set<ActionScope> = []

    static let residentPageLimit = ListState.residentPageLimit
    static let backgroundFilterRows = ListState.backgroundFilterRows

    /// Pages being read back for their JSON.
    private var rereadTasks: [Int: Task<Void, Never>] = [:]
    /// The filter running off the main actor (large lists); a newer keystroke cancels it.
    private var filterTask: Task<Void, Never>?

    init(id: PaneID, env: PaneEnvironment, request: ListRequest, title: String? = nil, descriptor: ResourceDescriptor? = nil) {
        self.id = id
        self.env = env
        state = ListState(request: request, descriptor: descriptor ?? .of(request.resource))
        self.title = title ?? request.resource.title
        self.emptyMessage = "No \(request.resource.title)"
    }

    // MARK: facts the browser reads

    var request: ListRequest { state.request }
    var descriptor: ResourceDescriptor { state.descriptor }
    var resource: ResourceKind? { state.request.resource }
    var scopes: Set<ActionScope> { Set([.list, .record, .resource(state.request.resource)]).union(extraScopes) }
    var hasMore: Bool { state.hasMore }
    var filter: RowFilter? { state.filter }
    var filterText: String? { state.filter?.text }
    var isLoading: Bool { state.isLoading }
    var rowCount: Int { state.rowCount }
    var totalCount: Int? { state.totalCount }
    var cursor: Int { state.cursor }
    var scroll: Int { state.scroll }
    var visible: VisibleRows { state.visible }
    var changed: [String: Set<Int>] { state.changed }
    var stale: Bool { state.stale }
    var inactiveMessage: String? { state.inactiveMessage }
    var countText: String { state.countText }
    var filtering: Bool { state.filtering }

    var loadAll: Bool {
        get { state.loadAll }
        set { state.loadAll = newValue }
    }
    var fixedOrder: ((JSONValue, JSONValue) -> Bool)? {
        get { state.fixedOrder }
        set { state.fixedOrder = newValue }
    }
    var sort: SortSpec? {
        get { state.sort }
        set { run(state.setSort(newValue)) }
    }
    var viewportRows: Int {
        get { state.viewportRows }
        set { run(state.setViewportRows(newValue)) }
    }
    /// Replaced copies tolerated beyond the shown rows before the store is compacted.
    var compactionSlack: Int {
        get { state.compactionSlack }
        set { state.compactionSlack = newValue }
    }

    /// Windowing and prefetch figures for tests and the benchmark.
    struct Diagnostics {
        var requestsStarted: Int
        var rereadsStarted: Int
        /// Pages / records whose JSON is held (the window stays small).
        var residentPageCount: Int
        var residentRecordCount: Int
        /// Slots in the store, replaced copies included (compaction bounds it).
        var storeSlotCount: Int
        /// Bytes of the compact row store.
        var storeByteCount: Int
    }

    var diagnostics: Diagnostics {
        Diagnostics(requestsStarted: state.diagnostics.requestsStarted, rereadsStarted: state.diagnostics.rereadsStarted,
                    residentPageCount: state.window.pageCount, residentRecordCount: state.window.recordCount,
                    storeSlotCount: state.store.slotCount, storeByteCount: state.storeByteCount)
    }

    // MARK: transitions

    func setRequest(_ newRequest: ListRequest, descriptor newDescriptor: ResourceDescriptor? = nil) {
        run(state.setRequest(newRequest, descriptor: newDescriptor))
    }
    func deactivate(_ message: String) { run(state.deactivate(message)) }
    func activate(_ newRequest: ListRequest) { run(state.activate(newRequest)) }
    func start() { run(state.start()) }
    func setVisible(_ visible: Bool) { run(state.setVisible(visible)) }
    func refresh() { run(state.refresh()) }
    func setFilter(_ text: String?) { run(state.setFilter(text)) }
    func setServerSearch(_ term: String?) { run(state.setServerSearch(term)) }
    func replace(recordID: String, with json: JSONValue) { run(state.replace(recordID: recordID, with: json)) }
    func select(row: Int) { run(state.setCursor(row)) }

    func move(_ action: ActionID) -> Bool {
        guard let effects = state.move(action) else { return false }
        run(effects)
        return true
    }

    // MARK: marks

    var canMark: Bool { state.canMark }
    var markCount: Int { state.marks.count }
    func toggleMark() { run(state.toggleMark()) }
    func markRange() { run(state.markRange()) }
    func markAll() { run(state.markAll()) }
    func clearMarks() { run(state.clearMarks()) }
    func markedRecords() -> [MarkedInvoice] { state.markedRecords() }
    func markedJSON() -> (held: [JSONValue], missing: [String]) { state.markedJSON() }
    func markSummary() -> MarkSummary { state.markSummary() }
    /// True while `*` is fetching pages.
    var isMarkingAll: Bool { state.marks.isMarkingAll }

    // MARK: records

    var maker: RowMaker { state.maker }
    func makeRow(_ json: JSONValue) -> CompactRow { state.maker.row(json) }
    /// The record under the cursor; nil while its page is being read back.
    var selectedRecord: SelectedRecord? { state.selectedRecord() }
    /// The id of the record under the cursor (known even while its JSON is read back).
    var selectedID: String? { state.cursorSlot.map { state.store.id($0) } }
    func json(forLookupKey key: String) -> JSONValue? { state.json(forLookupKey: key) }
    /// The JSON of every row that is held, in list order (all rows for a `loadAll` list).
    var residentRecords: [JSONValue] { state.residentRecords() }
    /// Seconds since the rows shown were read from Lago, while they are a cached copy.
    var cachedAge: TimeInterval? { state.stale ? state.dataTime.map { max(0, env.clock.now.timeIntervalSince($0)) } : nil }

    // MARK: the loader

    /// Runs what a transition asked for.
    private func run(_ effects: [ListEffect]) {
        var selectionChanged = false
        var redraw = false
        for effect in effects {
            switch effect {
            case let .load(page, force, request, generation): load(page: page, force: force, request: request, generation: generation)
            case let .reread(page, request, generation): reread(page: page, request: request, generation: generation)
            case let .cancelReread(page):
                rereadTasks[page]?.cancel()
                rereadTasks[page] = nil
            case .cancelAllRereads:
                for task in rereadTasks.values { task.cancel() }
                rereadTasks = [:]
            case let .readSingle(id, key, generation): readSingle(id: id, key: key, generation: generation)
            case let .startFilter(scan, filter, version, scanned): startFilter(scan, filter, version: version, scanned: scanned)
            case .cancelFilter:
                filterTask?.cancel()
                filterTask = nil
            case let .searchCached(request, term, generation): searchCached(request, term: term, generation: generation)
            case .selectionChanged: selectionChanged = true
            case .loadSucceeded: env.succeeded()
            case let .loadFailed(error): env.failed(error)
            case .redraw: redraw = true
            }
        }
        if redraw { env.changed() }
        if selectionChanged { onSelectionChange?() }
    }

    private func load(page: Int, force: Bool, request: ListRequest, generation: Int) {
        let perPage = env.configuration.perPage
        let ds = env.dataSource
        let maker = state.maker
        env.tracker.run { [weak self] in
            do {
                for try await result in ds.listPage(request, page: page, perPage: perPage, forceRefresh: force) {
                    let built = await Self.build(result.items, page: page, maker: maker)
                    guard let self else { return }
                    self.run(self.state.pageArrived(result, built: built, page: page, generation: generation, now: self.env.clock.now))
                }
                guard let self else { return }
                self.run(self.state.loadFinished(page: page, generation: generation, error: nil))
            } catch {
                guard let self else { return }
                self.run(self.state.loadFinished(page: page, generation: generation, error: error, message: userMessage(for: error)))
            }
        }
    }

    /// Reads `page` again for its JSON, without touching the rows (in the app this is a page
    /// cache read).
    private func reread(page: Int, request: ListRequest, generation: Int) {
        let perPage = env.configuration.perPage
        let ds = env.dataSource
        let maker = state.maker
        rereadTasks[page] = env.tracker.run { [weak self] in
            var records: [(String, Data)]?
            do {
                for try await result in ds.listPage(request, page: page, perPage: perPage, forceRefresh: false) {
                    records = await Self.identify(result.items, maker: maker)
                    break
                }
            } catch {}
            guard !Task.isCancelled, let self else { return }
            self.rereadTasks[page] = nil
            self.run(self.state.rereadArrived(page: page, records: records, generation: generation))
        }
    }

    /// Reads one record by its lookup key (its page no longer holds it).
    private func readSingle(id: String, key: String, generation: Int) {
        let ds = env.dataSource
        let resource = state.request.resource
        env.tracker.run { [weak self] in
            guard let data = try? await ds.record(resource, key: key, forceRefresh: false),
                  let json = try? JSONValue.parse(data), let self else { return }
            self.run(self.state.singleArrived(id: id, json: json, generation: generation))
        }
    }

    private func startFilter(_ scan: FilterScan, _ filter: RowFilter, version: Int, scanned: Int) {
        filterTask?.cancel()
        filterTask = env.tracker.run { [weak self] in
            let matched = await Self.matching(scan, filter, rows: 0..<scanned)
            guard let self, let matched, !Task.isCancelled else { return }
            self.filterTask = nil
            self.run(self.state.filterFinished(matched, filter: filter, version: version, scanned: scanned))
        }
    }

    private func searchCached(_ request: ListRequest, term: String, generation: Int) {
        let ds = env.dataSource
        let maker = state.maker
        env.tracker.run { [weak self] in
            let hits = await ds.searchCached(request, term: term)
            let built = await Self.build(hits, page: 1, maker: maker)
            guard let self else { return }
            self.run(self.state.cachedMatchesArrived(hits, built: built, generation: generation, now: self.env.clock.now))
        }
    }

    /// Rows `filter` keeps, computed on the global executor; nil if cancelled.
    @concurrent
    nonisolated private static func matching(_ scan: FilterScan, _ filter: RowFilter, rows: Range<Int>) async -> [Int]? {
        scan.matchingRows(filter, rows: rows, cancellable: true)
    }

    /// Turns a page's items into rows (items that are not JSON objects are skipped). Large
    /// pages are done off the main actor, one record at a time, so a page arriving never
    /// delays a keystroke and only one parsed record exists at once.
    static func build(_ items: [Data], page: Int, maker: RowMaker) async -> [BuiltRow] {
        if items.reduce(0, { $0 + $1.count }) < 32_768 { return maker.rows(items, page: page) }
        return await buildElsewhere(items, page: page, maker: maker)
    }

    /// Each item's record id and JSON, off the main actor (a read-back needs no cells).
    @concurrent
    nonisolated private static func identify(_ items: [Data], maker: RowMaker) async -> [(String, Data)]? {
        var out: [(String, Data)] = []
        for data in items {
            if Task.isCancelled { return nil }
            guard let json = try? JSONValue.parse(data) else { continue }
            out.append((maker.descriptor.id(of: json), data))
        }
        return out
    }

    @concurrent
    nonisolated private static func buildElsewhere(_ items: [Data], page: Int, maker: RowMaker) async -> [BuiltRow] {
        maker.rows(items, page: page)
    }

    // MARK: view

    func snapshot(focused: Bool) -> PaneSnapshot {
        let table = TableSnapshot(columns: state.descriptor.columns.map(\.snapshot), rows: state.visibleRowSnapshots(), firstRowIndex: state.scroll,
                                  cursorIndex: state.visible.isEmpty ? nil : state.cursor, totalRows: state.visible.count,
                                  sort: state.sort.map { SortIndicator(column: $0.column, ascending: $0.ascending) }, hasMore: state.hasMore)
        var empty: String? = nil
        if let inactiveMessage = state.inactiveMessage {
            empty = inactiveMessage
        } else if state.visible.isEmpty {
            switch state.loadState {
            case .loading: empty = "Loading \(state.request.resource.title)…"
            case .failed: empty = nil
            default:
                if let filter = state.filter, state.rowCount > 0 {
                    empty = "No rows match /\(filter.text)" + (state.hasMore ? " (more on the server: Enter in the filter searches it)" : "")
                } else {
                    empty = emptyMessage
                }
            }
        }
        var count = state.inactiveMessage == nil ? state.countText : ""
        if let marks = state.markText() { count += (count.isEmpty ? "" : " · ") + marks }
        return PaneSnapshot(id: id, title: TextSanitizer.clean(title), countText: count, focused: focused, state: state.loadState, stale: state.stale,
                            cachedAge: cachedAge,
                            filter: state.filter?.text, serverSearch: state.request.searchTerm, summary: summary, content: .table(table), emptyMessage: empty)
    }
}
