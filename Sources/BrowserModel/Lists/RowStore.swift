import Foundation
import LagoAPI

/// One row as the descriptor computed it from a record's JSON, before it goes into a
/// `RowStore` (transient: the store keeps only its bytes).
struct CompactRow {
    var id: String
    /// The key `GET /<resource>/{key}` needs, when it differs from `id`.
    var lookupKey: String?
    var cells: [CellValue]
    var role: StatusRole
    /// Lower-cased text the `/` filter searches: cells and id, space-separated.
    var haystack: String

    init(id: String, lookupKey: String?, cells: [CellValue], role: StatusRole) {
        self.id = id
        self.lookupKey = lookupKey == id ? nil : lookupKey
        self.cells = cells
        self.role = role
        let text = (cells.map(\.text) + [id]).joined(separator: " ").lowercased()
        // 0x00 ends a haystack in the store (cells cannot hold it; a malformed id could).
        haystack = text.utf8.contains(RowStore.haystackTerminator) ? text.replacingOccurrences(of: "\u{0}", with: " ") : text
    }
}

/// Every loaded row of a list, compactly: a few hundred bytes per row in two byte arenas
/// instead of a parsed JSON tree, cell strings and a filter string per row (issue 8: 100,000
/// invoices took 1.4 GB that way). Rows live in append-only *slots*; a changed row gets a new
/// slot and the old one is left dead (`ListState` decides which slots are shown, and compacts).
///
/// Per slot, the `records` arena holds: a flags byte and LEB128 lengths (id, lookup key,
/// cells, sort texts, page, and the haystack's length when the id is not stored apart), the
/// row role and each cell's role, each column's sort-key kind, then the id (unless it is the
/// haystack's tail, as lower-case ids are), the lookup key, the cell texts joined by 0x1F and
/// the sort texts that differ from the cells, joined by 0x1F. The `haystacks` arena holds each
/// slot's lower-cased filter text followed by a 0x00 byte, so a plain-text filter is one
/// search pass over whole chunks.
struct RowStore {
    /// Separates cell texts; never in a cell (`TextSanitizer` replaces control characters).
    static let cellSeparator: UInt8 = 0x1F
    /// Ends each haystack; no filter needle contains it, so a match never spans two rows.
    static let haystackTerminator: UInt8 = 0x00

    private enum SortKind: UInt8 { case none = 0, cellText, text, number }

    let columnCount: Int
    private(set) var records = ByteArena()
    private(set) var haystacks = ByteArena()
    /// Where each slot's record starts.
    private var recordAt: [ByteArena.Address] = []
    /// Where each slot's haystack starts (increasing with the slot number).
    private(set) var haystackAt: [ByteArena.Address] = []
    private var index = IDIndex()

    init(columnCount: Int) {
        self.columnCount = columnCount
    }

    /// Number of slots, dead ones included.
    var slotCount: Int { recordAt.count }

    /// Bytes held by the arenas and per-slot arrays (tests and the benchmark report it).
    var byteCount: Int {
        records.byteCount + haystacks.byteCount + slotCount * 8 + index.byteCount
    }

    /// Stores `row` (read from `page`) in a new slot, which becomes the slot `slot(forID:)` finds.
    mutating func append(_ row: CompactRow, page: Int) -> Int32 {
        append(record: encode(row, page: page), haystack: row.haystack.utf8)
    }

    /// The bytes `row` is stored as (see the type's comment).
    func encode(_ row: CompactRow, page: Int) -> [UInt8] { Self.encode(row, page: page, columnCount: columnCount) }

