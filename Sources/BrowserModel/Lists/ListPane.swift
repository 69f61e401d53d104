import Foundation

/// A lazily paged, filterable, sortable table of one resource. Pages are fetched as the cursor
/// nears the end of what is loaded; rows are keyed by id so a refresh never moves the cursor to
/// another record; responses for an older query are dropped.
@MainActor
final class ListPane: Pane {
    struct Row {
        var id: String
        var json: BrowserJSON
        var cells: [CellValue]
        var role: StatusRole
        var haystack: String
    }

    let id: PaneID
    let env: PaneEnvironment
    private(set) var descriptor: ResourceDescriptor
    private(set) var request: ListRequest
    /// Pane title without counts ("invoices", "invoices · Acme").
    var title: String
    var emptyMessage: String
    /// Lines above the table (quick-filter tabs, overdue totals).
    var summary: [StyledText] = []
    /// Loads every page at once (small lists that must be complete, like the overdue view).
    var loadAll = false
    /// A fixed order that replaces the server's (overdue: days, then amount).
    var fixedOrder: ((Row, Row) -> Bool)?
    /// Called when the cursor lands on a different record.
    var onSelectionChange: (@MainActor () -> Void)?
    var extraScopes: Set<ActionScope> = []

    private var pages: [[Row]] = []
    private(set) var rows: [Row] = [] {
        didSet {
            if appending { return }
            haystacks = rows.map(\.haystack)
            rowIDs = Set(rows.map(\.id))
            rowsVersion += 1
        }
    }
    /// Ids of `rows` (each row is shown once, even when pages overlap).
    private var rowIDs: Set<String> = []
    /// Set while `rows` grows at the end and the caller updates `haystacks`/`rowIDs` itself.
    private var appending = false
    /// Each row's lower-cased filter text, in row order: what a background filter reads.
    private var haystacks: [String] = []
    /// Bumped whenever `rows` changes, so a background filter over older rows is dropped.
    private var rowsVersion = 0
    /// `rowsVersion` when `visible` was last computed.
    private var visibleVersion = -1
    /// The filter running off the main actor (large lists); a newer keystroke cancels it.
    private var filterTask: Task<Void, Never>?
    /// True while a background filter runs; the rows shown are still the previous ones.
    private(set) var filtering = false
    /// Lists at least this long are filtered off the main actor, so typing never waits for
    /// the scan (smaller lists filter in well under a millisecond, synchronously).
    static let backgroundFilterRows = 2_000
    private var nextPage: Int? = 1
    private(set) var totalCount: Int?
    private(set) var state: LoadState = .idle
    private(set) var stale = false
    /// When the rows shown were read from Lago (a cached page's fetch time), for "cached 3 min ago".
    private(set) var dataTime: Date?
    /// Items per page index that could not be read as JSON: skipped alone, counted in the title.
    private var unreadable: [Int: Int] = [:]
    private(set) var filter: RowFilter?
    var sort: SortSpec? { didSet { rebuild() } }
    private(set) var visible: [Int] = []
    private(set) var cursor = 0
    private(set) var scroll = 0
    private var cursorID: String?
    var viewportRows = 20 { didSet { if viewportRows < 1 { viewportRows = 1 }; clampScroll(); prefetchIfNeeded() } }
    private(set) var changed: [String: Set<Int>] = [:]
    private var generation = 0
    private var inflight: Set<Int> = []
    private var refreshing: Set<Int> = []
    private var isVisible = false
    private var started = false
    /// Number of list requests this pane has started (tests use it to check prefetching).
    private(set) var requestsStarted = 0

    init(id: PaneID, env: PaneEnvironment, request: ListRequest, title: String? = nil, descriptor: ResourceDescriptor? = nil) {
        self.id = id
        self.env = env
        self.request = request
        self.descriptor = descriptor ?? .of(request.resource)
        self.title = title ?? request.resource.title
        self.emptyMessage = "No \(request.resource.title)"
    }

