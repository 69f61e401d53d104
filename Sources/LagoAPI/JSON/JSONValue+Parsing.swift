import Foundation

/// Why a document could not be read as JSON: the byte offset and what was expected there.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONValue {
    /// Deepest nesting accepted (Foundation's decoders stop at the same depth); deeper
    /// documents are refused rather than risking the stack.
    public static let maximumDepth = 512

    /// Parses one JSON document (RFC 8259), keeping key order and number text.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        do {
            return try data.withUnsafeBytes { raw in
                var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
                scanner.skipWhitespace()
                let value = try scanner.parseValue()
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.fail("unexpected data after the document") }
                return value
            }
        } catch let error as JSONParseError {
            throw error
        } catch {
            preconditionFailure("the JSON scanner throws only JSONParseError")
        }
    }

    /// Parses a JSON document held in a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Data(text.utf8))
    }
}

extension JSONScanner {
    /// Parses the value at the cursor into a tree (recursive descent, ``JSONValue/maximumDepth`` deep at most).
    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw fail("unexpected end of data") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect(Self.trueWord); return .bool(true)
        case UInt8(ascii: "f"): try expect(Self.falseWord); return .bool(false)
        case UInt8(ascii: "n"): try expect(Self.nullWord); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            guard skipNumber() else { throw fail("invalid number") }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        default: throw fail("unexpected character")
        }
    }

    private mutating func expect(_ word: [UInt8]) throws(JSONParseError) {
        guard matches(word) else { throw fail("invalid literal") }
        index += word.count
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONValue.maximumDepth { throw fail("nesting deeper than \(JSONValue.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try parseString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw fail("expected ':'") }
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard !isAtEnd else { throw fail("unexpected end of data") }
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return .object(members) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard !isAtEnd else { throw fail("unexpected end of data") }
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            throw fail("expected ',' or ']'")
        }
    }
}
