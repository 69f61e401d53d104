import Foundation
import Testing
@testable import LagotuiCommands
@testable import LagoAPI

/// The CSV writer reads most records straight from their bytes (``JSONLeafWalker``) and the
/// rest through the tree parser: these tests hold the two paths to the same output, cell for
/// cell, and check that Lago's real records take the fast one.
@Suite struct CSVLeafPathTests {
    /// CSV computed only through the tree parser, as the writer did before the walker.
    static func referenceCSV(_ records: [String]) throws -> String {
        var columns: [String] = []
        var rows: [[String: String]] = []
        for record in records {
            var row: [String: String] = [:]
            for (column, cell) in CSVFormatting.flatten(try JSONValue.parse(Data(record.utf8))) {
                if !columns.contains(column) { columns.append(column) }
                row[column] = cell
            }
            rows.append(row)
        }
        var out = CSVFormatting.row(columns)
        for row in rows { out += CSVFormatting.row(columns.map { row[$0] ?? "" }) }
        return out
    }

    static func writerCSV(_ records: [String]) throws -> String {
        let sink = MemorySink()
        let writer = try makeRecordWriter(.csv, sink: sink)
        for record in records { try writer.write(record: Data(record.utf8)) }
        try writer.finish()
        return sink.text
    }

    static func walks(_ record: String) -> Bool {
        JSONLeafWalker.walk(Data(record.utf8)) { _, _ in }
    }

    static let mixed = [
        #"{"lago_id":"a","n":-1.5e3,"ok":true,"no":false,"none":null,"customer":{"id":"c1","address":{"city":"Paris"}},"taxes":[{"code":"vat","rate":20}],"metadata":[],"empty":{}}"#,
        #"{"lago_id":"b","formula":"=1+1","minus":"-12.50","plus":"+3","at":"@SUM(A1)","dash":"-","dot":"-1.","comma":"a,b"}"#,
        "{\"lago_id\":\"c\",\"name\":\"Caf\u{e9}\",\"escaped\":\"\\u00e9\\n\",\"tab\":\"\\tx\",\"sep\":\"\u{2028}\"}",
        #"{ "lago_id" : "d" , "loose" : [ 1 , 2 ], "blank": { }, "nested": {"deep": [ {"a" : 1} ]} }"#,
        #"{"lago_id":"e","arr":[1,"two",{"three":[3,{}]},[],[[]],null,true],"n":0}"#,
        #"{"k\u00e9y":"escaped key","lago_id":"f"}"#,
        #"{"lago_id":"g","del":"a\u007fb","c1":"\u0085","sep":"x\u2029y"}"#,
        #"{"lago_id":"h","customer":{"id":"c2","address":{"city":"Lyon","zip":"69001"}},"taxes":[],"extra":"late column"}"#,
        #"{"lago_id":"i","dup":1,"dup":2}"#,
        #"{"lago_id":"j","quote":"say \"hi\""}"#,
        "{\"lago_id\":\"k\",\"name\":\"Brasserie Lumi\u{e8}re \u{2014} \u{634}\u{631}\u{643}\u{629} \u{1F600}\",\"sep\":\"a\u{2028}b\u{85}c\",\"tags\":[\"Caf\u{e9}\"]}",
        "{\"lago_id\":\"l\",\"tags\":[\"a\u{2028}b\"]}",
        "{\"lago_id\":\"m\",\"tags\":[\"\u{85}\"]}",
        "{\"lago_id\":\"n\",\"tags\":[\"\u{7F}\"],\"del\":\"\u{7F}\"}",
        #"{}"#,
    ]

    @Test func bothPathsWriteTheSameCSV() throws {
        #expect(try Self.writerCSV(Self.mixed) == Self.referenceCSV(Self.mixed))
    }

    @Test func eachRecordAloneMatchesTheTreeParser() throws {
        for record in Self.mixed {
            #expect(try Self.writerCSV([record]) == Self.referenceCSV([record]), "\(record)")
        }
    }

