import Foundation
import Testing
@testable import LagoAPI

/// The one JSON value: key order and number text kept, strict RFC 8259 reading, one depth
/// limit, one escape table (the browser's and the export's former trees' tests, together).
@Suite struct JSONValueTests {
    @Test func parsesKeepingOrderAndExactNumbers() throws {
        let v = try JSONValue.parse(#"{"b":1,"a":"x\u00e9\n","n":12345678901234567890.50,"arr":[true,null,{"k":[]}]}"#)
        guard case let .object(members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["b", "a", "n", "arr"])
        #expect(v.string("a") == "xé\n")
        #expect(v.string("n") == "12345678901234567890.50")
        #expect(v.value(at: "arr.2.k") == .array([]))
        #expect(v.int64("b") == 1)
        #expect(v.bool("arr.0") == true)
        #expect(try JSONValue.parse(v.prettyPrinted()) == v)
    }

    @Test func rejectsBadJSON() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\":}") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[1,2") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{} x") }
    }

    @Test func surrogatePairsAndControlEscaping() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(JSONValue.quote("a\u{1b}b") == #""a\u001bb""#)
    }

    @Test func keepsKeyOrderAndNumberText() throws {
        let value = try JSONValue.parse(#"{"z":1,"a":{"y":12.50,"b":-0.5e3},"m":[true,null,"x"]}"#)
        guard case let .object(members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(value["a"]?["y"] == .number("12.50"))
        #expect(value.compactText == #"{"z":1,"a":{"y":12.50,"b":-0.5e3},"m":[true,null,"x"]}"#)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(#""a\"b\\c\n\u00e9\ud83d\ude00\u001b""#)
        #expect(value == .string("a\"b\\c\né😀\u{1B}"))
        #expect(value.compactText == #""a\"b\\c\né😀\u001b""#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"abc", "{\"a\":1}x", "\"\u{01}\""])
    func rejectsInvalidDocuments(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONValue.parse(fine)) != nil)
    }

    @Test func survivesRandomMutationsOfARecord() {
        let valid = Array(#"{"lago_id":"1","name":"Ana","amount_cents":1250,"meta":{"a":[1,2,{"b":null}]},"ok":true}"#.utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bytes = valid
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0..<bytes.count, using: &generator))
            }
            if let value = try? JSONValue.parse(Data(bytes)) {
                // Whatever parses must serialise to JSON that parses to the same value.
                #expect((try? JSONValue.parse(value.compactData)) == value)
            }
        }
    }

    @Test func escapesLineAndParagraphSeparatorsLikeControls() {
        #expect(JSONValue.quote("a\u{2028}b\u{2029}c\u{85}") == #""a\u2028b\u2029c\u0085""#)
        #expect(JSONValue.string("x\u{2028}").prettyPrinted() == JSONValue.string("x\u{2028}").compactText)
    }

    @Test func prettyAndCompactTextReadBackTheSameValue() throws {
        let value = try JSONValue.parse(#"{"a":[],"b":{},"c":[1,{"d":"e"}]}"#)
        #expect(value.prettyPrinted() == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"e\"\n    }\n  ]\n}")
        #expect(try JSONValue.parse(value.prettyPrinted()) == value)
        #expect(try JSONValue.parse(value.compactText) == value)
    }

    @Test func slicerReadsTopLevelStringsWithoutATree() {
        let record = Data(#"{"lago_id":"l\u0031","nested":{"lago_id":"inner"},"name":"Ana","n":3}"#.utf8)
        #expect(JSONSlicer.strings(named: ["lago_id", "name", "n", "absent"], in: record) == ["lago_id": "l1", "name": "Ana"])
        #expect(JSONSlicer.strings(named: ["lago_id"], in: Data("[1]".utf8)).isEmpty)
    }

    @Test func aPageIsCheckedAndSlicedInOnePass() throws {
        let page = Data(#"{"invoices":[{"a":1}, {"b":[2,{"c":"\u00e9"}]}],"meta":{"current_page":1}}"#.utf8)
        let read = try #require(JSONSlicer.checkedPage(page, collectionKey: "invoices"))
        #expect(read.items.map { String(decoding: $0, as: UTF8.self) } == [#"{"a":1}"#, #"{"b":[2,{"c":"\u00e9"}]}"#])
        #expect(read.meta.map { String(decoding: $0, as: UTF8.self) } == #"{"current_page":1}"#)
        #expect(JSONSlicer.checkedPage(Data(#"{"invoices":[]}"#.utf8), collectionKey: "invoices")?.items.isEmpty == true)
        for bad in [#"{"invoices":[{"a":tru}]}"#, #"{"invoices":[{"a":1}]"#, #"{"invoices":[{"a":"\#u{7}"}]}"#,
                    #"{"customers":[]}"#, #"{"invoices":[]} x"#, #"[{"invoices":[]}]"#] {
            #expect(JSONSlicer.checkedPage(Data(bad.utf8), collectionKey: "invoices") == nil, "\(bad)")
        }
    }
}
