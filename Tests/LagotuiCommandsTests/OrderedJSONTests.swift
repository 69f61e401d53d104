import Foundation
import Testing
@testable import LagotuiCommands

@Suite struct OrderedJSONTests {
    @Test func keepsKeyOrderAndNumberText() throws {
        let value = try OrderedJSON.parse(#"{"z":1,"a":{"y":12.50,"b":-0.5e3},"m":[true,null,"x"]}"#)
        guard case let .object(members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(value["a"]?["y"] == .number("12.50"))
        #expect(value.compactText == #"{"z":1,"a":{"y":12.50,"b":-0.5e3},"m":[true,null,"x"]}"#)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try OrderedJSON.parse(#""a\"b\\c\n\u00e9\ud83d\ude00\u001b""#)
        #expect(value == .string("a\"b\\c\né😀\u{1B}"))
        #expect(value.compactText == #""a\"b\\c\né😀\u001b""#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"abc", "{\"a\":1}x", "\"\u{01}\""])
    func rejectsInvalidDocuments(_ text: String) {
        #expect(throws: JSONParseError.self) { try OrderedJSON.parse(text) }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try OrderedJSON.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? OrderedJSON.parse(fine)) != nil)
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
            if let value = try? OrderedJSON.parse(Data(bytes)) {
                // Whatever parses must serialise to JSON that parses to the same value.
                #expect((try? OrderedJSON.parse(value.compactData)) == value)
            }
        }
    }
}
