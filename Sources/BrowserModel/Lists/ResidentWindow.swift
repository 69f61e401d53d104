import Foundation
import LagoAPI

/// The records of the few list pages around the cursor (issue 8): a list keeps every loaded
/// row compactly in a `RowStore` and the full record only here, so memory does not grow with
/// how far someone scrolled. Records are held as the JSON bytes the page brought (a few KB
/// each, where a parsed tree takes ~14 KB) and parsed when asked for, the last few parsed
/// ones kept. Least recently used pages go first; the pages being looked at are never evicted.
struct ResidentWindow {
    /// A held record: as it came, or parsed (after an action re-read it).
    enum Held {
        case bytes(Data)
        case parsed(JSONValue)
    }

    /// Most pages kept (`Int.max`: all, for lists that must be complete such as overdue).
    var limit: Int
    private var pages: [Int: [String: Held]] = [:]
    /// Page numbers, least recently used first.
    private var recency: [Int] = []
    /// Records read one by one (when a re-read page no longer held them), newest last.
    private var singles: [(id: String, json: JSONValue)] = []
    static let singleLimit = 4
    /// Records parsed lately, newest last (the cursor's record is asked for on every frame).
    private var parsed: [(id: String, json: JSONValue)] = []
    static let parsedLimit = 8

    init(limit: Int) {
        self.limit = limit
    }

    /// Number of pages whose records are held.
    var pageCount: Int { pages.count }

    /// Number of records held (tests check it stays bounded).
    var recordCount: Int { pages.values.reduce(0) { $0 + $1.count } + singles.count }

    func contains(page: Int) -> Bool { pages[page] != nil }

    /// Keeps `records` (id, JSON bytes) as `page`'s and makes it the most recent page; evicts
    /// the least recently used pages past the limit, never one in `pinned`.
    mutating func store(page: Int, records: [(String, Data)], pinned: Set<Int>) {
        var held: [String: Held] = [:]
        held.reserveCapacity(records.count)
        for (id, data) in records where held[id] == nil { held[id] = .bytes(data) }
        pages[page] = held
        parsed.removeAll { held[$0.id] != nil }
        touch(page)
        evict(keeping: pinned.union([page]))
    }

    /// Marks `page` as just used.
    mutating func touch(_ page: Int) {
        guard pages[page] != nil else { return }
        if recency.last == page { return }
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
            if let gone = pages.removeValue(forKey: page) {
                parsed.removeAll { gone[$0.id] != nil }
            }
        }
    }

    /// The JSON of record `id`, looking in `page` first; parsed on demand.
    mutating func json(id: String, page: Int?) -> JSONValue? {
        if let hit = parsed.last(where: { $0.id == id }) { return hit.json }
        guard let held = find(id: id, page: page) else {
            return singles.last(where: { $0.id == id })?.json
        }
        switch held {
        case .parsed(let json):
            return json
        case .bytes(let data):
            guard let json = try? JSONValue.parse(data) else { return nil }
            if limit == Int.max {
                // A list that holds every record (overdue) orders and sums them all: keep the
                // parsed copy instead of parsing each record again for every page that arrives.
                for p in Array(pages.keys) where pages[p]?[id] != nil { pages[p]?[id] = .parsed(json) }
                return json
            }
            parsed.append((id, json))
            if parsed.count > Self.parsedLimit { parsed.removeFirst(parsed.count - Self.parsedLimit) }
            return json
        }
    }

    private func find(id: String, page: Int?) -> Held? {
        if let page, let found = pages[page]?[id] { return found }
        for p in recency.reversed() where p != page {
            if let found = pages[p]?[id] { return found }
        }
        return nil
    }

    /// Keeps one record read on its own.
    mutating func storeSingle(id: String, json: JSONValue) {
        singles.removeAll { $0.id == id }
        singles.append((id, json))
        if singles.count > Self.singleLimit { singles.removeFirst(singles.count - Self.singleLimit) }
    }

    /// Replaces record `id` wherever it is held (after an action re-read it); keeps it as a
    /// single record when no held page has it.
    mutating func update(id: String, json: JSONValue) {
        var found = false
        for p in Array(pages.keys) where pages[p]?[id] != nil {
            pages[p]?[id] = .parsed(json)
            found = true
        }
        parsed.removeAll { $0.id == id }
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
        parsed = []
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
