import Foundation
import Testing
@testable import LagotuiCommands
import LagoAPI

/// A sink that keeps bytes in memory.
final class MemorySink: ByteSink {
    var data = Data()
    var committed = false
    var abandoned = false
    func write(_ data: Data) throws { self.data.append(data) }
    func commit() throws { committed = true }
    func abandon() { abandoned = true }
    var text: String { String(decoding: data, as: UTF8.self) }
}

@Suite struct RecordWriterTests {
    let records = [
        #"{"lago_id":"a","n":1,"customer":{"id":"c1"}}"#,
        "{\"lago_id\":\"b\",\n \"n\":2,\"extra\":\"=HYPERLINK()\"}",
    ]

    @Test func ndjsonIsTheRawRecordsOnePerLine() throws {
        let sink = MemorySink()
        let writer = try makeRecordWriter(.ndjson, sink: sink)
        for r in records { try writer.write(record: Data(r.utf8)) }
        try writer.finish()
        #expect(sink.text == records[0] + "\n" + "{\"lago_id\":\"b\", \"n\":2,\"extra\":\"=HYPERLINK()\"}" + "\n")
        #expect(sink.committed)
    }

    @Test func jsonIsOneArray() throws {
        let sink = MemorySink()
        let writer = try makeRecordWriter(.json, sink: sink)
        for r in records { try writer.write(record: Data(r.utf8)) }
        try writer.finish()
        let parsed = try JSONValue.parse(sink.data)
        #expect(parsed.arrayValue?.count == 2)
        let empty = MemorySink()
        try makeRecordWriter(.json, sink: empty).finish()
        #expect(empty.text == "[]\n")
    }

    @Test func csvHeaderCoversColumnsOfLaterRecords() throws {
        let sink = MemorySink()
        let writer = try makeRecordWriter(.csv, sink: sink)
        for r in records { try writer.write(record: Data(r.utf8)) }
        try writer.finish()
        #expect(sink.text == "lago_id,n,customer.id,extra\r\na,1,c1,\r\nb,2,,'=HYPERLINK()\r\n")
    }

    @Test func csvHandlesManyRecords() throws {
        let sink = MemorySink()
        let writer = try makeRecordWriter(.csv, sink: sink)
        for i in 0..<5000 { try writer.write(record: Data(#"{"i":\#(i),"s":"line\nbreak, \"q\""}"#.utf8)) }
        try writer.finish()
        let rows = sink.text.components(separatedBy: "\r\n")
        #expect(rows.count == 5002)  // header + 5000 + trailing empty
        #expect(rows[1] == "0,\"line\nbreak, \"\"q\"\"\"")
    }

    @Test func atomicFileAppearsOnlyOnCommit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let destination = dir.url.appendingPathComponent("out.ndjson")
        let sink = try AtomicFileSink(destination: destination)
        try sink.write("hello\n")
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        #expect(FileManager.default.fileExists(atPath: sink.temporaryPath))
        try sink.commit()
        #expect(try String(contentsOf: destination, encoding: .utf8) == "hello\n")
        #expect(dir.allFiles() == [destination.path])
        let attributes = try FileManager.default.attributesOfItem(atPath: destination.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func abandonedFileLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sink = try AtomicFileSink(destination: dir.url.appendingPathComponent("out.csv"))
        try sink.write(Data(count: 200_000))
        sink.abandon()
        #expect(dir.allFiles().isEmpty)
    }

    @Test func missingDirectoryIsAClearError() {
        #expect(throws: OutputError.self) { try AtomicFileSink(destination: URL(fileURLWithPath: "/nonexistent/dir/out.csv")) }
    }

    @Test func progressLineShowsRecordsPagesRateAndETA() {
        let line = ProgressReporter.render(label: "invoices", records: 500, pages: 5, totalRecords: 1000, totalPages: 10, elapsed: .seconds(1))
        #expect(line == "invoices [##########----------]  500/1000 records  5/10 pages  500/s  ETA 1s")
        let open = ProgressReporter.render(label: "events", records: 10, pages: 1, totalRecords: nil, totalPages: nil, elapsed: .seconds(2))
        #expect(open == "events 10 records  1 pages  5/s")
    }
}