    /// The bytes `row` is stored as in a store of `columnCount` columns (callable off the
    /// main actor, before the row reaches the store).
    static func encode(_ row: CompactRow, page: Int, columnCount: Int) -> [UInt8] {
        precondition(row.cells.count == columnCount, "row has \(row.cells.count) cells, store has \(columnCount) columns")
        let id = Array(row.id.utf8), key = row.lookupKey.map { Array($0.utf8) } ?? []
        var cells: [UInt8] = []
        var sorts: [UInt8] = []
        var kinds: [UInt8] = []
        var extras = 0
        for (i, cell) in row.cells.enumerated() {
            if i > 0 { cells.append(Self.cellSeparator) }
            cells.append(contentsOf: cell.text.utf8)
            let extra: String?
            switch cell.sortKey {
            case .none: kinds.append(SortKind.none.rawValue); extra = nil
            case .text(let t) where t == cell.text: kinds.append(SortKind.cellText.rawValue); extra = nil
            case .text(let t): kinds.append(SortKind.text.rawValue); extra = t
            case .number(let d): kinds.append(SortKind.number.rawValue); extra = d.description
            }
            if let extra {
                if extras > 0 { sorts.append(Self.cellSeparator) }
                extras += 1
                sorts.append(contentsOf: extra.utf8.map { $0 == Self.cellSeparator ? 0x20 : $0 })
            }
        }
        // The haystack ends with " " + id; when that tail is the id itself (lower-case ids, as
        // Lago's UUIDs are), the id is read from there instead of being stored twice.
        let hay = row.haystack.utf8
        let idInHaystack = !id.isEmpty && hay.count >= id.count && hay.suffix(id.count).elementsEqual(id)
            && (hay.count == id.count || hay[hay.index(hay.endIndex, offsetBy: -id.count - 1)] == 0x20)
        // Cells that are the haystack's start with some ASCII letters upper-cased are stored as
        // each cell's length and a bit mask of those letters instead of the text again.
        var cellsDerived = false
        if let derived = derivedCells(row.cells, joined: cells, haystack: hay) {
            cells = derived
            cellsDerived = true
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 + 1 + 2 * columnCount + id.count + key.count + cells.count + sorts.count)
        bytes.append((idInHaystack ? 1 : 0) | (cellsDerived ? 2 : 0))
        for length in [id.count, key.count, cells.count, sorts.count, max(0, page)] + (idInHaystack ? [hay.count] : []) {
            appendLEB128(length, to: &bytes)
        }
        bytes.append(row.role.code)
        bytes.append(contentsOf: row.cells.map(\.role.code))
        bytes.append(contentsOf: kinds)
        if !idInHaystack { bytes.append(contentsOf: id) }
        bytes.append(contentsOf: key)
        bytes.append(contentsOf: cells)
        bytes.append(contentsOf: sorts)
        return bytes
    }

    /// The cells as each one's length (LEB128) and a bit mask of the upper-case ASCII letters
    /// (left out when there are none), when the haystack starts with them space-joined and
    /// differing only in those letters; nil otherwise (then the text is stored as it is).
    private static func derivedCells(_ cells: [CellValue], joined: [UInt8], haystack: String.UTF8View) -> [UInt8]? {
        guard joined.count <= haystack.count else { return nil }
        var mask = [UInt8](repeating: 0, count: (joined.count + 7) / 8)
        var upper = false
        var i = 0
        for h in haystack.prefix(joined.count) {
            // Bytes of non-ASCII characters must be the same in the haystack (a "€" is, an
            // "Ä" is not: its row keeps its cell text).
            let b = joined[i]
            let isUpper = b >= 0x41 && b <= 0x5A
            let expected: UInt8 = b == cellSeparator ? 0x20 : (isUpper ? b | 0x20 : b)
            guard h == expected else { return nil }
            if isUpper {
                mask[i >> 3] |= 1 << UInt8(i & 7)
                upper = true
            }
            i += 1
        }
        var out: [UInt8] = []
        for cell in cells { appendLEB128(cell.text.utf8.count, to: &out) }
        if upper { out += mask }
        return out
    }

    private static func appendLEB128(_ value: Int, to bytes: inout [UInt8]) {
        var v = UInt(max(0, value))
        repeat {
            bytes.append(UInt8(v & 0x7F) | (v > 0x7F ? 0x80 : 0))
            v >>= 7
        } while v > 0
    }

