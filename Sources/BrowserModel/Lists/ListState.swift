import Foundation
import LagoAPI

/// The state of one lazily paged, filterable, sortable, markable list, with no I/O: every
/// change is a `mutating` transition that returns the `ListEffect`s to run (loads, read-backs,
/// a background filter), the way async-http-client's connection-pool state machine returns
/// actions. Tests drive it with scripted pages and no tasks or clocks; `ListPane` runs the
/// effects and feeds answers back.
///
/// Every loaded row is kept compactly (`RowStore`: ids, cell texts, filter text, roles, sort
/// keys in byte arenas); full records only for the few pages around the cursor
/// (`ResidentWindow`). When the cursor lands on a row whose page is not held, its cells still
/// draw at once and the page is read back, during which `selectedRecord` is nil.
struct ListState {
    /// Most pages whose JSON a list keeps (the cursor's, its neighbours', a few recent ones).
    static let residentPageLimit = 4
    /// Lists at least this long are filtered off the main actor, so typing never waits for
    /// the scan (smaller lists filter in well under a millisecond, synchronously).
    static let backgroundFilterRows = 2_000

    private(set) var descriptor: ResourceDescriptor
    private(set) var request: ListRequest
    /// Loads every page at once (small lists that must be complete, like the overdue view);
    /// such a list also keeps every record's JSON.
    var loadAll = false {
        didSet { window.limit = loadAll ? Int.max : Self.residentPageLimit }
    }
    /// A fixed order that replaces the server's (overdue: days, then amount); compares records'
    /// JSON, so it is meant for `loadAll` lists (rows without JSON go last).
    var fixedOrder: ((JSONValue, JSONValue) -> Bool)?
    /// Replaced copies tolerated beyond the shown rows before the store is compacted.
    var compactionSlack = 4_096

    private(set) var store: RowStore
    /// Invoice facts of each slot (eligibility and money for marks), for invoice lists.
    private(set) var facts = InvoiceFactsColumn()
    /// Slot of each row, in list order; each record once, even when pages overlap.
    private(set) var order: [Int32] = []
    /// Row index of each slot; -1 for slots no row shows (replaced or dropped records).
    private var rowOfSlot: [Int32] = []
    /// Slots of each loaded page's records in the page's order (an entry may name a slot that
    /// a newer copy of the same record replaced; `RowStore.newestSlot` resolves it).
    private var pageSlots: [[Int32]] = []
    private(set) var window = ResidentWindow(limit: ListState.residentPageLimit)
    /// Pages being read back for their JSON.
    private var rereading: Set<Int> = []
    /// Bumped whenever rows change place (not when rows are only added at the end), so a
    /// background filter over an older order is dropped.
    private(set) var orderVersion = 0
    /// True while a background filter runs; the rows shown are still the previous ones.
    private(set) var filtering = false
    private(set) var nextPage: Int? = 1
    private(set) var totalCount: Int?
    private(set) var loadState: LoadState = .idle
    private(set) var stale = false
    /// When the rows shown were read from Lago (a cached page's fetch time), for "cached 3 min ago".
    private(set) var dataTime: Date?
    /// Items per page index that could not be read as JSON: skipped alone, counted in the title.
    private var unreadable: [Int: Int] = [:]
    private(set) var filter: RowFilter?
    private(set) var sort: SortSpec?
    private(set) var visible = VisibleRows.everyRow(0)
    private(set) var cursor = 0
    private(set) var scroll = 0
    private(set) var cursorID: String?
    private(set) var viewportRows = 20
    private(set) var changed: [String: Set<Int>] = [:]
    private(set) var generation = 0
    private(set) var inflight: Set<Int> = []
    private var refreshing: Set<Int> = []
    private var isVisible = false
    private(set) var started = false
    /// When set, the list loads nothing and shows this message ("Select a customer").
    private(set) var inactiveMessage: String?
    /// Marked records, with `*`'s all-pages progress (see ListState+Marks).
    var marks = MarkSet()
    /// Counters the tests and benchmarks read.
    private(set) var diagnostics = ListDiagnostics()

    /// Effects the transition under way asked for.
    private var pending: [ListEffect] = []