    var resource: ResourceKind? { request.resource }
    var scopes: Set<ActionScope> { Set([.list, .record, .resource(request.resource)]).union(extraScopes) }
    var hasMore: Bool { nextPage != nil }
    var filterText: String? { filter?.text }
    var isLoading: Bool { !inflight.isEmpty }

    // MARK: query

    /// Switches to another query: clears rows and loads page 1 (if visible).
    func setRequest(_ newRequest: ListRequest, descriptor newDescriptor: ResourceDescriptor? = nil) {
        if let newDescriptor { descriptor = newDescriptor }
        guard newRequest != request || newDescriptor != nil else { return }
        request = newRequest
        resetAndLoad()
    }

    private func resetAndLoad() {
        generation += 1
        cancelBackgroundFilter()
        pages = []
        rows = []
        visible = []
        nextPage = 1
        totalCount = nil
        cursor = 0
        scroll = 0
        cursorID = nil
        changed = [:]
        inflight = []
        refreshing = []
        stale = false
        dataTime = nil
        unreadable = [:]
        state = .idle
        started = false
        if isVisible { start() }
        env.changed()
    }

    /// When set, the pane loads nothing and shows this message ("Select a customer").
    private(set) var inactiveMessage: String?

    /// Stops the pane from loading and clears it, showing `message` instead.
    func deactivate(_ message: String) {
        inactiveMessage = message
        resetAndLoad()
    }

    /// Shows `newRequest` (loading it when visible), leaving any inactive state.
    func activate(_ newRequest: ListRequest) {
        let wasInactive = inactiveMessage != nil
        inactiveMessage = nil
        if wasInactive && newRequest == request { resetAndLoad() } else { setRequest(newRequest) }
    }

    /// Starts the first load if nothing is loaded yet.
    func start() {
        guard !started, inactiveMessage == nil else { return }
        started = true
        load(page: 1)
    }

    func setVisible(_ visible: Bool) {
        isVisible = visible
        if visible { start() }
    }

    /// Re-reads every loaded page (pages are replaced in place, rows keep identity).
    func refresh() {
        guard started else { start(); return }
        changed = [:]
        let count = max(1, pages.count)
        for p in 1...count {
            refreshing.insert(p)
            load(page: p, force: true)
        }
    }

    /// Sets the local filter (nil or empty clears it). On large lists the matching runs off
    /// the main actor and the rows follow when it is done; a newer call cancels an older one.
    func setFilter(_ text: String?) {
        filter = text.flatMap { RowFilter($0) }
        guard let filter, rows.count >= Self.backgroundFilterRows else {
            rebuild()
            env.changed()
            return
        }
        cancelBackgroundFilter()
        filtering = true
        let haystacks = self.haystacks
        let version = rowsVersion
        filterTask = env.tracker.run { [weak self] in
            let matched = await Self.matching(haystacks, filter)
            guard let self, let matched, !Task.isCancelled, version == self.rowsVersion, self.filter?.text == filter.text else { return }
            self.filterTask = nil
            self.filtering = false
            self.rebuild(matched: matched)
            self.env.changed()
        }
        env.changed()
    }

    private func cancelBackgroundFilter() {
        filterTask?.cancel()
        filterTask = nil
        filtering = false
    }

    /// Indices of the rows `filter` keeps, computed on the global executor; nil if cancelled.
    @concurrent
    nonisolated private static func matching(_ haystacks: [String], _ filter: RowFilter) async -> [Int]? {
        var matched: [Int] = []
        for i in haystacks.indices {
            if i & 4095 == 0, Task.isCancelled { return nil }
            if filter.matches(lowercased: haystacks[i]) { matched.append(i) }
        }
        return matched
    }

