import Foundation

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
func singleLine(_ record: Data) -> Data {
    guard record.contains(0x0A) || record.contains(0x0D) else { return record }
    return Data(record.lazy.filter { $0 != 0x0A && $0 != 0x0D })
}

/// NDJSON: the raw records, one per line.
public final class NDJSONRecordWriter: RecordWriter {
    private let sink: ByteSink
    public init(sink: ByteSink) { self.sink = sink }

    public func write(record: Data) throws {
        var line = singleLine(record)
        line.append(0x0A)
        try sink.write(line)
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
/// The header must come first but columns are only known once every record is seen, so records
/// are spooled to an already-unlinked temporary file (nothing is left behind, even on a crash)
/// while the ordered column set is collected; rows are written from the spool at the end.
/// Memory holds only the column names. Columns are in order of first appearance, which follows
/// the API's own field order.
public final class CSVRecordWriter: RecordWriter {
    private let sink: ByteSink
    private let spool: Int32
    private var spoolBuffer = Data()
    private var columns: [String] = []
    private var columnIndex: [String: Int] = [:]

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
        let value = try OrderedJSON.parse(record)
        for (column, _) in CSVFormatting.flatten(value) where columnIndex[column] == nil {
            columnIndex[column] = columns.count
            columns.append(column)
        }
        spoolBuffer.append(value.compactData)
        spoolBuffer.append(0x0A)
        if spoolBuffer.count >= 1 << 16 { try flushSpool() }
    }

    private func flushSpool() throws {
        try writeAll(fd: spool, spoolBuffer)
        spoolBuffer.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        try flushSpool()
        try sink.write(CSVFormatting.row(columns))
        guard lseek(spool, 0, SEEK_SET) == 0 else { throw OutputError("cannot read the CSV spool back") }
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(spool, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw OutputError("cannot read the CSV spool back") }
            if n == 0 { break }
            pending.append(contentsOf: chunk[0..<n])
            while let newline = pending.firstIndex(of: 0x0A) {
                try writeRow(pending[pending.startIndex..<newline])
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { try writeRow(pending) }
        try sink.commit()
    }

    private func writeRow(_ line: Data) throws {
        var cells = [String](repeating: "", count: columns.count)
        for (column, cell) in CSVFormatting.flatten(try OrderedJSON.parse(Data(line))) {
            if let i = columnIndex[column] { cells[i] = cell }
        }
        try sink.write(CSVFormatting.row(cells))
    }
}