    init(request: ListRequest, descriptor: ResourceDescriptor) {
        self.request = request
        self.descriptor = descriptor
        store = RowStore(columnCount: descriptor.columns.count)
    }

    var hasMore: Bool { nextPage != nil }
    var isLoading: Bool { !inflight.isEmpty }
    /// Number of loaded rows (each record once).
    var rowCount: Int { order.count }
    /// Makes rows with this list's columns.
    var maker: RowMaker { RowMaker(descriptor: descriptor, resource: request.resource) }

    /// Hands the effects collected so far to the caller.
    mutating func drain() -> [ListEffect] {
        defer { pending = [] }
        return pending
    }

    mutating func emit(_ effect: ListEffect) { pending.append(effect) }

    // MARK: query

    /// Switches to another query: clears rows and loads page 1 (if visible).
    mutating func setRequest(_ newRequest: ListRequest, descriptor newDescriptor: ResourceDescriptor? = nil) -> [ListEffect] {
        if let newDescriptor { descriptor = newDescriptor }
        guard newRequest != request || newDescriptor != nil else { return [] }
        request = newRequest
        resetAndLoad()
        return drain()
    }

    private mutating func resetAndLoad() {
        generation += 1
        cancelBackgroundFilter()
        clearRows()
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
        loadState = .idle
        started = false
        marks.stopMarkingAll()
        if isVisible { startLoading() }
        emit(.redraw)
    }

    private mutating func clearRows() {
        store = RowStore(columnCount: descriptor.columns.count)
        facts = InvoiceFactsColumn()
        order = []
        rowOfSlot = []
        pageSlots = []
        window.removeAll()
        rereading = []
        emit(.cancelAllRereads)
        visible = .everyRow(0)
        orderVersion += 1
        marks.invalidateSummary()
    }

    /// Stops the list from loading and clears it, showing `message` instead.
    mutating func deactivate(_ message: String) -> [ListEffect] {
        inactiveMessage = message
        resetAndLoad()
        return drain()
    }

    /// Shows `newRequest` (loading it when visible), leaving any inactive state.
    mutating func activate(_ newRequest: ListRequest) -> [ListEffect] {
        let wasInactive = inactiveMessage != nil
        inactiveMessage = nil
        if wasInactive && newRequest == request {
            resetAndLoad()
            return drain()
        }
        return setRequest(newRequest)
    }

    /// Starts the first load if nothing is loaded yet.
    mutating func start() -> [ListEffect] {
        startLoading()
        return drain()
    }

    private mutating func startLoading() {
        guard !started, inactiveMessage == nil else { return }
        started = true
        load(page: 1)
    }

    mutating func setVisible(_ visible: Bool) -> [ListEffect] {
        isVisible = visible
        if visible { startLoading() }
        return drain()
    }

    /// Re-reads every loaded page (pages are replaced in place, rows keep identity).
    mutating func refresh() -> [ListEffect] {
        guard started else { return start() }
        changed = [:]
        let count = max(1, pageSlots.count)
        for p in 1...count {
            refreshing.insert(p)
            load(page: p, force: true)
        }
        return drain()
    }

    mutating func setViewportRows(_ rows: Int) -> [ListEffect] {
        viewportRows = max(1, rows)
        clampScroll()
        prefetchIfNeeded()
        keepCursorResident()
        return drain()
    }

    mutating func setSort(_ spec: SortSpec?) -> [ListEffect] {
        sort = spec
        rebuild(.order)
        return drain()
    }

    // MARK: filtering

    /// Sets the local filter (nil or empty clears it). On large lists the matching runs off
    /// the main actor and the rows follow when it is done; a newer call supersedes an older one.
    mutating func setFilter(_ text: String?) -> [ListEffect] {
        filter = text.flatMap { RowFilter($0) }
        if let filter, order.count >= Self.backgroundFilterRows {
            startBackgroundFilter(filter)
        } else {
            rebuild(.filter)
        }
        emit(.redraw)
        return drain()
    }

    /// Filters every row off the main actor; rows added meanwhile are matched when it is done.
    private mutating func startBackgroundFilter(_ filter: RowFilter) {
        cancelBackgroundFilter()
        filtering = true
        emit(.startFilter(FilterScan(store: store, order: order), filter, version: orderVersion, scanned: order.count))
    }

