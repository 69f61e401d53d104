import Foundation

/// A JSON document as the API sent it: object keys keep their order and numbers keep their
/// exact text, so the detail view can show a record faithfully and money never goes through
/// a floating-point value.
public enum BrowserJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written in the JSON text ("12", "-3.50", "1e3").
    case number(String)
    case string(String)
    case array([BrowserJSON])
    /// Keys in document order.
    case object([(String, BrowserJSON)])

    public static func == (lhs: BrowserJSON, rhs: BrowserJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Parses UTF-8 JSON text; throws `BrowserJSON.ParseError` with the byte offset on bad input.
    public static func parse(_ data: Data) throws -> BrowserJSON {
        var parser = Parser(bytes: [UInt8](data))
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw ParseError(offset: parser.index, reason: "trailing characters") }
        return value
    }

    /// Parses a JSON string literal given as Swift text (used by tests and fixtures).
    public static func parse(_ text: String) throws -> BrowserJSON { try parse(Data(text.utf8)) }

    /// Why a document could not be parsed.
    public struct ParseError: Error, Sendable, Equatable {
        public var offset: Int
        public var reason: String
    }

    // MARK: access

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> BrowserJSON? {
        guard case let .object(members) = self else { return nil }
        return members.first(where: { $0.0 == key })?.1
    }

    /// Follows a dotted path such as `customer.name`; array elements are addressed by index.
    public func value(at path: String) -> BrowserJSON? {
        var current: BrowserJSON? = self
        for part in path.split(separator: ".") {
            guard let node = current else { return nil }
            if case let .array(items) = node, let index = Int(part) {
                current = items.indices.contains(index) ? items[index] : nil
            } else {
                current = node[String(part)]
            }
        }
        return current
    }

    /// Text of a string, number or bool; nil for null, objects and arrays.
    public var text: String? {
        switch self {
        case let .string(s): return s
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The string at `path`, or nil when absent, null or not scalar.
    public func string(_ path: String) -> String? { value(at: path)?.text }

    /// An integer at `path` (integer JSON numbers or integer strings such as "1250").
    public func int64(_ path: String) -> Int64? {
        guard let raw = value(at: path)?.text else { return nil }
        if let v = Int64(raw) { return v }
        if let d = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) {
            return NSDecimalNumber(decimal: d).int64Value
        }
        return nil
    }

    /// A decimal at `path` (numbers or decimal strings such as "12.5").
    public func decimal(_ path: String) -> Decimal? {
        guard let raw = value(at: path)?.text else { return nil }
        return Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A boolean at `path`.
    public func bool(_ path: String) -> Bool? {
        if case let .bool(b)? = value(at: path) { return b }
        return nil
    }

    /// Elements of the array at `path` (empty when absent).
    public func array(_ path: String) -> [BrowserJSON] {
        if case let .array(items)? = value(at: path) { return items }
        return []
    }

    /// True for `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    // MARK: printing

    /// Pretty JSON text with two-space indentation, keys in their original order.
    public func prettyPrinted() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): out += BrowserJSON.quote(s)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += pad + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += inner + BrowserJSON.quote(key) + ": "
                value.write(into: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += pad + "}"
        }
    }

    /// JSON string literal for `s`, escaping quotes, backslashes and every control character.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // MARK: parser

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        func fail(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        mutating func parseValue(depth: Int) throws -> BrowserJSON {
            guard depth < 256 else { throw fail("nesting too deep") }
            guard index < bytes.count else { throw fail("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try parseNumber())
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { throw fail("expected \(word)") }
            index += w.count
        }

        mutating func parseNumber() throws -> String {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while index < bytes.count, let b = Optional(bytes[index]),
                  (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                if b >= 0x30 && b <= 0x39 { digits += 1 }
                index += 1
            }
            guard digits > 0 else { index = start; throw fail("unexpected character") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func parseString() throws -> String {
            index += 1  // opening quote
            var scalars = String.UnicodeScalarView()
            var chunkStart = index
            var escaped = false
            func flush(_ p: inout Parser, _ scalars: inout String.UnicodeScalarView, upTo end: Int) {
                if end > chunkStart {
                    scalars.append(contentsOf: String(decoding: p.bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
                }
            }
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    // Most strings have no escapes: decode the bytes in one go (building them
                    // scalar by scalar made parsing a page of invoices ~3x slower).
                    if !escaped {
                        let text = String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                        index += 1
                        return text
                    }
                    flush(&self, &scalars, upTo: index)
                    index += 1
                    return String(scalars)
                }
                if b == UInt8(ascii: "\\") {
                    escaped = true
                    flush(&self, &scalars, upTo: index)
                    index += 1
                    guard index < bytes.count else { throw fail("unterminated escape") }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
                           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: throw fail("bad escape")
                    }
                    chunkStart = index
                    continue
                }
                index += 1
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw fail("bad unicode escape")
            }
            index += 4
            return v
        }

        mutating func parseArray(depth: Int) throws -> BrowserJSON {
            index += 1
            var items: [BrowserJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw fail("expected , or ]")
            }
        }

        mutating func parseObject(depth: Int) throws -> BrowserJSON {
            index += 1
            var members: [(String, BrowserJSON)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected key") }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected :") }
                index += 1
                skipWhitespace()
                members.append((key, try parseValue(depth: depth + 1)))
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw fail("expected , or }")
            }
        }
    }
}