    /// Stores an encoded record and its haystack in a new slot.
    mutating func append<H: Collection>(record: [UInt8], haystack: H) -> Int32 where H.Element == UInt8 {
        recordAt.append(records.append(record))
        haystackAt.append(haystacks.append(haystack, terminator: Self.haystackTerminator))
        let slot = Int32(recordAt.count - 1)
        var moved = index
        index = IDIndex()
        moved.insert(slot, in: self)
        index = moved
        return slot
    }

    /// Copies `slot` of `other` (a store with the same columns) into a new slot of this one.
    mutating func appendCopy(of slot: Int32, from other: RowStore) -> Int32 {
        let l = other.layout(slot)
        let record = Array(UnsafeRawBufferPointer(start: l.base, count: l.totalLength))
        let hay = other.haystacks.pointer(other.haystackAt[Int(slot)])
        let haystack = UnsafeRawBufferPointer(start: hay, count: strlen(hay.assumingMemoryBound(to: CChar.self)))
        return append(record: record, haystack: haystack)
    }

    /// True when `slot` holds exactly the encoded record `bytes` with this haystack.
    func record(_ slot: Int32, equals bytes: [UInt8], haystack: String) -> Bool {
        let l = layout(slot)
        guard l.totalLength == bytes.count,
              bytes.withUnsafeBytes({ memcmp(l.base, $0.baseAddress!, bytes.count) == 0 }) else { return false }
        let stored = haystacks.pointer(haystackAt[Int(slot)])
        var haystack = haystack
        return haystack.withUTF8 { h in
            strlen(stored.assumingMemoryBound(to: CChar.self)) == h.count && (h.count == 0 || memcmp(stored, h.baseAddress!, h.count) == 0)
        }
    }

    // MARK: reading a slot