    private mutating func cancelBackgroundFilter() {
        guard filtering else { return }
        filtering = false
        emit(.cancelFilter)
    }

    /// A background filter's matches for rows `0..<scanned` of the order `version`.
    mutating func filterFinished(_ matched: [Int], filter finished: RowFilter, version: Int, scanned: Int) -> [ListEffect] {
        guard filtering, filter?.text == finished.text else { return [] }
        filtering = false
        if version != orderVersion {
            rebuild(.filter)
        } else {
            let added = matchRows(finished, scanned..<order.count)
            rebuild(.filter, matched: matched + added)
        }
        if marks.readyToMarkAll { markEveryVisibleRow() }
        emit(.redraw)
        return drain()
    }

    /// Rows among `rows` that `filter` keeps.
    private func matchRows(_ filter: RowFilter, _ rows: Range<Int>) -> [Int] {
        guard !rows.isEmpty else { return [] }
        return FilterScan(store: store, order: order).matchingRows(filter, rows: rows, cancellable: false) ?? []
    }

    /// Searches on the server (`search_term`) for what is not loaded; instant cached matches
    /// are shown first when the data source has any.
    mutating func setServerSearch(_ term: String?) -> [ListEffect] {
        var r = request
        let t = term?.trimmingCharacters(in: .whitespaces)
        r.searchTerm = (t?.isEmpty ?? true) ? nil : t
        guard r != request else { return [] }
        filter = nil
        request = r
        resetAndLoad()
        if let term = r.searchTerm { emit(.searchCached(r, term: term, generation: generation)) }
        return drain()
    }

    /// Cached matches of a server search, shown until the server's answer arrives.
    mutating func cachedMatchesArrived(_ hits: [Data], built: [BuiltRow], generation gen: Int, now: Date) -> [ListEffect] {
        guard gen == generation, pageSlots.isEmpty, !hits.isEmpty else { return [] }
        apply(ListPageResult(items: hits, page: 1, nextPage: nil, totalCount: nil, freshness: .cached(age: nil)),
              built: built, page: 1, markChanges: false, now: now)
        nextPage = 1
        return drain()
    }

    // MARK: loading

    private mutating func load(page: Int, force: Bool = false) {
        guard !inflight.contains(page) else { return }
        inflight.insert(page)
        diagnostics.requestsStarted += 1
        if loadState != .loading { loadState = order.isEmpty ? .loading : .refreshing }
        emit(.redraw)
        emit(.load(page: page, force: force, request: request, generation: generation))
    }

    /// One page of an answer to `.load` (a cached copy may come before the fresh one).
    mutating func pageArrived(_ result: ListPageResult, built: [BuiltRow], page: Int, generation gen: Int, now: Date) -> [ListEffect] {
        guard gen == generation else { return [] }
        apply(result, built: built, page: page, markChanges: refreshing.contains(page), now: now)
        return drain()
    }

    /// A `.load` ended; `message` describes `error` for the status line.
    mutating func loadFinished(page: Int, generation gen: Int, error: (any Error)?, message: String = "") -> [ListEffect] {
        guard gen == generation else { return [] }
        inflight.remove(page)
        refreshing.remove(page)
        if let error {
            loadState = .failed(message)
            // The rows on screen were not refreshed: they are the cached copy now.
            if !order.isEmpty { stale = true }
            emit(.loadFailed(error))
        } else {
            if inflight.isEmpty { loadState = .idle }
            emit(.loadSucceeded)
        }
        emit(.redraw)
        if error == nil { prefetchIfNeeded() }
        marks.pagesChanged(loaded: order.count, total: totalCount, complete: nextPage == nil, failed: error != nil)
        if marks.readyToMarkAll { markEveryVisibleRow() }
        return drain()
    }

