/// A closed set of string values sent by Lago that must still decode when Lago adds a new value.
///
/// Conforming enums list their known cases in `knownValues` and add `case unknown(String)`;
/// decoding, encoding and `rawValue` come from this protocol, so there is one mechanism for every
/// enum instead of a hand-written decoder per type. An unrecognised string becomes `.unknown(raw)`
/// and is re-encoded unchanged.
///
/// The protocol deliberately does not refine `RawRepresentable`: the standard library's
/// rawValue-based `==` would then replace the enum's synthesized case equality, and `rawValue`
/// here is defined through that equality. Build values with `parse(_:)` or `init(rawValue:)`
/// rather than writing `.unknown("draft")` for a known spelling.
public protocol LagoEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Every known case paired with its exact wire spelling.
    static var knownValues: [(value: Self, raw: String)] { get }
    /// The catch-all for values this client does not know yet.
    static func unknown(_ raw: String) -> Self
}

extension LagoEnum {
    /// Never fails: an unrecognised spelling becomes `.unknown(rawValue)`.
    public init(rawValue: String) {
        self = Self.parse(rawValue)
    }

    /// The case for a wire spelling; unrecognised spellings become `.unknown(raw)`.
    public static func parse(_ raw: String) -> Self {
        knownValues.first { $0.raw == raw }?.value ?? unknown(raw)
    }

    /// The wire spelling (the original string for `.unknown`).
    public var rawValue: String {
        if let known = Self.knownValues.first(where: { $0.value == self }) {
            return known.raw
        }
        // Only `.unknown(String)` is missing from the table; its single payload is the raw string.
        return Mirror(reflecting: self).children.first?.value as? String ?? ""
    }

    /// True when the value is one of the cases this client knows.
    public var isKnown: Bool { Self.knownValues.contains { $0.value == self } }

    /// The known cases in declaration order, for menus, filters and validation.
    public static var allKnown: [Self] { knownValues.map(\.value) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = Self.parse(try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