    /// Searches on the server (`search_term`) for what is not loaded; instant cached matches
    /// are shown first when the data source has any.
    func setServerSearch(_ term: String?) {
        var r = request
        let t = term?.trimmingCharacters(in: .whitespaces)
        r.searchTerm = (t?.isEmpty ?? true) ? nil : t
        guard r != request else { return }
        filter = nil
        request = r
        resetAndLoad()
        if let term = r.searchTerm {
            let gen = generation
            let ds = env.dataSource
            env.tracker.run { [weak self] in
                let hits = await ds.searchCached(r, term: term)
                guard let self, gen == self.generation, self.pages.isEmpty, !hits.isEmpty else { return }
                self.apply(ListPageResult(items: hits, page: 1, nextPage: nil, totalCount: nil, freshness: .cached(age: nil)), page: 1, markChanges: false)
                self.nextPage = 1
            }
        }
    }

    // MARK: loading

    private func load(page: Int, force: Bool = false) {
        guard !inflight.contains(page) else { return }
        inflight.insert(page)
        requestsStarted += 1
        if state != .loading { state = rows.isEmpty ? .loading : .refreshing }
        let gen = generation
        let req = request
        let perPage = env.configuration.perPage
        let ds = env.dataSource
        env.changed()
        env.tracker.run { [weak self] in
            do {
                for try await result in ds.listPage(req, page: page, perPage: perPage, forceRefresh: force) {
                    guard let self, gen == self.generation else { return }
                    self.apply(result, page: page, markChanges: self.refreshing.contains(page))
                }
                guard let self, gen == self.generation else { return }
                self.finish(page: page, error: nil)
            } catch {
                guard let self, gen == self.generation else { return }
                self.finish(page: page, error: error)
            }
        }
    }

    private func finish(page: Int, error: (any Error)?) {
        inflight.remove(page)
        refreshing.remove(page)
        if let error {
            state = .failed(describe(error))
            // The rows on screen were not refreshed: they are the cached copy now.
            if !rows.isEmpty { stale = true }
            env.failed(error)
        } else {
            if inflight.isEmpty { state = .idle }
            env.succeeded()
        }
        env.changed()
        if error == nil { prefetchIfNeeded() }
    }