    /// Takes in one page: new records are added at the end, a re-read page replaces its rows
    /// in place (a changed record gets a new slot; the cursor stays on its record).
    private mutating func apply(_ result: ListPageResult, built: [BuiltRow], page: Int, markChanges: Bool, now: Date) {
        let index = page - 1
        guard index <= pageSlots.count else { return }
        var slots: [Int32] = []
        slots.reserveCapacity(built.count)
        let change: RowChange
        if index == pageSlots.count {
            // A next page only adds rows at the end: no need to re-walk every loaded page
            // (that made loading a long list quadratic). A record already shown keeps its row.
            let firstNew = order.count
            for b in built {
                if let s = store.slot(forID: b.row.id), rowOfSlot[Int(s)] >= 0 {
                    slots.append(s)
                    continue
                }
                let s = appendSlot(b)
                rowOfSlot.append(Int32(order.count))
                order.append(s)
                slots.append(s)
            }
            pageSlots.append(slots)
            change = .appended(from: firstNew)
        } else {
            var placed = true
            var contentChanged = false
            for b in built {
                let row = b.row
                if let s = store.slot(forID: row.id), rowOfSlot[Int(s)] >= 0 {
                    if store.record(s, equals: b.record, haystack: row.haystack) {
                        slots.append(s)
                        continue
                    }
                    if markChanges {
                        let before = store.cells(s), beforeRoles = store.cellRoles(s)
                        let diff = Set(row.cells.indices.filter { $0 < before.count && (before[$0] != row.cells[$0].text || beforeRoles[$0] != row.cells[$0].role) })
                        if !diff.isEmpty { changed[row.id] = diff }
                    }
                    let n = appendSlot(b)
                    let r = rowOfSlot[Int(s)]
                    rowOfSlot.append(r)
                    rowOfSlot[Int(s)] = -1
                    order[Int(r)] = n
                    slots.append(n)
                    contentChanged = true
                } else {
                    slots.append(appendSlot(b))
                    rowOfSlot.append(-1)
                    placed = false
                }
            }
            let before = pageSlots[index].map { store.newestSlot(sameIDAs: $0) }
            pageSlots[index] = slots
            if !placed || before != slots {
                rebuildOrder()
                change = .reordered
            } else {
                change = contentChanged ? .contentChanged : .none
            }
        }
        window.store(page: page, records: built.map { ($0.row.id, $0.json) }, pinned: pinnedPages())
        if page == pageSlots.count {
            nextPage = result.nextPage
        }
        if let total = result.totalCount { totalCount = total }
        // Records that are not readable JSON (or nested too deep) were skipped alone by
        // `RowMaker.rows`; they are counted in the title, and the rest of the page shows.
        let skipped = max(0, result.items.count - built.count)
        unreadable[index] = skipped == 0 ? nil : skipped
        stale = result.freshness != .fresh
        switch result.freshness {
        case .fresh: dataTime = now.addingTimeInterval(-(result.age ?? 0))
        case let .cached(age): dataTime = (age ?? result.age).map { now.addingTimeInterval(-$0) }
        }
        compactIfNeeded()
        marks.invalidateSummary()
        rebuild(change)
        emit(.redraw)
    }

    /// Stores a built row in a new slot, with its invoice facts.
    private mutating func appendSlot(_ b: BuiltRow) -> Int32 {
        let s = store.append(record: b.record, haystack: b.row.haystack.utf8)
        facts.set(b.facts, slot: s)
        return s
    }

    /// The order of rows from the pages, each record once (where it first appears).
    private mutating func rebuildOrder() {
        var newOrder: [Int32] = []
        newOrder.reserveCapacity(order.count)
        var newRowOfSlot = [Int32](repeating: -1, count: store.slotCount)
        for p in pageSlots.indices {
            for i in pageSlots[p].indices {
                let s = store.newestSlot(sameIDAs: pageSlots[p][i])
                pageSlots[p][i] = s
                if newRowOfSlot[Int(s)] < 0 {
                    newRowOfSlot[Int(s)] = Int32(newOrder.count)
                    newOrder.append(s)
                }
            }
        }
        order = newOrder
        rowOfSlot = newRowOfSlot
        orderVersion += 1
        cancelBackgroundFilter()
    }

