import Foundation
import LagoAPI

/// The export formats.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// One raw record per line, exactly as the API sent it (line breaks between tokens removed).
    case ndjson
    /// Flattened records with a header row; see `CSVFormatting`.
    case csv
    /// One JSON array holding every record.
    case json
}

/// Turns a stream of raw JSON records into one output format, without holding them in memory.
public protocol RecordWriter: AnyObject {
    /// Writes one record (the bytes of one JSON object).
    func write(record: Data) throws
    /// Ends the document (closing bracket, CSV rows) and commits the sink.
    func finish() throws
}

/// Builds the writer for a format.
public func makeRecordWriter(_ format: ExportFormat, sink: ByteSink) throws -> RecordWriter {
    switch format {
    case .ndjson: return NDJSONRecordWriter(sink: sink)
    case .json: return JSONArrayRecordWriter(sink: sink)
    case .csv: return try CSVRecordWriter(sink: sink)
    }
}

/// Removes the CR and LF bytes of a JSON document. Inside JSON strings these must be escaped,
/// so any raw CR/LF byte is insignificant whitespace and the record stays byte-identical otherwise.
/// A record without them (nearly every one) is returned as it is, not copied.
func singleLine(_ record: Data) -> Data {
    let hasLineBreak = record.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return false }
        return memchr(base, 0x0A, raw.count) != nil || memchr(base, 0x0D, raw.count) != nil
    }
    guard hasLineBreak else { return record }
    return Data(record.filter { $0 != 0x0A && $0 != 0x0D })
}

/// NDJSON: the raw records, one per line.
public final class NDJSONRecordWriter: RecordWriter {
    private let sink: ByteSink
    private static let newline = Data([0x0A])
    public init(sink: ByteSink) { self.sink = sink }

    public func write(record: Data) throws {
        try sink.write(singleLine(record))
        try sink.write(Self.newline)
    }

    public func finish() throws { try sink.commit() }
}

/// A JSON array of the raw records, one per line inside the brackets.
public final class JSONArrayRecordWriter: RecordWriter {
    private let sink: ByteSink
    private var count = 0
    public init(sink: ByteSink) { self.sink = sink }

    public func write(record: Data) throws {
        try sink.write(count == 0 ? "[\n" : ",\n")
        try sink.write(singleLine(record))
        count += 1
    }

    public func finish() throws {
        try sink.write(count == 0 ? "[]\n" : "\n]\n")
        try sink.commit()
    }
}

/// CSV with a header that covers every column of every record.
///
/// The header must come first but columns are only known once every record is seen, so each
/// record is read once (one ``JSONValue`` parse and flatten) and its cells are spooled to an
/// already-unlinked temporary file (nothing is left behind, even on a crash) while the ordered
/// column set is collected; rows are written from the spool at the end, never parsed again.
/// Memory holds only the column names. Columns are in order of first appearance, which follows
/// the API's own field order.
///
/// Spool layout, per record: a little-endian `UInt32` cell count, then per cell its `UInt32`
/// column index, its `UInt32` byte length and its UTF-8 text (unquoted, formulas neutralised).
public final class CSVRecordWriter: RecordWriter {
    private let sink: ByteSink
    private let spool: Int32
    private var spoolBuffer: [UInt8] = []
    private var columns: [String] = []
    private var columnIndex: [String: Int] = [:]