    private struct Layout {
        var base: UnsafeRawPointer
        var idLength = 0, keyLength = 0, cellsLength = 0, sortLength = 0, page = 0
        /// Where the id is when it is the haystack's tail, else nil (it follows the kinds).
        var idInHaystack: UnsafeRawPointer?
        /// True when the cells section holds lengths and an upper-case mask over the haystack.
        var cellsDerived = false
        var headerLength = 0
        var columns: Int
        /// Bytes of the whole record.
        var totalLength: Int { headerLength + 1 + 2 * columns + (idInHaystack == nil ? idLength : 0) + keyLength + cellsLength + sortLength }
        var roles: UnsafeRawPointer { base + headerLength }
        var kinds: UnsafeRawPointer { base + headerLength + 1 + columns }
        private var afterKinds: UnsafeRawPointer { base + headerLength + 1 + 2 * columns }
        var id: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: idInHaystack ?? afterKinds, count: idLength) }
        var key: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: afterKinds + (idInHaystack == nil ? idLength : 0), count: keyLength) }
        var cells: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: key.baseAddress! + keyLength, count: cellsLength) }
        var sorts: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: cells.baseAddress! + cellsLength, count: sortLength) }
    }

    private func layout(_ slot: Int32) -> Layout {
        let base = records.pointer(recordAt[Int(slot)])
        var l = Layout(base: base, columns: columnCount)
        var at = 1
        func next() -> Int {
            var value = 0, shift = 0
            while true {
                let b = base.load(fromByteOffset: at, as: UInt8.self)
                at += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }
        l.idLength = next()
        l.keyLength = next()
        l.cellsLength = next()
        l.sortLength = next()
        l.page = next()
        let flags = base.load(as: UInt8.self)
        l.cellsDerived = flags & 2 != 0
        if flags & 1 != 0 {
            let haystackLength = next()
            l.idInHaystack = haystacks.pointer(haystackAt[Int(slot)]) + (haystackLength - l.idLength)
        }
        l.headerLength = at
        return l
    }

    /// The record id of `slot`.
    func id(_ slot: Int32) -> String { String(decoding: layout(slot).id, as: UTF8.self) }

    /// The id's bytes (valid while the store lives; for hashing and comparing without a String).
    func idBytes(_ slot: Int32) -> UnsafeRawBufferPointer { layout(slot).id }

    /// True when `slot`'s id is `id`, without making a String.
    func id(_ slot: Int32, is id: String) -> Bool {
        var id = id
        let stored = layout(slot).id
        return id.withUTF8 { $0.count == stored.count && (stored.count == 0 || memcmp($0.baseAddress!, stored.baseAddress!, stored.count) == 0) }
    }

    /// The key `GET /<resource>/{key}` reads `slot`'s record by.
    func lookupKey(_ slot: Int32) -> String {
        let l = layout(slot)
        return String(decoding: l.keyLength == 0 ? l.id : l.key, as: UTF8.self)
    }

    /// The display text of each cell.
    func cells(_ slot: Int32) -> [String] {
        let l = layout(slot)
        guard l.cellsDerived else {
            return l.cells.split(separator: Self.cellSeparator, maxSplits: columnCount, omittingEmptySubsequences: false)
                .map { String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self) }
        }
        let section = l.cells
        var at = 0
        var lengths: [Int] = []
        lengths.reserveCapacity(columnCount)
        for _ in 0..<columnCount {
            var value = 0, shift = 0
            while true {
                let b = section[at]
                at += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            lengths.append(value)
        }
        let mask = UnsafeRawBufferPointer(rebasing: section[at...])
        let haystack = haystacks.pointer(haystackAt[Int(slot)])
        var position = 0
        return lengths.map { length in
            var bytes = Array(UnsafeRawBufferPointer(start: haystack + position, count: length))
            if !mask.isEmpty {
                for j in 0..<length {
                    let bit = position + j
                    if mask[bit >> 3] & (1 << UInt8(bit & 7)) != 0 { bytes[j] &= ~0x20 }
                }
            }
            position += length + 1
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Colour role of the whole row.
    func rowRole(_ slot: Int32) -> StatusRole { StatusRole(code: layout(slot).roles.load(as: UInt8.self)) }

    /// Colour role of each cell.
    func cellRoles(_ slot: Int32) -> [StatusRole] {
        let roles = layout(slot).roles
        return (0..<columnCount).map { StatusRole(code: roles.load(fromByteOffset: 1 + $0, as: UInt8.self)) }
    }

    /// The page `slot` was read from.
    func page(_ slot: Int32) -> Int { layout(slot).page }

    /// The lower-cased filter text of `slot` (for regular expressions, which run per row).
    func haystack(_ slot: Int32) -> String {
        let p = haystacks.pointer(haystackAt[Int(slot)])
        return String(cString: p.assumingMemoryBound(to: CChar.self))
    }

    /// Sort keys of `column` for the given slots, as `SortKey`s (made when a sort is asked for).
    func sortKey(_ slot: Int32, column: Int) -> SortKey {
        let l = layout(slot)
        let kind = SortKind(rawValue: l.kinds.load(fromByteOffset: column, as: UInt8.self)) ?? .none
        switch kind {
        case .none: return .none
        case .cellText:
            return .text(cells(slot)[column])
        case .text, .number:
            var extraIndex = 0
            for c in 0..<column {
                let k = SortKind(rawValue: l.kinds.load(fromByteOffset: c, as: UInt8.self)) ?? .none
                if k == .text || k == .number { extraIndex += 1 }
            }
            let part = l.sorts.split(separator: Self.cellSeparator, maxSplits: columnCount, omittingEmptySubsequences: false)[extraIndex]
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: part), as: UTF8.self)
            if kind == .text { return .text(text) }
            return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).map { .number($0) } ?? .text(text)
        }
    }

    /// Columns whose text or role differ between two slots (the changed-cell highlight).
    func changedColumns(_ a: Int32, _ b: Int32) -> Set<Int> {
        let ca = cells(a), cb = cells(b), ra = cellRoles(a), rb = cellRoles(b)
        return Set((0..<columnCount).filter { ca[$0] != cb[$0] || ra[$0] != rb[$0] })
    }

    /// The newest slot whose id is `id`, if any.
    func slot(forID id: String) -> Int32? {
        var id = id
        return id.withUTF8 { index.find(UnsafeRawBufferPointer($0), in: self) }
    }

    /// The newest slot with the same id as `slot` (itself unless the row was stored again).
    func newestSlot(sameIDAs slot: Int32) -> Int32 {
        index.find(idBytes(slot), in: self) ?? slot
    }
}