    /// Copies the shown rows into a fresh store once replaced copies outnumber them, so
    /// refreshing a changing list for hours does not grow the store.
    private mutating func compactIfNeeded() {
        guard store.slotCount > 2 * order.count + compactionSlack else { return }
        var fresh = RowStore(columnCount: store.columnCount)
        var freshFacts = InvoiceFactsColumn()
        var map = [Int32](repeating: -1, count: store.slotCount)
        for s in order {
            let n = fresh.appendCopy(of: s, from: store)
            map[Int(s)] = n
            freshFacts.set(facts[s], slot: n)
        }
        for p in pageSlots.indices {
            pageSlots[p] = pageSlots[p].compactMap { s in
                let m = map[Int(store.newestSlot(sameIDAs: s))]
                return m >= 0 ? m : nil
            }
        }
        order = order.map { map[Int($0)] }
        rowOfSlot = [Int32](repeating: -1, count: fresh.slotCount)
        for (r, s) in order.enumerated() { rowOfSlot[Int(s)] = Int32(r) }
        store = fresh
        facts = freshFacts
        orderVersion += 1
        cancelBackgroundFilter()
    }

    /// Puts a re-read record in place of the shown one (after an action).
    mutating func replace(recordID: String, with json: JSONValue) -> [ListEffect] {
        guard let s = store.slot(forID: recordID), rowOfSlot[Int(s)] >= 0 else { return [] }
        let row = maker.row(json)
        let n = store.append(row, page: store.page(s))
        facts.set(request.resource == .invoices ? InvoiceFacts(json) : nil, slot: n)
        let r = rowOfSlot[Int(s)]
        rowOfSlot.append(r)
        rowOfSlot[Int(s)] = -1
        order[Int(r)] = n
        window.update(id: recordID, json: json)
        compactIfNeeded()
        marks.invalidateSummary()
        rebuild(.contentChanged)
        emit(.redraw)
        return drain()
    }

    /// Fetches the next page when the cursor is within a viewport of the loaded end. With a
    /// local filter on, nothing is fetched automatically (that could pull the whole list);
    /// the count says "N+" and a server search finds the rest. `*` fetches every page.
    private mutating func prefetchIfNeeded() {
        guard started, let next = nextPage, inflight.isEmpty else { return }
        if case .failed = loadState { return }
        if loadAll || marks.isMarkingAll { load(page: next); return }
        guard filter == nil else { return }
        let margin = max(viewportRows, 10)
        if visible.count - cursor <= margin { load(page: next) }
    }

    /// Loads the pages `*` needs (every page of the server query), at once.
    mutating func loadRemainingPages() {
        prefetchIfNeeded()
    }

    // MARK: resident JSON

    /// Pages whose JSON the cursor needs now or after a page move either way.
    private func pinnedPages() -> Set<Int> {
        guard !visible.isEmpty else { return [] }
        let positions = [cursor, max(0, cursor - viewportRows), min(visible.count - 1, cursor + viewportRows)]
        // `visible` may still describe the rows before a page was taken in.
        return Set(positions.compactMap { $0 < visible.count && visible[$0] < order.count ? store.page(order[visible[$0]]) : nil })
    }

    /// Makes sure the record under the cursor is (or will soon be) held as JSON: its page is
    /// read back when not held. Neighbouring pages stay held while the cursor is near them but
    /// are not read back ahead: each read-back parses a page, and while someone holds a key
    /// that work would only compete with the frames and the filter for the CPU.
    private mutating func keepCursorResident() {
        guard !visible.isEmpty, started else { return }
        let cursorPage = store.page(order[visible[cursor]])
        window.touch(cursorPage)
        // A read-back for a page the cursor already left (key repeat) is not needed any more.
        for page in rereading where page != cursorPage {
            rereading.remove(page)
            emit(.cancelReread(page: page))
        }
        if !window.contains(page: cursorPage) { reread(page: cursorPage) }
    }

    private mutating func reread(page: Int) {
        guard !rereading.contains(page), !inflight.contains(page) else { return }
        diagnostics.rereadsStarted += 1
        rereading.insert(page)
        emit(.reread(page: page, request: request, generation: generation))
    }

