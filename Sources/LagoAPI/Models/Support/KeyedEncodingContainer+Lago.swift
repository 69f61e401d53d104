import Foundation

// Encoding mirrors Lago's wire format so an encoded model decodes again unchanged, whatever
// encoder strategy is configured: timestamps as ISO 8601 strings and decimals as decimal
// strings (as Rails sends BigDecimal). Synthesized `Encodable` conformances pick these overloads.
extension KeyedEncodingContainer {
    mutating func encode(_ value: Date, forKey key: Key) throws {
        try encode(LagoTimestamp.format(value, fractionalSeconds: true), forKey: key)
    }

    mutating func encodeIfPresent(_ value: Date?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Decimal, forKey key: Key) throws {
        try encode(value.description, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Decimal?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }
}