    private func apply(_ result: ListPageResult, page: Int, markChanges: Bool) {
        let old = markChanges ? Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) : [:]
        var newRows: [Row] = []
        var skipped = 0
        for item in result.items {
            // A record that is not readable JSON (or nested too deep) is skipped alone and
            // counted; the rest of its page still shows.
            guard let json = try? BrowserJSON.parse(item) else { skipped += 1; continue }
            newRows.append(makeRow(json))
        }
        if markChanges {
            for row in newRows {
                guard let before = old[row.id] else { continue }
                let diff = Set(row.cells.indices.filter { $0 < before.cells.count && before.cells[$0] != row.cells[$0] })
                if !diff.isEmpty { changed[row.id] = diff }
            }
        }
        let index = page - 1
        let appended: Bool
        if index < pages.count {
            pages[index] = newRows
            appended = false
        } else if index == pages.count {
            pages.append(newRows)
            appended = true
        } else {
            return
        }
        if page == pages.count {
            nextPage = result.nextPage
        }
        if let total = result.totalCount { totalCount = total }
        unreadable[index] = skipped == 0 ? nil : skipped
        stale = result.freshness != .fresh
        switch result.freshness {
        case .fresh: dataTime = env.clock.now.addingTimeInterval(-(result.age ?? 0))
        case let .cached(age): dataTime = (age ?? result.age).map { env.clock.now.addingTimeInterval(-$0) }
        }
        if appended {
            // A next page only adds rows at the end: no need to re-walk every loaded page
            // (that made loading a long list quadratic).
            let added = newRows.filter { rowIDs.insert($0.id).inserted }
            appending = true
            rows.append(contentsOf: added)
            appending = false
            haystacks.append(contentsOf: added.map(\.haystack))
            // Existing rows keep their indices, so the cursor's row can still be found fast.
            let visibleWasCurrent = visibleVersion == rowsVersion
            rowsVersion += 1
            if visibleWasCurrent { visibleVersion = rowsVersion }
        } else {
            var seen = Set<String>()
            rows = pages.joined().filter { seen.insert($0.id).inserted }
        }
        rebuild()
        env.changed()
    }

    func makeRow(_ json: BrowserJSON) -> Row {
        let cells = descriptor.cells(of: json)
        let id = descriptor.id(of: json)
        return Row(id: id, json: json, cells: cells, role: descriptor.rowRole(json),
                   haystack: (cells.map(\.text) + [id]).joined(separator: " ").lowercased())
    }

    func replace(recordID: String, with json: BrowserJSON) {
        var touched = false
        for p in pages.indices {
            for r in pages[p].indices where pages[p][r].id == recordID {
                pages[p][r] = makeRow(json)
                touched = true
            }
        }
        guard touched else { return }
        var seen = Set<String>()
        rows = pages.joined().filter { seen.insert($0.id).inserted }
        rebuild()
        env.changed()
    }

    /// Fetches the next page when the cursor is within a viewport of the loaded end. With a
    /// local filter on, nothing is fetched automatically (that could pull the whole list);
    /// the count says "N+" and a server search finds the rest.
    func prefetchIfNeeded() {
        guard started, let next = nextPage, inflight.isEmpty else { return }
        if case .failed = state { return }
        if loadAll { load(page: next); return }
        guard filter == nil else { return }
        let margin = max(viewportRows, 10)
        if visible.count - cursor <= margin { load(page: next) }
    }

    // MARK: view

    /// Recomputes the visible rows (filter, order) and keeps the cursor on its record.
    /// `matched` is a background filter's result for the current rows.
    private func rebuild(matched: [Int]? = nil) {
        if matched == nil { cancelBackgroundFilter() }
        var indices: [Int]
        if let matched {
            indices = matched
        } else if let filter {
            let haystacks = self.haystacks
            indices = haystacks.indices.filter { filter.matches(lowercased: haystacks[$0]) }
        } else {
            indices = Array(rows.indices)
        }
        let previousRow = visibleVersion == rowsVersion && cursor < visible.count ? visible[cursor] : nil
        if let fixedOrder {
            indices.sort { fixedOrder(rows[$0], rows[$1]) }
        }
        if let sort, sort.column < descriptor.columns.count {
            let col = sort.column
            indices = indices.enumerated().sorted { a, b in
                let ka = rows[a.element].cells[col].sortKey, kb = rows[b.element].cells[col].sortKey
                if ka == kb { return a.offset < b.offset }
                if ka == .none { return false }
                if kb == .none { return true }
                return sort.ascending ? ka < kb : kb < ka
            }.map(\.element)
        }
        let screenLine = cursor - scroll
        let previousID = cursorID
        visible = indices
        visibleVersion = rowsVersion
        if let previousID, let found = position(ofRow: previousRow, id: previousID) {
            cursor = found
        } else {
            cursor = min(cursor, max(0, visible.count - 1))
        }
        let newID = visible.isEmpty ? nil : rows[visible[cursor]].id
        cursorID = newID
        scroll = max(0, cursor - max(0, min(screenLine, viewportRows - 1)))
        clampScroll()
        if newID != previousID { onSelectionChange?() }
    }

    /// Where the record `id` (last seen at row index `row` of the same rows) now is in
    /// `visible`: a binary search when the order is the rows' own, else a scan.
    private func position(ofRow row: Int?, id: String) -> Int? {
        if let row, sort == nil, fixedOrder == nil {
            var low = 0, high = visible.count
            while low < high {
                let mid = (low + high) / 2
                if visible[mid] < row { low = mid + 1 } else { high = mid }
            }
            if low < visible.count, visible[low] == row, rows[row].id == id { return low }
            if rows.indices.contains(row), rows[row].id == id { return nil }
        }
        return visible.firstIndex(where: { rows[$0].id == id })
    }

    private func clampScroll() {
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + viewportRows { scroll = cursor - viewportRows + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - viewportRows)))
        if cursor < scroll { scroll = cursor }
    }

    func move(_ action: ActionID) -> Bool {
        switch action {
        case .cursorUp: setCursor(cursor - 1)
        case .cursorDown: setCursor(cursor + 1)
        case .pageUp: setCursor(cursor - viewportRows)
        case .pageDown: setCursor(cursor + viewportRows)
        case .top: setCursor(0)
        case .bottom: setCursor(visible.count - 1)
        default: return false
        }
        return true
    }

    func select(row: Int) { setCursor(row) }

    private func setCursor(_ index: Int) {
        guard !visible.isEmpty else { return }
        let clamped = max(0, min(index, visible.count - 1))
        let previous = cursorID
        cursor = clamped
        cursorID = rows[visible[clamped]].id
        clampScroll()
        prefetchIfNeeded()
        env.changed()
        if cursorID != previous { onSelectionChange?() }
    }

    var selectedRow: Row? { visible.isEmpty ? nil : rows[visible[cursor]] }

    var selectedRecord: SelectedRecord? {
        guard let row = selectedRow else { return nil }
        return SelectedRecord(resource: request.resource, id: row.id, json: row.json, displayName: descriptor.displayName(of: row.json))
    }

    /// "42", "100+" (more pages, total unknown), "3/42" when filtered.
    var countText: String {
        let base: String
        if let totalCount, request.searchTerm == nil || !hasMore {
            base = String(max(totalCount, rows.count))
        } else if hasMore {
            base = "\(rows.count)+"
        } else {
            base = String(rows.count)
        }
        let skipped = unreadable.values.reduce(0, +)
        let counted = filter == nil ? base : "\(visible.count)/\(base)" + (filtering ? " filtering…" : "")
        return skipped == 0 ? counted : counted + " · \(skipped) unreadable skipped"
    }

    /// Seconds since the rows shown were read from Lago, while they are a cached copy.
    var cachedAge: TimeInterval? { stale ? dataTime.map { max(0, env.clock.now.timeIntervalSince($0)) } : nil }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let end = min(visible.count, scroll + viewportRows)
        let window = scroll < end ? Array(visible[scroll..<end]) : []
        let tableRows = window.enumerated().map { offset, index -> RowSnapshot in
            let row = rows[index]
            return RowSnapshot(id: row.id, cells: row.cells.map(\.text), cellRoles: row.cells.map(\.role), role: row.role,
                               changedColumns: changed[row.id] ?? [], selected: scroll + offset == cursor)
        }
        let table = TableSnapshot(columns: descriptor.columns.map(\.snapshot), rows: tableRows, firstRowIndex: scroll,
                                  cursorIndex: visible.isEmpty ? nil : cursor, totalRows: visible.count,
                                  sort: sort.map { SortIndicator(column: $0.column, ascending: $0.ascending) }, hasMore: hasMore)
        var empty: String? = nil
        if let inactiveMessage {
            empty = inactiveMessage
        } else if visible.isEmpty {
            switch state {
            case .loading: empty = "Loading \(request.resource.title)…"
            case .failed: empty = nil
            default: empty = filter != nil && !rows.isEmpty ? "No rows match /\(filter!.text)" + (hasMore ? " (more on the server: Enter in the filter searches it)" : "") : emptyMessage
            }
        }
        return PaneSnapshot(id: id, title: TerminalSafeText.clean(title), countText: inactiveMessage == nil ? countText : "", focused: focused, state: state, stale: stale,
                            cachedAge: cachedAge,
                            filter: filter?.text, serverSearch: request.searchTerm, summary: summary, content: .table(table), emptyMessage: empty)
    }
}
