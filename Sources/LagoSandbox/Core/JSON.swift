/// An ordered JSON value, the sandbox's own representation of Lago's payloads.
///
/// Objects keep their key order so responses read like the real server's and stay
/// byte-for-byte deterministic for a given seed.
indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A number written verbatim (for example a tax rate `20.0`).
    case number(String)
    case string(String)
    case array([JSON])
    case object([Field])
    /// Already-serialised JSON, spliced in verbatim (cached fragments).
    case raw([UInt8])

    /// One key/value pair of an object.
    struct Field: Sendable, Equatable {
        var key: String
        var value: JSON
    }

    static func int(_ value: Int) -> JSON { .int(Int64(value)) }

    /// A string, or `null` when absent.
    static func str(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }

    /// An integer, or `null` when absent.
    static func intOrNull(_ value: Int64?) -> JSON { value.map { .int($0) } ?? .null }

    /// Builds an object from key/value pairs in order.
    static func obj(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
        .object(pairs.map { Field(key: $0.key, value: $0.value) })
    }

    /// Returns a copy of an object with extra fields appended (no-op for other values).
    func appending(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
        guard case .object(var fields) = self else { return self }
        fields.append(contentsOf: pairs.map { Field(key: $0.key, value: $0.value) })
        return .object(fields)
    }

    /// Returns a copy of an object with one field replaced or added.
    func setting(_ key: String, _ value: JSON) -> JSON {
        guard case .object(var fields) = self else { return self }
        if let index = fields.firstIndex(where: { $0.key == key }) {
            fields[index].value = value
        } else {
            fields.append(Field(key: key, value: value))
        }
        return .object(fields)
    }

    /// The value under `key` when this is an object.
    subscript(key: String) -> JSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first(where: { $0.key == key })?.value
    }

    /// Serialises to compact UTF-8 JSON.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: Self.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .raw(let bytes): out.append(contentsOf: bytes)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(field.key, into: &out)
                out.append(UInt8(ascii: ":"))
                field.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// Writes a JSON string; every control character is escaped so ESC and BEL never travel raw.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