    /// A read-back's records (nil when it failed). If the record under the cursor is not on
    /// the page any more (the list shifted), that record is read on its own.
    mutating func rereadArrived(page: Int, records: [(String, Data)]?, generation gen: Int) -> [ListEffect] {
        guard gen == generation, rereading.contains(page) else { return [] }
        rereading.remove(page)
        let wasMissing = selectedRecord() == nil
        if let records {
            window.store(page: page, records: records, pinned: pinnedPages())
        }
        if wasMissing, selectedRecord() == nil, let slot = cursorSlot, store.page(slot) == page {
            emit(.readSingle(id: store.id(slot), key: store.lookupKey(slot), generation: gen))
        } else if wasMissing, selectedRecord() != nil {
            emit(.selectionChanged)
            emit(.redraw)
        }
        return drain()
    }

    /// The record `.readSingle` asked for.
    mutating func singleArrived(id: String, json: JSONValue, generation gen: Int) -> [ListEffect] {
        guard gen == generation else { return [] }
        window.storeSingle(id: id, json: json)
        if cursorID == id {
            emit(.selectionChanged)
            emit(.redraw)
        }
        return drain()
    }

    /// The slot of the row under the cursor.
    var cursorSlot: Int32? { visible.isEmpty ? nil : order[visible[cursor]] }

    /// The held JSON of a record by its lookup key (`external_id` for subscriptions), if any.
    mutating func json(forLookupKey key: String) -> JSONValue? {
        for s in order where store.lookupKey(s) == key {
            return json(ofSlot: s)
        }
        return nil
    }

    /// The JSON of every row that is held, in list order (all rows for a `loadAll` list).
    mutating func residentRecords() -> [JSONValue] {
        order.compactMap { json(ofSlot: $0) }
    }

    /// The held JSON of the record in `slot`, if any.
    mutating func json(ofSlot slot: Int32) -> JSONValue? {
        window.json(id: store.id(slot), page: store.page(slot))
    }

    /// The record under the cursor; nil while its page is being read back.
    mutating func selectedRecord() -> SelectedRecord? {
        guard let slot = cursorSlot else { return nil }
        let id = store.id(slot)
        guard let json = json(ofSlot: slot) else { return nil }
        return SelectedRecord(resource: request.resource, id: id, json: json, displayName: descriptor.displayName(of: json))
    }

    // MARK: view

    /// What changed in the rows since `visible` was computed.
    private enum RowChange {
        /// Nothing about the rows (a page re-read with the same content).
        case none
        /// Rows were added at the end from this row index; earlier rows kept their indices.
        case appended(from: Int)
        /// Some rows' contents changed in place; every row kept its index.
        case contentChanged
        /// Rows changed places or were removed.
        case reordered
        /// The filter changed.
        case filter
        /// The sort changed.
        case order
    }

    /// Recomputes the visible rows (filter, order) and keeps the cursor on its record.
    /// `matched` is a background filter's result for the current rows.
    private mutating func rebuild(_ change: RowChange, matched: [Int]? = nil) {
        var rows: [Int]?
        if filter == nil { cancelBackgroundFilter() }
        if let matched {
            rows = matched
        } else if let filter {
            switch change {
            case .none:
                return
            case .appended where filtering:
                // The running filter matches the added rows when it is done.
                return
            case .appended(let from) where sort == nil && fixedOrder == nil:
                rows = visible.indices + matchRows(filter, from..<order.count)
            case .contentChanged where order.count >= Self.backgroundFilterRows:
                // Every row kept its index: the rows shown stay valid while the filter reruns.
                startBackgroundFilter(filter)
                return
            case .order where !filtering:
                // Same filter, new order: the matching rows are the ones shown.
                rows = visible.indices.sorted()
            default:
                cancelBackgroundFilter()
                rows = matchRows(filter, 0..<order.count)
            }
        } else if case .none = change {
            return
        }
        var next: VisibleRows
        if let rows {
            next = VisibleRows(rows, ascending: true)
        } else {
            next = .everyRow(order.count)
        }
        if let fixedOrder {
            let records = next.indices.map { json(ofSlot: order[$0]) }
            let sorted = records.indices.sorted { a, b in
                guard let ra = records[a] else { return false }
                guard let rb = records[b] else { return true }
                return fixedOrder(ra, rb)
            }
            let all = next.indices
            next = VisibleRows(sorted.map { all[$0] }, ascending: false)
        }
        if let sort, sort.column < descriptor.columns.count {
            let col = sort.column
            let all = next.indices
            let keys = all.map { store.sortKey(order[$0], column: col) }
            let sorted = all.indices.sorted { a, b in
                let ka = keys[a], kb = keys[b]
                if ka == kb { return a < b }
                if ka == .none { return false }
                if kb == .none { return true }
                return sort.ascending ? ka < kb : kb < ka
            }
            next = VisibleRows(sorted.map { all[$0] }, ascending: false)
        }
        let screenLine = cursor - scroll
        let previousID = cursorID
        visible = next
        if let previousID, let found = position(of: previousID) {
            cursor = found
        } else {
            cursor = min(cursor, max(0, visible.count - 1))
        }
        let newID = cursorSlot.map { store.id($0) }
        cursorID = newID
        scroll = max(0, cursor - max(0, min(screenLine, viewportRows - 1)))
        clampScroll()
        keepCursorResident()
        if newID != previousID { emit(.selectionChanged) }
    }

