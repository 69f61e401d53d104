import Foundation
import LagoAPI

/// The CSV writer's spool in memory: each record already as its CSV row, and the columns seen
/// so far. A value type, so the writer works on it as a local (no exclusivity check or
/// reference count per cell).
///
/// Columns only ever grow, at the end, so a row written when there were `k` columns is the
/// final row but for its missing trailing cells: the writer pads it with commas when it copies
/// the spool out, and never reads a cell again.
///
/// Layout, per record: a little-endian `UInt32` count of the columns its row covers, a `UInt32`
/// byte length, then the row's bytes (quoted, formulas neutralised, no line end).
struct CSVSpool {
    /// Spooled bytes not yet written to the spool file.
    var bytes: [UInt8] = []
    /// Column names in order of first appearance.
    private(set) var columns: [String] = []
    private var columnIndex: [String: Int] = [:]
    /// Every column name's UTF-8, one after the other, and where each lies: compared with a
    /// record's paths without touching a `String`.
    private var nameBytes: [UInt8] = []
    private var nameRanges: [Range<Int>] = []
    /// The previous record's column indices in order: the next record nearly always has the
    /// same columns in the same order, so its paths are compared with these before any lookup.
    private var lastColumns: [Int] = []
    private var rowColumns: [Int] = []
    /// The record being spooled: its cells' text, and where each column's cell lies in it.
    private var cellText: [UInt8] = []
    private var cellRanges: [Range<Int>?] = []

    /// A spool with nothing reserved, to swap in while the real one is worked on.
    static let empty = CSVSpool(reserving: 0)

    init() { self.init(reserving: 1 << 17) }

    private init(reserving capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Spools one record's row: its cells straight from its bytes (``JSONLeafWalker``) when it has the common
    /// shape, else through the tree parser, which gives the same cells or the parse error.
    mutating func add(_ record: Data) throws {
        let start = bytes.count
        if addLeaves(of: record) { return }
        bytes.removeSubrange(start...)
        try addParsed(record)
    }

    private mutating func addLeaves(of record: Data) -> Bool {
        cellText.removeAll(keepingCapacity: true)
        rowColumns.removeAll(keepingCapacity: true)
        let walked = JSONLeafWalker.walk(record) { path, leaf in
            let index = column(path, position: rowColumns.count)
            rowColumns.append(index)
            let start = cellText.count
            switch leaf {
            case .null: break
            case let .bool(value): cellText.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
            case let .number(text), let .compactArray(text): cellText.append(contentsOf: text)
            case .emptyObject: cellText.append(contentsOf: Self.emptyObjectBytes)
            case let .text(text):
                if CSVFormatting.needsFormulaQuote(text) { cellText.append(UInt8(ascii: "'")) }
                cellText.append(contentsOf: text)
            }
            cellRanges[index] = start..<cellText.count
        }
        guard walked else {
            for index in rowColumns { cellRanges[index] = nil }
            return false
        }
        swap(&lastColumns, &rowColumns)
        appendRow()
        return true
    }

    private mutating func addParsed(_ record: Data) throws {
        let cells = CSVFormatting.flatten(try JSONValue.parse(record))
        cellText.removeAll(keepingCapacity: true)
        lastColumns.removeAll(keepingCapacity: true)
        for (name, cell) in cells {
            let index = column(named: name)
            lastColumns.append(index)
            let start = cellText.count
            cellText.append(contentsOf: cell.utf8)
            cellRanges[index] = start..<cellText.count
        }
        appendRow()
    }

    /// Spools the row of the cells in `cellText`/`cellRanges`, in column order, and clears them.
    private mutating func appendRow() {
        append(UInt32(columns.count))
        let lengthOffset = bytes.count
        append(UInt32(0))
        cellText.withUnsafeBufferPointer { text in
            for index in cellRanges.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                if let range = cellRanges[index] {
                    CSVFormatting.appendQuoted(UnsafeBufferPointer(rebasing: text[range]), to: &bytes)
                    cellRanges[index] = nil
                }
            }
        }
        patch(UInt32(bytes.count - lengthOffset - 4), at: lengthOffset)
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), emptyObjectBytes = Array("{}".utf8)

    /// The index of the column named `path` (UTF-8), added when new.
    private mutating func column(_ path: UnsafeBufferPointer<UInt8>, position: Int) -> Int {
        if position < lastColumns.count {
            let expected = lastColumns[position]
            let range = nameRanges[expected]
            if range.count == path.count,
               path.count == 0 || nameBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + range.lowerBound, path.baseAddress!, path.count) == 0 }) {
                return expected
            }
        }
        return column(named: String(decoding: path, as: UTF8.self))
    }

    private mutating func column(named name: String) -> Int {
        if let known = columnIndex[name] { return known }
        let index = columns.count
        columnIndex[name] = index
        columns.append(name)
        let start = nameBytes.count
        nameBytes.append(contentsOf: name.utf8)
        nameRanges.append(start..<nameBytes.count)
        cellRanges.append(nil)
        return index
    }

    private mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func patch(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for i in 0..<4 { bytes[offset + i] = raw[i] }
        }
    }
}
