import Foundation

/// Parsed JSON of the few list pages around the cursor (issue 8): a list keeps every loaded
/// row compactly in a `RowStore` and the full record only here, so memory does not grow with
/// how far someone scrolled. Least recently used pages go first; the page being looked at is
/// never evicted.
struct ResidentWindow {
    /// Most pages kept (`Int.max`: all, for lists that must be complete such as overdue).
    var limit: Int
    private var pages: [Int: [String: BrowserJSON]] = [:]
    /// Page numbers, least recently used first.
    private var recency: [Int] = []
    /// Records read one by one (when a re-read page no longer held them), newest last.
    private var singles: [(id: String, json: BrowserJSON)] = []
    static let singleLimit = 4

    init(limit: Int) {
        self.limit = limit
    }

    /// Number of pages whose JSON is held.
    var pageCount: Int { pages.count }

    /// Number of records whose JSON is held (tests check it stays bounded).
    var recordCount: Int { pages.values.reduce(0) { $0 + $1.count } + singles.count }

    func contains(page: Int) -> Bool { pages[page] != nil }

    /// Keeps `records` as `page`'s JSON and makes it the most recent page; evicts the least
    /// recently used pages past the limit, never one in `pinned`.
    mutating func store(page: Int, records: [(String, BrowserJSON)], pinned: Set<Int>) {
        pages[page] = Dictionary(records, uniquingKeysWith: { a, _ in a })
        touch(page)
        evict(keeping: pinned.union([page]))
    }

    /// Marks `page` as just used.
    mutating func touch(_ page: Int) {
        guard pages[page] != nil else { return }
        if let i = recency.lastIndex(of: page) { recency.remove(at: i) }
        recency.append(page)
    }

    mutating func evict(keeping pinned: Set<Int>) {
        var i = 0
        while pages.count > limit, i < recency.count {
            let page = recency[i]
            if pinned.contains(page) {
                i += 1
                continue
            }
            recency.remove(at: i)
            pages[page] = nil
        }
    }

    /// The JSON of record `id`, looking in `page` first.
    func json(id: String, page: Int?) -> BrowserJSON? {
        if let page, let found = pages[page]?[id] { return found }
        for p in recency.reversed() where p != page {
            if let found = pages[p]?[id] { return found }
        }
        return singles.last(where: { $0.id == id })?.json
    }

    /// Every held record of a page, nil when the page is not held.
    func records(page: Int) -> [String: BrowserJSON]? { pages[page] }

    /// Keeps one record read on its own.
    mutating func storeSingle(id: String, json: BrowserJSON) {
        singles.removeAll { $0.id == id }
        singles.append((id, json))
        if singles.count > Self.singleLimit { singles.removeFirst(singles.count - Self.singleLimit) }
    }

    /// Replaces record `id` wherever it is held (after an action re-read it); keeps it as a
    /// single record when no held page has it.
    mutating func update(id: String, json: BrowserJSON) {
        var found = false
        for p in Array(pages.keys) where pages[p]?[id] != nil {
            pages[p]?[id] = json
            found = true
        }
        if let i = singles.lastIndex(where: { $0.id == id }) {
            singles[i].json = json
            found = true
        }
        if !found { storeSingle(id: id, json: json) }
    }

    mutating func removeAll() {
        pages = [:]
        recency = []
        singles = []
    }
}

/// The rows a list shows, as row indices: every row in order (no filter, no sort: stored as a
/// count, so a million rows cost nothing to "list"), or an explicit list.
struct VisibleRows {
    private var all: Int?
    private(set) var list: [Int]
    /// True when the indices increase (so a row's position is found by binary search).
    private(set) var ascending: Bool

    static func everyRow(_ count: Int) -> VisibleRows { VisibleRows(all: count, list: [], ascending: true) }

    init(_ list: [Int], ascending: Bool) {
        self.init(all: nil, list: list, ascending: ascending)
    }

    private init(all: Int?, list: [Int], ascending: Bool) {
        self.all = all
        self.list = list
        self.ascending = ascending
    }

    var count: Int { all ?? list.count }
    var isEmpty: Bool { count == 0 }

    subscript(position: Int) -> Int { all == nil ? list[position] : position }

    /// The rows as an explicit array (for re-sorting or extending).
    var indices: [Int] { all.map { Array(0..<$0) } ?? list }

    /// Where row `row` is shown, if it is.
    func position(ofRow row: Int) -> Int? {
        if let all { return row < all ? row : nil }
        if ascending {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid] < row { low = mid + 1 } else { high = mid }
            }
            return low < list.count && list[low] == row ? low : nil
        }
        return list.firstIndex(of: row)
    }
}
