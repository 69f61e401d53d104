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
/// record is read once (see ``CSVSpool``) and its cells are spooled to an already-unlinked
/// temporary file (nothing is left behind, even on a crash) while the ordered column set is
/// collected; rows are written from the spool at the end, never parsed again. Memory holds only
/// the column names. Columns are in order of first appearance, which follows the API's own
/// field order.
public final class CSVRecordWriter: RecordWriter {
    private let sink: ByteSink
    private let spool: Int32
    private var cells = CSVSpool()

    public init(sink: ByteSink) throws {
        self.sink = sink
        var template = Array((NSTemporaryDirectory() + "/lagotui-csv-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError("cannot create a temporary file for CSV: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        spool = fd
    }

    deinit { close(spool) }

    public func write(record: Data) throws {
        // The spool is worked on as a local value: no exclusivity check or retain per cell.
        var cells = CSVSpool.empty
        swap(&cells, &self.cells)
        defer { swap(&cells, &self.cells) }
        try cells.add(record)
        if cells.bytes.count >= 1 << 16 { try flushSpool(&cells) }
    }

    private func flushSpool(_ cells: inout CSVSpool) throws {
        try writeAll(fd: spool, Data(cells.bytes))
        cells.bytes.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        try flushSpool(&cells)
        let columns = cells.columns
        try sink.write(CSVFormatting.row(columns))
        guard lseek(spool, 0, SEEK_SET) == 0 else { throw OutputError("cannot read the CSV spool back") }
        var reader = SpoolReader(fd: spool)
        // Each spooled row goes out as it is, padded with the cells of columns that appeared
        // after it was written (empty, at the end): no cell is read again.
        let total = columns.count
        var out: [UInt8] = []
        out.reserveCapacity(WriteBuffer.limit + (1 << 16))
        while let known = try reader.uint32() {
            guard let length = try reader.uint32(), Int(known) <= total, try reader.copy(Int(length), into: &out) else {
                throw OutputError("the CSV spool is damaged")
            }
            let missing = known == 0 ? max(0, total - 1) : total - Int(known)
            if missing > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: ","), count: missing)) }
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
        let start = offset
        buffer.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<start + count])) }
        offset += count
        return true
    }
}
