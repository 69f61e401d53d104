/// A JSON document that keeps what exports need and `JSONSerialization` loses: object key order
/// (so CSV columns follow the API's own order) and the exact text of numbers (so `amount_cents`
/// and decimal strings are written back byte for byte, never through a Double).
public indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as it appeared in the source text.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    /// Members in source order; a duplicated key keeps every occurrence, as the text had it.
    case object([(key: String, value: OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The first member named `key` when this is an object.
    public subscript(key: String) -> OrderedJSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string payload, when this is a string.
    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The integer payload, when this is a number without fraction or exponent.
    public var intValue: Int? {
        if case let .number(n) = self { return Int(n) }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [OrderedJSON]? {
        if case let .array(a) = self { return a }
        return nil
    }
}