    @Test func rowsWrittenBeforeLaterColumnsArePadded() throws {
        let records = [#"{}"#, #"{"a":1}"#, #"{"b":"x,y","a":2}"#, #"{}"#, #"{"c":{"d":null},"a":3}"#, "{\"e\":\"\u{e9}\\n\"}"]
        let csv = try Self.writerCSV(records)
        #expect(csv == (try Self.referenceCSV(records)))
        #expect(csv == "a,b,c.d,e\r\n,,,\r\n1,,,\r\n2,\"x,y\",,\r\n,,,\r\n3,,,\r\n,,,\"\u{e9}\n\"\r\n")
        #expect(try Self.writerCSV([#"{}"#, #"{}"#]) == "\r\n\r\n\r\n")
    }

    @Test func deepNestingIsLeftToTheTreeParser() throws {
        let depth = JSONLeafWalker.maximumDepth + 3
        let deep = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        let deepArray = #"{"x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(!Self.walks(deep))
        #expect(!Self.walks(deepArray))
        #expect(try Self.writerCSV([deep, deepArray]) == Self.referenceCSV([deep, deepArray]))
    }

    @Test func whatTheWalkerLeavesIsWhatItCannotWriteAsIs() {
        #expect(Self.walks(Self.mixed[0]))
        #expect(Self.walks(Self.mixed[1]))
        #expect(!Self.walks(Self.mixed[2]))  // non-ASCII and escapes
        #expect(!Self.walks(Self.mixed[3]))  // whitespace inside an array
        #expect(Self.walks(Self.mixed[4]))
        #expect(!Self.walks(Self.mixed[5]))  // escaped key
        #expect(!Self.walks(Self.mixed[9]))  // an escaped quote
        #expect(Self.walks(Self.mixed[10]))  // UTF-8 text, U+2028 and C1 as cells
        #expect(!Self.walks(Self.mixed[11]))  // U+2028 inside an array is escaped by compact JSON
        #expect(!Self.walks(Self.mixed[12]))  // so is a C1 control
        #expect(!Self.walks(Self.mixed[13]))  // and DEL
        #expect(!JSONLeafWalker.walk(Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])) { _, _ in })  // ill-formed UTF-8
        #expect(!Self.walks(#"{"a":[1,]}"#))  // trailing comma in an array
        #expect(!Self.walks(#"{"a":1,}"#))
        #expect(!Self.walks(#"{"a":01}"#))
        #expect(!Self.walks(#"{"a":[1}"#))
        #expect(!Self.walks(#"["not an object"]"#))
        #expect(!Self.walks(#"{"a":1} trailing"#))
    }

    @Test func invalidRecordsFailAsTheTreeParserDoes() throws {
        for bad in [#"{"a":[1,]}"#, #"{"a":1,}"#, #"{"a":tru}"#, #"{"a":"unterminated}"#] {
            #expect(throws: JSONParseError.self) { try Self.writerCSV([bad]) }
        }
    }

    @Test func sandboxRecordsTakeTheFastPathAndMatch() async throws {
        let sandbox = try await SandboxFixture.start(customers: 12)
        let client = try sandbox.client()
        var records: [String] = []
        for stream in ["/invoices", "/customers", "/subscriptions", "/fees", "/credit_notes", "/wallets"] {
            let key = String(stream.dropFirst())
            let page = try await client.rawPage(stream, collectionKey: key, page: 1, perPage: 100)
            records += page.items.map { String(decoding: $0, as: UTF8.self) }
            // Lago's records come compact and unescaped: all are walked, none parsed, except
            // those holding an escape (the sandbox seeds hostile names with control characters).
            let slow = page.items.filter { !JSONLeafWalker.walk($0) { _, _ in } }
            let unexplained = slow.filter { !$0.contains(UInt8(ascii: "\\")) }
            #expect(unexplained.isEmpty, "\(stream): \(unexplained.count) records outside the walker's shape, first: \(unexplained.first.map { String(decoding: $0.prefix(300), as: UTF8.self) } ?? "")")
            #expect(slow.count * 10 < page.items.count, "\(stream): \(slow.count) of \(page.items.count) records parsed")
        }
        await sandbox.stop()
        #expect(records.count > 50)
        #expect(try Self.writerCSV(records) == Self.referenceCSV(records))
    }
}
