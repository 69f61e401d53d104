import Foundation

// Tolerant decoding for every model in this module. Synthesized `Decodable` conformances call
// `decode(_:forKey:)` / `decodeIfPresent(_:forKey:)`; these more specific overloads are picked for
// `Decimal`, `Int64` and `Date` properties, so each model keeps plain property types and Lago's
// wire quirks are handled in one place:
// - Decimal: Lago encodes BigDecimal as a string ("12.5"); numbers are accepted too.
// - Int64 (cents): an integer, or an integral decimal string/number ("1000.0", analytics SUMs).
// - Date: ISO 8601 with or without fractional seconds, parsed here, whatever the decoder's strategy.
// A null value decodes as nil for optionals, like the standard library does.
extension KeyedDecodingContainer {
    func decode(_ type: Decimal.Type, forKey key: Key) throws -> Decimal {
        if let exact = try? decode(DecimalBox.self, forKey: key) {
            return exact.value
        }
        let text: String
        do {
            text = try decode(String.self, forKey: key)
        } catch DecodingError.typeMismatch {
            throw DecodingError.typeMismatch(Decimal.self, .init(
                codingPath: codingPath + [key], debugDescription: "expected a decimal number or decimal string"))
        }
        guard let value = LagoNumber.decimal(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a decimal number: \(text.prefix(40))")
        }
        return value
    }

    func decodeIfPresent(_ type: Decimal.Type, forKey key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(Decimal.self, forKey: key)
    }

    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        if let value = try? decode(Int.self, forKey: key) { return Int64(value) }
        let amount: Decimal
        do {
            amount = try decode(Decimal.self, forKey: key)
        } catch {
            throw DecodingError.typeMismatch(Int64.self, .init(
                codingPath: codingPath + [key], debugDescription: "expected an integer amount"))
        }
        guard let whole = LagoNumber.integer(amount) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected a whole number, got \(amount)")
        }
        return whole
    }

    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(Int64.self, forKey: key)
    }

    func decode(_ type: Date.Type, forKey key: Key) throws -> Date {
        let text: String
        do {
            text = try decode(String.self, forKey: key)
        } catch DecodingError.typeMismatch {
            throw DecodingError.typeMismatch(Date.self, .init(
                codingPath: codingPath + [key], debugDescription: "expected an ISO 8601 timestamp string"))
        }
        guard let date = LagoTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an ISO 8601 timestamp: \(text.prefix(40))")
        }
        return date
    }

    func decodeIfPresent(_ type: Date.Type, forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(Date.self, forKey: key)
    }
}

/// Wraps `Decimal`'s own `Decodable` (a JSON number, digits kept exact) so the overload above can
/// reach it without calling itself.
private struct DecimalBox: Decodable {
    let value: Decimal
    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Decimal.self)
    }
}
