import Foundation

/// Coding through `JSONDecoder`/`JSONEncoder`, for the typed models' free-form members and
/// typed client calls. A decoder hands object keys over in no particular order, so they are
/// sorted to keep output deterministic; read raw bytes with ``JSONValue/parse(_:)-(Data)``
/// when the server's order matters.
extension JSONValue: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [(key: String, value: JSONValue)] = []
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append((key.stringValue, try container.decode(JSONValue.self, forKey: key)))
            }
            self = .object(members)
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
            self = .array(elements)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let b = try? container.decode(Bool.self) {
                self = .bool(b)
            } else if let i = try? container.decode(Int64.self) {
                self = .number(String(i))
            } else if let d = try? container.decode(Decimal.self) {
                // Decimal keeps every digit the decoder read (a Double would round 0.1).
                self = .number(d.description)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case let .bool(b):
            var container = encoder.singleValueContainer()
            try container.encode(b)
        case let .number(n):
            var container = encoder.singleValueContainer()
            if let i = Int64(n) {
                try container.encode(i)
            } else if let d = Decimal(string: n, locale: Locale(identifier: "en_US_POSIX")) {
                try container.encode(d)
            } else {
                try container.encode(n)
            }
        case let .string(s):
            var container = encoder.singleValueContainer()
            try container.encode(s)
        case let .array(items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case let .object(members):
            var container = encoder.container(keyedBy: AnyKey.self)
            for member in members { try container.encode(member.value, forKey: AnyKey(stringValue: member.key)) }
        }
    }
}
