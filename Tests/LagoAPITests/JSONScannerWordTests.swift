import Foundation
import Testing
@testable import LagoAPI

/// The scanner reads string contents eight bytes at a time; these tests put each byte that must
/// stop it (quote, backslash, control, non-ASCII for the leaf walker) at every offset of a word
/// and across word boundaries, and check every reader still sees exactly what is there.
@Suite struct JSONScannerWordTests {
    static let lengths = 0...19

    @Test func stringsOfEveryLengthParseExactly() throws {
        for length in Self.lengths {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
            let json = #"{"k":"\#(text)","n":1}"#
            #expect(try JSONValue.parse(json)["k"]?.stringValue == text)
            #expect(JSONSlicer.isWellFormed(Data(json.utf8)))
        }
    }

    @Test func aControlByteAnywhereIsRefused() {
        for length in Self.lengths {
            for offset in 0..<max(1, length) {
                var bytes = Array(#"{"k":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: max(1, length)) + Array(#""}"#.utf8)
                bytes[5 + offset] = 0x01
                let data = Data(bytes)
                #expect(!JSONSlicer.isWellFormed(data), "control byte at \(offset) of \(length)")
                #expect(throws: JSONParseError.self) { try JSONValue.parse(data) }
                #expect(!JSONLeafWalker.walk(data) { _, _ in })
            }
        }
    }

    @Test func anEscapeAnywhereIsDecoded() throws {
        for length in Self.lengths {
            for offset in 0...length {
                let prefix = String(repeating: "p", count: offset), suffix = String(repeating: "s", count: length - offset)
                let json = #"{"k":"\#(prefix)\n\"\#(suffix)"}"#
                #expect(try JSONValue.parse(json)["k"]?.stringValue == prefix + "\n\"" + suffix)
                #expect(JSONSlicer.isWellFormed(Data(json.utf8)))
                #expect(!JSONLeafWalker.walk(Data(json.utf8)) { _, _ in })
            }
        }
    }

    @Test func theClosingQuoteIsFoundAtEveryOffset() throws {
        for length in Self.lengths {
            let text = String(repeating: "q", count: length)
            // The string ends early; what follows must be read as JSON again, not skipped.
            let json = #"{"a":"\#(text)","b":[1,"\#(text)x"],"c":"é\#(text)"}"#
            let value = try JSONValue.parse(json)
            #expect(value["a"]?.stringValue == text)
            #expect(value["c"]?.stringValue == "é" + text)
            #expect(JSONSlicer.elements(ofArrayAt: "b", in: Data(json.utf8))?.count == 2)
            var leaves: [String] = []
            #expect(JSONLeafWalker.walk(Data(json.utf8)) { path, leaf in
                if case let .text(bytes) = leaf { leaves.append(String(decoding: path, as: UTF8.self) + "=" + String(decoding: bytes, as: UTF8.self)) }
                if case let .compactArray(bytes) = leaf { leaves.append(String(decoding: path, as: UTF8.self) + "=" + String(decoding: bytes, as: UTF8.self)) }
            })
            #expect(leaves == ["a=\(text)", "b=[1,\"\(text)x\"]", "c=é\(text)"])
        }
    }

    @Test func unterminatedStringsAreRefusedAtEveryLength() {
        for length in Self.lengths {
            let data = Data((#"{"k":""# + String(repeating: "u", count: length)).utf8)
            #expect(!JSONSlicer.isWellFormed(data))
            #expect(throws: JSONParseError.self) { try JSONValue.parse(data) }
            #expect(!JSONLeafWalker.walk(data) { _, _ in })
        }
    }
}