/// id → newest slot, an open-addressing hash table over the ids' bytes in the store (4 bytes
/// per entry instead of a `Set<String>` of heap strings).
private struct IDIndex {
    private var table: [Int32] = []
    private var count = 0

    var byteCount: Int { table.count * 4 }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func find(_ id: UnsafeRawBufferPointer, in store: RowStore) -> Int32? {
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var i = Self.hash(id) & mask
        while true {
            let slot = table[i]
            if slot < 0 { return nil }
            if Self.equal(store.idBytes(slot), id) { return slot }
            i = (i + 1) & mask
        }
    }

    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Points the slot's id at `slot` (replacing an older slot with the same id).
    mutating func insert(_ slot: Int32, in store: RowStore) {
        if (count + 1) * 2 > table.count { grow(store) }
        place(slot, in: store)
    }

    private mutating func place(_ slot: Int32, in store: RowStore) {
        let id = store.idBytes(slot)
        let mask = table.count - 1
        var i = Self.hash(id) & mask
        while true {
            let existing = table[i]
            if existing < 0 {
                table[i] = slot
                count += 1
                return
            }
            if Self.equal(store.idBytes(existing), id) {
                table[i] = slot
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow(_ store: RowStore) {
        let old = table
        table = [Int32](repeating: -1, count: max(16, old.count * 2))
        count = 0
        for slot in old where slot >= 0 { place(slot, in: store) }
    }
}

extension StatusRole {
    private static let byCode: [StatusRole] = [.normal, .success, .warning, .danger, .muted, .info, .accent]

    /// A byte for the row store.
    var code: UInt8 { UInt8(Self.byCode.firstIndex(of: self) ?? 0) }

    init(code: UInt8) {
        self = Int(code) < Self.byCode.count ? Self.byCode[Int(code)] : .normal
    }
}

/// Makes a list's rows from records. The descriptor's closures are pure functions of the
/// record's JSON that capture only immutable values (column paths, role tables, the day an
/// overdue view was opened), which is why a maker may run off the main actor.
struct RowMaker: @unchecked Sendable {
    let descriptor: ResourceDescriptor
    let resource: ResourceKind

    /// The row of one record.
    func row(_ json: JSONValue) -> CompactRow {
        CompactRow(id: descriptor.id(of: json), lookupKey: resource.lookupKey(of: json),
                   cells: descriptor.cells(of: json), role: descriptor.rowRole(json))
    }

    /// The rows of a page's items, one parsed record at a time (items that are not JSON are
    /// skipped), each with its stored bytes and the item's JSON for the resident window.
    func rows(_ items: [Data], page: Int) -> [BuiltRow] {
        items.compactMap { data in
            guard let json = try? JSONValue.parse(data) else { return nil }
            let row = row(json)
            return BuiltRow(row: row, record: RowStore.encode(row, page: page, columnCount: descriptor.columns.count), json: data,
                            facts: resource == .invoices ? InvoiceFacts(json) : nil)
        }
    }
}

/// A row ready for the store: its fields, its encoded bytes and the record's JSON text.
struct BuiltRow: Sendable {
    var row: CompactRow
    var record: [UInt8]
    var json: Data
    /// What marks and bulk plans need of an invoice (nil for other resources).
    var facts: InvoiceFacts?
}