    public init(sink: ByteSink) throws {
        self.sink = sink
        var template = Array((NSTemporaryDirectory() + "/lagotui-csv-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError("cannot create a temporary file for CSV: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        spool = fd
        spoolBuffer.reserveCapacity(1 << 17)
    }

    deinit { close(spool) }

    public func write(record: Data) throws {
        let start = spoolBuffer.count
        if !spoolLeaves(of: record) {
            // Outside the walker's shape (escapes, non-ASCII, loose whitespace in an array…):
            // the tree parser reads it, with the same leaves or the parse error.
            spoolBuffer.removeSubrange(start...)
            try spoolParsed(record)
        }
        if spoolBuffer.count >= 1 << 16 { try flushSpool() }
    }

    /// The previous record's column indices in order: the next record nearly always has the
    /// same columns in the same order, so its paths are compared with these before any lookup.
    private var lastColumns: [Int] = []
    private var rowColumns: [Int] = []
    /// Each column's name as UTF-8, for the comparison.
    private var columnBytes: [[UInt8]] = []

    /// Spools a record's cells straight from its bytes (``JSONLeafWalker``); false when the
    /// record is outside the walker's shape, with the spool left for the caller to roll back.
    private func spoolLeaves(of record: Data) -> Bool {
        let countOffset = spoolBuffer.count
        append(UInt32(0))
        rowColumns.removeAll(keepingCapacity: true)
        let walked = JSONLeafWalker.walk(record) { path, leaf in
            let index = column(path, position: rowColumns.count)
            rowColumns.append(index)
            append(UInt32(index))
            let lengthOffset = spoolBuffer.count
            append(UInt32(0))
            switch leaf {
            case .null: break
            case let .bool(value): spoolBuffer.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
            case let .number(text), let .compactArray(text): spoolBuffer.append(contentsOf: text)
            case .emptyObject: spoolBuffer.append(contentsOf: Self.emptyObjectBytes)
            case let .text(text):
                if CSVFormatting.needsFormulaQuote(text) { spoolBuffer.append(UInt8(ascii: "'")) }
                spoolBuffer.append(contentsOf: text)
            }
            patch(UInt32(spoolBuffer.count - lengthOffset - 4), at: lengthOffset)
        }
        guard walked else { return false }
        patch(UInt32(rowColumns.count), at: countOffset)
        swap(&lastColumns, &rowColumns)
        return true
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), emptyObjectBytes = Array("{}".utf8)

    /// The index of the column named `path`, added when new.
    private func column(_ path: UnsafeBufferPointer<UInt8>, position: Int) -> Int {
        if position < lastColumns.count {
            let expected = lastColumns[position]
            let name = columnBytes[expected]
            if name.count == path.count, name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, path.baseAddress!, path.count) == 0 }) {
                return expected
            }
        }
        return column(named: String(decoding: path, as: UTF8.self))
    }

    private func column(named name: String) -> Int {
        if let known = columnIndex[name] { return known }
        let index = columns.count
        columnIndex[name] = index
        columns.append(name)
        columnBytes.append(Array(name.utf8))
        return index
    }

    /// Spools a record read through the tree parser (the slow path, for records the walker leaves).
    private func spoolParsed(_ record: Data) throws {
        let cells = CSVFormatting.flatten(try JSONValue.parse(record))
        append(UInt32(cells.count))
        lastColumns.removeAll(keepingCapacity: true)
        for (name, cell) in cells {
            let index = column(named: name)
            lastColumns.append(index)
            append(UInt32(index))
            append(UInt32(cell.utf8.count))
            spoolBuffer.append(contentsOf: cell.utf8)
        }
    }

    private func patch(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes in
            for i in 0..<4 { spoolBuffer[offset + i] = bytes[i] }
        }
    }

    private func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { spoolBuffer.append(contentsOf: $0) }
    }

    private func flushSpool() throws {
        try writeAll(fd: spool, Data(spoolBuffer))
        spoolBuffer.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        try flushSpool()
        try sink.write(CSVFormatting.row(columns))
        guard lseek(spool, 0, SEEK_SET) == 0 else { throw OutputError("cannot read the CSV spool back") }
        var reader = SpoolReader(fd: spool)
        // One row's cells as byte ranges of `cellBytes`, quoted straight into `out`: the rows
        // of a large export never become Swift strings.
        var cellBytes: [UInt8] = []
        var cells = [Range<Int>?](repeating: nil, count: columns.count)
        var out: [UInt8] = []
        out.reserveCapacity(WriteBuffer.limit + (1 << 16))
        while let count = try reader.uint32() {
            cellBytes.removeAll(keepingCapacity: true)
            for i in cells.indices { cells[i] = nil }
            for _ in 0..<count {
                guard let index = try reader.uint32(), let length = try reader.uint32(), Int(index) < cells.count,
                      try reader.copy(Int(length), into: &cellBytes) else { throw OutputError("the CSV spool is damaged") }
                cells[Int(index)] = cellBytes.count - Int(length)..<cellBytes.count
            }
            for (i, range) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if let range { CSVFormatting.appendQuoted(cellBytes[range], to: &out) }
            }
            out.append(contentsOf: [0x0D, 0x0A])
            if out.count >= WriteBuffer.limit {
                try sink.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(Data(out))
        try sink.commit()
    }
}

/// Reads the CSV spool back in large chunks.
private struct SpoolReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var offset = 0
    private var atEnd = false

    init(fd: Int32) { self.fd = fd }

    /// Makes `count` bytes available from `offset`; false at the end of the file.
    private mutating func fill(_ count: Int) throws -> Bool {
        while buffer.count - offset < count {
            guard !atEnd else { return false }
            if offset > 0 {
                buffer.removeFirst(offset)
                offset = 0
            }
            var chunk = [UInt8](repeating: 0, count: max(1 << 16, count))
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw OutputError("cannot read the CSV spool back") }
            if n == 0 { atEnd = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
        return true
    }

    mutating func uint32() throws -> UInt32? {
        guard try fill(4) else { return nil }
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(buffer[offset + i]) << (8 * i) }
        offset += 4
        return value
    }

    /// Appends the next `count` bytes to `bytes`; false at the end of the file.
    mutating func copy(_ count: Int, into bytes: inout [UInt8]) throws -> Bool {
        guard try fill(count) else { return false }
        bytes.append(contentsOf: buffer[offset..<offset + count])
        offset += count
        return true
    }
}
