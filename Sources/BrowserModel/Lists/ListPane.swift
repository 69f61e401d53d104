import Foundation
import LagoAPI

/// A lazily paged, filterable, sortable table of one resource. Pages are fetched as the cursor
/// nears the end of what is loaded; rows are keyed by id so a refresh never moves the cursor to
/// another record; responses for an older query are dropped.
///
/// Every loaded row is kept compactly (`RowStore`: ids, cell texts, filter text, roles, sort
/// keys in byte arenas); full records only for the few pages around the cursor
/// (`ResidentWindow`). When the cursor lands on a row whose page is not held, its cells still
/// draw at once and the page is read back (from the page cache in the app), during which
/// `selectedRecord` is nil (issue 8).
@MainActor
final class ListPane: Pane {
    let id: PaneID
    let env: PaneEnvironment
    private(set) var descriptor: ResourceDescriptor
    private(set) var request: ListRequest
    /// Pane title without counts ("invoices", "invoices · Acme").
    var title: String
    var emptyMessage: String
    /// Lines above the table (quick-filter tabs, overdue totals).
    var summary: [StyledText] = []
    /// Loads every page at once (small lists that must be complete, like the overdue view);
    /// such a list also keeps every record's JSON.
    var loadAll = false {
        didSet { window.limit = loadAll ? Int.max : Self.residentPageLimit }
    }
    /// A fixed order that replaces the server's (overdue: days, then amount); compares records'
    /// JSON, so it is meant for `loadAll` lists (rows without JSON go last).
    var fixedOrder: ((JSONValue, JSONValue) -> Bool)?
    /// Called when the cursor lands on a different record, and when the record under the
    /// cursor becomes available after its page was read back.
    var onSelectionChange: (@MainActor () -> Void)?
    var extraScopes: Set<ActionScope> = []

    /// Most pages whose JSON a list keeps (the cursor's, its neighbours', a few recent ones).
    static let residentPageLimit = 4

