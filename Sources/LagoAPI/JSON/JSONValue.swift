import Foundation

/// A JSON document as Lago sent it: object keys keep their order (so CSV columns and the detail
/// view follow the API's own field order) and numbers keep their exact text (so `amount_cents`
/// and decimal strings are written back byte for byte and money never goes through a Double).
///
/// The one JSON tree of lagotui: the browser reads records through its path accessors, export
/// and `get` write it back out, and the typed models use it for their free-form parts (charge
/// properties, event properties, provider details). It is read by ``JSONScanner``.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written in the JSON text ("12", "-3.50", "1e3").
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a duplicated key keeps every occurrence, as the text had it.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
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

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(b): hasher.combine(1); hasher.combine(b)
        case let .number(n): hasher.combine(2); hasher.combine(n)
        case let .string(s): hasher.combine(3); hasher.combine(s)
        case let .array(items): hasher.combine(4); hasher.combine(items)
        case let .object(members):
            hasher.combine(5)
            hasher.combine(members.count)
            for member in members { hasher.combine(member.key); hasher.combine(member.value) }
        }
    }
}

// MARK: access

extension JSONValue {
    /// The first member named `key` when this is an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Follows a dotted path such as `customer.name`; array elements are addressed by index.
    public func value(at path: String) -> JSONValue? {
        var current: JSONValue? = self
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
    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The text at `path` (strings, numbers and bools), or nil when absent, null or a container.
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
    public func array(_ path: String) -> [JSONValue] {
        if case let .array(items)? = value(at: path) { return items }
        return []
    }

    /// A short single-line rendering for tables and detail views: strings as-is, numbers as
    /// written, `null` as an empty string, containers as compact JSON-like text.
    public var displayString: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return s
        case let .array(items): return "[" + items.map(\.displayString).joined(separator: ", ") + "]"
        case let .object(members): return "{" + members.map { "\($0.key): \($0.value.displayString)" }.joined(separator: ", ") + "}"
        }
    }
}