    /// Where the record `id` now is in `visible`, if it is shown.
    func position(of id: String) -> Int? {
        guard let slot = store.slot(forID: id), rowOfSlot.indices.contains(Int(slot)) else { return nil }
        let row = rowOfSlot[Int(slot)]
        return row >= 0 ? visible.position(ofRow: Int(row)) : nil
    }

    private mutating func clampScroll() {
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + viewportRows { scroll = cursor - viewportRows + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - viewportRows)))
        if cursor < scroll { scroll = cursor }
    }

    /// Cursor movement; nil when `action` is not a movement.
    mutating func move(_ action: ActionID) -> [ListEffect]? {
        switch action {
        case .cursorUp: return setCursor(cursor - 1)
        case .cursorDown: return setCursor(cursor + 1)
        case .pageUp: return setCursor(cursor - viewportRows)
        case .pageDown: return setCursor(cursor + viewportRows)
        case .top: return setCursor(0)
        case .bottom: return setCursor(visible.count - 1)
        default: return nil
        }
    }

    mutating func setCursor(_ index: Int) -> [ListEffect] {
        guard !visible.isEmpty else { return [] }
        let clamped = max(0, min(index, visible.count - 1))
        let previous = cursorID
        cursor = clamped
        cursorID = store.id(order[visible[clamped]])
        clampScroll()
        prefetchIfNeeded()
        keepCursorResident()
        emit(.redraw)
        if cursorID != previous { emit(.selectionChanged) }
        return drain()
    }

    /// "42", "100+" (more pages, total unknown), "3/42" when filtered.
    var countText: String {
        let base: String
        if let totalCount, request.searchTerm == nil || !hasMore {
            base = String(max(totalCount, order.count))
        } else if hasMore {
            base = "\(order.count)+"
        } else {
            base = String(order.count)
        }
        let skipped = unreadable.values.reduce(0, +)
        let counted = filter == nil ? base : "\(visible.count)/\(base)" + (filtering ? " filtering…" : "")
        return skipped == 0 ? counted : counted + " · \(skipped) unreadable skipped"
    }

    /// The rows in view, with marks.
    func visibleRowSnapshots() -> [RowSnapshot] {
        let end = min(visible.count, scroll + viewportRows)
        return (scroll..<max(scroll, end)).map { position -> RowSnapshot in
            let slot = order[visible[position]]
            let id = store.id(slot)
            return RowSnapshot(id: id, cells: store.cells(slot), cellRoles: store.cellRoles(slot), role: store.rowRole(slot),
                               changedColumns: changed[id] ?? [], selected: position == cursor, mark: markState(id: id, slot: slot))
        }
    }

    /// Byte and count figures of the compact store (tests and the benchmark).
    var storeByteCount: Int {
        store.byteCount + facts.byteCount + order.count * 4 + rowOfSlot.count * 4 + pageSlots.reduce(0) { $0 + $1.count * 4 }
    }
}

/// Counters a list keeps only so tests and benchmarks can check its windowing and prefetching.
struct ListDiagnostics: Equatable {
    /// List requests started.
    var requestsStarted = 0
    /// Page read-backs started.
    var rereadsStarted = 0
}