    private var store: RowStore
    /// Slot of each row, in list order; each record once, even when pages overlap.
    private var order: [Int32] = []
    /// Row index of each slot; -1 for slots no row shows (replaced or dropped records).
    private var rowOfSlot: [Int32] = []
    /// Slots of each loaded page's records in the page's order (an entry may name a slot that
    /// a newer copy of the same record replaced; `RowStore.newestSlot` resolves it).
    private var pageSlots: [[Int32]] = []
    private var window = ResidentWindow(limit: ListPane.residentPageLimit)
    /// Pages being read back for their JSON.
    private var rereading: [Int: Task<Void, Never>] = [:]
    /// Number of page read-backs started (tests check the windowing with it).
    private(set) var rereadsStarted = 0
    /// Bumped whenever rows change place (not when rows are only added at the end), so a
    /// background filter over an older order is dropped.
    private var orderVersion = 0
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
    var sort: SortSpec? { didSet { rebuild(.order) } }
    private(set) var visible = VisibleRows.everyRow(0)
    private(set) var cursor = 0
    private(set) var scroll = 0
    private var cursorID: String?
    var viewportRows = 20 { didSet { if viewportRows < 1 { viewportRows = 1 }; clampScroll(); prefetchIfNeeded(); keepCursorResident() } }
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
        let descriptor = descriptor ?? .of(request.resource)
        self.descriptor = descriptor
        store = RowStore(columnCount: descriptor.columns.count)
        self.title = title ?? request.resource.title
        self.emptyMessage = "No \(request.resource.title)"
    }

    var resource: ResourceKind? { request.resource }
    var scopes: Set<ActionScope> { Set([.list, .record, .resource(request.resource)]).union(extraScopes) }
    var hasMore: Bool { nextPage != nil }
    var filterText: String? { filter?.text }
    var isLoading: Bool { !inflight.isEmpty }
    /// Number of loaded rows (each record once).
    var rowCount: Int { order.count }
    /// Number of pages whose JSON is held (tests: the window stays small).
    var residentPageCount: Int { window.pageCount }
    /// Number of records whose JSON is held.
    var residentRecordCount: Int { window.recordCount }
    /// Slots in the store, replaced copies included (tests: compaction bounds it).
    var storeSlotCount: Int { store.slotCount }
    /// Replaced copies tolerated beyond the shown rows before the store is compacted.
    var compactionSlack = 4_096
    /// Bytes of the compact row store (the benchmark reports it).
    var storeByteCount: Int { store.byteCount + order.count * 4 + rowOfSlot.count * 4 + pageSlots.reduce(0) { $0 + $1.count * 4 } }

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
        state = .idle
        started = false
        if isVisible { start() }
        env.changed()
    }

    private func clearRows() {
        store = RowStore(columnCount: descriptor.columns.count)
        order = []
        rowOfSlot = []
        pageSlots = []
        window.removeAll()
        for task in rereading.values { task.cancel() }
        rereading = [:]
        visible = .everyRow(0)
        orderVersion += 1
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
        let count = max(1, pageSlots.count)
        for p in 1...count {
            refreshing.insert(p)
            load(page: p, force: true)
        }
    }

    /// Sets the local filter (nil or empty clears it). On large lists the matching runs off
    /// the main actor and the rows follow when it is done; a newer call cancels an older one.
    func setFilter(_ text: String?) {
        filter = text.flatMap { RowFilter($0) }
        guard let filter, order.count >= Self.backgroundFilterRows else {
            rebuild(.filter)
            env.changed()
            return
        }
        startBackgroundFilter(filter)
        env.changed()
    }

    /// Filters every row off the main actor; rows added meanwhile are matched when it is done.
    private func startBackgroundFilter(_ filter: RowFilter) {
        cancelBackgroundFilter()
        filtering = true
        let scan = FilterScan(store: store, order: order)
        let version = orderVersion
        let scanned = order.count
        filterTask = env.tracker.run { [weak self] in
            let matched = await Self.matching(scan, filter, rows: 0..<scanned)
            guard let self, let matched, !Task.isCancelled, self.filter?.text == filter.text else { return }
            self.filterTask = nil
            self.filtering = false
            guard version == self.orderVersion else {
                self.rebuild(.filter)
                self.env.changed()
                return
            }
            let added = self.matchRows(filter, scanned..<self.order.count)
            self.rebuild(.filter, matched: matched + added)
            self.env.changed()
        }
    }

    private func cancelBackgroundFilter() {
        filterTask?.cancel()
        filterTask = nil
        filtering = false
    }

    /// Rows `filter` keeps, computed on the global executor; nil if cancelled.
    @concurrent
    nonisolated private static func matching(_ scan: FilterScan, _ filter: RowFilter, rows: Range<Int>) async -> [Int]? {
        scan.matchingRows(filter, rows: rows, cancellable: true)
    }

    /// Rows among `rows` that `filter` keeps, on this actor.
    private func matchRows(_ filter: RowFilter, _ rows: Range<Int>) -> [Int] {
        guard !rows.isEmpty else { return [] }
        return FilterScan(store: store, order: order).matchingRows(filter, rows: rows, cancellable: false) ?? []
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
                guard let maker = self?.maker else { return }
                let built = await Self.build(hits, page: 1, maker: maker)
                guard let self, gen == self.generation, self.pageSlots.isEmpty, !hits.isEmpty else { return }
                self.apply(ListPageResult(items: hits, page: 1, nextPage: nil, totalCount: nil, freshness: .cached(age: nil)),
                           built: built, page: 1, markChanges: false)
                self.nextPage = 1
            }
        }
    }

    // MARK: loading

    private func load(page: Int, force: Bool = false) {
        guard !inflight.contains(page) else { return }
        inflight.insert(page)
        requestsStarted += 1
        if state != .loading { state = order.isEmpty ? .loading : .refreshing }
        let gen = generation
        let req = request
        let perPage = env.configuration.perPage
        let ds = env.dataSource
        let maker = self.maker
        env.changed()
        env.tracker.run { [weak self] in
            do {
                for try await result in ds.listPage(req, page: page, perPage: perPage, forceRefresh: force) {
                    let built = await Self.build(result.items, page: page, maker: maker)
                    guard let self, gen == self.generation else { return }
                    self.apply(result, built: built, page: page, markChanges: self.refreshing.contains(page))
                }
                guard let self, gen == self.generation else { return }
                self.finish(page: page, error: nil)
            } catch {
                guard let self, gen == self.generation else { return }
                self.finish(page: page, error: error)
            }
        }
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

    private func finish(page: Int, error: (any Error)?) {
        inflight.remove(page)
        refreshing.remove(page)
        if let error {
            state = .failed(describe(error))
            // The rows on screen were not refreshed: they are the cached copy now.
            if !order.isEmpty { stale = true }
            env.failed(error)
        } else {
            if inflight.isEmpty { state = .idle }
            env.succeeded()
        }
        env.changed()
        if error == nil { prefetchIfNeeded() }
    }

    /// Takes in one page: new records are added at the end, a re-read page replaces its rows
    /// in place (a changed record gets a new slot; the cursor stays on its record).
    private func apply(_ result: ListPageResult, built: [BuiltRow], page: Int, markChanges: Bool) {
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
                let s = store.append(record: b.record, haystack: b.row.haystack.utf8)
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
                let row = b.row, encoded = b.record
                if let s = store.slot(forID: row.id), rowOfSlot[Int(s)] >= 0 {
                    if store.record(s, equals: encoded, haystack: row.haystack) {
                        slots.append(s)
                        continue
                    }
                    if markChanges {
                        let before = store.cells(s), beforeRoles = store.cellRoles(s)
                        let diff = Set(row.cells.indices.filter { $0 < before.count && (before[$0] != row.cells[$0].text || beforeRoles[$0] != row.cells[$0].role) })
                        if !diff.isEmpty { changed[row.id] = diff }
                    }
                    let n = store.append(record: encoded, haystack: row.haystack.utf8)
                    let r = rowOfSlot[Int(s)]
                    rowOfSlot.append(r)
                    rowOfSlot[Int(s)] = -1
                    order[Int(r)] = n
                    slots.append(n)
                    contentChanged = true
                } else {
                    slots.append(store.append(record: encoded, haystack: row.haystack.utf8))
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
        case .fresh: dataTime = env.clock.now.addingTimeInterval(-(result.age ?? 0))
        case let .cached(age): dataTime = (age ?? result.age).map { env.clock.now.addingTimeInterval(-$0) }
        }
        compactIfNeeded()
        rebuild(change)
        env.changed()
    }

    /// The order of rows from the pages, each record once (where it first appears).
    private func rebuildOrder() {
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
    private func compactIfNeeded() {
        guard store.slotCount > 2 * order.count + compactionSlack else { return }
        var fresh = RowStore(columnCount: store.columnCount)
        var map = [Int32](repeating: -1, count: store.slotCount)
        for s in order { map[Int(s)] = fresh.appendCopy(of: s, from: store) }
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
        orderVersion += 1
        cancelBackgroundFilter()
    }

    /// Makes rows with this pane's columns.
    var maker: RowMaker { RowMaker(descriptor: descriptor, resource: request.resource) }

    func makeRow(_ json: JSONValue) -> CompactRow { maker.row(json) }

    func replace(recordID: String, with json: JSONValue) {
        guard let s = store.slot(forID: recordID), rowOfSlot[Int(s)] >= 0 else { return }
        let row = makeRow(json)
        let n = store.append(row, page: store.page(s))
        let r = rowOfSlot[Int(s)]
        rowOfSlot.append(r)
        rowOfSlot[Int(s)] = -1
        order[Int(r)] = n
        window.update(id: recordID, json: json)
        compactIfNeeded()
        rebuild(.contentChanged)
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
    private func keepCursorResident() {
        guard !visible.isEmpty, started else { return }
        let cursorPage = store.page(order[visible[cursor]])
        window.touch(cursorPage)
        // A read-back for a page the cursor already left (key repeat) is not needed any more.
        for (page, task) in rereading where page != cursorPage {
            task.cancel()
            rereading[page] = nil
        }
        if !window.contains(page: cursorPage) { reread(page: cursorPage) }
    }

    /// Reads `page` again for its JSON, without touching the rows (in the app this is a page
    /// cache read). If the record under the cursor is not on it any more (the list shifted),
    /// reads that record on its own.
    private func reread(page: Int) {
        guard rereading[page] == nil, !inflight.contains(page) else { return }
        rereadsStarted += 1
        let gen = generation
        let req = request
        let perPage = env.configuration.perPage
        let ds = env.dataSource
        let maker = self.maker
        rereading[page] = env.tracker.run { [weak self] in
            var records: [(String, Data)]?
            do {
                for try await result in ds.listPage(req, page: page, perPage: perPage, forceRefresh: false) {
                    records = await Self.identify(result.items, maker: maker)
                    break
                }
            } catch {}
            guard !Task.isCancelled, let self, gen == self.generation else { return }
            self.rereading[page] = nil
            let wasMissing = self.selectedRecord == nil
            if let records {
                self.window.store(page: page, records: records, pinned: self.pinnedPages())
            }
            if wasMissing, self.selectedRecord == nil, let slot = self.cursorSlot, self.store.page(slot) == page {
                await self.readSingle(slot: slot, gen: gen)
                return
            }
            if wasMissing, self.selectedRecord != nil {
                self.onSelectionChange?()
                self.env.changed()
            }
        }
    }

    /// Reads the record in `slot` by its lookup key (its page no longer holds it).
    private func readSingle(slot: Int32, gen: Int) async {
        let id = store.id(slot)
        let key = store.lookupKey(slot)
        let ds = env.dataSource
        let resource = request.resource
        guard let data = try? await ds.record(resource, key: key, forceRefresh: false),
              let json = try? JSONValue.parse(data), gen == generation else { return }
        window.storeSingle(id: id, json: json)
        if cursorID == id {
            onSelectionChange?()
            env.changed()
        }
    }

    /// The slot of the row under the cursor.
    private var cursorSlot: Int32? { visible.isEmpty ? nil : order[visible[cursor]] }

    /// The held JSON of a record by its lookup key (`external_id` for subscriptions), if any.
    func json(forLookupKey key: String) -> JSONValue? {
        for s in order where store.lookupKey(s) == key {
            return json(ofSlot: s)
        }
        return nil
    }

    /// The JSON of every row that is held, in list order (all rows for a `loadAll` list).
    var residentRecords: [JSONValue] {
        order.compactMap { json(ofSlot: $0) }
    }

    /// The held JSON of the record in `slot`, if any.
    private func json(ofSlot slot: Int32) -> JSONValue? {
        window.json(id: store.id(slot), page: store.page(slot))
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
    private func rebuild(_ change: RowChange, matched: [Int]? = nil) {
        var rows: [Int]?
        if filter == nil { cancelBackgroundFilter() }
        if let matched {
            rows = matched
        } else if let filter {
            switch change {
            case .none:
                return
            case .appended where filterTask != nil:
                // The running filter matches the added rows when it is done.
                return
            case .appended(let from) where sort == nil && fixedOrder == nil:
                rows = visible.indices + matchRows(filter, from..<order.count)
            case .contentChanged where order.count >= Self.backgroundFilterRows:
                // Every row kept its index: the rows shown stay valid while the filter reruns.
                startBackgroundFilter(filter)
                return
            case .order where filterTask == nil:
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
        if newID != previousID { onSelectionChange?() }
    }

    /// Where the record `id` now is in `visible`, if it is shown.
    private func position(of id: String) -> Int? {
        guard let slot = store.slot(forID: id), rowOfSlot.indices.contains(Int(slot)) else { return nil }
        let row = rowOfSlot[Int(slot)]
        return row >= 0 ? visible.position(ofRow: Int(row)) : nil
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
        cursorID = store.id(order[visible[clamped]])
        clampScroll()
        prefetchIfNeeded()
        keepCursorResident()
        env.changed()
        if cursorID != previous { onSelectionChange?() }
    }

    /// The record under the cursor; nil while its page is being read back.
    var selectedRecord: SelectedRecord? {
        guard let slot = cursorSlot else { return nil }
        let id = store.id(slot)
        guard let json = json(ofSlot: slot) else { return nil }
        return SelectedRecord(resource: request.resource, id: id, json: json, displayName: descriptor.displayName(of: json))
    }

    /// The id of the record under the cursor (known even while its JSON is read back).
    var selectedID: String? { cursorSlot.map { store.id($0) } }

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

    /// Seconds since the rows shown were read from Lago, while they are a cached copy.
    var cachedAge: TimeInterval? { stale ? dataTime.map { max(0, env.clock.now.timeIntervalSince($0)) } : nil }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let end = min(visible.count, scroll + viewportRows)
        let tableRows = (scroll..<max(scroll, end)).map { position -> RowSnapshot in
            let slot = order[visible[position]]
            let id = store.id(slot)
            return RowSnapshot(id: id, cells: store.cells(slot), cellRoles: store.cellRoles(slot), role: store.rowRole(slot),
                               changedColumns: changed[id] ?? [], selected: position == cursor)
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
            default: empty = filter != nil && !order.isEmpty ? "No rows match /\(filter!.text)" + (hasMore ? " (more on the server: Enter in the filter searches it)" : "") : emptyMessage
            }
        }
        return PaneSnapshot(id: id, title: TextSanitizer.clean(title), countText: inactiveMessage == nil ? countText : "", focused: focused, state: state, stale: stale,
                            cachedAge: cachedAge,
                            filter: filter?.text, serverSearch: request.searchTerm, summary: summary, content: .table(table), emptyMessage: empty)
    }
}
